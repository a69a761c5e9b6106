"""The state every part of `Store` shares: data directory, connection, lock, writer, subscribers.

`Store` is assembled from parts that each add one area of the API on top of this base
(`AttachmentOps` → `ConversationOps` → `MessageOps` → `Store`), so no module grows past a
screenful of topics; callers only ever see `Store`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

from desktop.core.paths import DataDir
from desktop.core.store.attachments import DEFAULT_MAX_ATTACHMENT_BYTES, AttachmentFiles
from desktop.core.store.changes import StoreChanges
from desktop.core.store.data_lock import SharedDataDirLock
from desktop.core.store.folders_presets import FolderTable, PresetTable
from desktop.core.store.writer import StoreWriter, Transaction

ATTACHMENT_GRACE_SECONDS = 3600.0


class _Unset(Enum):
    UNSET = "unset"


UNSET = _Unset.UNSET
"""Default of optional keyword arguments: "leave as it is" (None means "clear")."""


class _Leaf(Enum):
    ACTIVE = "active leaf"


ACTIVE_LEAF = _Leaf.ACTIVE
"""`append_message(parent_id=ACTIVE_LEAF)`: continue the conversation's active branch."""
ActiveLeaf = _Leaf
"""The type of ACTIVE_LEAF, for annotations (`parent_id: int | ActiveLeaf | None`)."""


class StoreBase:
    """Shared state of a Store, its change subscription and its batches."""

    def __init__(
        self,
        data_dir: DataDir,
        conn: sqlite3.Connection,
        *,
        max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
    ) -> None:
        self.data_dir = data_dir
        self.path = data_dir.database
        self._conn = conn
        self._lock = threading.RLock()
        self._writer = StoreWriter(conn, self._lock)
        self.attachments = AttachmentFiles(data_dir.attachments, max_attachment_bytes)
        self.folders = FolderTable(self._writer)
        self.presets = PresetTable(self._writer)
        self.recovered_messages: tuple[int, ...] = ()
        self.backup_made: Path | None = None
        self.backup_problem: str | None = None
        self.read_only: str | None = None
        """Why nothing can be saved (a read-only data directory), or None when writable."""
        """Why the automatic backup at open failed (a full disk…), to show as a notice."""
        self._data_lock: SharedDataDirLock | None = None
        """The data directory's shared lock, held while open (see `data_lock`)."""
        self.attachment_grace_seconds = ATTACHMENT_GRACE_SECONDS
        """Unreferenced attachments younger than this are kept (a message may be composed)."""

    def subscribe(self, callback: Callable[[StoreChanges], None]) -> Callable[[], None]:
        """Call `callback(changes)` after every committed mutation; returns the unsubscribe.

        The callback runs on the thread that made the mutation (a worker thread in the GUI;
        `desktop.ui.store_events` brings it to the UI thread), once per transaction, after
        the commit. Reply checkpoints report nothing; the reply's final write does.
        """
        return self._writer.subscribe(callback)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run several mutations in ONE transaction that reports its changes once.

        All of them are kept, or none when the block raises.
        """
        with self._writer.transaction():
            yield

    def _write(self) -> AbstractContextManager[Transaction]:
        """A write transaction (a savepoint inside a batch); see `StoreWriter.transaction`."""
        return self._writer.transaction()

    def _hashes_of(self, sql: str, args: tuple[Any, ...]) -> list[str]:
        return [r[0] for r in self._conn.execute(sql, args)]
