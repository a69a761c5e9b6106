"""What a conversation's stored messages become in a request, and a new conversation's title.

Messages go out in OpenAI chat format, which every API style's converter starts from; images
are read from the attachment store as base64 data URLs.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import Any

from desktop.core.documents.send_text import document_content_part
from desktop.core.store.models import (
    TOOL_NOT_FINISHED,
    ContentPart,
    FilePart,
    ImagePart,
    Message,
    Role,
    TextPart,
)

TITLE_LENGTH = 60
# What a call with no stored result is answered with, so that every request stays valid.
TOOL_NO_RESULT = "The tool call was not run."
TOOL_NO_OUTPUT = "(The tool returned no output.)"


def title_from(content: str | Sequence[ContentPart]) -> str:
    """A conversation title from the first user message: its first line, shortened."""
    text = content if isinstance(content, str) else " ".join(
        part.text for part in content if isinstance(part, TextPart)
    )
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if not line and not isinstance(content, str):  # a file alone: named after the file
        line = next((part.name for part in content if isinstance(part, FilePart)), "")
    if len(line) > TITLE_LENGTH:
        line = line[: TITLE_LENGTH - 1].rstrip() + "…"
    return line or "Image"


def message_to_openai(message: Message, read_attachment: Callable[[str], bytes], *,
                      native_pdf: bool = False) -> dict[str, Any]:
    """One stored message in OpenAI chat format (what every API style's converter starts from).

    Documents become text parts with a header, or `file` parts (PDFs, when `native_pdf`).
    """
    if message.role is Role.TOOL:
        return tool_result_to_openai(message, read_attachment)
    if message.role is Role.ASSISTANT:
        out: dict[str, Any] = {"role": "assistant", "content": assistant_text(message)}
        if message.tool_calls:
            out["tool_calls"] = [
                {"id": call.id, "type": "function",
                 "function": {"name": call.name, "arguments": call.arguments}}
                for call in message.tool_calls
            ]
        return out
    if not message.images and not message.files:
        return {"role": str(message.role), "content": message.text}
    parts: list[dict[str, Any]] = []
    for part in message.parts:
        if isinstance(part, TextPart):
            parts.append({"type": "text", "text": part.text})
        elif isinstance(part, ImagePart):
            data = base64.b64encode(read_attachment(part.hash)).decode("ascii")
            parts.append({"type": "image_url",
                          "image_url": {"url": f"data:{part.mime};base64,{data}"}})
        elif isinstance(part, FilePart):
            parts.append(document_content_part(part, read_attachment, native_pdf=native_pdf))
    return {"role": str(message.role), "content": parts}


def tool_result_to_openai(
    message: Message, read_attachment: Callable[[str], bytes]
) -> dict[str, Any]:
    """A tool message as `role: tool`; its images (if any) as image_url parts after the text.

    Each API style's converter decides where the images can go (see requests_*.py).
    """
    text = message.text
    if message.tool is not None and not message.tool.status.finished and not text:
        text = TOOL_NOT_FINISHED
    text = text or ("" if message.images else TOOL_NO_OUTPUT)
    out: dict[str, Any] = {"role": "tool", "tool_call_id": message.tool_call_id or ""}
    if not message.images:
        out["content"] = text
        return out
    parts: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
    for image in message.images:
        data = base64.b64encode(read_attachment(image.hash)).decode("ascii")
        parts.append({"type": "image_url",
                      "image_url": {"url": f"data:{image.mime};base64,{data}"}})
    out["content"] = parts
    return out


def assistant_text(message: Message) -> str:
    """A reply's text for the model; generated images (chat APIs take none from the assistant)
    are named in a note, so a chat that goes on knows they were made."""
    images = message.images
    if not images:
        return message.text
    names = ", ".join(image.name or image.mime for image in images)
    note = f"[Generated {len(images)} image{'s' if len(images) > 1 else ''}: {names}]"
    return f"{note}\n\n{message.text}" if message.text else note


def build_messages(
    path: Sequence[Message], system_prompt: str, read_attachment: Callable[[str], bytes],
    *, native_pdf: bool = False,
) -> list[dict[str, Any]]:
    """The request's messages for a path of the tree; empty failed replies are left out.

    `native_pdf` (the provider's "Send PDFs natively"): attached PDFs go as files, not text.
    """
    messages: list[dict[str, Any]] = []
    if system_prompt.strip():
        messages.append({"role": "system", "content": system_prompt})
    unanswered: list[str] = []  # calls of the last reply that have no result yet
    for message in path:
        if (message.role is Role.ASSISTANT and not message.text and not message.tool_calls
                and not message.images):
            continue
        if message.role is Role.TOOL and message.tool_call_id in unanswered:
            unanswered.remove(message.tool_call_id)
        elif unanswered:
            _answer_missing(messages, unanswered)
        messages.append(message_to_openai(message, read_attachment, native_pdf=native_pdf))
        if message.role is Role.ASSISTANT and message.tool_calls:
            unanswered = [call.id for call in message.tool_calls]
    _answer_missing(messages, unanswered)
    return messages


def _answer_missing(messages: list[dict[str, Any]], unanswered: list[str]) -> None:
    """Results for calls the history has none for (a crash, an older version): every API
    refuses a request where a tool call has no result."""
    messages.extend({"role": "tool", "tool_call_id": call_id, "content": TOOL_NO_RESULT}
                    for call_id in unanswered)
    unanswered.clear()
