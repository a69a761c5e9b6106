"""The speech cache drops the audio of deleted messages when the store says they went."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.speech import SpeechCache
from desktop.core.store import Role, Store, TextPart
from desktop.core.store.import_drafts import ConversationDraft, MessageDraft
from desktop.ui.speech_cache_sweeper import speech_cache_sweeper, store_has_message
from desktop.ui.store_events import StoreEvents
from desktop.ui.task_runner import TaskRunner
from tests.ui.conftest import run_until


@dataclass
class Harness:
    store: Store
    cache: SpeechCache
    tasks: TaskRunner
    loop: asyncio.AbstractEventLoop
    sweeps: list[int]

    def cached(self) -> set[int]:
        return {int(path.name.split("-")[0]) for path in self.cache.directory.iterdir()}

    def after(self, action: Callable[[], object]) -> None:
        """Run a store mutation on a worker thread and let any sweep finish."""
        thread = threading.Thread(target=action)
        thread.start()
        thread.join()
        QApplication.processEvents()  # the change arrives; a sweep starts at once
        run_until(self.loop, lambda: self.tasks.running == 0)


@pytest.fixture
def harness(tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop,
            qapp: QApplication) -> Iterator[Harness]:
    store = Store.open(tmp_path / "data")
    cache = SpeechCache(tmp_path / "speech")
    tasks = TaskRunner()
    events = StoreEvents(store)
    events.changed.connect(speech_cache_sweeper(cache, tasks, store_has_message(store)))
    sweeps: list[int] = []
    tasks.busy_changed.connect(lambda running: sweeps.append(running) if running else None)
    yield Harness(store, cache, tasks, qasync_loop, sweeps)
    events.close()
    store.close()


def test_deleted_messages_and_conversations_lose_their_audio(harness: Harness) -> None:
    store = harness.store
    first = store.create_conversation("first")
    kept = store.append_message(first.id, Role.USER, "kept")
    dropped = store.append_message(first.id, Role.ASSISTANT, "dropped")
    second = store.create_conversation("second")
    other = store.append_message(second.id, Role.USER, "other")
    for message in (kept, dropped, other):
        harness.cache.store(message.id, "voice", b"RIFF", ".wav")
    harness.after(lambda: store.update_conversation(first.id, title="renamed"))
    assert harness.sweeps == []  # nothing was deleted: no sweep
    harness.after(lambda: store.delete_message(dropped.id))
    assert harness.cached() == {kept.id, other.id}
    harness.after(lambda: store.delete_conversation(first.id))
    assert harness.cached() == {other.id}
    assert len(harness.sweeps) == 2


def test_an_import_checks_every_entry_against_the_store(harness: Harness) -> None:
    harness.cache.store(4242, "voice", b"RIFF", ".wav")  # left by a message long gone
    draft = ConversationDraft("Imported", 1.0, 2.0, [
        MessageDraft("a", None, Role.USER, [TextPart("hello")], 1.0)])
    harness.after(lambda: harness.store.import_drafts([draft]))
    assert harness.cached() == set()
