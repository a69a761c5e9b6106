"""SQLite connections for the history store: pragmas, FTS5 check, explicit transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.store.errors import FtsUnavailableError

BUSY_TIMEOUT_MS = 5000


def connect(
    path: Path | str, *, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> sqlite3.Connection:
    """Open a connection in autocommit mode (we issue BEGIN/COMMIT ourselves).

    `check_same_thread=False`: every owner guards its connection with a lock or keeps it on
    one thread; see the threading contract in `Store`. WAL mode is switched on by `Store.open`
    only after the schema version was checked, so a newer file is never written to.
    """
    name = str(path)
    conn = sqlite3.connect(
        name, isolation_level=None, check_same_thread=False,
        timeout=busy_timeout_ms / 1000, uri=name.startswith("file:"),
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = ON")
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """WAL lets readers and the checkpoint writer work at once; NORMAL sync is crash-safe in WAL."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def require_fts5() -> None:
    """Raise FtsUnavailableError when this SQLite build cannot do full-text search."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE fts5_probe USING fts5(x)")
    except sqlite3.OperationalError as exc:
        raise FtsUnavailableError(
            f"This Python's SQLite {sqlite3.sqlite_version} has no FTS5 extension ({exc}); "
            "history search needs it. Install a Python built with FTS5."
        ) from exc
    finally:
        probe.close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception (the write lock is taken up front)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
