"""The sidebar list follows the store by itself: every mutation shows without a refresh call."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.store import Role, Store
from desktop.core.store.models import ConversationSummary
from desktop.ui.conversation_list.model import ConversationListModel, ConversationRoles
from desktop.ui.conversation_list.refresher import ConversationListRefresher
from desktop.ui.conversation_list.view import ConversationListView
from desktop.ui.store_events import StoreEvents
from desktop.ui.task_runner import TaskRunner
from tests.ui.conftest import run_until


@dataclass
class Sidebar:
    store: Store
    model: ConversationListModel
    view: ConversationListView
    refresher: ConversationListRefresher
    events: StoreEvents
    loop: asyncio.AbstractEventLoop
    resets: list[int]

    def settle(self, condition: Callable[[], bool] = lambda: True) -> None:
        """Run the loop until the store's changes arrived and the list shows the condition."""
        QApplication.processEvents()
        run_until(self.loop, lambda: not self.refresher.busy and condition())

    def titles(self) -> list[str]:
        return [self.model.index(row).data(Qt.ItemDataRole.EditRole)
                for row in range(self.model.rowCount())
                if not self.model.index(row).data(ConversationRoles.IS_HEADER)]

    def headers(self) -> list[str]:
        return [self.model.index(row).data() for row in range(self.model.rowCount())
                if self.model.index(row).data(ConversationRoles.IS_HEADER)]


@pytest.fixture
def sidebar(tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop,
            qapp: QApplication) -> Iterator[Sidebar]:
    store = Store.open(tmp_path / "data")
    model = ConversationListModel()
    view = ConversationListView(model)
    tasks = TaskRunner()
    refresher = ConversationListRefresher(store, model, view, tasks)
    events = StoreEvents(store)
    events.changed.connect(refresher.on_store_changed)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.conversation_count()))
    harness = Sidebar(store, model, view, refresher, events, qasync_loop, resets)
    refresher.reload()
    harness.settle(lambda: bool(resets))
    yield harness
    events.close()
    store.close()


def in_worker(action: Callable[[], object]) -> None:
    """Run a store mutation on another thread, as the window does."""
    thread = threading.Thread(target=action)
    thread.start()
    thread.join()


def test_a_conversation_made_on_a_worker_thread_shows(sidebar: Sidebar) -> None:
    in_worker(lambda: sidebar.store.create_conversation("Puffins"))
    sidebar.settle(lambda: sidebar.model.conversation_count() == 1)
    assert sidebar.titles() == ["Puffins"]


def test_a_rename_updates_the_row_in_place(sidebar: Sidebar) -> None:
    first = sidebar.store.create_conversation("Puffins")
    sidebar.store.create_conversation("Gannets")
    sidebar.settle(lambda: sidebar.model.conversation_count() == 2)
    sidebar.view.select_conversation(first.id)
    resets = len(sidebar.resets)
    in_worker(lambda: sidebar.store.update_conversation(first.id, title="Atlantic puffins"))
    sidebar.settle(lambda: "Atlantic puffins" in sidebar.titles())
    assert len(sidebar.resets) == resets  # no model reset: scroll and selection stay
    assert sidebar.view.current_conversation() == first.id


def test_pin_archive_folder_and_delete_regroup_the_list(sidebar: Sidebar) -> None:
    store = sidebar.store
    first = store.create_conversation("Puffins")
    second = store.create_conversation("Gannets")
    third = store.create_conversation("Terns")
    sidebar.settle(lambda: sidebar.model.conversation_count() == 3)
    in_worker(lambda: store.update_conversation(second.id, pinned=True))
    sidebar.settle(lambda: sidebar.titles()[0] == "Gannets")
    folder = store.folders.create("Birds")
    in_worker(lambda: store.update_conversation(third.id, folder_id=folder.id))
    sidebar.settle(lambda: "Birds" in sidebar.headers())
    assert sidebar.view.folders == {folder.id: "Birds"}
    in_worker(lambda: store.update_conversation(first.id, archived=True))
    sidebar.settle(lambda: sidebar.model.summary(first.id) is not None
                   and sidebar.model.summary(first.id).archived)  # type: ignore[union-attr]
    in_worker(lambda: store.delete_conversation(second.id))
    sidebar.settle(lambda: sidebar.model.conversation_count() == 2)
    in_worker(lambda: store.folders.rename(folder.id, "Seabirds"))
    sidebar.settle(lambda: "Seabirds" in sidebar.headers())


def test_a_new_message_moves_its_conversation_up(sidebar: Sidebar) -> None:
    older = sidebar.store.create_conversation("Older", created_at=1000.0)
    sidebar.store.create_conversation("Newer", created_at=2000.0)
    sidebar.settle(lambda: sidebar.model.conversation_count() == 2)
    assert sidebar.titles() == ["Newer", "Older"]
    in_worker(lambda: sidebar.store.append_message(older.id, Role.USER, "hello again"))
    sidebar.settle(lambda: sidebar.titles() == ["Older", "Newer"])


def test_talking_in_the_top_conversation_leaves_the_list_alone(sidebar: Sidebar) -> None:
    top = sidebar.store.create_conversation("Top")
    sidebar.store.create_conversation("Below", created_at=1000.0)
    sidebar.settle(lambda: sidebar.model.conversation_count() == 2)
    resets = len(sidebar.resets)
    in_worker(lambda: sidebar.store.append_message(top.id, Role.USER, "hello"))
    sidebar.settle()
    assert len(sidebar.resets) == resets
    assert sidebar.titles() == ["Top", "Below"]


def test_a_conversation_hidden_for_undo_stays_hidden(sidebar: Sidebar) -> None:
    sidebar.store.create_conversation("Kept", created_at=1000.0)
    gone = sidebar.store.create_conversation("Deleted, undo offered", created_at=2000.0)
    sidebar.settle(lambda: sidebar.model.conversation_count() == 2)
    sidebar.model.set_hidden(gone.id, True)
    resets = len(sidebar.resets)
    in_worker(lambda: sidebar.store.create_conversation("New"))
    sidebar.settle(lambda: len(sidebar.resets) > resets)
    assert sidebar.titles() == ["New", "Kept"]


def test_a_burst_of_changes_loads_once(sidebar: Sidebar) -> None:
    resets = len(sidebar.resets)
    for n in range(20):  # all before the event loop runs: one merged change, one load
        sidebar.store.create_conversation(f"burst {n}")
    sidebar.settle(lambda: sidebar.model.conversation_count() == 20)
    assert len(sidebar.resets) == resets + 1


def test_a_load_overtaken_by_a_change_is_dropped_for_a_fresh_one(
    sidebar: Sidebar, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = sidebar.store
    reading, release = threading.Event(), threading.Event()
    list_conversations = store.list_conversations

    def held_list(**kwargs: Any) -> list[ConversationSummary]:
        found = list_conversations(**kwargs)  # read before the change below…
        reading.set()
        release.wait(10)  # …and held until the change has arrived
        return found

    monkeypatch.setattr(store, "list_conversations", held_list)
    resets = len(sidebar.resets)
    sidebar.refresher.reload()
    run_until(sidebar.loop, reading.is_set)
    store.create_conversation("made while loading")
    release.set()
    sidebar.settle(lambda: sidebar.model.conversation_count() == 1)
    assert sidebar.resets[resets:] == [1]  # the stale (empty) list was never shown


def test_the_initial_reload_runs_its_callback_after_showing(sidebar: Sidebar) -> None:
    sidebar.store.create_conversation("Puffins")
    shown: list[int] = []
    sidebar.refresher.reload(lambda: shown.append(sidebar.model.conversation_count()))
    sidebar.settle(lambda: bool(shown))
    assert shown == [1]
    assert sidebar.headers() == ["Today"]
