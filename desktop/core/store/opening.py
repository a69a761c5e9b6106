"""Checks made before the history database is opened for writing, and read-only opening.

The file is first looked at through a read-only connection, which never writes, merges a
WAL or converts anything: a newer format, a folder at its path or an unrelated SQLite file
is refused there with the file exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from desktop.core.store.database import connect
from desktop.core.store.errors import StoreError, StoreVersionError
from desktop.core.store.migrations import SCHEMA_VERSION, schema_version


def _read_only_uri(path: Path, *, immutable: bool = False) -> str:
    return f"file:{path.resolve()}?mode=ro" + ("&immutable=1" if immutable else "")


def check_before_open(path: Path) -> None:
    """Refuse, without touching it, what is at `path` when it is not a history we may open."""
    if not path.exists():
        return
    if not path.is_file():
        raise StoreError(
            f"The history database {path} is not a file (a folder is there); "
            "move it away or choose another data directory."
        )
    if path.stat().st_size == 0:
        return
    try:
        conn = connect(_read_only_uri(path), read_only=True)
    except sqlite3.Error:
        return  # not readable this way: the normal open reports or moves it aside
    try:
        version = schema_version(conn)
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.Error:
        return  # damage: the normal open moves it aside and offers backups
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise StoreVersionError(path, version, SCHEMA_VERSION)
    if version == 0 and objects:
        raise StoreError(
            f"{path} is an SQLite database of another program (it has no Switchboard format "
            "version); it was not changed. Move it away or choose another data directory."
        )


def is_writable(root: Path, database: Path) -> bool:
    """Whether the data directory (and its database, when there is one) can be written."""
    if not os.access(root, os.W_OK | os.X_OK):
        return False
    return not database.exists() or os.access(database, os.W_OK)


def connect_read_only(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A connection that can never write, for a read-only data directory.

    A WAL database needs its -shm file; where that cannot be made, the file is read as it
    is on disk (`immutable`), which is exact because nothing can write there either.
    """
    if not path.is_file():
        raise StoreError(
            f"The data directory {path.parent} is read-only and holds no history yet."
        )
    try:
        conn = connect(_read_only_uri(path), read_only=True, busy_timeout_ms=busy_timeout_ms)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn = connect(_read_only_uri(path, immutable=True), read_only=True,
                       busy_timeout_ms=busy_timeout_ms)
    return conn
