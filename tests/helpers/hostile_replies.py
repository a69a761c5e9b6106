"""Hostile replies for the fake provider: what a broken or malicious server sends.

Each is a `Reply` whose body is generated while it is sent (never held in memory), so a test
can serve a gigabyte: a gzip bomb (a small file on disk, made once, that inflates to
`inflated` bytes), one endless SSE line, a huge image, a redirect to a local address.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.helpers.fake_provider import Chunk, Reply, sse_event

GIB = 1024 * 1024 * 1024
MIB = 1024 * 1024
BOMB_DIR = Path(tempfile.gettempdir()) / "switchboard-hostile"
PNG_HEAD = b"\x89PNG\r\n\x1a\n"


def text_event(text: str) -> dict[str, Any]:
    """An OpenAI chat delta carrying `text`."""
    return {"id": "c", "object": "chat.completion.chunk", "model": "m",
            "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}


def gzip_bomb_file(prefix: bytes, inflated: int, fill: bytes = b"\0") -> Path:
    """A gzip file of `prefix` then `fill` repeated up to `inflated` bytes in all (cached in
    the temp directory: 1 GB of zeros compresses to about 1 MB)."""
    digest = hashlib.sha256(prefix + b"|" + fill).hexdigest()[:16]
    path = BOMB_DIR / f"bomb-{digest}-{inflated}.gz"
    if path.exists():
        return path
    BOMB_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = fill * (MIB // len(fill))
    with partial.open("wb") as out:
        out.write(compressor.compress(prefix))
        remaining = inflated - len(prefix)
        while remaining > 0:
            piece = block[: min(remaining, len(block))]
            out.write(compressor.compress(piece))
            remaining -= len(piece)
        out.write(compressor.flush())
    partial.replace(path)
    return path


def _file_chunks(path: Path, size: int = 64 * 1024) -> Iterator[Chunk]:
    with path.open("rb") as source:
        while block := source.read(size):
            yield Chunk(block)


def gzip_bomb(prefix: bytes = b"", inflated: int = GIB, *, content_type: str = "text/event-stream",
              status: int = 200) -> Reply:
    """A `Content-Encoding: gzip` body of `prefix` then zeros, `inflated` bytes when decoded."""
    path = gzip_bomb_file(prefix, inflated)
    headers = {"Content-Type": content_type, "Content-Encoding": "gzip"}
    return Reply(status, headers, _file_chunks(path), chunked=True)


def sse_bomb(texts: list[str], inflated: int = GIB) -> Reply:
    """A gzipped event stream: a few text deltas, then one endless line of zeros."""
    prefix = b"".join(sse_event(text_event(t)) for t in texts) + b"data: "
    return gzip_bomb(prefix, inflated)


def endless_line(texts: list[str], line_bytes: int, *, event_lines: bool = False) -> Reply:
    """Text deltas, then one SSE line of `line_bytes` (or with `event_lines`, one event of
    that many bytes in 1 KB `data:` lines), made on the fly."""
    def chunks() -> Iterator[Chunk]:
        for text in texts:
            yield Chunk(sse_event(text_event(text)))
        unit = (b"data: " + b"a" * 1017 + b"\n") if event_lines else b"a" * 1024
        block = unit * 1024
        if not event_lines:
            yield Chunk(b"data: ")
        sent = 0
        while sent < line_bytes:
            piece = block[: min(len(block), line_bytes - sent)]
            yield Chunk(piece)
            sent += len(piece)
        yield Chunk(b"\n\n")

    return Reply(200, {"Content-Type": "text/event-stream"}, chunks(), chunked=True)


def huge_image(size: int, *, announce: bool = False, content_type: str = "image/png") -> Reply:
    """A PNG header followed by zeros, `size` bytes; `announce` sends its Content-Length
    (which lets a client refuse before reading), else it is sent chunked."""
    def chunks() -> Iterator[Chunk]:
        yield Chunk(PNG_HEAD)
        block = b"\0" * MIB
        sent = len(PNG_HEAD)
        while sent < size:
            piece = block[: min(len(block), size - sent)]
            yield Chunk(piece)
            sent += len(piece)

    headers = {"Content-Type": content_type}
    if announce:
        headers["Content-Length"] = str(size)
    return Reply(200, headers, chunks(), chunked=not announce)


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, {"Location": location, "Content-Length": "0"}, [], chunked=False)


def image_urls(*urls: str) -> Reply:
    """An /images/generations answer naming images by address."""
    return Reply.json({"created": 1, "data": [{"url": url} for url in urls]})
