"""Break opportunities in very long unbroken runs, so that text layout stays linear.

Qt's line breaker looks for a word boundary across the whole of a run with no spaces before
it falls back to breaking anywhere; a run of 500 KB of hex costs it seconds to minutes. A
zero-width space every `RUN_LIMIT` characters of such a run gives it break points. They are
added when rendering only (never stored) and removed again when text is copied out.
"""

from __future__ import annotations

import re

BREAK = "\u200b"  # ZERO WIDTH SPACE: a break opportunity that draws nothing
RUN_LIMIT = 100

# In HTML: a tag is kept whole (an href may be long); a text run longer than RUN_LIMIT is
# cut into pieces. One plain character class per branch keeps the scan linear and fast.
_HTML_PIECE = re.compile(rf"(<[^>]*>)|([^\s<>\u200b]{{{RUN_LIMIT + 1},}})")
_TEXT_RUN = re.compile(rf"([^\s\u200b]{{{RUN_LIMIT}}})(?=[^\s\u200b])")
_ENTITY_LENGTH = 12  # the longest entity this splits around (&#1114111; and named ones)


def _break_run(run: str) -> str:
    """A break after every RUN_LIMIT characters of `run`, never inside an `&…;` entity."""
    pieces: list[str] = []
    start = 0
    while len(run) - start > RUN_LIMIT:
        cut = start + RUN_LIMIT
        amp = run.rfind("&", max(start, cut - _ENTITY_LENGTH), cut)
        if amp != -1:
            semi = run.find(";", amp, amp + _ENTITY_LENGTH)
            if semi >= cut:  # the entity spans the cut: cut after it
                cut = semi + 1
        pieces.append(run[start:cut])
        start = cut
    pieces.append(run[start:])
    return BREAK.join(pieces)


def _html_piece(match: re.Match[str]) -> str:
    tag = match.group(1)
    return tag if tag is not None else _break_run(match.group(2))


def break_long_runs_html(html: str) -> str:
    """`html` with a break opportunity after every RUN_LIMIT characters of an unbroken run."""
    if len(html) <= RUN_LIMIT:
        return html
    return _HTML_PIECE.sub(_html_piece, html)


def break_long_runs_text(text: str) -> str:
    """Plain `text` with the same break opportunities (before it is escaped)."""
    if len(text) <= RUN_LIMIT:
        return text
    return _TEXT_RUN.sub(lambda match: match.group(1) + BREAK, text)


def remove_breaks(text: str) -> str:
    """Text copied from a rendering, without the break opportunities added for layout."""
    return text.replace(BREAK, "")
