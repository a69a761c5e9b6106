"""`ConversationListRefresher`: keeps the sidebar's conversation list in step with the store.

Connected to `StoreEvents.changed`, it reloads the list when a change shows in it: a
conversation created, deleted, renamed, pinned, archived, moved, or active (a new message
reorders the list), or a folder changed. Reading and grouping run off the UI thread through
the TaskRunner; bursts are debounced into one load, one load runs at a time, and a load
overtaken by a newer change is dropped for a fresh one, so the newest state wins. A change
of titles only updates those rows in place (no model reset, the scroll position stays), and
new activity in a conversation already at the top of its group changes nothing visible.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.conversation_groups import ConversationGroup, group_conversations
from desktop.core.store.changes import LIST_FIELDS, ConversationField, StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.models import ConversationSummary
from desktop.core.store.store import Store
from desktop.ui.conversation_list.model import ConversationListModel, ConversationRoles
from desktop.ui.conversation_list.view import ConversationListView
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

DEBOUNCE_MS = 30
_TITLE_ONLY = frozenset({ConversationField.TITLE})
_ACTIVITY_ONLY = frozenset({ConversationField.ACTIVITY})


@dataclass(frozen=True, slots=True)
class ListData:
    """The sidebar's content as read and grouped by a worker thread."""

    summaries: list[ConversationSummary]
    folders: dict[int, str]
    groups: list[ConversationGroup]


def read_list(store: Store, hidden: Iterable[int]) -> ListData:
    """Every conversation (archived too) and folder, grouped without the `hidden` ones."""
    summaries = store.list_conversations(archived=None)
    folders = {f.id: f.name for f in store.folders.list()}
    left_out = set(hidden)
    visible = [s for s in summaries if s.id not in left_out]
    return ListData(summaries, folders, group_conversations(visible, folders=folders))


def read_titles(store: Store, conversation_ids: Iterable[int]) -> dict[int, str]:
    """The current titles of those conversations that still exist."""
    titles: dict[int, str] = {}
    for conversation_id in conversation_ids:
        try:
            titles[conversation_id] = store.get_conversation(conversation_id).title
        except NotFoundError:
            continue
    return titles


def _rows_only(changes: StoreChanges) -> bool:
    return not (
        changes.everything or changes.folders or changes.conversations_created
        or changes.conversations_deleted
    )


def titles_only(changes: StoreChanges) -> bool:
    """True when the list changes only in some rows' titles (no order, group or row count)."""
    return _rows_only(changes) and changes.conversation_fields <= _TITLE_ONLY


def activity_only(changes: StoreChanges) -> bool:
    """True when of what the list shows only some conversations' last activity changed."""
    return _rows_only(changes) and changes.conversation_fields & LIST_FIELDS == _ACTIVITY_ONLY


class ConversationListRefresher(QObject):
    """Reloads a `ConversationListModel` from the store when a change concerns the list."""

    loaded = Signal()  # a full reload was shown (content, folders, selection restored)

    def __init__(
        self,
        store: Store,
        model: ConversationListModel,
        view: ConversationListView,
        tasks: TaskRunner,
        *,
        delay_ms: int = DEBOUNCE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._model = model
        self._view = view
        self._tasks = tasks
        self._full = False  # a full reload is wanted
        self._titles: set[int] = set()  # rows whose title is to be read again
        self._then: list[Callable[[], None]] = []
        self._loading = False
        self._overtaken = False  # a change arrived while loading: that load is stale
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._load)

    @property
    def busy(self) -> bool:
        """A load is waiting or running."""
        return self._loading or self._timer.isActive()

    def on_store_changed(self, changes: StoreChanges) -> None:
        """Slot for `StoreEvents.changed`: schedule what the change needs, if anything."""
        if not changes.list_changed:
            return
        if activity_only(changes) and all(
            self._stays_in_place(c) for c in changes.conversations_updated
        ):
            return
        if titles_only(changes):
            self._titles |= changes.conversations_updated
        else:
            self._full = True
        self._schedule()

    def _stays_in_place(self, conversation_id: int) -> bool:
        """New activity leaves the conversation where it is: first in a group it stays in."""
        summary = self._model.summary(conversation_id)
        index = self._model.index_of(conversation_id)
        if summary is None or index.row() < 1:
            return False
        if not self._model.index(index.row() - 1).data(ConversationRoles.IS_HEADER):
            return False
        return (summary.archived or summary.pinned or summary.folder_id in self._view.folders
                or dt.date.fromtimestamp(summary.updated_at) == dt.date.today())

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Reload the whole list (e.g. at start); `then()` runs after it is shown."""
        self._full = True
        if then is not None:
            self._then.append(then)
        self._schedule()

    def _schedule(self) -> None:
        if self._loading:
            self._overtaken = True
        else:
            self._timer.start()

    def _load(self) -> None:
        if self._loading or not (self._full or self._titles):
            return
        full, titles = self._full, set(self._titles)
        self._full, self._titles = False, set()
        hidden = self._model.hidden()
        self._loading, self._overtaken = True, False
        store = self._store

        async def load() -> ListData | dict[int, str]:
            if full:
                return await asyncio.to_thread(read_list, store, hidden)
            return await asyncio.to_thread(read_titles, store, titles)

        def done(result: ListData | dict[int, str]) -> None:
            self._loading = False
            if self._overtaken or (full and hidden != self._model.hidden()):
                self._full |= full  # stale: read again, newest wins
                self._titles |= titles
                self._timer.start()
                return
            if isinstance(result, ListData):
                self._show(result)
            else:
                for conversation_id, title in result.items():
                    self._model.set_title(conversation_id, title)
            if self._full or self._titles:
                self._timer.start()

        def failed(exc: BaseException) -> None:
            self._loading = False
            log.warning("the conversation list could not be read: %s", exc)
            if self._full or self._titles or self._overtaken:
                self._timer.start()

        self._tasks.start(load(), name="load conversations", on_success=done, on_failure=failed)

    def _show(self, data: ListData) -> None:
        self._view.folders = data.folders
        self._model.set_grouped(data.summaries, data.folders, data.groups)
        self._view.restore_selection()
        log.info("conversation list shown: %d conversations", len(data.summaries))
        then, self._then = self._then, []
        for callback in then:
            callback()
        self.loaded.emit()
