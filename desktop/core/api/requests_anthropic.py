"""Convert a `ChatRequest` (OpenAI message format) into an Anthropic Messages API body.

Anthropic differs in ways that matter: the system prompt is a top-level field, images are
base64 `source` blocks, tool calls are `tool_use` / `tool_result` blocks, and `max_tokens` is
required. When the user did not set it we send `DEFAULT_ANTHROPIC_MAX_TOKENS` (the API refuses
the request otherwise; 4096 is the largest value every Claude model accepts).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.api.requests_openai import (
    ChatRequest,
    RequestValidationError,
    content_text,
    image_url_of,
    split_data_url,
)
from desktop.core.api.styles import ApiStyle
from desktop.core.parameters import wire_params

ANTHROPIC_VERSION = "2023-06-01"
DEFAULT_ANTHROPIC_MAX_TOKENS = 4096


def anthropic_headers(api_key: str | None) -> dict[str, str]:
    headers = {"anthropic-version": ANTHROPIC_VERSION}
    if api_key:
        headers["x-api-key"] = api_key
    return headers


def _blocks(content: Any) -> str | list[dict[str, Any]]:
    if isinstance(content, str):
        return content
    blocks: list[dict[str, Any]] = []
    for part in content or []:
        kind = part.get("type")
        if kind == "text":
            blocks.append({"type": "text", "text": part.get("text", "")})
        elif kind == "image_url":
            url, _detail = image_url_of(part)
            data_url = split_data_url(url)
            if data_url is not None:
                media_type, data = data_url
                source = {"type": "base64", "media_type": media_type, "data": data}
            else:
                source = {"type": "url", "url": url}
            blocks.append({"type": "image", "source": source})
        elif kind == "file":
            blocks.append(_document_block(part))
        else:
            raise RequestValidationError(f"Anthropic Messages cannot take a {kind!r} part.")
    return blocks


def _document_block(part: dict[str, Any]) -> dict[str, Any]:
    """An OpenAI `file` part (a base64 PDF) as a `document` block with a base64 source."""
    file = part.get("file") or {}
    data_url = split_data_url(str(file.get("file_data", "")))
    if data_url is None:
        raise RequestValidationError("Anthropic Messages takes files only as base64 data.")
    media_type, data = data_url
    block: dict[str, Any] = {
        "type": "document", "source": {"type": "base64", "media_type": media_type, "data": data}}
    if file.get("filename"):
        block["title"] = str(file["filename"])
    return block


def _tool_use_blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    text = content_text(message.get("content"))
    if text:
        blocks.append({"type": "text", "text": text})
    for call in message.get("tool_calls") or []:
        function = call.get("function", {})
        try:
            arguments = json.loads(function.get("arguments") or "{}")
        except ValueError:
            arguments = {"_raw": function.get("arguments")}
        blocks.append(
            {
                "type": "tool_use",
                "id": call.get("id", ""),
                "name": function.get("name", ""),
                "input": arguments,
            }
        )
    return blocks


def _holds_tool_results(out: list[dict[str, Any]]) -> bool:
    """The last turn is a user turn of tool results (what a following user message joins)."""
    if not out or out[-1]["role"] != "user" or not isinstance(out[-1]["content"], list):
        return False
    return any(block.get("type") == "tool_result" for block in out[-1]["content"])


def _convert_messages(request: ChatRequest) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for message in request.messages:
        role = message.get("role")
        if role in ("system", "developer"):
            continue
        if role == "tool":
            content = message.get("content")
            block = {  # text, and the result's images as image blocks
                "type": "tool_result",
                "tool_use_id": message.get("tool_call_id", ""),
                "content": _blocks(content) if isinstance(content, list) else content_text(content),
            }
            if out and out[-1]["role"] == "user" and isinstance(out[-1]["content"], list):
                out[-1]["content"].append(block)
            else:
                out.append({"role": "user", "content": [block]})
        elif role == "assistant" and message.get("tool_calls"):
            out.append({"role": "assistant", "content": _tool_use_blocks(message)})
        elif role == "user" and _holds_tool_results(out):  # one user turn after results
            blocks = _blocks(message.get("content"))
            if isinstance(blocks, str):
                blocks = [{"type": "text", "text": blocks}] if blocks else []
            out[-1]["content"].extend(blocks)
        elif role in ("user", "assistant"):
            out.append({"role": role, "content": _blocks(message.get("content"))})
        else:
            raise RequestValidationError(f"Anthropic Messages has no {role!r} role.")
    return out


def _tool_choice(choice: str | dict[str, Any]) -> dict[str, Any]:
    if choice == "auto":
        return {"type": "auto"}
    if choice == "required":
        return {"type": "any"}
    if choice == "none":
        return {"type": "none"}
    if isinstance(choice, dict):
        name = (choice.get("function") or {}).get("name")
        if name:
            return {"type": "tool", "name": name}
    raise RequestValidationError(f"tool_choice {choice!r} has no Anthropic equivalent.")


def anthropic_messages_body(request: ChatRequest, *, stream: bool) -> dict[str, Any]:
    """The JSON body for POST /v1/messages."""
    params = wire_params(request.schema_params(), ApiStyle.ANTHROPIC_MESSAGES)
    body: dict[str, Any] = {
        "model": request.model,
        "max_tokens": params.pop("max_tokens", DEFAULT_ANTHROPIC_MAX_TOKENS),
        "messages": _convert_messages(request),
    }
    system = request.system_text()
    if system:
        body["system"] = system
    body.update(params)
    if request.tools is not None:
        body["tools"] = [
            {
                "name": tool["function"]["name"],
                **(
                    {"description": tool["function"]["description"]}
                    if tool["function"].get("description")
                    else {}
                ),
                "input_schema": tool["function"].get("parameters")
                or {"type": "object", "properties": {}},
            }
            for tool in request.tools
        ]
    if request.tool_choice is not None:
        body["tool_choice"] = _tool_choice(request.tool_choice)
    body.update(request.extra)
    if stream:
        body["stream"] = True
    return body
