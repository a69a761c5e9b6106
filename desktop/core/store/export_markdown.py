"""Export one conversation as Markdown: the active branch, or the whole tree with labels.

Markdown cannot hold images, so `write_markdown` puts them in a folder next to the file
(`chat.md` -> `chat_files/`) and links them; `export_markdown` alone names them in text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from desktop.core.citations import numbered_sources, place_markers
from desktop.core.store.export_costs import any_estimated, cost_text, cost_totals, totals_text
from desktop.core.store.export_sources import sources_markdown
from desktop.core.store.export_tree import format_time, messages_for_export, tool_label
from desktop.core.store.models import FilePart, ImagePart, Message, MessageStatus, TextPart
from desktop.core.store.store import Store


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines())


def _footnote_url(url: str) -> str:
    return url.replace("<", "%3C").replace(">", "%3E")


def _escaped(text: str) -> str:
    return "".join("\\" + ch if ch in "\\[]*_`<>" else ch for ch in text)


def _cited(m: Message, label: str) -> tuple[str, list[str]]:
    """The reply's text with `[^label-n]` after each cited span, and the footnotes."""
    text = place_markers(m.text, m.citations, lambda n: f"[^{label}-{n}]")
    sources, _numbers = numbered_sources(m.citations)
    notes = [
        f"[^{label}-{s.number}]: [{_escaped(s.title or s.host)}](<{_footnote_url(s.url)}>)"
        + (f" — {s.host}" if s.title else "")
        for s in sources
    ]
    return text, notes


def _refusal_lines(m: Message) -> list[str]:
    if m.refusal is None:
        return []
    text = m.refusal or "The model declined to answer."
    return [_quote(f"**Refused:** {text}"), ""]


def export_markdown(
    store: Store,
    conversation_id: int,
    *,
    whole_tree: bool = False,
    image_links: Mapping[str, str] | None = None,
) -> str:
    """The Markdown text; images whose hash is in `image_links` are shown from that link."""
    links = image_links or {}
    conv = store.get_conversation(conversation_id)
    lines = [f"# {conv.title or 'Untitled conversation'}", ""]
    facts = [f"Created {format_time(conv.created_at)}"]
    if conv.model:
        facts.append(f"model {conv.model}")
    if conv.provider:
        facts.append(f"via {conv.provider}")
    lines += ["*" + " · ".join(facts) + "*", ""]
    if conv.system_prompt:
        lines += ["**System prompt**", "", _quote(conv.system_prompt), ""]
    exported = messages_for_export(store, conversation_id, whole_tree=whole_tree)
    sources = store.sources_of_messages(item.message.id for item in exported)
    for item in exported:
        m = item.message
        heading = m.role.value.capitalize()
        if m.model and m.role.value == "assistant":
            heading += f" ({m.model})"
        if m.tool is not None:
            heading += f" `{tool_label(m.tool)}`"
        if whole_tree:
            heading = f"#{item.number} {heading}"
            notes = []
            if item.reply_to is not None:
                notes.append(f"reply to #{item.reply_to}")
            if item.alternative:
                notes.append(f"alternative {item.alternative}")
            if notes:
                heading += " — " + ", ".join(notes)
        if item.column and not whole_tree:
            heading += f" — {item.column}"
        elif item.column:
            heading += f" [{item.column}]"
        lines += [f"## {heading}", ""]
        if m.reasoning:
            lines += ["<details><summary>Reasoning</summary>", "", m.reasoning, "",
                      "</details>", ""]
        footnotes: list[str] = []
        cited = m.citations and len(m.parts) == 1 and isinstance(m.parts[0], TextPart)
        for part in m.parts:
            if isinstance(part, TextPart) and m.tool is not None:  # output, not Markdown
                fence = "`" * max(3, _longest_backtick_run(part.text) + 1)
                lines += [f"{fence}text", part.text, fence, ""]
            elif isinstance(part, TextPart) and cited:
                text, footnotes = _cited(m, str(item.number))
                lines += [text, ""]
            elif isinstance(part, TextPart):
                lines += [part.text, ""]
            elif isinstance(part, ImagePart) and part.hash in links:
                label = (part.name or "image").replace("]", "").replace("[", "")
                lines += [f"![{label}]({links[part.hash]})", ""]
            elif isinstance(part, ImagePart):
                lines += [f"*[image: {part.name or part.hash[:12]}, {part.mime}]*", ""]
            elif isinstance(part, FilePart):
                lines += [_file_line(part, links.get(part.hash)), ""]
        lines += _refusal_lines(m)
        if footnotes:
            lines += [*footnotes, ""]
        lines += sources_markdown(sources.get(m.id, ()))
        for call in m.tool_calls:
            lines += [f"Tool call `{call.name}`:", "", "```json", call.arguments, "```", ""]
        if m.status is not MessageStatus.COMPLETE:
            detail = f": {m.error}" if m.error else ""
            lines += [f"*({m.status.value}{detail})*", ""]
        if cost := cost_text(m):
            lines += [f"*Cost: {cost}*", ""]
    shown = [item.message for item in exported]
    if total := totals_text(cost_totals(shown), any_estimated(shown)):
        lines += ["---", "", f"**Total cost:** {total}", ""]
    return "\n".join(lines).rstrip() + "\n"


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)


_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif",
               "image/webp": ".webp", "application/pdf": ".pdf"}


def _file_line(part: FilePart, link: str | None) -> str:
    """An attached document: a link to its copy in `_files/` (or its name) with its size."""
    label = (part.name or "file").replace("]", "").replace("[", "")
    facts = [f"{part.pages} page{'s' if part.pages != 1 else ''}"] if part.pages else []
    facts.append(f"{part.size / 1024:.0f} KB" if part.size < 1048576
                 else f"{part.size / 1048576:.1f} MB")
    shown = f"[{label}]({link})" if link else f"*{label}*"
    return f"📎 {shown} ({', '.join(facts)})"


def _file_name(part: ImagePart | FilePart) -> str:
    """A readable, unique name: the part's name (made safe) plus the start of its hash."""
    stem = re.sub(r"[^\w.-]+", "-", Path(part.name).stem).strip("-.") or "image"
    extension = _EXTENSIONS.get(part.mime) or Path(part.name).suffix or ".bin"
    return f"{stem[:40]}-{part.hash[:10]}{extension}"


def write_markdown(
    store: Store, conversation_id: int, dest: Path, *, whole_tree: bool = False
) -> list[Path]:
    """Write the Markdown export to `dest` and its images (each once) to `<stem>_files/`.

    Attached documents are copied there too and linked. Returns the files written.
    Blocking: call it from a worker thread.
    """
    folder = dest.with_name(f"{dest.stem}_files")
    links: dict[str, str] = {}
    written: list[Path] = []
    for item in messages_for_export(store, conversation_id, whole_tree=whole_tree):
        stored: tuple[ImagePart | FilePart, ...] = (*item.message.images, *item.message.files)
        for part in stored:
            if part.hash in links:
                continue
            path = folder / _file_name(part)
            folder.mkdir(parents=True, exist_ok=True)
            path.write_bytes(store.read_attachment(part.hash))
            written.append(path)
            links[part.hash] = quote(f"{folder.name}/{path.name}")
    text = export_markdown(store, conversation_id, whole_tree=whole_tree, image_links=links)
    dest.write_text(text, encoding="utf-8")
    return written
