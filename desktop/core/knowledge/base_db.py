"""One knowledge base's SQLite file: its files (size, mtime, content hash) and chunks.

A chunk's `row` is its row in the vector file, NULL until it is embedded: indexing embeds the
chunks whose row is NULL, so an interrupted run resumes where it stopped. A file that cannot
be opened as SQLite is `CorruptIndexError` (deleted and rebuilt from the files).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.core.knowledge.chunking import Chunk
from desktop.core.knowledge.vector_file import CorruptIndexError

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS files (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        hash TEXT NOT NULL,
        pages INTEGER NOT NULL DEFAULT 0,
        error TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE IF NOT EXISTS chunks (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        page INTEGER,
        text TEXT NOT NULL,
        row INTEGER UNIQUE
    )""",
    "CREATE INDEX IF NOT EXISTS chunks_file ON chunks(file_id)",
    "CREATE INDEX IF NOT EXISTS chunks_waiting ON chunks(id) WHERE row IS NULL",
)


@dataclass(frozen=True)
class FileRow:
    id: int
    path: str
    size: int
    mtime_ns: int
    hash: str
    pages: int
    error: str
    chunks: int
    embedded: int


@dataclass(frozen=True)
class ChunkHit:
    chunk_id: int
    text: str
    path: str
    page: int | None
    ord: int


_held: dict[Path, tuple[sqlite3.Connection, threading.RLock, int]] = {}
_held_lock = threading.Lock()


@contextmanager
def held_open(path: Path) -> Iterator[None]:
    """Keep one connection to `path` open (shared by every thread, one call at a time) while
    inside: an index run makes thousands of calls, and closing a WAL database checkpoints it
    each time."""
    with _held_lock:
        entry = _held.get(path)
        if entry is None:
            conn = sqlite3.connect(path, timeout=10.0, isolation_level=None,
                                   check_same_thread=False)
            entry = (conn, threading.RLock(), 0)
        _held[path] = (entry[0], entry[1], entry[2] + 1)
    try:
        yield
    finally:
        with _held_lock:
            conn, lock, count = _held[path]
            if count > 1:
                _held[path] = (conn, lock, count - 1)
            else:
                del _held[path]
                with lock:
                    conn.close()


class BaseDb:
    """Connections to one base's file: short-lived ones (so any thread may call), or the one
    `held_open` keeps; the manager's lock keeps writers apart."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        held = _held.get(self.path)
        if held is not None:
            with held[1]:
                yield from self._prepared(held[0])
            return
        try:
            conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise CorruptIndexError(f"{self.path.name}: {exc}") from exc
        with closing(conn):
            yield from self._prepared(conn)

    def _prepared(self, conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            # WAL: a commit is not fsynced (a crash may lose the last batches, which the next
            # run embeds again; it cannot corrupt the file).
            conn.execute("PRAGMA synchronous = NORMAL")
            if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
                conn.execute("PRAGMA journal_mode = WAL")  # kept in the file
                for statement in _SCHEMA:
                    conn.execute(statement)
                conn.execute("PRAGMA user_version = 1")
            yield conn
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            raise CorruptIndexError(f"{self.path.name}: {exc}") from exc
        finally:
            if conn.in_transaction:  # an error between BEGIN and COMMIT
                conn.rollback()

    def check(self) -> None:
        """CorruptIndexError when the file is not a sound database of ours."""
        with self.connect() as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise CorruptIndexError(f"{self.path.name} failed its integrity check")
            conn.execute("SELECT id, path, size, mtime_ns, hash, pages, error FROM files LIMIT 1")
            conn.execute("SELECT id, file_id, ord, page, text, row FROM chunks LIMIT 1")

    def files(self) -> list[FileRow]:
        with self.connect() as conn:
            rows = conn.execute(
                "SELECT f.id, f.path, f.size, f.mtime_ns, f.hash, f.pages, f.error, "
                "count(c.id), count(c.row) FROM files f LEFT JOIN chunks c ON c.file_id = f.id "
                "GROUP BY f.id ORDER BY f.path").fetchall()
        return [FileRow(*row) for row in rows]

    def file_hash(self, path: str) -> tuple[str, str] | None:
        """(content hash, error) of a file read before, or None."""
        with self.connect() as conn:
            row = conn.execute("SELECT hash, error FROM files WHERE path = ?", (path,)).fetchone()
        return None if row is None else (row[0], row[1])

    def remove_files(self, paths: Sequence[str]) -> None:
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])
            conn.execute("COMMIT")

    def touch_file(self, path: str, size: int, mtime_ns: int) -> None:
        """The file's stat changed but not its content."""
        with self.connect() as conn:
            conn.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?",
                         (size, mtime_ns, path))

    def put_file(self, path: str, size: int, mtime_ns: int, digest: str, pages: int,
                 chunks: Sequence[Chunk], error: str = "") -> None:
        """Replace a file's row and chunks (its new chunks wait to be embedded)."""
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM files WHERE path = ?", (path,))
            cur = conn.execute(
                "INSERT INTO files (path, size, mtime_ns, hash, pages, error) "
                "VALUES (?, ?, ?, ?, ?, ?)", (path, size, mtime_ns, digest, pages, error))
            file_id = cur.lastrowid
            conn.executemany(
                "INSERT INTO chunks (file_id, ord, page, text) VALUES (?, ?, ?, ?)",
                [(file_id, c.index, c.page, c.text) for c in chunks])
            conn.execute("COMMIT")

    def waiting(self, limit: int) -> list[tuple[int, str]]:
        """(chunk id, text) of up to `limit` chunks not embedded yet, oldest first."""
        with self.connect() as conn:
            return conn.execute("SELECT id, text FROM chunks WHERE row IS NULL ORDER BY id "
                                "LIMIT ?", (limit,)).fetchall()

    def count_waiting(self) -> int:
        with self.connect() as conn:
            return int(conn.execute("SELECT count(*) FROM chunks WHERE row IS NULL")
                       .fetchone()[0])

    def set_rows(self, chunk_ids: Sequence[int], first_row: int) -> None:
        """Record that these chunks were appended to the vector file from `first_row` on."""
        with self.connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("UPDATE chunks SET row = ? WHERE id = ?",
                             [(first_row + n, cid) for n, cid in enumerate(chunk_ids)])
            conn.execute("COMMIT")

    def clear_rows(self) -> None:
        """Forget every vector (a new model, or a corrupt vector file)."""
        with self.connect() as conn:
            conn.execute("UPDATE chunks SET row = NULL WHERE row IS NOT NULL")

    def row_map(self) -> list[tuple[int, int]]:
        """(row, chunk id) of every embedded chunk."""
        with self.connect() as conn:
            return conn.execute("SELECT row, id FROM chunks WHERE row IS NOT NULL").fetchall()

    def hits(self, chunk_ids: Sequence[int]) -> dict[int, ChunkHit]:
        with self.connect() as conn:
            marks = ",".join("?" * len(chunk_ids))
            rows = conn.execute(
                f"SELECT c.id, c.text, f.path, c.page, c.ord FROM chunks c "
                f"JOIN files f ON f.id = c.file_id WHERE c.id IN ({marks})",
                list(chunk_ids)).fetchall()
        return {row[0]: ChunkHit(*row) for row in rows}
