"""ThinkTagSplitter: think blocks anywhere, tags split at any character."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.api.think_tags import ThinkTagSplitter, split_think_tags


def _split_stream(pieces: list[str]) -> tuple[str, str]:
    splitter = ThinkTagSplitter()
    parts = [p for piece in pieces for p in splitter.feed(piece)] + splitter.flush()
    return (
        "".join(text for is_reasoning, text in parts if is_reasoning),
        "".join(text for is_reasoning, text in parts if not is_reasoning),
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("plain", ("", "plain")),
        ("<think>a</think>b", ("a", "b")),
        ("x<think>a</think>y<think>b</think>z", ("ab", "xyz")),
        ("<think>never closed", ("never closed", "")),
        ("a < b and <thinking> is not a tag", ("", "a < b and <thinking> is not a tag")),
        ("</think>stray close", ("", "</think>stray close")),
        ("ends with <thi", ("", "ends with <thi")),
        ("<<think>>x</think>", (">x", "<")),
        ("<thought>g</thought>answer", ("g", "answer")),
        ("<thought>a</think>b</thought>c", ("a</think>b", "c")),
        ("<think>a</thought>b</think>c", ("a</thought>b", "c")),
    ],
)
def test_split_think_tags(content: str, expected: tuple[str, str]) -> None:
    assert split_think_tags(content) == expected


@pytest.mark.parametrize(
    "content",
    [
        "Hi <think>abc</think>answer",
        "<think></think>",
        "a<think>b</think>c<think>d</think>e",
        "<thought>x</thought>y",
    ],
)
def test_every_two_piece_split(content: str) -> None:
    expected = split_think_tags(content)
    for offset in range(len(content) + 1):
        assert _split_stream([content[:offset], content[offset:]]) == expected, offset


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            ["<think>", "</think>", "<thought>", "</thought>", "<", "<th", "x", "ink>", "> ", "é"]
        ),
        max_size=12,
    ),
    cuts=st.lists(st.integers(min_value=0, max_value=80), max_size=10),
)
def test_random_pieces_match_the_whole(words: list[str], cuts: list[int]) -> None:
    content = "".join(words)
    assert _split_stream(_char_pieces(content, cuts)) == split_think_tags(content)


def _char_pieces(content: str, cuts: list[int]) -> list[str]:
    points = sorted({min(c, len(content)) for c in cuts})
    pieces, start = [], 0
    for point in points:
        pieces.append(content[start:point])
        start = point
    return [*pieces, content[start:]]
