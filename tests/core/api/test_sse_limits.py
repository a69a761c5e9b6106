"""`SSELengthGuard`: the line and event lengths of an event stream, in any chunking."""

from __future__ import annotations

import random

import pytest

from desktop.core.api.sse import SSELengthGuard, SSELimitError


def feed_in_pieces(body: bytes, limit: int, seed: int) -> None:
    guard = SSELengthGuard(limit)
    rng = random.Random(seed)
    start = 0
    while start < len(body):
        size = rng.randint(1, 40)
        guard.feed(body[start:start + size])
        start += size


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("seed", range(5))
def test_events_under_the_limit_pass_in_any_chunking(newline: str, seed: int) -> None:
    event = f"data: {'x' * 90}{newline}{newline}".encode()
    feed_in_pieces(event * 200, limit=100, seed=seed)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("seed", range(5))
def test_an_event_over_the_limit_is_caught_in_any_chunking(newline: str, seed: int) -> None:
    line = f"data: {'x' * 60}{newline}".encode()
    with pytest.raises(SSELimitError) as caught:
        feed_in_pieces(line * 10 + newline.encode(), limit=300, seed=seed)
    assert caught.value.what == "an event"


def test_a_line_over_the_limit_is_caught() -> None:
    guard = SSELengthGuard(1000)
    guard.feed(b"data: {}\n\n")
    guard.feed(b"data: " + b"a" * 900)
    with pytest.raises(SSELimitError) as caught:
        guard.feed(b"a" * 200)
    assert caught.value.what == "a line"
    assert caught.value.size == 1106
