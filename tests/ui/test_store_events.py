"""StoreEvents brings store changes made on worker threads to the UI thread, merged per turn."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.store import Role, Store
from desktop.core.store.changes import ConversationField, MessageRef, StoreChanges
from desktop.ui.store_events import StoreEvents


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def test_a_change_made_on_a_worker_thread_arrives_on_the_main_thread(
    store: Store, qtbot: QtBot
) -> None:
    events = StoreEvents(store)
    arrived: list[tuple[StoreChanges, QThread]] = []
    events.changed.connect(lambda changes: arrived.append((changes, QThread.currentThread())))
    created: list[int] = []
    worker = threading.Thread(
        target=lambda: created.append(store.create_conversation("from a worker").id))
    with qtbot.waitSignal(events.changed, timeout=5000):
        worker.start()
        worker.join()
    assert arrived == [(StoreChanges(conversations_created=frozenset(created)),
                        QApplication.instance().thread())]  # type: ignore[union-attr]
    events.close()


def test_a_burst_within_one_turn_arrives_as_one_merged_change(
    store: Store, qtbot: QtBot
) -> None:
    conv = store.create_conversation("burst")
    events = StoreEvents(store)
    arrived: list[StoreChanges] = []
    events.changed.connect(arrived.append)

    def burst() -> None:
        store.update_conversation(conv.id, title="Gulls")
        store.append_message(conv.id, Role.USER, "hello")
        store.presets.save("terse")

    worker = threading.Thread(target=burst)
    worker.start()
    worker.join()  # all three committed before the event loop runs again
    qtbot.waitUntil(lambda: bool(arrived), timeout=5000)
    QApplication.processEvents()
    (message,) = store.messages(conv.id)
    assert arrived == [StoreChanges(
        conversations_updated=frozenset({conv.id}),
        conversation_fields=frozenset({ConversationField.TITLE, ConversationField.ACTIVITY,
                                       ConversationField.ACTIVE_BRANCH}),
        messages_added=frozenset({MessageRef(conv.id, message.id)}),
        presets=True,
    )]
    events.close()


def test_after_close_nothing_arrives(store: Store, qtbot: QtBot) -> None:
    events = StoreEvents(store)
    arrived: list[StoreChanges] = []
    events.changed.connect(arrived.append)
    events.close()
    store.create_conversation("unheard")
    QApplication.processEvents()
    assert arrived == []


def test_a_deleted_bridge_is_no_longer_called(
    store: Store, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    events = StoreEvents(store)
    with qtbot.waitSignal(events.destroyed, timeout=5000):
        events.deleteLater()
    with caplog.at_level(logging.DEBUG):
        store.create_conversation("after the bridge went")
    assert "subscriber raised" not in caplog.text
    assert "after the bridge was deleted" not in caplog.text
