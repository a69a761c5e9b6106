"""Incremental Markdown rendering for streamed replies: finished blocks once, the tail per flush.

CommonMark parses blocks line by line and never reopens a block once a later block has
started, so every top-level block except the last one is final. `IncrementalMarkdown` keeps the
HTML of those finished blocks and re-parses only the text from the start of the last block.
Reference link definitions (`[x]: /url`) are the exception (they apply to the whole document),
so text that may hold one is rendered whole from then on, and the update says so (`reset`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from markdown_it.token import Token

from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.math_spans import open_display_line

# Anything that could be a link reference definition (also inside quotes and lists).
_MAYBE_REFERENCE = re.compile(r"\]:")
# While streaming, a code block in the tail is shown unhighlighted (Pygments, ~10 µs a
# character, would redo the whole block on every flush); it is highlighted once finished.
TAIL_HIGHLIGHT_LIMIT = 0
# Generations are unique across instances, so a job of a replaced rendering never applies.
_GENERATIONS = itertools.count(1)


@dataclass(frozen=True, slots=True)
class RenderUpdate:
    """What changed since the previous update.

    `finished` is HTML to append after the blocks finished before; `tail` replaces the previous
    tail. With `reset`, the previous HTML is void: `finished` is everything finished so far.
    """

    finished: str
    tail: str
    reset: bool = False
    part: int = -1  # index of `finished` among the finished parts
    deferred: bool = False  # `finished` has plain code blocks; see take_deferred()


@dataclass(frozen=True, slots=True)
class DeferredHighlight:
    """A finished part whose code blocks still need Pygments: render `tokens`, then resolve."""

    generation: int
    part: int
    tokens: list[Token]


class IncrementalMarkdown:
    """The rendering of one growing Markdown text; `html` always equals a full render.

    With `defer_highlight`, finished parts that hold code blocks are first rendered plain
    (Pygments costs ~10 µs a character, too much for one frame) and listed by
    `take_deferred()`; `html` equals a full render once each of them is `resolve`d.
    """

    def __init__(self, renderer: MarkdownRenderer, *, defer_highlight: bool = False) -> None:
        self._renderer = renderer
        self._defer = defer_highlight
        self._deferred: list[DeferredHighlight] = []
        self._generation = next(_GENERATIONS)
        self.complete = False  # finish() was called: the text is complete
        self._text: list[str] = []  # normalised text, in pieces, joined on demand
        self._length = 0
        self._stable_end = 0  # offset in the normalised text where the unfinished tail starts
        self._tail_text = ""
        self._finished: list[str] = []
        self._tail_html = ""
        self._whole = False  # render everything each time (reference definitions seen)
        self._pending_cr = False

    @property
    def html(self) -> str:
        """The HTML of the text so far (finished blocks + tail)."""
        return "".join(self._finished) + self._tail_html

    @property
    def finished_html(self) -> str:
        return "".join(self._finished)

    @property
    def tail_html(self) -> str:
        return self._tail_html

    @property
    def length(self) -> int:
        return self._length

    @property
    def tail_length(self) -> int:
        """Characters re-parsed on each update (the unfinished last block)."""
        return len(self._tail_text)

    @property
    def text(self) -> str:
        """The text fed so far, with line endings normalised to \\n."""
        if len(self._text) > 1:
            self._text = ["".join(self._text)]
        return self._text[0] if self._text else ""

    def append(self, delta: str) -> RenderUpdate:
        """Add streamed text and re-render what may have changed."""
        if self._pending_cr:
            delta = "\r" + delta
            self._pending_cr = False
        if delta.endswith("\r"):
            # A "\r\n" may be split across deltas; wait for the next piece to decide.
            delta = delta[:-1]
            self._pending_cr = True
        delta = delta.replace("\r\n", "\n").replace("\r", "\n")
        self._text.append(delta)
        self._length += len(delta)
        self._tail_text += delta
        return self._update()

    def finish(self) -> RenderUpdate:
        """The text is complete: flush a trailing carriage return and render the end."""
        self.complete = True
        if self._pending_cr:
            self._pending_cr = False
            self._text.append("\n")
            self._length += 1
            self._tail_text += "\n"
        return self._update(final=True)

    def retext(self, text: str) -> RenderUpdate | None:
        """Replace the whole text with `text` when it differs only after the finished blocks
        (a citation number placed in the block still streaming): only that block is parsed
        again. None when an earlier part differs (or the text is complete): render anew."""
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        stable = self._stable_end
        if self.complete or self._whole or self._pending_cr or len(text) < stable:
            return None
        if text[:stable] != self.text[:stable]:
            return None
        self._text = [text]
        self._length = len(text)
        self._tail_text = text[stable:]
        return self._update()

    def take_deferred(self) -> list[DeferredHighlight]:
        """Parts rendered with plain code so far (each listed once)."""
        deferred, self._deferred = self._deferred, []
        return deferred

    def resolve(self, generation: int, part: int, html: str) -> bool:
        """Put in the highlighted HTML of a deferred part (ignored after a reset)."""
        if generation != self._generation or not 0 <= part < len(self._finished):
            return False
        self._finished[part] = html
        return True

    def _render_tail(self, tokens: list[Token], final: bool) -> str:
        return self._render(tokens, None if final else TAIL_HIGHLIGHT_LIMIT)

    def _render(self, tokens: list[Token], highlight_limit: int | None) -> str:
        saved = self._renderer.highlight_limit
        self._renderer.highlight_limit = highlight_limit
        try:
            return self._renderer.render_tokens(tokens)
        finally:
            self._renderer.highlight_limit = saved

    def _update(self, final: bool = False) -> RenderUpdate:
        tail = self._tail_text
        if not self._whole and _MAYBE_REFERENCE.search(tail):
            self._whole = True
            self._generation = next(_GENERATIONS)
            self._deferred = []
            self._stable_end = 0
            self._tail_text = self.text
            self._finished = []
            self._tail_html = self._renderer.render(self._tail_text)
            return RenderUpdate("", self._tail_html, reset=True)
        if self._whole:
            self._tail_text = self.text
            self._tail_html = self._renderer.render(self._tail_text)
            return RenderUpdate("", self._tail_html)
        tokens = self._renderer.parse(tail)
        complete_lines = tail.count("\n")
        open_math = open_display_line(tail)
        if open_math is not None:  # the blocks from there on may still become one formula
            complete_lines = min(complete_lines, open_math + 1)
        split = _last_block_start(tokens, complete_lines)
        finished = ""
        part = -1
        deferred = False
        if split is not None and split[0] > 0:
            index, line = split
            done = tokens[:index]
            part = len(self._finished)
            deferred = self._defer and any(
                token.type in ("fence", "code_block") and token.info.strip() for token in done
            )
            if deferred:
                finished = self._render(done, 0)
                self._deferred.append(DeferredHighlight(self._generation, part, done))
            else:
                finished = self._renderer.render_tokens(done)
            offset = _line_offset(tail, line)
            self._finished.append(finished)
            self._stable_end += offset
            self._tail_text = tail[offset:]
            tokens = tokens[index:]
            _shift_lines(tokens, -line)
        self._tail_html = self._render_tail(tokens, final)
        return RenderUpdate(finished, self._tail_html, part=part, deferred=deferred)


def _last_block_start(tokens: list[Token], complete_lines: int) -> tuple[int, int] | None:
    """(token index, source line) of the last top-level block whose first line is complete.

    A line still being typed may change meaning ("1" becomes "1. item" and joins the list
    before it), so only a block starting on a finished line proves the blocks before it closed.
    """
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        is_block_start = token.level == 0 and token.nesting >= 0 and token.map is not None
        if is_block_start and token.map is not None and token.map[0] < complete_lines:
            return index, token.map[0]
    return None


def _line_offset(text: str, line: int) -> int:
    """Character offset where source line `line` (0-based) starts."""
    offset = 0
    for _ in range(line):
        offset = text.index("\n", offset) + 1
    return offset


def _shift_lines(tokens: list[Token], delta: int) -> None:
    """Keep source line maps relative to the new tail (nothing renders them, but be exact)."""
    for token in tokens:
        if token.map is not None:
            token.map = [token.map[0] + delta, token.map[1] + delta]
