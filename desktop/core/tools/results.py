"""What a tool's result becomes in the history: capped text and images kept as attachments."""

from __future__ import annotations

from desktop.core.store.errors import StoreError
from desktop.core.store.models import ContentPart, TextPart
from desktop.core.store.store import Store
from desktop.core.tools.contract import ToolResult, ToolSpec

MAX_RESULT_CHARS = 100_000  # what one result may put in the history and the next request
MAX_RESULT_IMAGES = 8
IMAGE_MIMES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
MAX_DESCRIPTION_CHARS = 4_000

CANCELLED_TEXT = "The tool call was cancelled by the user."


def capped_text(text: str, limit: int = MAX_RESULT_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n[… truncated: the result had {len(text):,} characters]"


def result_parts(store: Store, result: ToolResult) -> list[ContentPart]:
    """The message parts of a result (blocking: stores the images). Images the store cannot
    take (type, size, count) are named in the text instead, so the model knows."""
    notes: list[str] = []
    images: list[ContentPart] = []
    for index, image in enumerate(result.images):
        if index >= MAX_RESULT_IMAGES:
            notes.append(f"[{len(result.images) - index} more images left out]")
            break
        if image.mime not in IMAGE_MIMES:
            notes.append(f"[an image of type {image.mime[:60]!r} left out]")
            continue
        try:
            images.append(store.add_attachment(image.data, image.mime, f"tool-image-{index + 1}"))
        except StoreError as exc:
            notes.append(f"[an image left out: {exc}]")
    text = capped_text(result.text)
    if result.truncated and "truncated" not in text[-200:]:
        text += "\n[… truncated by the tool server]"
    text = "\n".join([text, *notes]) if notes else text
    return ([TextPart(text)] if text else []) + images


def tool_definition(spec: ToolSpec) -> dict[str, object]:
    """The OpenAI `tools` entry for a spec, under its wire name (converted per API style)."""
    schema = spec.input_schema if isinstance(spec.input_schema, dict) else {}
    if schema.get("type") != "object":
        schema = {"type": "object", "properties": {}}
    function: dict[str, object] = {"name": spec.wire_name, "parameters": schema}
    if spec.description:
        function["description"] = spec.description[:MAX_DESCRIPTION_CHARS]
    return {"type": "function", "function": function}
