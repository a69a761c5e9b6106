"""Separate `<think>…</think>` blocks from reply text, even when a tag is split across chunks.

DeepSeek-R1, QwQ and many local servers put the model's reasoning inside the content,
wrapped in think tags; relays cut the stream anywhere, so a tag may arrive as `<th` + `ink>`.
"""

from __future__ import annotations

OPEN_TAG = "<think>"
CLOSE_TAG = "</think>"


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

    __slots__ = ("_held", "in_think", "seen_tag")

    def __init__(self) -> None:
        self.in_think = False
        self.seen_tag = False
        self._held = ""

    def feed(self, text: str) -> list[tuple[bool, str]]:
        """Split the next piece of content into reasoning and reply parts, in order."""
        if self._held:
            text = self._held + text
            self._held = ""
        elif "<" not in text:
            return [(self.in_think, text)] if text else []
        parts: list[tuple[bool, str]] = []
        while text:
            tag = CLOSE_TAG if self.in_think else OPEN_TAG
            found = text.find(tag)
            if found >= 0:
                if found:
                    parts.append((self.in_think, text[:found]))
                text = text[found + len(tag) :]
                self.in_think = not self.in_think
                self.seen_tag = True
                continue
            held = _partial_tag_length(text, tag)
            if held:
                self._held = text[-held:]
                text = text[:-held]
            if text:
                parts.append((self.in_think, text))
            break
        return parts

    def flush(self) -> list[tuple[bool, str]]:
        """End of content: whatever was held back is plain text of the current kind."""
        held, self._held = self._held, ""
        return [(self.in_think, held)] if held else []


def split_think_tags(text: str) -> tuple[str, str]:
    """Split a complete content string into (reasoning, reply)."""
    splitter = ThinkTagSplitter()
    reasoning: list[str] = []
    reply: list[str] = []
    for is_reasoning, part in [*splitter.feed(text), *splitter.flush()]:
        (reasoning if is_reasoning else reply).append(part)
    return "".join(reasoning), "".join(reply)
