"""Which fenced code blocks are closed, for renderers that turn a closed block into something else.

CommonMark closes an unclosed fence at the end of the document, so a streamed diagram whose
closing ``` has not arrived parses like a finished one. This core rule marks each fence token
whose closing line is in the source: `token.meta["closed"]` is "line" when that line has
ended (nothing can extend it) and "end" when it is the text's last, unfinished line.
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

CLOSED_KEY = "closed"


def _closing_line(line: str, markup: str) -> bool:
    bare = line.strip()
    while bare.startswith(">"):  # a fence inside a block quote
        bare = bare[1:].strip()
    return len(bare) >= len(markup) and bare == markup[0] * len(bare)


def mark_closed_fences(state: StateCore) -> None:
    """Core rule: set `meta["closed"]` on fence tokens that have a closing line."""
    fences = [token for token in state.tokens if token.type == "fence" and token.map]
    if not fences:
        return
    lines = state.src.split("\n")
    for token in fences:
        assert token.map is not None
        last = token.map[1] - 1
        if last <= token.map[0] or last >= len(lines) or not token.markup:
            continue
        if _closing_line(lines[last], token.markup):
            token.meta[CLOSED_KEY] = "line" if last < len(lines) - 1 else "end"


def is_closed(token: Token, *, final: bool) -> bool:
    """Whether a fence is closed; with `final`, also when its closing line is the last one."""
    closed = token.meta.get(CLOSED_KEY) if token.meta else None
    return closed == "line" or (final and closed == "end")
