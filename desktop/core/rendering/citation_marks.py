"""Citation numbers in rendered Markdown: `[1]` links placed in the text, drawn superscript.

The window and the HTML export both render a reply's Markdown with markdown-it; the numbers
go into the source as ordinary links (`[&#91;1&#93;](cite:1)`: the brackets as entities,
since `\\[…\\]` is display math) where each citation points, and a render rule draws links
whose address starts with a citation prefix inside `<sup>`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it import MarkdownIt

from desktop.core.citations import place_markers
from desktop.core.reply_parts import Citation

CITE_HREF = "cite:"
"""Address prefix of a citation number in the window (`cite:3` is source 3)."""
EXPORT_CITE_HREF = "#cite-"
"""Address prefix of a citation number in the HTML export (a link to its source entry)."""
_PREFIXES = (CITE_HREF, EXPORT_CITE_HREF)


def cited_markdown(
    text: str, citations: Sequence[Citation], href: Callable[[int], str] | None = None,
    *, streaming: bool = False,
) -> str:
    """`text` with a `[n]` link after each cited span; `href(n)` is its address
    (`streaming`: only where the text has grown past the span, see `place_markers`)."""
    address = href or (lambda number: f"{CITE_HREF}{number}")
    return place_markers(text, citations, lambda n: f"[&#91;{n}&#93;]({address(n)})",
                         streaming=streaming)


def citation_number(href: str) -> int | None:
    """The source number of a window citation link (`cite:3` → 3), else None."""
    if not href.startswith(CITE_HREF):
        return None
    digits = href[len(CITE_HREF):]
    return int(digits) if digits.isdigit() and len(digits) < 6 else None


def _link_open(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    href = str(token.attrGet("href") or "")
    if not href.startswith(_PREFIXES):
        return str(renderer.renderToken(tokens, idx, options, env))
    for later in tokens[idx + 1:]:
        if later.type == "link_close" and later.level == token.level:
            later.meta["citation"] = True
            break
    token.attrSet("class", "cite")
    return '<sup class="cite">' + str(renderer.renderToken(tokens, idx, options, env))


def _link_close(renderer: Any, tokens: list[Any], idx: int, options: Any, env: Any) -> str:
    closing = str(renderer.renderToken(tokens, idx, options, env))
    return closing + "</sup>" if tokens[idx].meta.get("citation") else closing


def install_citation_rules(md: MarkdownIt) -> None:
    """Draw citation-number links (window or export prefixes) as superscripts."""
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("link_close", _link_close)
