"""Throughput of the streaming path: SSE decoding, chat-chunk parsing and assembly.

Builds a synthetic OpenAI chat stream of one-token chunks (realistic `chat.completion.chunk`
objects with id, model, fingerprint, choices and delta), feeds it in network-sized pieces
(1-4 KiB) and one event per feed, and prints events per second for each stage.
Run: .venv/bin/python benchmarks/bench_stream_decode.py [--events N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable

from desktop.core.api.assembler import StreamAssembler
from desktop.core.api.parsers.stream_parser import make_stream_parser
from desktop.core.api.sse import SSEDecoder
from desktop.core.api.styles import ApiStyle

_WORDS = [
    "Hello",
    " world",
    ",",
    " the",
    " quick",
    " brown",
    " fox",
    " jumps",
    " — ",
    " 数据",
    "\n",
]


def build_stream(count: int) -> tuple[list[bytes], bytes]:
    """`count` one-token chunks plus a finish chunk, a usage chunk and [DONE]; (events, body)."""
    events = []
    for number in range(count):
        chunk = {
            "id": "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
            "object": "chat.completion.chunk",
            "created": 1741569952,
            "model": "gpt-4o-2024-08-06",
            "system_fingerprint": "fp_f9f4fb6dbf",
            "choices": [
                {
                    "index": 0,
                    "delta": {"content": _WORDS[number % len(_WORDS)]},
                    "logprobs": None,
                    "finish_reason": None,
                }
            ],
        }
        events.append(f"data: {json.dumps(chunk, separators=(',', ':'))}\n\n".encode())
    events.append(
        b'data: {"id":"chatcmpl-B9","object":"chat.completion.chunk","choices":'
        b'[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n'
    )
    events.append(
        b'data: {"id":"chatcmpl-B9","choices":[],"usage":{"prompt_tokens":9,'
        b'"completion_tokens":%d,"total_tokens":%d}}\n\n' % (count, count + 9)
    )
    events.append(b"data: [DONE]\n\n")
    return events, b"".join(events)


def network_pieces(body: bytes, seed: int = 7) -> list[bytes]:
    """The body cut into pieces of 1-4 KiB, as a socket would deliver it."""
    rng = random.Random(seed)
    pieces, start = [], 0
    while start < len(body):
        size = rng.randint(1024, 4096)
        pieces.append(body[start : start + size])
        start += size
    return pieces


def decode_only(pieces: list[bytes]) -> int:
    decoder = SSEDecoder()
    count = 0
    for piece in pieces:
        count += len(decoder.feed(piece))
    return count + len(decoder.close())


def decode_parse(pieces: list[bytes]) -> int:
    parser = make_stream_parser(ApiStyle.OPENAI_CHAT)
    count = 0
    for piece in pieces:
        count += len(parser.feed(piece))
    return count + len(parser.close())


def decode_parse_assemble(pieces: list[bytes]) -> int:
    parser = make_stream_parser(ApiStyle.OPENAI_CHAT)
    assembler = StreamAssembler()
    add = assembler.add
    count = 0
    for piece in pieces:
        for event in parser.feed(piece):
            add(event)
            count += 1
    for event in parser.close():
        add(event)
        count += 1
    result = assembler.result
    assert not result.interrupted and result.choices[0].text
    return count


def best_time(
    run: Callable[[list[bytes]], int], pieces: list[bytes], repeat: int
) -> tuple[float, int]:
    """Fastest of `repeat` runs (seconds) and the number of events the run produced."""
    best, produced = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        produced = run(pieces)
        best = min(best, time.perf_counter() - started)
    return best, produced


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--events", type=int, default=200_000)
    options.add_argument("--repeat", type=int, default=3)
    args = options.parse_args()

    events, body = build_stream(args.events)
    feeds = {"1-4 KiB pieces": network_pieces(body), "one event per feed": events}
    stages: dict[str, Callable[[list[bytes]], int]] = {
        "SSE decode": decode_only,
        "decode + parse": decode_parse,
        "decode + parse + assemble": decode_parse_assemble,
    }
    print(f"{args.events:,} one-token chunks, {len(body) / 1e6:.1f} MB, best of {args.repeat}")
    print(f"{'stage':<28}{'feeding':<22}{'SSE events/s':>14}{'MB/s':>9}{'seconds':>9}")
    for stage, run in stages.items():
        for feeding, pieces in feeds.items():
            seconds, _ = best_time(run, pieces, args.repeat)
            rate = len(events) / seconds
            print(
                f"{stage:<28}{feeding:<22}{rate:>14,.0f}{len(body) / seconds / 1e6:>9.1f}"
                f"{seconds:>9.2f}"
            )


if __name__ == "__main__":
    main()
