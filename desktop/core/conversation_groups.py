"""Sidebar grouping of conversations: pinned, folders, Today / Yesterday / 7 days / by month.

Qt-free so it can be tested with plain pytest; the sidebar's model turns the groups into
header and conversation rows and translates the group labels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.store.models import ConversationSummary


class GroupKind(StrEnum):
    PINNED = "pinned"
    FOLDER = "folder"
    TODAY = "today"
    YESTERDAY = "yesterday"
    PREVIOUS_7_DAYS = "previous_7_days"
    PREVIOUS_30_DAYS = "previous_30_days"
    MONTH = "month"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class GroupKey:
    """Which group; `folder_id`/`folder_name` for folders, `year`/`month` for months."""

    kind: GroupKind
    folder_id: int | None = None
    folder_name: str = ""
    year: int = 0
    month: int = 0


@dataclass(slots=True)
class ConversationGroup:
    key: GroupKey
    conversations: list[ConversationSummary] = field(default_factory=list)


def date_group(updated_at: float, today: dt.date) -> GroupKey:
    """The date group of a conversation last active at `updated_at` (local time)."""
    day = dt.datetime.fromtimestamp(updated_at).date()
    age = (today - day).days
    if age <= 0:
        return GroupKey(GroupKind.TODAY)
    if age == 1:
        return GroupKey(GroupKind.YESTERDAY)
    if age <= 7:
        return GroupKey(GroupKind.PREVIOUS_7_DAYS)
    if age <= 30:
        return GroupKey(GroupKind.PREVIOUS_30_DAYS)
    return GroupKey(GroupKind.MONTH, year=day.year, month=day.month)


class _DateGrouper:
    """`date_group` for many timestamps, with day boundaries computed once (fast at 10,000)."""

    def __init__(self, today: dt.date) -> None:
        def midnight(day: dt.date) -> float:
            return dt.datetime(day.year, day.month, day.day).timestamp()

        self.today = today
        self.bounds = (
            (midnight(today), GroupKey(GroupKind.TODAY)),
            (midnight(today - dt.timedelta(days=1)), GroupKey(GroupKind.YESTERDAY)),
            (midnight(today - dt.timedelta(days=7)), GroupKey(GroupKind.PREVIOUS_7_DAYS)),
            (midnight(today - dt.timedelta(days=30)), GroupKey(GroupKind.PREVIOUS_30_DAYS)),
        )
        self._month: tuple[float, float, GroupKey] | None = None

    def __call__(self, updated_at: float) -> GroupKey:
        for start, key in self.bounds:
            if updated_at >= start:
                return key
        month = self._month
        if month is not None and month[0] <= updated_at < month[1]:
            return month[2]
        key = date_group(updated_at, self.today)
        first = dt.datetime(key.year, key.month, 1)
        following = dt.datetime(key.year + key.month // 12, key.month % 12 + 1, 1)
        self._month = (first.timestamp(), following.timestamp(), key)
        return key


def group_conversations(
    conversations: Iterable[ConversationSummary],
    *,
    today: dt.date | None = None,
    folders: Mapping[int, str] | None = None,
) -> list[ConversationGroup]:
    """Groups in display order: pinned, folders (by name), then date groups, archived last.

    Within a group conversations keep their incoming order (the store lists newest first).
    A conversation whose folder is unknown is treated as unfiled. Empty groups are left out.
    """
    today = today or dt.date.today()
    folders = folders or {}
    date_of = _DateGrouper(today)
    pinned = ConversationGroup(GroupKey(GroupKind.PINNED))
    archived = ConversationGroup(GroupKey(GroupKind.ARCHIVED))
    by_folder: dict[int, ConversationGroup] = {}
    by_date: dict[GroupKey, ConversationGroup] = {}
    for conv in conversations:
        if conv.archived:
            archived.conversations.append(conv)
        elif conv.pinned:
            pinned.conversations.append(conv)
        elif conv.folder_id is not None and conv.folder_id in folders:
            group = by_folder.get(conv.folder_id)
            if group is None:
                key = GroupKey(GroupKind.FOLDER, conv.folder_id, folders[conv.folder_id])
                group = by_folder[conv.folder_id] = ConversationGroup(key)
            group.conversations.append(conv)
        else:
            key = date_of(conv.updated_at)
            date = by_date.get(key)
            if date is None:
                date = by_date[key] = ConversationGroup(key)
            date.conversations.append(conv)
    order = {
        GroupKind.TODAY: 0, GroupKind.YESTERDAY: 1, GroupKind.PREVIOUS_7_DAYS: 2,
        GroupKind.PREVIOUS_30_DAYS: 3, GroupKind.MONTH: 4,
    }
    dated = sorted(
        by_date.values(),
        key=lambda g: (order[g.key.kind], -g.key.year, -g.key.month),
    )
    folder_groups = sorted(by_folder.values(), key=lambda g: g.key.folder_name.casefold())
    groups = [pinned, *folder_groups, *dated, archived]
    return [group for group in groups if group.conversations]
