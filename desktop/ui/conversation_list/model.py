"""`ConversationListModel`: grouped conversation summaries as header and conversation rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.core.conversation_groups import (
    ConversationGroup,
    GroupKey,
    GroupKind,
    group_conversations,
)
from desktop.core.store.models import ConversationSummary

AnyIndex = QModelIndex | QPersistentModelIndex


class ConversationRoles(IntEnum):
    CONVERSATION_ID = Qt.ItemDataRole.UserRole + 1  # int, or None on a header row
    IS_HEADER = Qt.ItemDataRole.UserRole + 2
    PINNED = Qt.ItemDataRole.UserRole + 3
    STREAMING = Qt.ItemDataRole.UserRole + 4
    UPDATED_AT = Qt.ItemDataRole.UserRole + 5
    FOLDER_ID = Qt.ItemDataRole.UserRole + 6
    ARCHIVED = Qt.ItemDataRole.UserRole + 7


def group_label(key: GroupKey) -> str:
    """The translated heading of a group."""
    if key.kind is GroupKind.PINNED:
        return QCoreApplication.translate("ConversationList", "Pinned")
    if key.kind is GroupKind.FOLDER:
        return key.folder_name
    if key.kind is GroupKind.TODAY:
        return QCoreApplication.translate("ConversationList", "Today")
    if key.kind is GroupKind.YESTERDAY:
        return QCoreApplication.translate("ConversationList", "Yesterday")
    if key.kind is GroupKind.PREVIOUS_7_DAYS:
        return QCoreApplication.translate("ConversationList", "Previous 7 days")
    if key.kind is GroupKind.PREVIOUS_30_DAYS:
        return QCoreApplication.translate("ConversationList", "Previous 30 days")
    if key.kind is GroupKind.ARCHIVED:
        return QCoreApplication.translate("ConversationList", "Archived")
    return QLocale().toString(QDate(key.year, key.month, 1), "MMMM yyyy")


class ConversationListModel(QAbstractListModel):
    """Flat rows: a header per group followed by its conversations.

    The full list is replaced with `set_conversations` (built off the UI thread from
    `Store.list_conversations`); single-row changes (title, streaming) emit dataChanged.
    Conversations in `hidden` (deleted, waiting for Undo) are left out.
    """

    rename_requested = Signal(int, str)  # conversation id, new title (inline editor)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._summaries: list[ConversationSummary] = []
        self._folders: dict[int, str] = {}
        self._rows: list[GroupKey | ConversationSummary] = []
        self._row_of: dict[int, int] = {}
        self._streaming: set[int] = set()
        self._hidden: set[int] = set()

    # ----------------------------------------------------------------- filling

    def set_conversations(
        self, summaries: Iterable[ConversationSummary], folders: Mapping[int, str] | None = None
    ) -> None:
        self._summaries = list(summaries)
        if folders is not None:
            self._folders = dict(folders)
        self._rebuild()

    def set_grouped(
        self,
        summaries: list[ConversationSummary],
        folders: Mapping[int, str],
        groups: list[ConversationGroup],
    ) -> None:
        """Like `set_conversations` with the grouping already done (off the UI thread).

        `groups` must be `group_conversations(summaries without the hidden ones, folders)`.
        """
        self._summaries = summaries
        self._folders = dict(folders)
        self._rebuild(groups)

    def _rebuild(self, groups: list[ConversationGroup] | None = None) -> None:
        self.beginResetModel()
        if groups is None:
            visible = [s for s in self._summaries if s.id not in self._hidden]
            groups = group_conversations(visible, folders=self._folders)
        rows: list[GroupKey | ConversationSummary] = []
        for group in groups:
            rows.append(group.key)
            rows.extend(group.conversations)
        self._rows = rows
        self._row_of = {
            row.id: index for index, row in enumerate(rows) if isinstance(row, ConversationSummary)
        }
        self.endResetModel()

    def summaries(self) -> list[ConversationSummary]:
        return list(self._summaries)

    def hidden(self) -> set[int]:
        return set(self._hidden)

    def upsert(self, summary: ConversationSummary) -> None:
        """Add a conversation or replace its summary, re-grouping the list."""
        self._summaries = [s for s in self._summaries if s.id != summary.id]
        self._summaries.append(summary)
        self._summaries.sort(key=lambda s: (s.archived, not s.pinned, -s.updated_at))
        self._rebuild()

    def remove(self, conversation_id: int) -> None:
        self._summaries = [s for s in self._summaries if s.id != conversation_id]
        self._hidden.discard(conversation_id)
        self._rebuild()

    def set_hidden(self, conversation_id: int, hidden: bool) -> None:
        if hidden:
            self._hidden.add(conversation_id)
        else:
            self._hidden.discard(conversation_id)
        self._rebuild()

    def set_title(self, conversation_id: int, title: str) -> None:
        for summary in self._summaries:
            if summary.id == conversation_id:
                summary.title = title
        self._changed(conversation_id)

    def set_streaming(self, conversation_id: int, streaming: bool) -> None:
        if streaming:
            self._streaming.add(conversation_id)
        else:
            self._streaming.discard(conversation_id)
        self._changed(conversation_id)

    def _changed(self, conversation_id: int) -> None:
        row = self._row_of.get(conversation_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    # ----------------------------------------------------------------- lookups

    def index_of(self, conversation_id: int) -> QModelIndex:
        row = self._row_of.get(conversation_id)
        return QModelIndex() if row is None else self.index(row)

    def summary(self, conversation_id: int) -> ConversationSummary | None:
        row = self._row_of.get(conversation_id)
        if row is None:
            return None
        item = self._rows[row]
        return item if isinstance(item, ConversationSummary) else None

    def neighbour(self, conversation_id: int) -> int | None:
        """The conversation shown below `conversation_id` (above it at the end), or None."""
        row = self._row_of.get(conversation_id)
        if row is None:
            return None
        below = self._rows[row + 1:]
        above = reversed(self._rows[:row])
        for item in (*below, *above):
            if isinstance(item, ConversationSummary) and item.id not in self._hidden:
                return item.id
        return None

    def conversation_count(self) -> int:
        return len(self._row_of)

    # ----------------------------------------------------------------- Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if isinstance(item, GroupKey):
            if role == Qt.ItemDataRole.DisplayRole:
                return group_label(item)
            if role == ConversationRoles.IS_HEADER:
                return True
            if role == ConversationRoles.FOLDER_ID:
                return item.folder_id
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return group_label(item)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if role == Qt.ItemDataRole.DisplayRole and not item.title:
                return QCoreApplication.translate("ConversationList", "New conversation")
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.title or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.title or QCoreApplication.translate("ConversationList", "New conversation")
        if role == ConversationRoles.CONVERSATION_ID:
            return item.id
        if role == ConversationRoles.IS_HEADER:
            return False
        if role == ConversationRoles.PINNED:
            return item.pinned
        if role == ConversationRoles.STREAMING:
            return item.id in self._streaming
        if role == ConversationRoles.UPDATED_AT:
            return item.updated_at
        if role == ConversationRoles.FOLDER_ID:
            return item.folder_id
        if role == ConversationRoles.ARCHIVED:
            return item.archived
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], GroupKey):
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._rows[index.row()]
        title = str(value).strip()
        if not isinstance(item, ConversationSummary) or not title or title == item.title:
            return False
        item.title = title
        self.dataChanged.emit(index, index)
        self.rename_requested.emit(item.id, title)
        return True

    def language_changed(self) -> None:
        """Headings and "New conversation" are translated when read: have them read again."""
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))
