"""A model's tool-call arguments, parsed with caps: they are untrusted text from the network."""

from __future__ import annotations

import json
from typing import Any

MAX_ARGUMENT_CHARS = 256 * 1024
MAX_ARGUMENT_DEPTH = 32


class ArgumentsError(ValueError):
    """The arguments cannot be used; the message is sent back to the model as the result."""


def _reject_constant(name: str) -> Any:
    raise ArgumentsError(f"The arguments contain {name}, which is not valid JSON.")


def _depth(value: Any) -> int:
    """Nesting depth without recursion (a hostile document may be deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if deepest > MAX_ARGUMENT_DEPTH:
            break
        if isinstance(item, dict):
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, level + 1) for child in item)
    return deepest


def parse_arguments(text: str) -> dict[str, Any]:
    """The arguments as a JSON object (empty text: no arguments), or ArgumentsError."""
    if len(text) > MAX_ARGUMENT_CHARS:
        raise ArgumentsError(
            f"The arguments are too long ({len(text):,} characters; the limit is "
            f"{MAX_ARGUMENT_CHARS:,}).")
    if not text.strip():
        return {}
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise ArgumentsError("The arguments are nested too deeply.") from None
    except json.JSONDecodeError as exc:
        raise ArgumentsError(
            f"The arguments are not valid JSON ({exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}). Call the tool again with a JSON object.") from None
    if not isinstance(value, dict):
        raise ArgumentsError(
            f"The arguments must be a JSON object, not {type(value).__name__}.")
    if _depth(value) > MAX_ARGUMENT_DEPTH:
        raise ArgumentsError(
            f"The arguments are nested too deeply (more than {MAX_ARGUMENT_DEPTH} levels).")
    return value


def pretty_arguments(text: str) -> str:
    """The arguments indented for a person to read (the raw text when they do not parse)."""
    try:
        return json.dumps(parse_arguments(text), indent=2, ensure_ascii=False)
    except ArgumentsError:
        return text
