"""Knowledge-base sources of a reply in exports: Markdown lines, an HTML list, JSON.

Exports name each source by knowledge base, file name and page, with a short excerpt of the
passage; never the file's absolute path (an export is often shared, and a path tells the
reader about the author's disk). JSON adds the similarity and the whole stored passage.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from desktop.core.passages import Passage

EXCERPT_CHARS = 240


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS - 1].rstrip() + "…"


def sources_markdown(passages: Sequence[Passage]) -> list[str]:
    """A numbered list under the reply ([] without sources)."""
    if not passages:
        return []
    lines = ["**Sources from knowledge bases:**", ""]
    for number, p in enumerate(passages, start=1):
        quote = _excerpt(p.text).replace("*", "\\*").replace("_", "\\_")
        lines.append(f"{number}. {p.where} ({p.knowledge_base}): *{quote}*")
    return [*lines, ""]


def sources_html(passages: Sequence[Passage]) -> str:
    """An ordered list under the reply ("" without sources); everything escaped."""
    if not passages:
        return ""
    items = "".join(
        f"<li><b>{html.escape(p.where)}</b> <span class=\"note\">"
        f"{html.escape(p.knowledge_base)}</span><br><q>{html.escape(_excerpt(p.text))}</q></li>"
        for p in passages)
    return (f'<div class="kb-sources"><p class="note">Sources from knowledge bases</p>'
            f'<ol class="sources">{items}</ol></div>')


def sources_json(passages: Sequence[Passage]) -> list[dict[str, Any]]:
    """Each source: knowledge base, file name, page, chunk, similarity and text."""
    return [{"kb": p.knowledge_base, "file": p.file_name, "page": p.page, "chunk": p.chunk,
             "score": round(p.score, 4), "text": p.text} for p in passages]
