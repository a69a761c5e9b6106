"""Chat and legacy-completion requests, validated, and their OpenAI Chat Completions bodies.

`ChatRequest` holds what the user asked for in the OpenAI message format (the lingua franca of
gateways); the Anthropic and Responses builders convert from it. A field left at None is not
sent at all: never as null, never replaced by a default of ours.
"""

from __future__ import annotations

import base64
import json
import mimetypes
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field, fields
from pathlib import Path
from typing import Any

# Sampling parameters shared by chat and legacy completions, in the order they are sent.
SAMPLING_FIELDS = (
    "temperature",
    "top_p",
    "max_tokens",
    "max_completion_tokens",
    "n",
    "stop",
    "presence_penalty",
    "frequency_penalty",
    "logit_bias",
    "seed",
    "user",
)
CHAT_ONLY_FIELDS = ("response_format", "tools", "tool_choice")
ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
MAX_STOP_SEQUENCES = 4


class RequestValidationError(ValueError):
    """A request parameter is obviously wrong; the message names it and the allowed values."""


@dataclass(kw_only=True)
class SamplingParams:
    """Parameters shared by chat and completions; None means "not set, do not send"."""

    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    n: int | None = None
    stop: str | list[str] | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    logit_bias: dict[str, int] | None = None
    seed: int | None = None
    user: str | None = None
    # Anything else the user set (e.g. `reasoning_effort`, `top_k`), sent as given.
    extra: dict[str, Any] = field(default_factory=dict)

    def set_params(self) -> dict[str, Any]:
        """Only the parameters that were set, by wire name, extra ones included."""
        names = [f.name for f in fields(self) if f.name != "extra"]
        out = {name: getattr(self, name) for name in names if getattr(self, name) is not None}
        out.update(self.extra)
        return out

    def validate(self) -> None:
        _check_number("temperature", self.temperature, 0.0, 2.0)
        _check_number("top_p", self.top_p, 0.0, 1.0)
        _check_number("presence_penalty", self.presence_penalty, -2.0, 2.0)
        _check_number("frequency_penalty", self.frequency_penalty, -2.0, 2.0)
        _check_int("max_tokens", self.max_tokens, 1, None)
        _check_int("max_completion_tokens", self.max_completion_tokens, 1, None)
        _check_int("n", self.n, 1, 10)
        _check_int("seed", self.seed, None, None)
        if self.stop is not None:
            stops = [self.stop] if isinstance(self.stop, str) else self.stop
            if not isinstance(stops, list) or not all(isinstance(s, str) for s in stops):
                raise RequestValidationError("stop must be a string or a list of strings.")
            if len(stops) > MAX_STOP_SEQUENCES:
                raise RequestValidationError(
                    f"stop takes at most {MAX_STOP_SEQUENCES} sequences (got {len(stops)})."
                )
        if self.logit_bias is not None:
            if not isinstance(self.logit_bias, dict):
                raise RequestValidationError("logit_bias must map token ids to numbers.")
            for token, bias in self.logit_bias.items():
                _check_number(f"logit_bias[{token}]", bias, -100.0, 100.0)
        if self.user is not None and not isinstance(self.user, str):
            raise RequestValidationError("user must be a string.")


def _check_number(name: str, value: Any, low: float | None, high: float | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RequestValidationError(f"{name} must be a number (got {value!r}).")
    if (low is not None and value < low) or (high is not None and value > high):
        raise RequestValidationError(f"{name} must be between {low} and {high} (got {value}).")


def _check_int(name: str, value: Any, low: int | None, high: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestValidationError(f"{name} must be a whole number (got {value!r}).")
    if low is not None and value < low:
        raise RequestValidationError(f"{name} must be at least {low} (got {value}).")
    if high is not None and value > high:
        raise RequestValidationError(f"{name} must be at most {high} (got {value}).")


@dataclass
class ChatRequest(SamplingParams):
    """One chat request in OpenAI message format, whatever API style it is finally sent in."""

    model: str
    messages: list[dict[str, Any]]
    _: KW_ONLY
    response_format: dict[str, Any] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None

    def set_params(self) -> dict[str, Any]:
        out = super().set_params()
        for name in ("model", "messages"):
            out.pop(name, None)
        return out

    @classmethod
    def from_options(
        cls, model: str, messages: list[dict[str, Any]], options: Mapping[str, Any]
    ) -> ChatRequest:
        """Build from loose `name=value` options (CLI `-o`, presets); unknown names go to extra.

        `response_format` may be given as just its type ("json_object").
        """
        known = {f.name for f in fields(cls)} - {"extra", "model", "messages"}
        kwargs: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for name, value in options.items():
            if name in ("stream", "stream_options", "model", "messages"):
                raise RequestValidationError(f"{name} is set by Switchboard, not as an option.")
            (kwargs if name in known else extra)[name] = value
        if isinstance(kwargs.get("response_format"), str):
            kwargs["response_format"] = {"type": kwargs["response_format"]}
        request = cls(model=model, messages=messages, extra=extra, **kwargs)
        request.validate()
        return request

    def validate(self) -> None:
        super().validate()
        if not self.model or not isinstance(self.model, str):
            raise RequestValidationError("A model name is required.")
        if not self.messages:
            raise RequestValidationError("A chat request needs at least one message.")
        for position, message in enumerate(self.messages):
            _check_message(position, message)
        if self.response_format is not None:
            kind = (
                self.response_format.get("type") if isinstance(self.response_format, dict) else None
            )
            if kind not in ("text", "json_object", "json_schema"):
                raise RequestValidationError(
                    "response_format type must be text, json_object or json_schema."
                )
            if kind == "json_schema" and not isinstance(
                self.response_format.get("json_schema"), dict
            ):
                raise RequestValidationError(
                    "response_format json_schema needs a json_schema object."
                )
        if self.tools is not None:
            if not isinstance(self.tools, list):
                raise RequestValidationError("tools must be a list.")
            for tool in self.tools:
                function = tool.get("function") if isinstance(tool, dict) else None
                if not isinstance(function, dict) or not function.get("name"):
                    raise RequestValidationError("Each tool needs a function with a name.")
        if isinstance(self.tool_choice, str) and self.tool_choice not in (
            "none",
            "auto",
            "required",
        ):
            raise RequestValidationError("tool_choice must be none, auto, required or an object.")

    def system_text(self) -> str:
        """All system/developer messages joined, for APIs that take them apart."""
        texts = [
            content_text(m.get("content"))
            for m in self.messages
            if m.get("role") in ("system", "developer")
        ]
        return "\n\n".join(t for t in texts if t)


def _check_message(position: int, message: Any) -> None:
    if not isinstance(message, dict):
        raise RequestValidationError(f"Message {position} is not an object.")
    role = message.get("role")
    if role not in ROLES:
        raise RequestValidationError(f"Message {position} has an unknown role {role!r}.")
    content = message.get("content")
    if content is None:
        if role == "assistant" and message.get("tool_calls"):
            return
        raise RequestValidationError(f"Message {position} ({role}) has no content.")
    if isinstance(content, str):
        return
    if not isinstance(content, list):
        raise RequestValidationError(f"Message {position} content must be a string or a list.")
    for part in content:
        kind = part.get("type") if isinstance(part, dict) else None
        if kind == "text" and isinstance(part.get("text"), str):
            continue
        if kind == "image_url":
            image = part.get("image_url")
            url = image.get("url") if isinstance(image, dict) else image
            if isinstance(url, str) and url:
                continue
            raise RequestValidationError(f"Message {position}: an image_url part has no url.")
        if kind in ("input_audio", "file"):
            continue
        raise RequestValidationError(f"Message {position} has a content part of type {kind!r}.")


def content_text(content: Any) -> str:
    """The text of a message content (string or parts), images left out."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            str(part.get("text", ""))
            for part in content
            if isinstance(part, dict) and part.get("type") == "text"
        )
    return ""


def image_url_of(part: Mapping[str, Any]) -> tuple[str, str | None]:
    """(url, detail) of an image_url content part (both the object and bare-string forms)."""
    image = part.get("image_url")
    if isinstance(image, dict):
        return str(image.get("url", "")), image.get("detail")
    return str(image or ""), None


def image_part_from_file(path: Path, detail: str | None = None) -> dict[str, Any]:
    """An image_url content part holding the file as a base64 data: URL."""
    mime = mimetypes.guess_type(path.name)[0] or "image/png"
    if not mime.startswith("image/"):
        raise RequestValidationError(f"{path.name} does not look like an image ({mime}).")
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    image: dict[str, Any] = {"url": f"data:{mime};base64,{encoded}"}
    if detail is not None:
        image["detail"] = detail
    return {"type": "image_url", "image_url": image}


def split_data_url(url: str) -> tuple[str, str] | None:
    """(media type, base64 data) of a base64 data: URL, or None for any other URL."""
    if not url.startswith("data:") or "," not in url:
        return None
    header, data = url[5:].split(",", 1)
    parts = header.split(";")
    if "base64" not in parts[1:]:
        return None
    return (parts[0] or "application/octet-stream"), data


def openai_chat_body(request: ChatRequest, *, stream: bool, include_usage: bool) -> dict[str, Any]:
    """The JSON body for POST /chat/completions."""
    body: dict[str, Any] = {"model": request.model, "messages": request.messages}
    body.update(request.set_params())
    body["stream"] = stream
    if stream and include_usage:
        body["stream_options"] = {"include_usage": True}
    return body


@dataclass
class CompletionRequest(SamplingParams):
    """A legacy text completion (POST /completions)."""

    model: str
    prompt: str

    def set_params(self) -> dict[str, Any]:
        out = super().set_params()
        for name in ("model", "prompt"):
            out.pop(name, None)
        return out

    def validate(self) -> None:
        super().validate()
        if not self.model:
            raise RequestValidationError("A model name is required.")


def completion_body(
    request: CompletionRequest, *, stream: bool, include_usage: bool
) -> dict[str, Any]:
    """The JSON body for POST /completions."""
    body: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
    body.update(request.set_params())
    body["stream"] = stream
    if stream and include_usage:
        body["stream_options"] = {"include_usage": True}
    return body


def parse_option_value(text: str) -> Any:
    """A `-o key=value` value: JSON when it parses as JSON, else the string itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text
