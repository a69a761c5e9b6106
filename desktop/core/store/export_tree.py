"""The order and labels shared by the Markdown and HTML exports (active branch or whole tree)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.core.store.compare_ops import CompareColumn
from desktop.core.store.models import Message, ToolRun
from desktop.core.store.store import Store


@dataclass(frozen=True, slots=True)
class ExportedMessage:
    """A message with its place in the tree: `alternative` is "2 of 3" when it has siblings."""

    message: Message
    number: int
    reply_to: int | None
    alternative: str | None
    column: str | None = None  # "compared, column 2 of 3" in a compared exchange


def format_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")


def messages_for_export(store: Store, conversation_id: int, *, whole_tree: bool
                        ) -> list[ExportedMessage]:
    """The active branch in order, or every message depth-first (older branches first)."""
    forks = store.compare_forks(conversation_id)
    if not whole_tree:
        path = store.active_path(conversation_id)
        if forks:
            return _path_with_columns(store, path, forks)
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
        ordered.append(ExportedMessage(m, numbers[m.id], reply_to, alternative,
                                       _column_label(forks, m)))
        stack.extend(reversed(children.get(m.id, [])))
    return ordered


def _column_label(forks: Mapping[int, list[CompareColumn]], m: Message) -> str | None:
    columns = forks.get(m.parent_id) if m.parent_id is not None else None
    column = next((c for c in columns or () if c.reply_id == m.id), None)
    if column is None or columns is None:
        return None
    return f"compared, column {column.position + 1} of {len(columns)}"


def _path_with_columns(store: Store, path: list[Message],
                       forks: Mapping[int, list[CompareColumn]]) -> list[ExportedMessage]:
    """The active branch with every column of each compared message on it: after the
    message, the other columns' branches, then the active path goes on (its column)."""
    on_path = {m.id for m in path}
    ordered: list[ExportedMessage] = []
    for m in path:
        ordered.append(ExportedMessage(m, len(ordered) + 1, None, None,
                                       _column_label(forks, m)))
        if m.id not in forks:
            continue
        for branch in store.column_branches(m.id):
            if branch.column.reply_id in on_path:
                continue
            label = _column_label(forks, branch.messages[0]) if branch.messages else None
            for message in branch.messages:
                ordered.append(ExportedMessage(message, len(ordered) + 1, None, None, label))
    return ordered


def tool_label(tool: ToolRun) -> str:
    """`server/name · status · 12 ms`: how a tool message is headed in the exports."""
    label = f"{tool.server}/{tool.name}" if tool.server else tool.name
    label += f" · {tool.status.value}"
    if tool.duration_ms is not None:
        label += f" · {tool.duration_ms:.0f} ms"
    return label.replace("`", "'")
