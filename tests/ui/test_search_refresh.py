"""Search results follow the store: a new or deleted message re-runs the shown query."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.store import Role, SearchResults, Store
from desktop.core.store.changes import StoreChanges
from desktop.ui.search_results import SearchBridge
from desktop.ui.store_events import StoreEvents


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def bridge(store: Store, qapp: QApplication) -> Iterator[SearchBridge]:
    events = StoreEvents(store)
    search = SearchBridge(store.path)
    events.changed.connect(search.on_store_changed)
    yield search
    events.close()
    search.close()


def hits(results: SearchResults) -> int:
    return sum(len(hit.messages) for hit in results.hits)


def results_after(qtbot: QtBot, bridge: SearchBridge, action: Callable[[], object]
                  ) -> SearchResults:
    with qtbot.waitSignal(bridge.results_ready, timeout=5000) as blocker:
        action()
    assert blocker.args is not None
    results = blocker.args[0]
    assert isinstance(results, SearchResults)
    return results


def in_worker(action: Callable[[], object]) -> None:
    thread = threading.Thread(target=action)
    thread.start()
    thread.join()


def test_results_follow_new_and_deleted_messages(
    store: Store, bridge: SearchBridge, qtbot: QtBot
) -> None:
    conv = store.create_conversation("Seabirds")
    store.append_message(conv.id, Role.USER, "tell me about puffins")
    first = results_after(qtbot, bridge, lambda: bridge.search("puffins", immediately=True))
    assert hits(first) == 1

    other = store.create_conversation("More")
    added = results_after(qtbot, bridge, lambda: in_worker(
        lambda: store.append_message(other.id, Role.USER, "puffins nest in burrows")))
    assert hits(added) == 2
    assert added.query == "puffins"

    gone = results_after(qtbot, bridge, lambda: in_worker(
        lambda: store.delete_conversation(conv.id)))
    assert hits(gone) == 1


def test_a_renamed_conversation_is_found_by_its_new_title(
    store: Store, bridge: SearchBridge, qtbot: QtBot
) -> None:
    conv = store.create_conversation("Untitled")
    store.append_message(conv.id, Role.USER, "hello")
    first = results_after(qtbot, bridge, lambda: bridge.search("gannets", immediately=True))
    assert first.hits == ()
    renamed = results_after(qtbot, bridge, lambda: in_worker(
        lambda: store.update_conversation(conv.id, title="Gannets")))
    assert [hit.conversation_id for hit in renamed.hits] == [conv.id]


def test_no_query_or_no_text_change_runs_nothing(bridge: SearchBridge) -> None:
    bridge.on_store_changed(StoreChanges(messages_deleted=frozenset()) | StoreChanges(
        conversations_deleted=frozenset({1})))
    assert not bridge.refresh_pending  # nothing is searched
    bridge.search("puffins")
    bridge.on_store_changed(StoreChanges(presets=True))
    assert not bridge.refresh_pending  # presets are not searchable
    bridge.on_store_changed(StoreChanges(conversations_deleted=frozenset({1})))
    assert bridge.refresh_pending
    bridge.search("")
    assert not bridge.refresh_pending
