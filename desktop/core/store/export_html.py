"""Export one conversation as a self-contained HTML page (images inlined as data URLs).

Message text is rendered as Markdown with raw HTML disabled, so nothing from a message can
inject markup or script; every other value is escaped.
"""

from __future__ import annotations

import base64
import html

from markdown_it import MarkdownIt

from desktop.core.rendering.markdown_html import image_placeholder
from desktop.core.rendering.mermaid_html import add_mermaid_diagrams
from desktop.core.store.export_tree import format_time, messages_for_export
from desktop.core.store.models import ImagePart, MessageStatus, TextPart
from desktop.core.store.store import Store

_INLINE_MIMES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

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
details { color: #555; margin: .4rem 0; }
.status { color: #a33; font-style: italic; }
@media (prefers-color-scheme: dark) {
  body { background: #1c1c1e; color: #e5e5e7; } pre { background: #2c2c2e; }
  .msg { border-color: #3a3a3c; } .assistant .role { color: #64a8f0; }
}
"""


def _image_placeholder(renderer, tokens, idx, options, env):  # type: ignore[no-untyped-def]
    return image_placeholder(tokens[idx], link=False)


def export_html(store: Store, conversation_id: int, *, whole_tree: bool = False) -> str:
    conv = store.get_conversation(conversation_id)
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    # An image a message names is never fetched by whoever opens the page (a tracking pixel,
    # a local file): it is shown as its alt text and address.
    md.add_render_rule("image", _image_placeholder)
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
    for item in messages_for_export(store, conversation_id, whole_tree=whole_tree):
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
        note = f' <span class="note">{html.escape(" · ".join(notes))}</span>' if notes else ""
        out.append(f'<section class="msg {m.role.value}" id="m{item.number}">'
                   f'<div class="role">{m.role.value}{note}</div>')
        if m.reasoning:
            out.append(f"<details><summary>Reasoning</summary>{md.render(m.reasoning)}"
                       "</details>")
        for part in m.parts:
            if isinstance(part, TextPart):
                out.append(md.render(part.text))
            elif isinstance(part, ImagePart):
                label = html.escape(part.name or "image", quote=True)
                if part.mime in _INLINE_MIMES:
                    data = base64.b64encode(store.read_attachment(part.hash)).decode("ascii")
                    out.append(f'<p><img alt="{label}" src="data:{part.mime};base64,{data}"></p>')
                else:
                    out.append(f"<p>[{label}: {html.escape(part.mime)}]</p>")
        for call in m.tool_calls:
            out.append(f"<p>Tool call <code>{html.escape(call.name)}</code></p>"
                       f"<pre><code>{html.escape(call.arguments)}</code></pre>")
        if m.status is not MessageStatus.COMPLETE:
            detail = f": {m.error}" if m.error else ""
            out.append(f'<p class="status">{html.escape(m.status.value + detail)}</p>')
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
