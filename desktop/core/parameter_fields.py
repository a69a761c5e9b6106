"""The parameters as the panel's text fields: text to value and back, and the range hints.

Qt-free so the rules are tested with plain pytest. A field's text is turned into a value the
way the CLI's `-o` value would be (a number, a list, a JSON object) and then checked by the
schema (`desktop.core.parameters`), so the panel and the CLI refuse a value with one message.
An empty text means "unset".
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

from desktop.core import parameters as schema
from desktop.core.parameters import (
    PARAMETERS_BY_NAME,
    Kind,
    Parameter,
    RequestValidationError,
    check_json_schema,
    number_text,
)

MULTI_LINE = (Kind.STOP, Kind.LOGIT_BIAS)


def panel_parameters() -> tuple[Parameter, ...]:
    """The parameters with a text field in the panel, in order (response_format has its own)."""
    shown = (p for p in schema.PARAMETERS if p.in_panel and p.kind is not Kind.RESPONSE_FORMAT)
    return tuple(shown)


def parse_text(parameter: Parameter, text: str) -> Any:
    """The value to send for a field's `text`, None when unset; RequestValidationError when not."""
    stripped = text.strip()
    if not stripped:
        return None
    if parameter.kind in (Kind.FLOAT, Kind.INT):
        return parameter.check(_number(stripped))
    if parameter.kind is Kind.STOP:
        lines = [line for line in text.splitlines() if line.strip()]
        escaped = [
            line.encode("latin-1", "backslashreplace").decode("unicode_escape") for line in lines
        ]
        return parameter.check(escaped)
    if parameter.kind in (Kind.LOGIT_BIAS, Kind.RESPONSE_FORMAT):
        return parameter.check(_json(stripped, parameter.label))
    return parameter.check(stripped)


def _number(text: str) -> Any:
    """An int or float when the text is one ("0,5" too), else the text (refused as a number)."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


def _json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RequestValidationError(
            f"{label} is not valid JSON: {exc.msg} (line {exc.lineno})."
        ) from None


def format_value(parameter: Parameter, value: Any) -> str:
    """The field text that shows `value` (the inverse of `parse_text`)."""
    if value is None:
        return ""
    if parameter.kind is Kind.STOP:
        return "\n".join([value] if isinstance(value, str) else [str(v) for v in value])
    if isinstance(value, dict | list):
        return json.dumps(value, indent=2, ensure_ascii=False)
    if isinstance(value, float):
        return number_text(value)
    return str(value)


def range_hint(parameter: Parameter) -> str:
    """"0-2", "-2 to 2", "≥ 1", or the declared hint: what the field accepts, in short."""
    low, high = parameter.minimum, parameter.maximum
    if low is not None and high is not None:
        separator = " to " if low < 0 else "-"
        return f"{number_text(low)}{separator}{number_text(high)}"
    if low is not None:
        return f"≥ {number_text(low)}"
    if high is not None:
        return f"≤ {number_text(high)}"
    return parameter.hint


class ResponseFormat(StrEnum):
    DEFAULT = ""
    TEXT = "text"
    JSON_OBJECT = "json_object"
    JSON_SCHEMA = "json_schema"


def response_format_value(kind: ResponseFormat, schema_text: str) -> dict[str, Any] | None:
    """The response_format to send (None: unset); RequestValidationError for a bad schema."""
    if kind is ResponseFormat.DEFAULT:
        return None
    if kind is ResponseFormat.JSON_SCHEMA:
        if not schema_text.strip():
            raise RequestValidationError("Enter the JSON schema the reply must follow.")
        schema = check_json_schema(_json(schema_text, "The JSON schema"))
        value = {"type": "json_schema", "json_schema": schema}
    else:
        value = {"type": str(kind)}
    checked: dict[str, Any] = PARAMETERS_BY_NAME["response_format"].check(value)
    return checked


def split_response_format(value: Any) -> tuple[ResponseFormat, str]:
    """(kind, schema text) for a stored response_format ("json_object" or {"type": ...})."""
    if value is None:
        return ResponseFormat.DEFAULT, ""
    kind = (
        value if isinstance(value, str) else value.get("type") if isinstance(value, dict) else None
    )
    try:
        parsed = ResponseFormat(kind or "")
    except ValueError:
        return ResponseFormat.DEFAULT, ""
    schema = value.get("json_schema") if isinstance(value, dict) else None
    text = json.dumps(schema, indent=2, ensure_ascii=False) if isinstance(schema, dict) else ""
    return parsed, text
