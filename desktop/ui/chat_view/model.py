"""MessageListModel: the messages of a conversation's active path, one row each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.citations import MAX_CITATIONS, placeable
from desktop.core.conversation_path import SiblingInfo
from desktop.core.reply_parts import Citation
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.chat_view.stream_coalescer import StreamBatch, ToolCallDraft

NO_SIBLINGS: SiblingInfo = (1, 1, [])


class MessageRole(IntEnum):
    MESSAGE = Qt.ItemDataRole.UserRole + 1
    MESSAGE_ID = Qt.ItemDataRole.UserRole + 2
    SIBLINGS = Qt.ItemDataRole.UserRole + 3
    STREAMING = Qt.ItemDataRole.UserRole + 4


@dataclass
class LiveReply:
    """What streamed into a reply besides its text, beyond the Message the store handed out.

    The streamed text itself lives once, in the reply's rendered document (`RichTextContent`
    in the view's `DocumentCache`, built on the first delta and never evicted while
    streaming); the service holds the other copy for a conversation opened again.
    """

    has_text: bool = False
    status: str = ""  # what the reply waits for (a retry after 429/503), shown on its card
    tool_calls: dict[int, ToolCallDraft] = field(default_factory=dict)
    model: str | None = None
    error: str | None = None
    refusal: str | None = None  # a refusal streaming in, shown in its own block
    citations: list[Citation] = field(default_factory=list)  # streamed annotations
    # Once citations arrived: the streamed text without markers (the rendered one has them)
    # and how many citations have their marker shown.
    plain: str | None = None
    placed: int = 0

    def merge(self, batch: StreamBatch) -> None:
        if batch.refusal is not None:
            self.refusal = (self.refusal or "") + "".join(batch.refusal)
        self.has_text = self.has_text or bool(batch.text)
        for index, draft in batch.tool_calls.items():
            mine = self.tool_calls.setdefault(index, ToolCallDraft())
            mine.id = draft.id or mine.id
            mine.name = draft.name or mine.name
            mine.arguments += draft.arguments
        self.model = batch.model or self.model
        self.error = batch.error or self.error
        room = MAX_CITATIONS - len(self.citations)
        if batch.citations and room > 0:
            self.citations += batch.citations[:room]


def live_reply_for(message: Message) -> LiveReply:
    """The live state of a reply that starts streaming into the view: with the citations it
    had when its conversation was opened again mid-stream (shown as `body_markdown` shows
    them), so those placed already stay and the rest are placed as the text grows."""
    if not message.citations:
        return LiveReply()
    plain = message.text.replace("\r\n", "\n").replace("\r", "\n")
    citations = list(message.citations[:MAX_CITATIONS])
    return LiveReply(citations=citations, plain=plain,
                     placed=sum(placeable(plain, citation) for citation in citations))


@dataclass
class MessageRow:
    message: Message
    siblings: SiblingInfo = NO_SIBLINGS
    live: LiveReply | None = None
    thinking_open: bool | None = None  # None: the default (open while streaming)
    open_tools: set[int] = field(default_factory=set)
    reading: bool = False  # being read aloud: the card offers Stop
    # Role.TOOL rows (tool cards): the asking reply's arguments, open/closed (None: open while
    # waiting for approval), "Show all" pressed, when the call started running (monotonic),
    # and whether the window waits for the user's decision on it.
    tool_arguments: str = ""
    tool_open: bool | None = None
    tool_show_all: bool = False
    tool_started: float | None = None
    tool_approvable: bool = False
    calls_answered: bool = False  # a reply whose calls have tool cards below it


class MessageListModel(QAbstractListModel):
    """Rows are MessageRow objects; the view reads them directly through `row_at`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MessageRow] = []
        self._by_id: dict[int, int] = {}

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.message.text[:200]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.message.role.value}: {row.message.text[:200]}"
        if role == MessageRole.MESSAGE:
            return row.message
        if role == MessageRole.MESSAGE_ID:
            return row.message.id
        if role == MessageRole.SIBLINGS:
            return row.siblings
        if role == MessageRole.STREAMING:
            return row.message.status == MessageStatus.STREAMING
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names[int(MessageRole.MESSAGE)] = QByteArray(b"message")
        names[int(MessageRole.MESSAGE_ID)] = QByteArray(b"messageId")
        names[int(MessageRole.SIBLINGS)] = QByteArray(b"siblings")
        names[int(MessageRole.STREAMING)] = QByteArray(b"streaming")
        return names

    # --- our API --------------------------------------------------------------------------
    def set_messages(
        self, messages: list[Message], sibling_info: Mapping[int, SiblingInfo]
    ) -> None:
        self.beginResetModel()
        self._rows = [
            MessageRow(message, sibling_info.get(message.id, NO_SIBLINGS)) for message in messages
        ]
        self._by_id = {row.message.id: number for number, row in enumerate(self._rows)}
        self._link_tool_rows()
        self.endResetModel()

    def append(self, message: Message, siblings: SiblingInfo | None = None) -> int:
        """Add a message at the end (or update it if it is already shown); returns its row."""
        existing = self._by_id.get(message.id)
        if existing is not None:
            self.replace(message, siblings)
            return existing
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(MessageRow(message, siblings or NO_SIBLINGS))
        self._by_id[message.id] = row
        asking = self._link_tool_rows(row)
        self.endInsertRows()
        if asking is not None:
            self.changed(asking)
        return row

    def prepend(self, messages: list[Message], sibling_info: Mapping[int, SiblingInfo]) -> None:
        """Add older messages above the shown ones (the rest of a path loaded after its tail)."""
        fresh = [m for m in messages if m.id not in self._by_id]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[:0] = [MessageRow(m, sibling_info.get(m.id, NO_SIBLINGS)) for m in fresh]
        self._by_id = {row.message.id: number for number, row in enumerate(self._rows)}
        self._link_tool_rows()
        self.endInsertRows()

    def replace(self, message: Message, siblings: SiblingInfo | None = None) -> int | None:
        """A new state of a shown message (final text, status); drops its live stream state."""
        row = self._by_id.get(message.id)
        if row is None:
            return None
        item = self._rows[row]
        item.message = message
        if message.status != MessageStatus.STREAMING:
            item.live = None
        if siblings is not None:
            item.siblings = siblings
        self.changed(row)
        return row

    def _link_tool_rows(self, start: int = 0) -> int | None:
        """Give tool rows from `start` on their call's arguments and mark the replies whose
        calls they answer; returns the row of the last reply marked."""
        marked: int | None = None
        for number in range(start, len(self._rows)):
            row = self._rows[number]
            call_id = row.message.tool_call_id
            if row.message.role is not Role.TOOL or not call_id:
                continue
            for back in range(number - 1, -1, -1):
                asking = self._rows[back]
                if asking.message.role is Role.ASSISTANT:
                    call = next((c for c in asking.message.tool_calls if c.id == call_id), None)
                    if call is not None:
                        row.tool_arguments = call.arguments
                        if not asking.calls_answered:
                            asking.calls_answered = True
                            marked = back
                    break
        return marked

    def changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    def row_of(self, message_id: int) -> int | None:
        return self._by_id.get(message_id)

    def row_at(self, row: int) -> MessageRow:
        return self._rows[row]

    def rows(self) -> list[MessageRow]:
        return self._rows
