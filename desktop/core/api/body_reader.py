"""Reading a response body with a cap on what it decompresses to.

httpx inflates each network read in one call, so 64 KB of gzip can become 64 MB at once.
`decoded_chunks` reads the raw bytes and inflates them itself, at most `PIECE` bytes at a
time, so what arrives can be counted (and refused) before it fills memory; `read_capped`
reads a whole body that way and refuses one over its limit, early when Content-Length
already says so.
"""

from __future__ import annotations

import zlib
from collections.abc import AsyncIterator, Callable, Iterator

import httpx

from desktop.core.api.errors import ResponseTooLargeError, request_id_from
from desktop.core.api.limits import describe_size

PIECE = 256 * 1024  # most bytes one inflate step returns


class _Inflater:
    """Incremental gzip/zlib/raw-deflate decoder that returns at most PIECE bytes per step."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        self._decoder: zlib._Decompress | None = None
        self._done = False

    def _start(self, data: bytes) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        # "deflate" is meant to be zlib-wrapped, but servers often send raw deflate.
        wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._done or not data:
            return
        if self._decoder is None:
            self._decoder = self._start(data)
        decoder = self._decoder
        while data and not decoder.eof:
            piece = decoder.decompress(data, PIECE)
            if piece:
                yield piece
            data = decoder.unconsumed_tail
        self._done = decoder.eof  # anything after the end of the compressed data is ignored

    def flush(self) -> Iterator[bytes]:
        if self._decoder is not None and not self._done:
            rest = self._decoder.flush()
            if rest:
                yield rest


def _decoders(response: httpx.Response) -> list[_Inflater]:
    """One inflater per gzip/deflate coding, in the order to undo them; other codings pass
    as they are (as httpx does with codings it does not know)."""
    header = response.headers.get("content-encoding", "")
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    return [_Inflater(c) for c in reversed(codings) if c in ("gzip", "x-gzip", "deflate")]


async def decoded_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body's bytes after content decoding, in pieces of at most PIECE bytes (for
    compressed bodies), however much one network read inflates to."""
    decoders = _decoders(response)
    if not decoders:
        async for chunk in response.aiter_raw():
            if chunk:
                yield chunk
        return
    try:
        async for raw in response.aiter_raw():
            for piece in _through(decoders, raw):
                yield piece
        for index, decoder in enumerate(decoders):
            for rest in decoder.flush():
                for piece in _through(decoders[index + 1:], rest):
                    yield piece
    except zlib.error as exc:
        raise httpx.DecodingError(
            f"The compressed body could not be decoded: {exc}", request=response.request
        ) from exc


def _through(decoders: list[_Inflater], data: bytes) -> Iterator[bytes]:
    if not decoders:
        yield data
        return
    first, rest = decoders[0], decoders[1:]
    for piece in first.decode(data):
        yield from _through(rest, piece)


def announced_length(response: httpx.Response) -> int | None:
    """The Content-Length header as a number, None when absent or not a number."""
    value = response.headers.get("content-length", "")
    return int(value) if value.isdigit() else None


TooLarge = Callable[[int], ResponseTooLargeError]


def too_large_error(
    response: httpx.Response, provider: str, what: str, limit: int, setting: str
) -> TooLarge:
    """A factory of the typed error for `what` passing `limit` bytes (given the bytes seen)."""

    def make(received: int) -> ResponseTooLargeError:
        return ResponseTooLargeError(
            f"{provider} sent {what} larger than the limit of {describe_size(limit)} "
            f"({describe_size(received)} or more); reading stopped there. "
            f"Raise the setting {setting} if this is expected.",
            provider=provider,
            status=response.status_code,
            request_id=request_id_from(response.headers),
            limit=limit,
            received=received,
        )

    return make


async def read_capped(response: httpx.Response, limit: int, too_large: TooLarge) -> bytes:
    """The whole decoded body; `too_large(received)` is raised once it passes `limit` bytes
    (at once when the Content-Length already does). The caller closes the response."""
    announced = announced_length(response)
    if announced is not None and announced > limit:
        raise too_large(announced)
    body = bytearray()
    async for piece in decoded_chunks(response):
        if len(body) + len(piece) > limit:
            raise too_large(len(body) + len(piece))
        body += piece
    return bytes(body)


async def read_prefix(response: httpx.Response, limit: int) -> bytes:
    """At most `limit` decoded bytes of the body (an error body worth quoting)."""
    body = bytearray()
    async for piece in decoded_chunks(response):
        body += piece[: limit - len(body)]
        if len(body) >= limit:
            break
    return bytes(body)
