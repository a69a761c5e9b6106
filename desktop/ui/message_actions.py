"""What a message card offers besides sending: copy, delete, and switching branches."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from desktop.core.store.store import Store
from desktop.ui.conversation_opener import ConversationOpener
from desktop.ui.exchange_runner import ExchangeRunner
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner


class MessageActions(QObject):
    """Copy, delete and branch switching on the open conversation's messages."""

    def __init__(self, state: OpenConversation, store: Store, tasks: TaskRunner,
                 opener: ConversationOpener, exchanges: ExchangeRunner,
                 status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._store = store
        self._tasks = tasks
        self._opener = opener
        self._exchanges = exchanges
        self._status = status

    def copy(self, message_id: int) -> None:
        message = self._state.messages.get(message_id)
        if message is not None:
            QGuiApplication.clipboard().setText(message.text)
            self._status(self.tr("Copied."))

    def delete(self, message_id: int) -> None:
        conversation_id = self._state.conversation_id
        if conversation_id is None:
            return
        if self._exchanges.busy(conversation_id):
            self._status(self.tr("Stop the reply before deleting messages."))
            return
        self._reload_after(conversation_id, "delete message",
                           lambda: self._store.delete_message(message_id))

    def switch_branch(self, message_id: int) -> None:
        conversation_id = self._state.conversation_id
        if conversation_id is not None:
            self._reload_after(conversation_id, "switch branch",
                               lambda: self._store.switch_branch(message_id))

    def _reload_after(self, conversation_id: int, name: str, work: Callable[[], object]) -> None:
        async def run() -> None:
            await asyncio.to_thread(work)

        self._tasks.start(run(), name=name,
                          on_success=lambda _r: self._opener.reload(conversation_id),
                          on_failure=lambda exc: self._status(str(exc)))
