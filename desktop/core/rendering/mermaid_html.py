"""Mermaid diagrams in HTML exports: inline, sanitised SVG, so the page needs no script.

A closed ```mermaid block becomes the diagram (rendered by mmdr in its render process, shared
cache); a diagram that fails keeps its code, with the renderer's message under it.
"""

from __future__ import annotations

import html
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from desktop.core.rendering.fences import is_closed, mark_closed_fences
from desktop.core.rendering.mermaid import render_diagram
from desktop.core.rendering.mermaid_svg import prefix_ids

FIGURE_STYLE = "margin: .6rem 0; overflow-x: auto;"
SVG_STYLE = ("max-width: 100%; height: auto; background: #fff; border: 1px solid #e3e6ea; "
             "border-radius: 8px; padding: 12px; box-sizing: content-box;")


def diagram_figure(source: str, number: int) -> str | None:
    """The figure of one diagram (its ids prefixed by `number`); None when it fails."""
    result = render_diagram(source)
    if not result.ok:
        return None
    svg = prefix_ids(result.svg, f"d{number}-")
    svg = svg.replace("<svg ", f'<svg role="img" style="{SVG_STYLE}" ', 1)
    return f'<figure class="diagram" style="{FIGURE_STYLE}">{svg}</figure>\n'


def add_mermaid_diagrams(md: MarkdownIt) -> None:
    """Make `md` render closed mermaid fences as inline SVG diagrams."""
    md.core.ruler.push("closed_fences", mark_closed_fences)
    default = getattr(md.renderer, "rules", {}).get("fence")
    counter = {"next": 0}

    def fence(renderer: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        info = (token.info or "").strip().split(maxsplit=1)
        code = (default(tokens, idx, options, env) if default is not None
                else renderer.renderToken(tokens, idx, options, env))
        if not info or info[0].lower() != "mermaid" or not is_closed(token, final=True):
            return str(code)
        counter["next"] += 1
        figure = diagram_figure(token.content, counter["next"])
        if figure is not None:
            return figure
        error = render_diagram(token.content).error
        return (f'{code}<p class="status">Diagram not shown: {html.escape(error)}</p>\n')

    md.add_render_rule("fence", fence)
