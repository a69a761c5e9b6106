"""The speech cache forgets the audio of messages that left the store.

`speech_cache_sweeper(...)` returns a slot for `StoreEvents.changed`: when a change deletes
messages or conversations, it sweeps the cache on a worker thread. The deleted message ids
come with the change, so no store lookup is needed; a change of everything (an import)
checks every entry against the store.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from desktop.core.speech import SpeechCache
from desktop.core.store.changes import StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.store import Store
from desktop.ui.task_runner import TaskRunner


def store_has_message(store: Store) -> Callable[[int], bool]:
    """`message_exists(id)` for `SpeechCache.sweep`, asking the store (blocking)."""

    def message_exists(message_id: int) -> bool:
        try:
            store.get_message(message_id)
        except NotFoundError:
            return False
        return True

    return message_exists


def speech_cache_sweeper(
    cache: SpeechCache, tasks: TaskRunner, message_exists: Callable[[int], bool]
) -> Callable[[StoreChanges], None]:
    """A slot for `StoreEvents.changed` that sweeps `cache` after deletions."""

    def on_store_changed(changes: StoreChanges) -> None:
        if not changes.deletions:
            return
        if changes.everything:
            still_there = message_exists
        else:
            deleted = frozenset(ref.message_id for ref in changes.messages_deleted)

            def still_there(message_id: int) -> bool:
                return message_id not in deleted

        tasks.start(asyncio.to_thread(cache.sweep, still_there), name="sweep speech cache")

    return on_store_changed
