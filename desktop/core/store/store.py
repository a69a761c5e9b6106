"""`Store`: the typed API over the history database; the GUI and the CLI never write SQL."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

from desktop.core.paths import DataDir
from desktop.core.progress import Progress, step
from desktop.core.store import backup as backups
from desktop.core.store import search as fts
from desktop.core.store.attachments import DEFAULT_MAX_ATTACHMENT_BYTES
from desktop.core.store.changes import StoreChanges
from desktop.core.store.compare_ops import CompareOps
from desktop.core.store.cost_ops import CostOps
from desktop.core.store.data_lock import SharedDataDirLock
from desktop.core.store.database import (
    BUSY_TIMEOUT_MS,
    connect,
    enable_wal,
    require_fts5,
)
from desktop.core.store.errors import StoreDamagedError, StoreError, StoreVersionError
from desktop.core.store.import_drafts import AttachmentDraft, ConversationDraft
from desktop.core.store.import_writer import insert_draft
from desktop.core.store.knowledge_ops import KnowledgeOps
from desktop.core.store.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.core.store.models import TOOL_NOT_FINISHED, FilePart, ImagePart, SearchResults
from desktop.core.store.opening import check_before_open, connect_read_only, is_writable
from desktop.core.store.store_base import ACTIVE_LEAF, UNSET, ActiveLeaf
from desktop.core.store.stream_lock import exclusive_if_nobody_streams
from desktop.core.store.task_ops import TaskOps
from desktop.core.store.tool_ops import ToolOps

__all__ = ["ACTIVE_LEAF", "UNSET", "ActiveLeaf", "Store"]

log = logging.getLogger(__name__)


class Store(ToolOps, CostOps, CompareOps, TaskOps, KnowledgeOps):
    """The conversation history of one data directory.

    Threading contract: a Store may be called from any thread. Every call takes the Store's
    lock and uses its single connection, so calls are serialised and each write is one
    transaction. Calls touch the disk: the GUI makes them from a worker thread or
    `loop.run_in_executor`, never on the UI thread. A reply being streamed is written by a
    `StreamCheckpointer` (its own thread and connection, see `checkpointer()`), and searches
    that a newer query may cancel run in a `SearchRunner` (its own thread and connection).
    Several Store instances (e.g. GUI and CLI) may share a database; SQLite's WAL and busy
    timeout arbitrate.

    Typical use by `ask`::

        conv = store.create_conversation(model=m, provider=p, params=params)
        user = store.append_message(conv.id, Role.USER, "question")
        reply = store.begin_reply(conv.id, model=m, provider=p)      # status streaming
        with store.checkpointer(reply.id) as cp:
            for delta in stream: cp.append(delta.text)
            cp.finish(MessageStatus.COMPLETE, usage=usage, finish_reason="stop")
        history = store.active_path(conv.id)                         # for `-c ID`

    Folders and presets live in `store.folders` and `store.presets` (same lock, same rules).

    Change events: `store.subscribe(callback)` calls `callback(StoreChanges)` after every
    committed mutation (see `StoreBase.subscribe`); `with store.batch():` makes several
    mutations one transaction that reports once.
    """

    # ----------------------------------------------------------------- opening and closing

    @classmethod
    def open(
        cls,
        data_dir: DataDir | Path | str,
        *,
        backup_interval: float | None = backups.DAY_SECONDS,
        keep_backups: int = backups.DEFAULT_KEEP_BACKUPS,
        max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> Store:
        """Open (creating or upgrading) the history database of `data_dir`.

        Checks the file (`PRAGMA quick_check`), refuses a newer format (`StoreVersionError`,
        file untouched), moves a damaged file aside (`StoreDamagedError` lists the backups),
        upgrades older formats after backing them up, marks replies left `streaming` by a
        crash as `interrupted`, and makes the daily backup when one is due (None: never).
        `busy_timeout_ms` is how long a call waits for another process's write lock.
        """
        if not isinstance(data_dir, DataDir):
            data_dir = DataDir(Path(data_dir))
        data_dir.ensure()
        path = data_dir.database
        check_before_open(path)
        require_fts5()
        if not is_writable(data_dir.root, path):
            return cls._open_read_only(data_dir, busy_timeout_ms, max_attachment_bytes)
        existed = path.exists() and path.stat().st_size > 0
        data_lock = SharedDataDirLock(data_dir.root)  # `restore` waits for every holder
        try:
            conn = connect(path, busy_timeout_ms=busy_timeout_ms)
        except BaseException:
            data_lock.release()
            raise
        try:
            version = cls._check_file(conn, path, data_dir, existed)
            enable_wal(conn)
            if existed and 0 < version < SCHEMA_VERSION:
                backups.backup_if_due(
                    conn, data_dir.backups, interval=0, keep=max(keep_backups, 1) + 1,
                    label=f"-before-v{SCHEMA_VERSION}",
                )
            migrate(conn)
        except BaseException:
            conn.close()
            data_lock.release()
            raise
        store = cls(data_dir, conn, max_attachment_bytes=max_attachment_bytes)
        store._data_lock = data_lock
        store.recovered_messages = store._recover_interrupted()
        if backup_interval is not None and existed:
            store._daily_backup(backup_interval, keep_backups)
        store.collect_attachments()
        return store

    @classmethod
    def _open_read_only(
        cls, data_dir: DataDir, busy_timeout_ms: int, max_attachment_bytes: int
    ) -> Store:
        """Browse a history that cannot be written (a read-only folder or disk)."""
        path = data_dir.database
        conn = connect_read_only(path, busy_timeout_ms)
        try:
            version = cls._check_file(conn, path, data_dir, True, read_only=True)
            if version != SCHEMA_VERSION:
                raise StoreError(
                    f"The history {path} is read-only and in an older format ({version}); "
                    "it can only be opened where it can be upgraded."
                )
        except BaseException:
            conn.close()
            raise
        store = cls(data_dir, conn, max_attachment_bytes=max_attachment_bytes)
        store.read_only = (
            f"The data directory {data_dir.root} is read-only: the history can be browsed, "
            "but nothing can be saved."
        )
        store._writer.read_only = store.read_only
        log.warning("%s", store.read_only)
        return store

    def _daily_backup(self, interval: float, keep: int) -> None:
        """Make the daily backup when due; a failure (full disk…) never blocks opening."""
        try:
            self.backup_made = backups.backup_if_due(
                self._conn, self.data_dir.backups, interval=interval, keep=keep
            )
        except (StoreError, OSError, sqlite3.Error) as exc:
            root = exc.__cause__ if isinstance(exc, StoreError) else exc
            cause = (backups.describe_os_error(root)
                     if isinstance(root, OSError | sqlite3.Error) else str(exc))
            self.backup_problem = (
                f"The automatic backup was not made: {cause}. The history opened as usual."
            )
            log.warning("automatic backup failed: %s", exc)

    @staticmethod
    def _check_file(
        conn: sqlite3.Connection, path: Path, data_dir: DataDir, existed: bool,
        *, read_only: bool = False,
    ) -> int:
        try:
            version = schema_version(conn)
            if version > SCHEMA_VERSION:
                raise StoreVersionError(path, version, SCHEMA_VERSION)
            result = backups.quick_check(conn) if existed else "ok"
        except sqlite3.DatabaseError as exc:
            if not backups.is_damage(exc):  # locked, busy, no permission: not the file's fault
                conn.close()
                raise StoreError(f"The history database {path} cannot be read: {exc}") from exc
            result = str(exc)
        if result == "ok":
            return version
        conn.close()
        if read_only:
            raise StoreError(f"The history database {path} is damaged ({result}).")
        moved = backups.move_aside(path)
        log.error("history database %s failed its check (%s); moved to %s", path, result, moved)
        raise StoreDamagedError(path, moved, backups.list_backups(data_dir.backups), result)

    @staticmethod
    def restore_backup(data_dir: DataDir | Path | str, backup: Path,
                       progress: Progress | None = None) -> Path | None:
        """Make `backup` the history of `data_dir` (no Store may be open on it).

        The current database is renamed with a timestamp, never deleted; returns its new path.
        Offer this with the paths of `StoreDamagedError.backups`.
        """
        if not isinstance(data_dir, DataDir):
            data_dir = DataDir(Path(data_dir))
        return backups.restore_backup(data_dir.ensure().database, backup, progress)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._data_lock is not None:
                self._data_lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _recover_interrupted(self) -> tuple[int, ...]:
        """Replies still `streaming` at open were cut off by a crash: mark them interrupted.

        Skipped while another live process streams into this database (see stream_lock).
        """
        with exclusive_if_nobody_streams(self.path) as alone:
            if not alone:
                log.info("another process is streaming replies; crash recovery skipped")
                return ()
            return self._mark_streaming_interrupted()

    def _mark_streaming_interrupted(self) -> tuple[int, ...]:
        # At open, before anyone can subscribe: nothing to report.
        with self._write():
            # Checkpoints saved after the first one are in stream_chunks: into the row first
            # (while still `streaming`, so the search index takes the whole text below).
            chunked = [r[0] for r in self._conn.execute(
                "SELECT DISTINCT message_id FROM stream_chunks")]
            for message_id in chunked:
                text, reasoning = self._chunks_of(message_id)
                self._conn.execute(
                    "UPDATE messages SET text = text || ?, reasoning = reasoning || ? "
                    "WHERE id = ?", (text, reasoning, message_id),
                )
            self._conn.execute("DELETE FROM stream_chunks")
            ids = tuple(
                r[0] for r in self._conn.execute(
                    "SELECT id FROM messages WHERE status = 'streaming'"
                )
            )
            if ids:
                self._conn.execute(
                    "UPDATE messages SET status = 'interrupted', "
                    "error = coalesce(error, 'The reply was cut off when Switchboard stopped.') "
                    "WHERE status = 'streaming'"
                )
            # Tool calls that were waiting or running (a tool loop holds the streaming lock).
            self._conn.execute(
                "UPDATE messages SET tool_status = 'cancelled', "
                "text = CASE WHEN text = '' THEN ? ELSE text END "
                "WHERE tool_status IN ('pending', 'approved')", (TOOL_NOT_FINISHED,),
            )
        return ids

    # ----------------------------------------------------------------- search, backup

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> SearchResults:
        """Full-text search, grouped by conversation (see `search.search`); blocking."""
        with self._lock:
            return fts.search(self._conn, query, limit=limit, offset=offset)

    def backup_to(self, dest: Path, progress: Progress | None = None) -> Path:
        """Copy the whole history into one SQLite file at `dest` (restorable with `restore`).

        `progress` may cancel the copy (`WorkCancelledError`; no file is left at `dest`).
        """
        with self._lock:
            return backups.backup_database(self._conn, dest, progress)

    def quick_check(self) -> str:
        with self._lock:
            return backups.quick_check(self._conn)

    def import_drafts(self, drafts: Sequence[ConversationDraft],
                      progress: Progress | None = None) -> list[int]:
        """Write parsed conversations in ONE transaction: all of them, or nothing on error.

        Attachment files are written first (content-addressed, so a failed or cancelled
        import leaves at most unreferenced files that `collect_attachments` removes later).
        `progress` may cancel up to the commit (`WorkCancelledError`; the transaction rolls back).
        """
        hashes: dict[int, ImagePart | FilePart] = {}
        for n, draft in enumerate(drafts):
            step(progress, n, 2 * len(drafts), "writing")
            for message in draft.messages:
                for part in message.parts:
                    if isinstance(part, AttachmentDraft):
                        digest = self.attachments.put(part.data)
                        hashes[id(part)] = (
                            FilePart(digest, part.mime, part.name, len(part.data), part.pages)
                            if part.document else ImagePart(digest, part.mime, part.name))
        now = time.time()
        created: list[int] = []
        with self._write() as tx:
            folders = {f.name: f.id for f in self.folders.list() if f.parent_id is None}
            for n, draft in enumerate(drafts):
                step(progress, len(drafts) + n)
                created.append(
                    insert_draft(self._conn, draft, hashes, folders, self.attachments, now)
                )
            step(progress, 2 * len(drafts))  # the last chance to cancel: COMMIT follows
            tx.report(StoreChanges(conversations_created=frozenset(created), everything=True))
        return created
