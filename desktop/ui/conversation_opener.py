"""Opening conversations: a new one, a stored one (read off the UI thread, tail first), a
search hit on any branch, and the neighbour of one that goes away.

The opener is the one writer of which conversation is open (`OpenConversation.open`); the
chat view, header and sidebar follow the state's signals.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer

from desktop.core.chat_service import ChatService
from desktop.core.conversation_path import (
    LoadedConversation,
    load_conversation,
    load_conversation_tail,
    load_for_message,
)
from desktop.core.store.models import Message
from desktop.core.store.store import Store
from desktop.ui.composer_drafts import ComposerDrafts
from desktop.ui.message_editing import MessageEditing
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")

PREPEND_CHUNK = 2_000  # older messages are added in slices, each a short UI-thread step


class ConversationOpener(QObject):
    """Switches the open conversation and shows its path; streaming replies come live."""

    def __init__(self, state: OpenConversation, store: Store, service: ChatService,
                 tasks: TaskRunner, drafts: ComposerDrafts, editing: MessageEditing,
                 status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._store = store
        self._service = service
        self._tasks = tasks
        self._drafts = drafts
        self._editing = editing
        self._status = status
        # The open compare's user message (store.open_compare), read with the path: the
        # path is shown up to it, its columns below (ui/compare). None: no compares.
        self.fork_of: Callable[[int], int | None] | None = None

    def _run(self, coro: Coroutine[Any, Any, T], name: str,
             on_success: Callable[[T], None]) -> None:
        self._tasks.start(coro, name=name, on_success=on_success,
                          on_failure=lambda exc: self._status(str(exc)))

    def _leave(self) -> None:
        self._drafts.leave()
        self._editing.cancel()

    def new_conversation(self) -> None:
        self._leave()
        self._state.open(None)
        self._drafts.restore()

    def open_conversation(self, conversation_id: int, message_id: int | None = None,
                          highlight: str = "") -> None:
        if not self._state.is_open(conversation_id):
            self._leave()
            self._state.open(conversation_id)
            self._drafts.restore()
        self.reload(conversation_id, message_id, highlight)

    def open_search_result(self, conversation_id: int, message_id: int | None,
                           query: str) -> None:
        self.open_conversation(conversation_id, message_id, query)

    def open_instead(self, gone: int, neighbour: int | None) -> None:
        """`gone` left the list (deleted, archived): show its neighbour if it was open."""
        if not self._state.is_open(gone):
            return
        if neighbour is None:
            self.new_conversation()
        else:
            self.open_conversation(neighbour)

    def reload(self, conversation_id: int, message_id: int | None = None,
               highlight: str = "") -> None:
        """Read the conversation from the store and show it, if it is still the open one."""
        if not self._state.is_open(conversation_id):
            return
        self._state.generation += 1
        generation = self._state.generation
        store = self._store

        fork_of = self.fork_of

        async def load() -> tuple[LoadedConversation, bool, int | None]:
            fork = None if fork_of is None else await asyncio.to_thread(fork_of,
                                                                         conversation_id)
            if message_id is None:  # the end first: a long conversation paints at once
                loaded, complete = await asyncio.to_thread(load_conversation_tail, store,
                                                           conversation_id)
                return loaded, complete, fork
            loaded = await asyncio.to_thread(load_for_message, store, conversation_id,
                                             message_id)
            return loaded, True, fork

        def show(result: tuple[LoadedConversation, bool, int | None]) -> None:
            loaded, complete, fork = result
            if not self._current(conversation_id, generation):
                return  # the user opened something else meanwhile
            path = self._with_live_replies(conversation_id, loaded)
            ids = [m.id for m in path]
            if fork in ids:  # the columns show the rest
                path = path[:ids.index(fork) + 1]
            self._state.show_path(path, loaded.siblings)
            log.info("conversation %d shown: %d messages", conversation_id, len(path))
            self._state.set_title(loaded.conversation.title)
            self._state.conversation_loaded.emit(loaded.conversation)
            if message_id is not None:
                self._state.scroll_to(message_id, highlight)
            if not complete:
                self._run(asyncio.to_thread(load_conversation, store, conversation_id),
                          f"open the rest of conversation {conversation_id}",
                          lambda full: self._show_older(conversation_id, generation, path, full))

        self._run(load(), f"open conversation {conversation_id}", show)

    def refresh_title(self, conversation_id: int) -> None:
        """The open conversation was renamed (by its first send, the sidebar, a command)."""
        store = self._store

        async def read() -> str:
            return (await asyncio.to_thread(store.get_conversation, conversation_id)).title

        def show(title: str) -> None:
            if self._state.is_open(conversation_id):
                self._state.set_title(title)

        self._run(read(), "read the title", show)

    def _current(self, conversation_id: int, generation: int) -> bool:
        return self._state.is_open(conversation_id) and self._state.generation == generation

    def _with_live_replies(self, conversation_id: int, loaded: LoadedConversation
                           ) -> list[Message]:
        """The store's copy of a streaming reply lags behind: take the service's."""
        live = {m.id: m for m in self._service.live_replies(conversation_id)}
        if not live:
            return loaded.path
        path = [live.pop(m.id, m) for m in loaded.path]
        # A reply begun after the store was read follows the path's last message.
        for message in live.values():
            if path and message.parent_id == path[-1].id:
                path.append(message)
                loaded.siblings.setdefault(message.id, (1, 1, [message.id]))
        return path

    def _show_older(self, conversation_id: int, generation: int, shown: list[Message],
                    full: LoadedConversation) -> None:
        """Add the messages above the tail shown first, in slices, without moving the view."""
        if not self._current(conversation_id, generation):
            return
        ids = [m.id for m in full.path]
        first = shown[0].id if shown else None
        if first not in ids:  # the branch changed in between: show it afresh
            self.reload(conversation_id)
            return
        older = full.path[: ids.index(first)]

        def add_slice() -> None:
            if not self._current(conversation_id, generation):
                return
            if not older:
                log.info("conversation %d complete: %d messages", conversation_id, len(ids))
                return
            part = older[-PREPEND_CHUNK:]
            del older[-PREPEND_CHUNK:]
            self._state.show_older(part, {m.id: full.siblings[m.id] for m in part})
            QTimer.singleShot(0, add_slice)

        add_slice()
