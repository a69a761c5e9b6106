"""MCP results to ToolResults: every kind of content, and the caps on hostile ones."""

from __future__ import annotations

import base64

from mcp.types import (
    AudioContent,
    BlobResourceContents,
    CallToolResult,
    EmbeddedResource,
    ImageContent,
    ResourceLink,
    TextContent,
    TextResourceContents,
)

from desktop.core.tools.mcp_results import (
    MAX_IMAGE_BYTES,
    MAX_IMAGES,
    MAX_TEXT_CHARS,
    convert_result,
    decode_image,
)
from tests.helpers.mcp_http_server import TINY_PNG

PNG64 = base64.b64encode(TINY_PNG).decode()


def test_each_kind_of_content() -> None:
    result = convert_result(CallToolResult(content=[
        TextContent(type="text", text="first"),
        ImageContent(type="image", data=PNG64, mime_type="image/jpeg"),  # the bytes decide
        EmbeddedResource(type="resource", resource=TextResourceContents(
            uri="file:///notes.txt", text="note body")),
        EmbeddedResource(type="resource", resource=BlobResourceContents(
            uri="file:///x.bin", blob="AAAA", mime_type="application/octet-stream")),
        ResourceLink(type="resource_link", uri="file:///y", name="why"),
        AudioContent(type="audio", data="AAAA", mime_type="audio/wav"),
    ], is_error=True), duration_ms=12.5)
    assert result.is_error and result.duration_ms == 12.5 and not result.truncated
    assert [(i.mime, i.data) for i in result.images] == [("image/png", TINY_PNG)]
    assert result.text.split("\n") == [
        "first", "[resource file:///notes.txt]", "note body",
        "[resource file:///x.bin (application/octet-stream), not shown]",
        "[resource link file:///y: why]", "[audio content, not shown]"]


def test_structured_content_alone_becomes_json_text() -> None:
    result = convert_result(CallToolResult(content=[], structured_content={"a": [1, "é"]}))
    assert result.text == '{"a": [1, "é"]}'


def test_caps() -> None:
    many = [TextContent(type="text", text="y" * 50_000) for _ in range(10)]
    images = [ImageContent(type="image", data=PNG64, mime_type="image/png")] * (MAX_IMAGES + 3)
    result = convert_result(CallToolResult(content=[*many, *images]))
    assert result.truncated and len(result.text) == MAX_TEXT_CHARS
    assert len(result.images) == MAX_IMAGES
    oversized = base64.b64encode(TINY_PNG + b"\0" * (MAX_IMAGE_BYTES + 10)).decode()
    assert decode_image(oversized) == "the image is larger than 10 MB"
    assert decode_image("%%%") == "the image data is not valid base64"
    assert decode_image(5) == "the image data is not text"
    surrogate = convert_result(CallToolResult(content=[TextContent(type="text", text="a\ud83d")]))
    assert surrogate.text == "a\ufffd"
