"""The order and labels shared by the Markdown and HTML exports (active branch or whole tree)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.store.models import Message, ToolRun
from desktop.core.store.store import Store


@dataclass(frozen=True, slots=True)
class ExportedMessage:
    """A message with its place in the tree: `alternative` is "2 of 3" when it has siblings."""

    message: Message
    number: int
    reply_to: int | None
    alternative: str | None


def format_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def messages_for_export(store: Store, conversation_id: int, *, whole_tree: bool
                        ) -> list[ExportedMessage]:
    """The active branch in order, or every message depth-first (older branches first)."""
    if not whole_tree:
        path = store.active_path(conversation_id)
        return [ExportedMessage(m, i + 1, None, None) for i, m in enumerate(path)]
    messages = store.messages(conversation_id)
    children: dict[int | None, list[Message]] = {}
    for m in messages:
        children.setdefault(m.parent_id, []).append(m)
    numbers = {m.id: i + 1 for i, m in enumerate(messages)}
    ordered: list[ExportedMessage] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        m = stack.pop()
        siblings = children.get(m.parent_id, [])
        alternative = (
            f"{siblings.index(m) + 1} of {len(siblings)}" if len(siblings) > 1 else None
        )
        reply_to = numbers[m.parent_id] if m.parent_id is not None else None
        ordered.append(ExportedMessage(m, numbers[m.id], reply_to, alternative))
        stack.extend(reversed(children.get(m.id, [])))
    return ordered


def tool_label(tool: ToolRun) -> str:
    """`server/name · status · 12 ms`: how a tool message is headed in the exports."""
    label = f"{tool.server}/{tool.name}" if tool.server else tool.name
    label += f" · {tool.status.value}"
    if tool.duration_ms is not None:
        label += f" · {tool.duration_ms:.0f} ms"
    return label.replace("`", "'")
