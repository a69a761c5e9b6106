"""Convert a `ChatRequest` (OpenAI message format) into an OpenAI Responses API body.

System messages become `instructions`; other messages become input items with `input_text` /
`input_image` parts (`output_text` for earlier assistant turns); tool calls and results become
`function_call` / `function_call_output` items.
"""

from __future__ import annotations

from typing import Any

from desktop.core.api.requests_openai import (
    ChatRequest,
    RequestValidationError,
    content_text,
    image_url_of,
    move_tool_images,
)
from desktop.core.api.styles import ApiStyle
from desktop.core.parameters import wire_params


def _parts(content: Any, role: str) -> list[dict[str, Any]]:
    text_type = "output_text" if role == "assistant" else "input_text"
    if isinstance(content, str):
        return [{"type": text_type, "text": content}]
    parts: list[dict[str, Any]] = []
    for part in content or []:
        kind = part.get("type")
        if kind == "text":
            parts.append({"type": text_type, "text": part.get("text", "")})
        elif kind == "image_url":
            url, detail = image_url_of(part)
            image: dict[str, Any] = {"type": "input_image", "image_url": url}
            if detail is not None:
                image["detail"] = detail
            parts.append(image)
        elif kind == "file":
            file = part.get("file") or {}
            item = {"type": "input_file", "file_data": str(file.get("file_data", ""))}
            if file.get("filename"):
                item["filename"] = str(file["filename"])
            parts.append(item)
        else:
            raise RequestValidationError(f"The Responses API input cannot take a {kind!r} part.")
    return parts


def _input_items(request: ChatRequest) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    # function_call_output takes text only on many relays: result images follow as input_image.
    for message in move_tool_images(request.messages):
        role = message.get("role")
        if role in ("system", "developer"):
            continue
        if role == "tool":
            items.append(
                {
                    "type": "function_call_output",
                    "call_id": message.get("tool_call_id", ""),
                    "output": content_text(message.get("content")),
                }
            )
            continue
        if role not in ("user", "assistant"):
            raise RequestValidationError(f"The Responses API has no {role!r} role.")
        if message.get("content"):
            items.append(
                {"type": "message", "role": role, "content": _parts(message["content"], role)}
            )
        for call in message.get("tool_calls") or []:
            function = call.get("function", {})
            items.append(
                {
                    "type": "function_call",
                    "call_id": call.get("id", ""),
                    "name": function.get("name", ""),
                    "arguments": function.get("arguments", ""),
                }
            )
    return items


def responses_body(request: ChatRequest, *, stream: bool) -> dict[str, Any]:
    """The JSON body for POST /responses."""
    params = wire_params(request.schema_params(), ApiStyle.OPENAI_RESPONSES)
    body: dict[str, Any] = {"model": request.model, "input": _input_items(request)}
    instructions = request.system_text()
    if instructions:
        body["instructions"] = instructions
    body.update(params)
    if request.tools is not None:
        body["tools"] = [
            {"type": "function", **{k: v for k, v in tool["function"].items() if v is not None}}
            for tool in request.tools
        ]
    if request.tool_choice is not None:
        choice = request.tool_choice
        if isinstance(choice, dict):
            choice = {"type": "function", "name": (choice.get("function") or {}).get("name", "")}
        body["tool_choice"] = choice
    body.update(request.extra)
    if stream:
        body["stream"] = True
    return body
