"""The one schema of the request parameters: declared once, checked by one function.

Each `Parameter` says its name (the key stored in a conversation, a preset and the CLI's
`-o`), kind, range, English label and hint, and the name each API style sends it under.
`check_params` is the only validation: the parameter panel (through `parameter_fields`), the
CLI's `-o`, stored conversation parameters, presets and `ChatRequest` all call it, so one
invalid value is refused with one message everywhere. `wire_params` turns checked values into
the entries of a request body. None means "unset": not sent, the provider's default applies.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop.core.api.styles import ApiStyle

MAX_STOP_SEQUENCES = 4
RESPONSE_FORMAT_TYPES = ("text", "json_object", "json_schema")
RESERVED = ("stream", "stream_options", "model", "messages")  # set by Switchboard itself


class RequestValidationError(ValueError):
    """A request parameter is wrong; the message names it and the allowed values."""


class Kind(StrEnum):
    FLOAT = "float"
    INT = "int"
    TEXT = "text"
    STOP = "stop"  # a string or a list of strings
    LOGIT_BIAS = "logit_bias"  # token id -> -100..100
    RESPONSE_FORMAT = "response_format"  # {"type": ..., "json_schema"?: {...}}


@dataclass(frozen=True)
class Wire:
    """How one API style sends a parameter: its body name ("a.b" nests; empty: the
    parameter's own name) and a conversion of the value."""

    name: str = ""
    convert: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str  # English; the panel translates it (ui/parameter_labels.py)
    kind: Kind
    minimum: float | None = None
    maximum: float | None = None
    hint: str = ""  # for kinds without a range
    wire: Mapping[ApiStyle, Wire] = field(default_factory=dict)
    neutral: Any = None  # a value that means the same as unset (n=1): dropped where unsent
    in_panel: bool = True

    def check(self, value: Any) -> Any:
        """`value` as it is sent (normalized); RequestValidationError says why it cannot be."""
        if self.kind in (Kind.FLOAT, Kind.INT):
            return self._check_number(value)
        if self.kind is Kind.STOP:
            return _check_stop(self, value)
        if self.kind is Kind.LOGIT_BIAS:
            return _check_logit_bias(self, value)
        if self.kind is Kind.RESPONSE_FORMAT:
            return _check_response_format(value)
        if not isinstance(value, str):
            raise self.error("must be text", value)
        return value

    def error(self, problem: str, value: Any) -> RequestValidationError:
        return RequestValidationError(f"{self.label} {problem} ({self.name}={_shown(value)}).")

    def _check_number(self, value: Any) -> Any:
        whole = self.kind is Kind.INT
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.error("must be a whole number" if whole else "must be a number", value)
        if whole and not isinstance(value, int):
            raise self.error("must be a whole number", value)
        if not math.isfinite(value):
            raise self.error("must be a finite number", value)
        low, high = self.minimum, self.maximum
        if low is not None and high is not None and not low <= value <= high:
            raise self.error(f"must be between {number_text(low)} and {number_text(high)}", value)
        if low is not None and value < low:
            raise self.error(f"must be at least {number_text(low)}", value)
        if high is not None and value > high:
            raise self.error(f"must be at most {number_text(high)}", value)
        return value


def number_text(value: float) -> str:
    """2.0 as "2", 0.25 as "0.25"."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if _is_json(value) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _is_json(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def _check_stop(parameter: Parameter, value: Any) -> str | list[str]:
    stops = [value] if isinstance(value, str) else value
    if not isinstance(stops, list) or not all(isinstance(s, str) for s in stops):
        raise parameter.error("must be text or a list of texts", value)
    if len(stops) > MAX_STOP_SEQUENCES:
        raise RequestValidationError(
            f"At most {MAX_STOP_SEQUENCES} stop sequences (one per line); {len(stops)} given."
        )
    return value  # type: ignore[no-any-return]


def _check_logit_bias(parameter: Parameter, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RequestValidationError('Logit bias must be a JSON object like {"50256": -100}.')
    for token, bias in value.items():
        if not str(token).isdigit():
            raise RequestValidationError(
                f"Logit bias keys are token ids (numbers); {token!r} is not."
            )
        if isinstance(bias, bool) or not isinstance(bias, int | float) or not -100 <= bias <= 100:
            raise RequestValidationError(
                f"The bias of token {token} must be a number from -100 to 100 "
                f"({parameter.name}={_shown(value)})."
            )
    return {str(token): bias for token, bias in value.items()}


def _check_response_format(value: Any) -> dict[str, Any]:
    if isinstance(value, str):  # the CLI's and old presets' shorthand: just the type
        value = {"type": value}
    kind = value.get("type") if isinstance(value, dict) else None
    if kind not in RESPONSE_FORMAT_TYPES:
        raise RequestValidationError(
            "response_format type must be text, json_object or json_schema."
        )
    if kind != "json_schema":
        return {"type": kind}
    schema = value.get("json_schema")
    if not isinstance(schema, dict):
        raise RequestValidationError("response_format json_schema needs a json_schema object.")
    return {**value, "json_schema": check_json_schema(schema)}


def check_json_schema(data: Any) -> dict[str, Any]:
    """The `json_schema` object of a response_format: `{"name", "schema", "strict"?}`.

    A bare JSON Schema (with "type" or "properties") is wrapped under the name "response".
    """
    if not isinstance(data, dict):
        raise RequestValidationError("The JSON schema must be a JSON object.")
    if "schema" not in data:
        if "type" not in data and "properties" not in data:
            raise RequestValidationError(
                'The JSON schema needs a "type" or "properties" (or a "schema").'
            )
        data = {"name": "response", "schema": data}
    checked: dict[str, Any] = data
    if not isinstance(checked["schema"], dict):
        raise RequestValidationError('"schema" must be a JSON object.')
    name = checked.get("name")
    if not isinstance(name, str) or not name or len(name) > 64:
        raise RequestValidationError('The schema needs a "name" of 1-64 characters.')
    if not all(c.isalnum() or c in "_-" for c in name):
        raise RequestValidationError(
            'The schema "name" may hold only letters, digits, "_" and "-".'
        )
    return checked


# -- how each API style sends them ----------------------------------------------------------

CHAT, RESPONSES = ApiStyle.OPENAI_CHAT, ApiStyle.OPENAI_RESPONSES
ANTHROPIC, COMPLETIONS = ApiStyle.ANTHROPIC_MESSAGES, ApiStyle.OPENAI_COMPLETIONS
API_NAMES = {
    CHAT: "OpenAI Chat Completions API",
    RESPONSES: "Responses API",
    ANTHROPIC: "Anthropic Messages API",
    COMPLETIONS: "legacy Completions API",
}


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _responses_text_format(value: dict[str, Any]) -> dict[str, Any]:
    if value["type"] == "json_schema":
        return {"type": "json_schema", **value["json_schema"]}
    return {"type": value["type"]}


def _same(*styles: ApiStyle) -> dict[ApiStyle, Wire]:
    """Sent under its own name by these styles."""
    return {style: Wire() for style in styles}


_ALL = (CHAT, RESPONSES, ANTHROPIC, COMPLETIONS)
_OPENAI_SAMPLING = (CHAT, COMPLETIONS)


# In the order the panel shows them.
PARAMETERS: tuple[Parameter, ...] = (
    Parameter("temperature", "Temperature", Kind.FLOAT, 0.0, 2.0, wire=_same(*_ALL)),
    Parameter("top_p", "Top P", Kind.FLOAT, 0.0, 1.0, wire=_same(*_ALL)),
    Parameter(
        "max_tokens", "Max tokens", Kind.INT, 1, None,
        wire={**_same(CHAT, ANTHROPIC, COMPLETIONS), RESPONSES: Wire("max_output_tokens")},
    ),
    Parameter("presence_penalty", "Presence penalty", Kind.FLOAT, -2.0, 2.0,
              wire=_same(*_OPENAI_SAMPLING)),
    Parameter("frequency_penalty", "Frequency penalty", Kind.FLOAT, -2.0, 2.0,
              wire=_same(*_OPENAI_SAMPLING)),
    Parameter("seed", "Seed", Kind.INT, hint="whole number", wire=_same(*_OPENAI_SAMPLING)),
    Parameter("n", "Choices (n)", Kind.INT, 1, 10, wire=_same(*_OPENAI_SAMPLING), neutral=1),
    Parameter(
        "stop", "Stop sequences", Kind.STOP, hint=f"one per line, up to {MAX_STOP_SEQUENCES}",
        wire={**_same(*_OPENAI_SAMPLING), ANTHROPIC: Wire("stop_sequences", _as_list)},
    ),
    Parameter("logit_bias", "Logit bias", Kind.LOGIT_BIAS, hint='{"50256": -100}',
              wire=_same(*_OPENAI_SAMPLING)),
    Parameter(
        "user", "User", Kind.TEXT, hint="end-user id for abuse monitoring",
        wire={**_same(CHAT, RESPONSES, COMPLETIONS), ANTHROPIC: Wire("metadata.user_id")},
    ),
    Parameter(
        "response_format", "Response format", Kind.RESPONSE_FORMAT,
        wire={**_same(CHAT), RESPONSES: Wire("text.format", _responses_text_format)},
    ),
    # The newer name of max_tokens for OpenAI's reasoning models; set through the CLI.
    Parameter(
        "max_completion_tokens", "Max completion tokens", Kind.INT, 1, None, in_panel=False,
        wire={**_same(CHAT), RESPONSES: Wire("max_output_tokens"), ANTHROPIC: Wire("max_tokens")},
    ),
)
PARAMETERS_BY_NAME = {p.name: p for p in PARAMETERS}


def check_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """The schema's parameters of `params`, checked and normalized; unset (None) ones left out.

    Names the schema does not know are not returned (the caller passes them through); the
    ones Switchboard sets itself (stream, model...) are refused.
    """
    checked: dict[str, Any] = {}
    for name, value in params.items():
        if name in RESERVED:
            raise RequestValidationError(f"{name} is set by Switchboard, not as an option.")
        parameter = PARAMETERS_BY_NAME.get(name)
        if parameter is not None and value is not None:
            checked[name] = parameter.check(value)
    return checked


def wire_params(params: Mapping[str, Any], style: ApiStyle) -> dict[str, Any]:
    """The body entries that send the checked `params` in `style`.

    A parameter the style has no name for is refused (unless it has its neutral value); two
    parameters sent under one name (max_tokens and max_completion_tokens) must agree.
    """
    body: dict[str, Any] = {}
    sent_by: dict[str, str] = {}
    for parameter in PARAMETERS:
        value = params.get(parameter.name)
        if value is None:
            continue
        wire = parameter.wire.get(style)
        if wire is None:
            if parameter.neutral is not None and value == parameter.neutral:
                continue
            only = "" if parameter.neutral is None else f" other than {parameter.neutral}"
            raise RequestValidationError(
                f"The {API_NAMES[style]} has no {parameter.name} parameter{only}."
            )
        name = wire.name or parameter.name
        converted = wire.convert(value) if wire.convert is not None else value
        earlier = sent_by.setdefault(name, parameter.name)
        if earlier != parameter.name and _get(body, name) != converted:
            raise RequestValidationError(
                f"{earlier} and {parameter.name} are both sent as {name} by the "
                f"{API_NAMES[style]}; set only one."
            )
        _put(body, name, converted)
    return body


def _put(body: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    for part in parents:
        body = body.setdefault(part, {})
    body[last] = value


def _get(body: dict[str, Any], dotted: str) -> Any:
    value: Any = body
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


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
