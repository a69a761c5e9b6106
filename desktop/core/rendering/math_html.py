"""Formulas in HTML: image references for the chat view, inline SVG for exported pages.

The chat view's HTML names each formula as an image `switchboard-math:i?<source>` (`d` for
display math), the percent-encoded source with its delimiters: the document asks the chat
view's math images for it (rendered off the UI thread), and copying a selection turns the
image back into that source.
"""

from __future__ import annotations

import html
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from desktop.core.rendering.math_spans import MathSpan, find_math, heading_level

if TYPE_CHECKING:
    from desktop.core.rendering.math_svg import MathSvgCache

MATH_SCHEME = "switchboard-math"
_INLINE_PREFIX = f"{MATH_SCHEME}:i?"
_DISPLAY_PREFIX = f"{MATH_SCHEME}:d?"
EXPORT_MATH_SIZE = 17.0  # pixels; the exported page's text is 15 px
# Browsers' default heading sizes (em), for formulas in the exported page's headings.
EXPORT_HEADING_SCALE = {1: 2.0, 2: 1.5, 3: 1.17, 4: 1.0, 5: 0.83, 6: 0.67}


def math_name(span: MathSpan) -> str:
    """The image name of a formula in the chat view's HTML (`#hN`: in a heading of level N,
    whose font size it takes; the quoted source never holds a `#`)."""
    prefix = _DISPLAY_PREFIX if span.display else _INLINE_PREFIX
    heading = f"#h{span.heading}" if span.heading else ""
    return prefix + quote(span.source, safe="") + heading


def is_math_name(name: str) -> bool:
    return name.startswith(_INLINE_PREFIX) or name.startswith(_DISPLAY_PREFIX)


@lru_cache(maxsize=4096)
def parse_math_name(name: str) -> MathSpan | None:
    """The formula behind an image name (None for any other name or a malformed one)."""
    if not is_math_name(name):
        return None
    quoted, _hash, heading = name[len(_INLINE_PREFIX) :].partition("#")
    level = heading_level(heading)
    source = unquote(quoted)
    spans = find_math(source)
    if len(spans) == 1 and spans[0].source == source:
        return replace(spans[0], heading=level) if level else spans[0]
    return None


def chat_math_html(span: MathSpan) -> str:
    """HTML for the chat view: an image the document resolves; block formulas centred."""
    image = f'<img src="{html.escape(math_name(span))}" style="vertical-align: middle" />'
    return f'<p align="center">{image}</p>\n' if span.block else image


def export_math_html(span: MathSpan, cache: MathSvgCache | None = None) -> str:
    """HTML for an exported page: the formula as inline SVG in the text's colour, aligned
    on the baseline; the source in code style (error on hover) when it cannot be typeset."""
    # Imported here: ziamath takes ~150 ms to import, which the window's start need not pay.
    from desktop.core.rendering.math_svg import SHARED_SVG_CACHE, MathError

    cache = cache if cache is not None else SHARED_SVG_CACHE
    try:
        size = EXPORT_MATH_SIZE * EXPORT_HEADING_SCALE.get(span.heading, 1.0)
        typeset = cache.get(span.latex, display=span.display, size=size)
    except MathError as error:
        return (f'<code class="math-error" title="{html.escape(str(error))}">'
                f"{html.escape(span.source)}</code>")
    svg = typeset.coloured("currentColor").replace(
        "<svg ", f'<svg role="img" aria-label="{html.escape(span.latex)}" '
        f'style="vertical-align: {-typeset.depth:.2f}px" ', 1)
    if span.block:
        return f'<div class="math-display">{svg}</div>'
    return f'<span class="math">{svg}</span>'
