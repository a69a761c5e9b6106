"""An MCP `CallToolResult` turned into a `ToolResult`, every part capped and checked.

Text content is kept; image content becomes `ToolImage` when it is valid base64 of a PNG, JPEG,
GIF or WebP no larger than MAX_IMAGE_BYTES (anything else is replaced by a short note); embedded
text resources are kept as text, other content is named. The text as a whole is cut at
MAX_TEXT_CHARS (`truncated=True`).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from desktop.core.safe_text import without_lone_surrogates
from desktop.core.tools.contract import ToolImage, ToolResult

MAX_TEXT_CHARS = 200_000
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGES = 16
MAX_PARTS = 1000

_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def sniff_image(data: bytes) -> str | None:
    """The MIME type of a PNG, JPEG, GIF or WebP by its first bytes; None for anything else."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def decode_image(data: object) -> ToolImage | str:
    """A ToolImage from MCP image data (base64), or the reason it was dropped."""
    if not isinstance(data, str):
        return "the image data is not text"
    if len(data) > MAX_IMAGE_BYTES * 4 // 3 + 8:
        return f"the image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB"
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return "the image data is not valid base64"
    mime = sniff_image(raw)
    if mime is None:
        return "the data is not a PNG, JPEG, GIF or WebP image"
    return ToolImage(mime=mime, data=raw)


def _part_text(part: Any, images: list[ToolImage]) -> str:
    kind = getattr(part, "type", None)
    if kind == "text":
        return str(part.text)
    if kind == "image":
        if len(images) >= MAX_IMAGES:
            return f"[image dropped: more than {MAX_IMAGES} images]"
        image = decode_image(part.data)
        if isinstance(image, str):
            return f"[image dropped: {image}]"
        images.append(image)
        return ""
    if kind == "resource":
        resource = part.resource
        text = getattr(resource, "text", None)
        uri = str(getattr(resource, "uri", ""))
        if isinstance(text, str):
            return f"[resource {uri}]\n{text}" if uri else text
        mime = getattr(resource, "mime_type", None) or "binary"
        return f"[resource {uri} ({mime}), not shown]"
    if kind == "resource_link":
        return f"[resource link {getattr(part, 'uri', '')}: {getattr(part, 'name', '')}]"
    if kind == "audio":
        return "[audio content, not shown]"
    return f"[{kind or 'unknown'} content, not shown]"


def convert_result(result: Any, duration_ms: float = 0.0) -> ToolResult:
    """The ToolResult of an MCP CallToolResult (already validated by the SDK's model)."""
    images: list[ToolImage] = []
    pieces: list[str] = []
    size = 0
    truncated = False
    content = list(result.content or [])
    if len(content) > MAX_PARTS:
        content = content[:MAX_PARTS]
        truncated = True
    for part in content:
        if size > MAX_TEXT_CHARS:
            truncated = True
            if getattr(part, "type", None) != "image":
                continue
        text = _part_text(part, images)
        if text:
            pieces.append(text)
            size += len(text) + 1
    if not pieces and not images and result.structured_content is not None:
        structured = json.dumps(result.structured_content, ensure_ascii=False)
        pieces.append(structured[:MAX_TEXT_CHARS + 1])
    text = "\n".join(pieces)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        truncated = True
    return ToolResult(text=without_lone_surrogates(text), images=tuple(images),
                      is_error=bool(result.is_error), duration_ms=duration_ms,
                      truncated=truncated)


def error_result(message: str, duration_ms: float = 0.0) -> ToolResult:
    return ToolResult(text=message, is_error=True, duration_ms=duration_ms)
