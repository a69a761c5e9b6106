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

# A character of a run: an HTML entity counts as one, so none is ever split.
_RUN_CHAR = r"(?:&#?[A-Za-z0-9]{1,10};|[^\s<>&\u200b])"
# In HTML: tags are kept whole (an href may be long); text runs get a break every RUN_LIMIT.
_HTML_PIECE = re.compile(rf"(<[^>]*>)|((?:{_RUN_CHAR}){{{RUN_LIMIT}}})(?={_RUN_CHAR})")
_TEXT_RUN = re.compile(rf"([^\s\u200b]{{{RUN_LIMIT}}})(?=[^\s\u200b])")


def _html_piece(match: re.Match[str]) -> str:
    tag = match.group(1)
    return tag if tag is not None else match.group(2) + BREAK


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
