"""Export one conversation as a self-contained HTML page (images inlined as data URLs).

Message text is rendered as Markdown with raw HTML disabled, so nothing from a message can
inject markup or script; every other value is escaped.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

from markdown_it import MarkdownIt

from desktop.core.citations import numbered_sources
from desktop.core.rendering.citation_marks import (
    EXPORT_CITE_HREF,
    cited_markdown,
    install_citation_rules,
)
from desktop.core.rendering.markdown_html import image_placeholder
from desktop.core.rendering.math_html import export_math_html
from desktop.core.rendering.math_spans import math_plugin
from desktop.core.rendering.mermaid_html import add_mermaid_diagrams
from desktop.core.store.errors import StoreError
from desktop.core.store.export_costs import any_estimated, cost_text, cost_totals, totals_text
from desktop.core.store.export_sources import sources_html
from desktop.core.store.export_tree import format_time, messages_for_export, tool_label
from desktop.core.store.models import FilePart, ImagePart, Message, MessageStatus, TextPart
from desktop.core.store.store import Store

_INLINE_MIMES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
INLINE_FILE_BYTES = 10 * 1024 * 1024  # attached documents up to this are downloadable


def _file_note(store: Store, part: FilePart) -> str:
    """An attached document: a download link (a data: URL) when small enough, else a note."""
    label = html.escape(part.name or "file", quote=True)
    facts = [f"{part.pages} page{'s' if part.pages != 1 else ''}"] if part.pages else []
    facts.append(f"{part.size / 1024:.0f} KB" if part.size < 1048576
                 else f"{part.size / 1048576:.1f} MB")
    about = html.escape(", ".join(facts))
    if part.size <= INLINE_FILE_BYTES:
        try:
            data = base64.b64encode(store.read_attachment(part.hash)).decode("ascii")
        except (OSError, StoreError):  # a missing file: named, not linked
            data = ""
        if data:
            mime = html.escape(part.mime, quote=True)
            return (f'<p class="file">📎 <a download="{label}" '
                    f'href="data:{mime};base64,{data}">{label}</a> ({about})</p>')
    return f'<p class="file">📎 {label} ({about}; attached file, not included in this page)</p>'

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; color: #1d1d1f; background: #fff; }
.meta { color: #666; font-size: 13px; }
.msg { border-top: 1px solid #ddd; padding: .75rem 0; }
.role { font-weight: 600; text-transform: capitalize; }
.note { color: #666; font-weight: normal; font-size: 13px; }
.assistant .role { color: #0b5fae; }
pre { background: #f5f5f7; padding: .6rem; overflow-x: auto; border-radius: 6px; }
code { font-family: ui-monospace, monospace; font-size: 13px; }
img { max-width: 100%; border-radius: 6px; }
.math-display { text-align: center; margin: .6rem 0; overflow-x: auto; }
.math-error { color: #a33; }
details { color: #555; margin: .4rem 0; }
.status { color: #a33; font-style: italic; }
sup.cite { font-size: 75%; line-height: 0; } sup.cite a { text-decoration: none; }
.refusal { border: 1px solid #d9d9de; border-left: 4px solid #8e8e93; border-radius: 6px;
           padding: .5rem .75rem; margin: .5rem 0; color: #555; background: #f7f7f9; }
.refusal strong { color: #333; }
.sources { font-size: 13px; color: #555; margin: .5rem 0; padding-left: 1.6rem; }
.sources .host { color: #888; }
@media (prefers-color-scheme: dark) {
  body { background: #1c1c1e; color: #e5e5e7; } pre { background: #2c2c2e; }
  .msg { border-color: #3a3a3c; } .assistant .role { color: #64a8f0; }
  .refusal { background: #2c2c2e; border-color: #48484a; color: #aeaeb2; }
  .refusal strong { color: #e5e5e7; } .sources { color: #aeaeb2; }
}
"""


def _image_placeholder(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
    return image_placeholder(tokens[idx], link=False)


def _sources_html(m: Message, number: int) -> str:
    sources, _numbers = numbered_sources(m.citations)
    items = "".join(
        f'<li id="cite-{number}-{s.number}"><a href="{html.escape(s.url, quote=True)}" '
        f'rel="noopener noreferrer" target="_blank">{html.escape(s.title or s.host)}</a>'
        f' <span class="host">{html.escape(s.host)}</span></li>'
        for s in sources
    )
    return f'<ol class="sources">{items}</ol>'


def _cite_href(number: int) -> Callable[[int], str]:
    """Addresses of message `number`'s citation marks: its entries in the source list."""
    return lambda n: f"{EXPORT_CITE_HREF}{number}-{n}"


def _refusal_html(m: Message) -> str:
    text = html.escape(m.refusal or "The model declined to answer.")
    return f'<div class="refusal"><strong>Refused</strong> — {text}</div>'


def export_html(store: Store, conversation_id: int, *, whole_tree: bool = False) -> str:
    conv = store.get_conversation(conversation_id)
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    # An image a message names is never fetched by whoever opens the page (a tracking pixel,
    # a local file): it is shown as its alt text and address.
    md.add_render_rule("image", _image_placeholder)
    install_citation_rules(md)
    math_plugin(md, export_math_html)  # formulas as inline SVG: no script needed to read them
    add_mermaid_diagrams(md)  # closed ```mermaid blocks as inline, sanitised SVG
    title = html.escape(conv.title or "Untitled conversation")
    facts = [f"Created {format_time(conv.created_at)}"]
    if conv.model:
        facts.append(f"model {conv.model}")
    out = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>", f'<p class="meta">{html.escape(" · ".join(facts))}</p>',
    ]
    if conv.system_prompt:
        out.append(f"<details><summary>System prompt</summary>"
                   f"<pre>{html.escape(conv.system_prompt)}</pre></details>")
    exported = messages_for_export(store, conversation_id, whole_tree=whole_tree)
    sources = store.sources_of_messages(item.message.id for item in exported)
    for item in exported:
        m = item.message
        notes = []
        if whole_tree:
            notes.append(f"#{item.number}")
            if item.reply_to is not None:
                notes.append(f"reply to #{item.reply_to}")
            if item.alternative:
                notes.append(f"alternative {item.alternative}")
        if m.model and m.role.value == "assistant":
            notes.append(m.model)
        if m.tool is not None:
            notes.append(tool_label(m.tool))
        if item.column:
            notes.append(item.column)
        if cost := cost_text(m):
            notes.append(cost)
        note = f' <span class="note">{html.escape(" · ".join(notes))}</span>' if notes else ""
        out.append(f'<section class="msg {m.role.value}" id="m{item.number}">'
                   f'<div class="role">{m.role.value}{note}</div>')
        if m.reasoning:
            out.append(f"<details><summary>Reasoning</summary>{md.render(m.reasoning)}"
                       "</details>")
        cited = m.citations and len(m.parts) == 1 and isinstance(m.parts[0], TextPart)
        for part in m.parts:
            if isinstance(part, TextPart) and m.tool is not None:  # tool output, not Markdown
                out.append(f"<pre>{html.escape(part.text)}</pre>")
            elif isinstance(part, TextPart) and cited:
                out.append(md.render(cited_markdown(part.text, m.citations,
                                                    _cite_href(item.number))))
            elif isinstance(part, TextPart):
                out.append(md.render(part.text))
            elif isinstance(part, ImagePart):
                label = html.escape(part.name or "image", quote=True)
                if part.mime in _INLINE_MIMES:
                    data = base64.b64encode(store.read_attachment(part.hash)).decode("ascii")
                    out.append(f'<p><img alt="{label}" src="data:{part.mime};base64,{data}"></p>')
                else:
                    out.append(f"<p>[{label}: {html.escape(part.mime)}]</p>")
            elif isinstance(part, FilePart):
                out.append(_file_note(store, part))
        if m.refusal is not None:
            out.append(_refusal_html(m))
        if cited:
            out.append(_sources_html(m, item.number))
        if m.id in sources:
            out.append(sources_html(sources[m.id]))
        for call in m.tool_calls:
            out.append(f"<p>Tool call <code>{html.escape(call.name)}</code></p>"
                       f"<pre><code>{html.escape(call.arguments)}</code></pre>")
        if m.status is not MessageStatus.COMPLETE:
            detail = f": {m.error}" if m.error else ""
            out.append(f'<p class="status">{html.escape(m.status.value + detail)}</p>')
        out.append("</section>")
    shown = [item.message for item in exported]
    if total := totals_text(cost_totals(shown), any_estimated(shown)):
        out.append(f'<p class="meta total-cost">Total cost: {html.escape(total)}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"
