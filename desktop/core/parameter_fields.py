"""The request parameters the parameter panel edits: their ranges, parsing and messages.

Qt-free so the rules are tested with plain pytest and shared by the GUI and the CLI. An empty
text means "unset": the parameter is not sent and the provider's default applies.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

MAX_STOP_SEQUENCES = 4


class FieldKind(StrEnum):
    FLOAT = "float"
    INT = "int"
    TEXT = "text"
    STOP = "stop"  # one sequence per line
    LOGIT_BIAS = "logit_bias"  # JSON object: token id -> -100..100
    JSON_SCHEMA = "json_schema"


class FieldError(ValueError):
    """The text of a field cannot be sent; the message says why, in the user's terms."""


@dataclass(frozen=True)
class ParameterField:
    name: str  # the wire name
    label: str
    kind: FieldKind
    minimum: float | None = None
    maximum: float | None = None
    hint: str = ""

    def parse(self, text: str) -> Any:
        """The value to send for `text`, None when unset; FieldError when it is invalid."""
        stripped = text.strip()
        if not stripped:
            return None
        if self.kind is FieldKind.FLOAT:
            return self._check_range(_number(stripped, self.label, whole=False))
        if self.kind is FieldKind.INT:
            return self._check_range(_number(stripped, self.label, whole=True))
        if self.kind is FieldKind.STOP:
            return parse_stop(text)
        if self.kind is FieldKind.LOGIT_BIAS:
            return parse_logit_bias(stripped)
        if self.kind is FieldKind.JSON_SCHEMA:
            return parse_json_schema(stripped)
        return stripped

    def _check_range(self, value: float) -> Any:
        low, high = self.minimum, self.maximum
        if low is not None and high is not None and not low <= value <= high:
            raise FieldError(f"{self.label} must be between {_num(low)} and {_num(high)}.")
        if low is not None and value < low:
            raise FieldError(f"{self.label} must be at least {_num(low)}.")
        return value

    def format(self, value: Any) -> str:
        """The field text that shows `value` (the inverse of `parse`)."""
        if value is None:
            return ""
        if self.kind is FieldKind.STOP:
            return "\n".join([value] if isinstance(value, str) else [str(v) for v in value])
        if self.kind in (FieldKind.LOGIT_BIAS, FieldKind.JSON_SCHEMA):
            return json.dumps(value, indent=2, ensure_ascii=False)
        if isinstance(value, float):
            return _num(value)
        return str(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _number(text: str, label: str, *, whole: bool) -> Any:
    try:
        value = float(text.replace(",", ".")) if not whole else int(text)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise FieldError(f"{label} must be {kind} (got {text!r}).") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise FieldError(f"{label} must be a finite number.")
    return value


def parse_stop(text: str) -> list[str] | None:
    """Stop sequences, one per line (escapes like \\n allowed); at most four."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if len(lines) > MAX_STOP_SEQUENCES:
        raise FieldError(
            f"At most {MAX_STOP_SEQUENCES} stop sequences (one per line); {len(lines)} given."
        )
    return [line.encode("latin-1", "backslashreplace").decode("unicode_escape") for line in lines]


def parse_logit_bias(text: str) -> dict[str, int]:
    """`{"50256": -100}`: token ids (as text) mapped to whole numbers from -100 to 100."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FieldError(f"Logit bias is not valid JSON: {exc.msg} (line {exc.lineno}).") from None
    if not isinstance(data, dict):
        raise FieldError('Logit bias must be a JSON object like {"50256": -100}.')
    bias: dict[str, int] = {}
    for token, value in data.items():
        if not str(token).isdigit():
            raise FieldError(f"Logit bias keys are token ids (numbers); {token!r} is not.")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldError(f"The bias of token {token} must be a number from -100 to 100.")
        if not -100 <= value <= 100:
            raise FieldError(f"The bias of token {token} must be between -100 and 100.")
        bias[str(token)] = int(value)
    return bias


def parse_json_schema(text: str) -> dict[str, Any]:
    """The `json_schema` object of a response_format: `{"name", "schema", "strict"?}`.

    A bare JSON Schema (with "type" or "properties") is wrapped under the name "response".
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FieldError(
            f"The JSON schema is not valid JSON: {exc.msg} (line {exc.lineno})."
        ) from None
    if not isinstance(data, dict):
        raise FieldError("The JSON schema must be a JSON object.")
    if "schema" not in data:
        if "type" not in data and "properties" not in data:
            raise FieldError('The JSON schema needs a "type" or "properties" (or a "schema").')
        data = {"name": "response", "schema": data}
    if not isinstance(data["schema"], dict):
        raise FieldError('"schema" must be a JSON object.')
    name = data.get("name")
    if not isinstance(name, str) or not name or len(name) > 64:
        raise FieldError('The schema needs a "name" of 1-64 characters.')
    if not all(c.isalnum() or c in "_-" for c in name):
        raise FieldError('The schema "name" may hold only letters, digits, "_" and "-".')
    return data


# The fields in the order the panel shows them (response_format has its own control).
FIELDS: tuple[ParameterField, ...] = (
    ParameterField("temperature", "Temperature", FieldKind.FLOAT, 0.0, 2.0, "0-2"),
    ParameterField("top_p", "Top P", FieldKind.FLOAT, 0.0, 1.0, "0-1"),
    ParameterField("max_tokens", "Max tokens", FieldKind.INT, 1, None, "≥ 1"),
    ParameterField("presence_penalty", "Presence penalty", FieldKind.FLOAT, -2.0, 2.0, "-2 to 2"),
    ParameterField("frequency_penalty", "Frequency penalty", FieldKind.FLOAT, -2.0, 2.0, "-2 to 2"),
    ParameterField("seed", "Seed", FieldKind.INT, None, None, "whole number"),
    ParameterField("n", "Choices (n)", FieldKind.INT, 1, 10, "1-10"),
    ParameterField("stop", "Stop sequences", FieldKind.STOP, hint="one per line, up to 4"),
    ParameterField("logit_bias", "Logit bias", FieldKind.LOGIT_BIAS, hint='{"50256": -100}'),
    ParameterField("user", "User", FieldKind.TEXT, hint="end-user id for abuse monitoring"),
)
FIELDS_BY_NAME = {f.name: f for f in FIELDS}
SCHEMA_FIELD = ParameterField("json_schema", "JSON schema", FieldKind.JSON_SCHEMA)


class ResponseFormat(StrEnum):
    DEFAULT = ""
    TEXT = "text"
    JSON_OBJECT = "json_object"
    JSON_SCHEMA = "json_schema"


def response_format_value(kind: ResponseFormat, schema_text: str) -> dict[str, Any] | None:
    """The response_format to send (None: unset); FieldError for a bad schema."""
    if kind is ResponseFormat.DEFAULT:
        return None
    if kind is ResponseFormat.JSON_SCHEMA:
        if not schema_text.strip():
            raise FieldError("Enter the JSON schema the reply must follow.")
        return {"type": "json_schema", "json_schema": parse_json_schema(schema_text)}
    return {"type": str(kind)}


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
    return parsed, SCHEMA_FIELD.format(schema) if isinstance(schema, dict) else ""


@dataclass(frozen=True)
class BuiltinPreset:
    name: str
    params: dict[str, Any]
    system_prompt: str = ""


BUILTIN_PRESETS: tuple[BuiltinPreset, ...] = (
    BuiltinPreset("Precise", {"temperature": 0.2}),
    BuiltinPreset("Balanced", {"temperature": 0.7, "top_p": 1.0}),
    BuiltinPreset("Creative", {"temperature": 1.2, "top_p": 0.95, "presence_penalty": 0.5}),
    BuiltinPreset(
        "JSON output",
        {"temperature": 0.0, "response_format": {"type": "json_object"}},
        "Reply with a single valid JSON object and nothing else.",
    ),
    BuiltinPreset(
        "Code",
        {"temperature": 0.2},
        "You are an expert programmer. Answer with correct, idiomatic code and brief "
        "explanations. Use fenced code blocks with the language named.",
    ),
    BuiltinPreset(
        "Translator",
        {"temperature": 0.3},
        "Translate the user's text. Keep the meaning, tone and formatting; reply with the "
        "translation only.",
    ),
)
