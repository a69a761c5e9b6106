"""Sidebar grouping: date buckets, pinned on top, folders, archived last."""

from __future__ import annotations

import datetime as dt

from desktop.core.conversation_groups import GroupKind, date_group, group_conversations
from desktop.core.store.models import ConversationSummary

TODAY = dt.date(2026, 3, 15)


def _at(days_ago: int, hour: int = 12) -> float:
    day = TODAY - dt.timedelta(days=days_ago)
    return dt.datetime(day.year, day.month, day.day, hour).timestamp()


def _conv(cid: int, days_ago: int, *, pinned: bool = False, archived: bool = False,
          folder_id: int | None = None) -> ConversationSummary:
    return ConversationSummary(cid, f"c{cid}", _at(days_ago), pinned, archived, folder_id, None)


def test_date_buckets() -> None:
    assert date_group(_at(0, 0), TODAY).kind is GroupKind.TODAY
    assert date_group(_at(1, 23), TODAY).kind is GroupKind.YESTERDAY
    assert date_group(_at(2), TODAY).kind is GroupKind.PREVIOUS_7_DAYS
    assert date_group(_at(7), TODAY).kind is GroupKind.PREVIOUS_7_DAYS
    assert date_group(_at(8), TODAY).kind is GroupKind.PREVIOUS_30_DAYS
    month = date_group(_at(45), TODAY)
    assert (month.kind, month.year, month.month) == (GroupKind.MONTH, 2026, 1)
    # A clock set back (updated "tomorrow") still counts as today.
    assert date_group(_at(-1), TODAY).kind is GroupKind.TODAY


def test_groups_in_display_order_keep_incoming_order() -> None:
    convs = [
        _conv(1, 0, pinned=True), _conv(2, 0), _conv(3, 0, folder_id=9), _conv(4, 1),
        _conv(5, 3), _conv(6, 40), _conv(7, 100), _conv(8, 1, archived=True), _conv(9, 0),
        _conv(10, 70, folder_id=42),  # unknown folder: unfiled
    ]
    convs.sort(key=lambda c: (c.archived, not c.pinned, -c.updated_at))
    groups = group_conversations(convs, today=TODAY, folders={9: "Work"})
    kinds = [g.key.kind for g in groups]
    assert kinds == [GroupKind.PINNED, GroupKind.FOLDER, GroupKind.TODAY, GroupKind.YESTERDAY,
                     GroupKind.PREVIOUS_7_DAYS, GroupKind.MONTH, GroupKind.MONTH,
                     GroupKind.MONTH, GroupKind.ARCHIVED]
    assert groups[1].key.folder_name == "Work"
    assert [c.id for c in groups[2].conversations] == [2, 9]
    months = [(g.key.year, g.key.month) for g in groups if g.key.kind is GroupKind.MONTH]
    assert months == sorted(months, reverse=True)
    seen = [c.id for g in groups for c in g.conversations]
    assert sorted(seen) == list(range(1, 11))


def test_empty_input_gives_no_groups() -> None:
    assert group_conversations([], today=TODAY) == []


def test_ten_thousand_rows_group_without_loss() -> None:
    convs = [_conv(i, i // 50) for i in range(10_000)]
    groups = group_conversations(convs, today=TODAY)
    assert sum(len(g.conversations) for g in groups) == 10_000


def test_fast_grouping_agrees_with_date_group() -> None:
    stamps = [_at(d, h) for d in range(-1, 400, 3) for h in (0, 6, 23)]
    convs = [ConversationSummary(i, "", ts, False, False, None, None)
             for i, ts in enumerate(sorted(stamps, reverse=True))]
    for group in group_conversations(convs, today=TODAY):
        for conv in group.conversations:
            assert date_group(conv.updated_at, TODAY) == group.key
