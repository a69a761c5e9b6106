"""Media routes of the fake provider: image edits and variations, speech to text, and the
"content blocked" 503 that MaxToken documents.

`media_reply(provider, request)` answers the multipart routes (hooked into
`fake_provider.default_reply`); `parse_multipart(request)` lets a test check what was sent:

    part = parse_multipart(fake_provider.requests[-1])["mask"]
    assert part.filename == "mask.png"

/audio/transcriptions answers a text derived from the upload, so a test can tell what
arrived: `heard N bytes of NAME` (+ ` in LANG` when a language was sent), as JSON `{"text"}`
or plain text per `response_format`. /images/edits and /images/variations answer `n` PNGs
whose width is the number of bytes of the uploaded image modulo 61 plus 2, and whose height is
the mask's width modulo 61 plus 2 (2 without a mask): the test can read the sizes back.
"""

from __future__ import annotations

import base64
import email.parser
import email.policy
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.helpers.fake_provider import FakeProvider, RecordedRequest, Reply

CONTENT_BLOCKED = "Content blocked due to safety concerns"


@dataclass(frozen=True)
class Part:
    """One part of a multipart/form-data body."""

    name: str
    data: bytes
    filename: str | None = None
    content_type: str | None = None

    @property
    def text(self) -> str:
        return self.data.decode("utf-8")


def parse_multipart(request: RecordedRequest) -> dict[str, Part]:
    """The parts of a recorded multipart/form-data request, by field name."""
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith("multipart/form-data"):
        return {}
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    parts: dict[str, Part] = {}
    for item in message.iter_parts():
        name = item.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            continue
        payload = item.get_payload(decode=True)
        parts[name] = Part(name, payload if isinstance(payload, bytes) else b"",
                           item.get_filename(), item.get_content_type())
    return parts


def content_blocked(status: int = 503, *, plain: bool = False) -> Reply:
    """MaxToken's documented refusal: 503 "Content blocked due to safety concerns" (as JSON
    with a code that says nothing of policy, or as a plain-text body)."""
    from tests.helpers.fake_provider import Reply

    if plain:
        return Reply.text(CONTENT_BLOCKED, status)
    return Reply.json({"error": {"message": CONTENT_BLOCKED, "type": "upstream_error"}}, status)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG's header (for tests reading back what was answered)."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def media_reply(provider: FakeProvider, request: RecordedRequest) -> Reply | None:
    """The built-in answer for a media route, or None when the path is not one."""
    path = request.path.split("?", 1)[0].rstrip("/")
    if path.endswith(("/images/edits", "/images/variations")):
        return _image_reply(provider, request)
    if path.endswith("/audio/transcriptions"):
        return _transcription_reply(request)
    return None


def _field(parts: dict[str, Part], name: str) -> str | None:
    part = parts.get(name)
    return part.text if part is not None and part.filename is None else None


def _image_reply(provider: FakeProvider, request: RecordedRequest) -> Reply:
    from tests.helpers.fake_provider import Reply, tiny_png

    parts = parse_multipart(request)
    image = parts.get("image") or parts.get("image[]")
    if image is None or not image.data:
        return Reply.error(400, "'image' is a required property", "invalid_request_error")
    if request.path.endswith("/edits") and not (_field(parts, "prompt") or "").strip():
        return Reply.error(400, "'prompt' is a required property", "invalid_request_error")
    n = int(_field(parts, "n") or 1)
    mask = parts.get("mask")
    width = len(image.data) % 61 + 2
    height = (png_size(mask.data)[0] % 61 + 2) if mask is not None else 2
    png = tiny_png(width, height)
    if _field(parts, "response_format") == "url":
        data: list[dict[str, Any]] = [
            {"url": f"{provider.url}/files/image-{i}.png"} for i in range(n)]
    else:
        data = [{"b64_json": base64.b64encode(png).decode()} for _ in range(n)]
    return Reply.json({"created": int(time.time()), "data": data})


def transcript_for(data: bytes, filename: str, language: str | None = None) -> str:
    """What the fake transcription says for an upload."""
    text = f"heard {len(data)} bytes of {filename}"
    return f"{text} in {language}" if language else text


def _transcription_reply(request: RecordedRequest) -> Reply:
    from tests.helpers.fake_provider import Reply

    parts = parse_multipart(request)
    upload = parts.get("file")
    if upload is None or not upload.data:
        return Reply.error(400, "'file' is a required property", "invalid_request_error")
    if not _field(parts, "model"):
        return Reply.error(400, "'model' is a required property", "invalid_request_error")
    text = transcript_for(upload.data, upload.filename or "", _field(parts, "language"))
    response_format = _field(parts, "response_format") or "json"
    if response_format in ("text", "srt", "vtt"):
        return Reply.text(text + "\n")
    if response_format == "verbose_json":
        return Reply.json({"task": "transcribe", "language": _field(parts, "language") or
                           "english", "duration": 1.5, "text": text, "segments": []})
    return Reply.json({"text": text})


def rgba_png(width: int, height: int, transparent: tuple[int, int, int, int] | None = None
             ) -> bytes:
    """A PNG with alpha (colour type 6), opaque grey, with the box (x0, y0, x1, y1)
    transparent: a mask as OpenAI's edits expect it."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    x0, y0, x1, y1 = transparent or (0, 0, 0, 0)
    rows = b"".join(
        b"\x00" + b"".join(b"\x80\x80\x80\x00" if x0 <= x < x1 and y0 <= y < y1
                           else b"\x80\x80\x80\xff" for x in range(width))
        for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))
