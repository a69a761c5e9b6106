"""Export one conversation as Markdown: the active branch, or the whole tree with labels."""

from __future__ import annotations

from desktop.core.store.export_tree import format_time, messages_for_export
from desktop.core.store.models import ImagePart, MessageStatus, TextPart
from desktop.core.store.store import Store


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines())


def export_markdown(store: Store, conversation_id: int, *, whole_tree: bool = False) -> str:
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
    for item in messages_for_export(store, conversation_id, whole_tree=whole_tree):
        m = item.message
        heading = m.role.value.capitalize()
        if m.model and m.role.value == "assistant":
            heading += f" ({m.model})"
        if whole_tree:
            heading = f"#{item.number} {heading}"
            notes = []
            if item.reply_to is not None:
                notes.append(f"reply to #{item.reply_to}")
            if item.alternative:
                notes.append(f"alternative {item.alternative}")
            if notes:
                heading += " — " + ", ".join(notes)
        lines += [f"## {heading}", ""]
        if m.reasoning:
            lines += ["<details><summary>Reasoning</summary>", "", m.reasoning, "",
                      "</details>", ""]
        for part in m.parts:
            if isinstance(part, TextPart):
                lines += [part.text, ""]
            elif isinstance(part, ImagePart):
                lines += [f"*[image: {part.name or part.hash[:12]}, {part.mime}]*", ""]
        for call in m.tool_calls:
            lines += [f"Tool call `{call.name}`:", "", "```json", call.arguments, "```", ""]
        if m.status is not MessageStatus.COMPLETE:
            detail = f": {m.error}" if m.error else ""
            lines += [f"*({m.status.value}{detail})*", ""]
    return "\n".join(lines).rstrip() + "\n"
