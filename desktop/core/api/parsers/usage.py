"""Token usage from provider JSON, every count checked to fit SQLite's 64-bit INTEGER."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from desktop.core.api.parsers.relay_values import MAX_COUNT, RejectedValueError, as_count
from desktop.core.reply_parts import Usage

__all__ = ["MAX_RAW_USAGE_CHARS", "raw_usage", "safe_usage", "usage_from", "usage_from_anthropic"]

MAX_RAW_USAGE_CHARS = 4000


def raw_usage(usage: Mapping[str, Any]) -> str | None:
    """The provider's usage object as compact JSON text, or None when it is too large."""
    try:
        text = json.dumps(usage, ensure_ascii=False, separators=(",", ":"), default=str)
    except (TypeError, ValueError, RecursionError):
        return None
    return text if len(text) <= MAX_RAW_USAGE_CHARS else None


def _detail(usage: Mapping[str, Any], section: str, key: str) -> int | None:
    details = usage.get(section)
    return as_count(details.get(key)) if isinstance(details, Mapping) else None


def safe_usage(parse: Callable[[Any], Usage | None], usage: Any) -> Usage | None:
    """Usage of a whole (non-streamed) reply; an out-of-range count drops the usage only."""
    try:
        return parse(usage)
    except RejectedValueError:
        return None


def usage_from(usage: Any) -> Usage | None:
    """Usage from the OpenAI chat or Responses shapes (and the common relay variants).

    Raises RejectedValueError for a count outside 0..2^63-1 (the stream parsers drop that chunk).
    """
    if not isinstance(usage, Mapping):
        return None
    prompt = as_count(usage.get("prompt_tokens"))
    if prompt is None:
        prompt = as_count(usage.get("input_tokens"))
    completion = as_count(usage.get("completion_tokens"))
    if completion is None:
        completion = as_count(usage.get("output_tokens"))
    total = as_count(usage.get("total_tokens"))
    if total is None and prompt is not None and completion is not None:
        total = prompt + completion
        if total > MAX_COUNT:
            raise RejectedValueError("token count out of range")
    reasoning = _detail(usage, "completion_tokens_details", "reasoning_tokens")
    if reasoning is None:
        reasoning = _detail(usage, "output_tokens_details", "reasoning_tokens")
    if reasoning is None:
        reasoning = as_count(usage.get("reasoning_tokens"))
    cached = _detail(usage, "prompt_tokens_details", "cached_tokens")
    if cached is None:
        cached = _detail(usage, "input_tokens_details", "cached_tokens")
    if cached is None:  # DeepSeek
        cached = as_count(usage.get("prompt_cache_hit_tokens"))
    if cached is None:
        cached = as_count(usage.get("cache_read_input_tokens"))
    if prompt is None and completion is None and total is None:
        return None
    return Usage(prompt, completion, total, reasoning, cached, raw_usage(usage))


def usage_from_anthropic(usage: Any) -> Usage | None:
    """Anthropic usage; its `input_tokens` leaves out cached tokens, our prompt count does not.

    Raises RejectedValueError for a count outside 0..2^63-1, or a sum that leaves that range.
    """
    if not isinstance(usage, Mapping):
        return None
    uncached = as_count(usage.get("input_tokens"))
    read = as_count(usage.get("cache_read_input_tokens"))
    written = as_count(usage.get("cache_creation_input_tokens"))
    output = as_count(usage.get("output_tokens"))
    prompt = None
    if uncached is not None or read is not None or written is not None:
        prompt = (uncached or 0) + (read or 0) + (written or 0)
    total = prompt + output if prompt is not None and output is not None else None
    if (prompt or 0) > MAX_COUNT or (total or 0) > MAX_COUNT:
        raise RejectedValueError("token count out of range")
    if prompt is None and output is None:
        return None
    return Usage(prompt, output, total, None, read, raw_usage(usage))
