"""Shared helpers of the stream decoder tests: fixture loading and ways to chunk a body."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

FIXTURES = Path(__file__).parent / "fixtures"


class Feedable(Protocol):
    def feed(self, data: bytes) -> Sequence[Any]: ...
    def close(self) -> Sequence[Any]: ...


def fixture_bytes(name: str) -> bytes:
    """The raw bytes of a fixture file, exactly as a server would send them."""
    return (FIXTURES / name).read_bytes()


def decode_all(factory: Callable[[], Feedable], chunks: Iterable[bytes]) -> list[Any]:
    """Feed every chunk to a fresh decoder/parser, then close it; return all its output."""
    decoder = factory()
    out: list[Any] = []
    for chunk in chunks:
        out.extend(decoder.feed(chunk))
    out.extend(decoder.close())
    return out


def two_chunk_splits(data: bytes) -> Iterator[tuple[int, list[bytes]]]:
    """Every way to cut the body in two: (offset, [head, tail])."""
    for offset in range(len(data) + 1):
        yield offset, [data[:offset], data[offset:]]


def byte_by_byte(data: bytes) -> list[bytes]:
    return [data[i : i + 1] for i in range(len(data))]


def with_line_ends(data: bytes, end: bytes) -> bytes:
    """The same body with every line end (CRLF, CR or LF) replaced by `end`."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\n", end)


def chunk_at(data: bytes, cuts: Iterable[int]) -> list[bytes]:
    """Cut the body at the given offsets (any order, duplicates allowed)."""
    points = sorted({min(max(c, 0), len(data)) for c in cuts})
    pieces, start = [], 0
    for point in points:
        pieces.append(data[start:point])
        start = point
    pieces.append(data[start:])
    return pieces


def parse_events(style: Any, chunks: Iterable[bytes]) -> list[Any]:
    """All events a fresh stream parser of `style` emits for the chunks, StreamEnd included."""
    from desktop.core.api.parsers.stream_parser import make_stream_parser

    return decode_all(lambda: make_stream_parser(style), chunks)


def assemble(events: Iterable[Any]) -> Any:
    """The ChatResult those events fold into."""
    from desktop.core.api.assembler import StreamAssembler

    assembler = StreamAssembler()
    for event in events:
        assembler.add(event)
    return assembler.result


def sse_body(*payloads: Any, done: bool = True, end: str = "\n\n") -> bytes:
    """An event stream with one `data:` event per payload (dicts become compact JSON)."""
    import json

    parts = []
    for payload in payloads:
        text = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
        parts.append(f"data: {text}{end}")
    if done:
        parts.append(f"data: [DONE]{end}")
    return "".join(parts).encode()
