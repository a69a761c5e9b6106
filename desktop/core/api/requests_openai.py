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

from desktop.core.api.styles import ApiStyle
from desktop.core.parameters import PARAMETERS, PARAMETERS_BY_NAME, check_params, wire_params

# Defined with the schema (which raises it); the network layer's callers import it from here.
from desktop.core.parameters import RequestValidationError as RequestValidationError

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})


@dataclass(kw_only=True)
class SamplingParams:
    """Parameters shared by chat and completions; None means "not set, do not send".

    The fields are the typed face of the schema (`desktop.core.parameters`), which checks
    them and says how each API style sends them.
    """

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

    def schema_params(self) -> dict[str, Any]:
        """The set parameters the schema declares, by name (extra ones not included)."""
        values = {p.name: getattr(self, p.name, None) for p in PARAMETERS}
        return {name: value for name, value in values.items() if value is not None}

    def sampling_values(self) -> dict[str, Any]:
        """Every field of SamplingParams (set or not), to build another request from this one."""
        return {f.name: getattr(self, f.name) for f in fields(SamplingParams)}

    def validate(self) -> None:
        """Check the set parameters by the schema; they are kept as normalized there."""
        for name, value in check_params(self.schema_params()).items():
            setattr(self, name, value)


@dataclass
class ChatRequest(SamplingParams):
    """One chat request in OpenAI message format, whatever API style it is finally sent in."""

    model: str
    messages: list[dict[str, Any]]
    _: KW_ONLY
    response_format: dict[str, Any] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None

    @classmethod
    def from_options(
        cls, model: str, messages: list[dict[str, Any]], options: Mapping[str, Any]
    ) -> ChatRequest:
        """Build from loose `name=value` options (CLI `-o`, presets); unknown names go to extra.

        `response_format` may be given as just its type ("json_object").
        """
        checked = check_params(options)  # refuses the names Switchboard sets (stream...) too
        tools = {name: options[name] for name in ("tools", "tool_choice") if name in options}
        extra = {
            name: value
            for name, value in options.items()
            if name not in PARAMETERS_BY_NAME and name not in tools
        }
        request = cls(model=model, messages=messages, extra=extra, **checked, **tools)
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


TOOL_IMAGES_NOTE = "Images returned by the tool calls above:"
TOOL_IMAGES_ONLY = "(The tool returned images; they follow in the next message.)"


def move_tool_images(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tool results with images, for APIs whose tool results take text only.

    A result keeps its text; its images go into one user message after the run of results
    (a user message between results would separate them from their calls, which is refused).
    """
    if not any(m.get("role") == "tool" and isinstance(m.get("content"), list) for m in messages):
        return messages
    out: list[dict[str, Any]] = []
    images: list[dict[str, Any]] = []
    for message in messages:
        if message.get("role") != "tool" and images:
            out.append({"role": "user",
                        "content": [{"type": "text", "text": TOOL_IMAGES_NOTE}, *images]})
            images = []
        content = message.get("content")
        if message.get("role") == "tool" and isinstance(content, list):
            images += [p for p in content if isinstance(p, dict) and p.get("type") == "image_url"]
            message = {**message, "content": content_text(content) or TOOL_IMAGES_ONLY}
        out.append(message)
    if images:
        out.append({"role": "user", "content": [{"type": "text", "text": TOOL_IMAGES_NOTE},
                                                *images]})
    return out


def openai_chat_body(request: ChatRequest, *, stream: bool, include_usage: bool) -> dict[str, Any]:
    """The JSON body for POST /chat/completions (tool result images: see move_tool_images)."""
    body: dict[str, Any] = {"model": request.model, "messages": move_tool_images(request.messages)}
    body.update(wire_params(request.schema_params(), ApiStyle.OPENAI_CHAT))
    for name in ("tools", "tool_choice"):
        if getattr(request, name) is not None:
            body[name] = getattr(request, name)
    body.update(request.extra)
    body["stream"] = stream
    if stream and include_usage:
        body["stream_options"] = {"include_usage": True}
    return body


@dataclass
class CompletionRequest(SamplingParams):
    """A legacy text completion (POST /completions)."""

    model: str
    prompt: str

    def validate(self) -> None:
        super().validate()
        if not self.model:
            raise RequestValidationError("A model name is required.")


def completion_body(
    request: CompletionRequest, *, stream: bool, include_usage: bool
) -> dict[str, Any]:
    """The JSON body for POST /completions."""
    body: dict[str, Any] = {"model": request.model, "prompt": request.prompt}
    body.update(wire_params(request.schema_params(), ApiStyle.OPENAI_COMPLETIONS))
    body.update(request.extra)
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
