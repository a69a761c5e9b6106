"""Separate `<think>…</think>` blocks from reply text, even when a tag is split across chunks.

DeepSeek-R1, QwQ and many local servers put the model's reasoning inside the content,
wrapped in think tags (Gemini's OpenAI endpoint uses `<thought>`); relays cut the stream
anywhere, so a tag may arrive as `<th` + `ink>`.
"""

from __future__ import annotations

# Opening tag -> its closing tag.
TAG_PAIRS = {"<think>": "</think>", "<thought>": "</thought>"}


def _partial_tag_length(text: str, tag: str) -> int:
    """Length of the longest suffix of `text` that is a proper prefix of `tag`."""
    for length in range(min(len(tag) - 1, len(text)), 0, -1):
        if text.endswith(tag[:length]):
            return length
    return 0


class ThinkTagSplitter:
    """Stateful splitter for one choice: feed content pieces, get (is_reasoning, text) pieces.

    Think blocks are recognised anywhere in the content, any number of times. Text that could
    be the start of a tag is held back until the next piece (or `flush()`) decides it.
    """

    __slots__ = ("_closing", "_held")

    def __init__(self) -> None:
        self._closing: str | None = None  # the closing tag awaited inside a think block
        self._held = ""

    @property
    def in_think(self) -> bool:
        """Whether the content is inside a think block right now."""
        return self._closing is not None

    def _next_tag(self, text: str) -> tuple[int, str]:
        """Position and text of the first tag that would change state, or (-1, "")."""
        if self._closing is not None:
            return text.find(self._closing), self._closing
        found, tag = -1, ""
        for opening in TAG_PAIRS:
            position = text.find(opening)
            if position >= 0 and (found < 0 or position < found):
                found, tag = position, opening
        return found, tag

    def feed(self, text: str) -> list[tuple[bool, str]]:
        """Split the next piece of content into reasoning and reply parts, in order."""
        if self._held:
            text = self._held + text
            self._held = ""
        elif "<" not in text:
            return [(self._closing is not None, text)] if text else []
        parts: list[tuple[bool, str]] = []
        while text:
            inside = self._closing is not None
            found, tag = self._next_tag(text)
            if found >= 0:
                if found:
                    parts.append((inside, text[:found]))
                text = text[found + len(tag) :]
                self._closing = None if inside else TAG_PAIRS[tag]
                continue
            candidates = (self._closing,) if self._closing is not None else tuple(TAG_PAIRS)
            held = max(_partial_tag_length(text, candidate) for candidate in candidates)
            if held:
                self._held = text[-held:]
                text = text[:-held]
            if text:
                parts.append((inside, text))
            break
        return parts

    def flush(self) -> list[tuple[bool, str]]:
        """End of content: whatever was held back is plain text of the current kind."""
        held, self._held = self._held, ""
        return [(self._closing is not None, held)] if held else []


def split_think_tags(text: str) -> tuple[str, str]:
    """Split a complete content string into (reasoning, reply)."""
    splitter = ThinkTagSplitter()
    reasoning: list[str] = []
    reply: list[str] = []
    for is_reasoning, part in [*splitter.feed(text), *splitter.flush()]:
        (reasoning if is_reasoning else reply).append(part)
    return "".join(reasoning), "".join(reply)
