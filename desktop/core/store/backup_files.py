"""The backup files a user can restore from: automatic, made on request, made before a restore."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.core.store.backup import BACKUP_PREFIX, BACKUP_SUFFIX, _stamp, _unused
from desktop.core.store.database import connect

MANUAL_PREFIX = "manual-"  # File → Back up now; never pruned
SAFETY_PREFIX = "before-restore-"  # the history as it was before a restore replaced it
MAX_LISTED = 200


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str  # "automatic", "manual" or "safety"
    size: int
    modified: float


@dataclass(frozen=True)
class HistorySummary:
    conversations: int
    messages: int


def new_backup_path(backups_dir: Path, prefix: str, now: float | None = None) -> Path:
    """A fresh file name in the backups folder (nothing existing is overwritten)."""
    return _unused(backups_dir / f"{prefix}{_stamp(now)}{BACKUP_SUFFIX}")


def _kind(name: str) -> str | None:
    if not name.endswith(BACKUP_SUFFIX):
        return None
    for prefix, kind in ((BACKUP_PREFIX, "automatic"), (MANUAL_PREFIX, "manual"),
                         (SAFETY_PREFIX, "safety")):
        if name.startswith(prefix):
            return kind
    return None


def list_backup_files(backups_dir: Path) -> list[BackupFile]:
    """Every backup in the folder, newest first (at most MAX_LISTED)."""
    if not backups_dir.is_dir():
        return []
    found: list[BackupFile] = []
    for path in backups_dir.iterdir():
        kind = _kind(path.name)
        if kind is None or not path.is_file():
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        found.append(BackupFile(path, kind, info.st_size, info.st_mtime))
    found.sort(key=lambda b: (b.modified, b.path.name), reverse=True)
    return found[:MAX_LISTED]


def summarize(path: Path, *, live: bool = False) -> HistorySummary | None:
    """How many conversations and messages a history file holds; None if it cannot say.

    `live`: the file is in use (WAL mode), so its -wal must be read too.
    """
    mode = "ro" if live else "ro&immutable=1"
    try:
        conn = connect(f"file:{path.resolve()}?mode={mode}", read_only=True)
    except sqlite3.Error:
        return None
    try:
        conversations = int(conn.execute("SELECT count(*) FROM conversations").fetchone()[0])
        messages = int(conn.execute("SELECT count(*) FROM messages").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return HistorySummary(conversations, messages)

