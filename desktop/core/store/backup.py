"""Integrity check, automatic backups (SQLite backup API), moving damaged files aside, restore."""

from __future__ import annotations

import contextlib
import errno
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from desktop.core.progress import Progress
from desktop.core.store.data_lock import exclusive_data_dir
from desktop.core.store.database import connect
from desktop.core.store.errors import StoreError, StoreVersionError
from desktop.core.store.migrations import SCHEMA_VERSION, schema_version
from desktop.core.store.schema_check import schema_problems

BACKUP_PREFIX = "history-"
BACKUP_SUFFIX = ".sqlite3"
DEFAULT_KEEP_BACKUPS = 7
DAY_SECONDS = 24 * 3600


def quick_check(conn: sqlite3.Connection) -> str:
    """"ok", or the first problems `PRAGMA quick_check` reports."""
    rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check(5)").fetchall()]
    return "ok" if rows == ["ok"] else "; ".join(rows)


_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def is_damage(error: sqlite3.Error) -> bool:
    """True for errors that mean the file itself is broken (not locked, busy or unreadable)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return not isinstance(error, sqlite3.OperationalError)
    return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _stamp(now: float | None = None) -> str:
    moment = datetime.fromtimestamp(time.time() if now is None else now, tz=UTC)
    return moment.strftime("%Y%m%d-%H%M%S")


def _unused(path: Path) -> Path:
    """`path`, or `path` with a counter added when the name is taken (nothing is overwritten)."""
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def describe_os_error(error: OSError | sqlite3.Error) -> str:
    """A short cause for a failed write: full disk and read-only named plainly."""
    text = str(error)
    if (isinstance(error, OSError) and error.errno == errno.ENOSPC) or "full" in text:
        return "the disk is full"
    if isinstance(error, OSError) and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"no permission to write ({error.strerror})"
    if "readonly" in text or "read-only" in text:
        return "the location is read-only"
    return text


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


PAGES_PER_STEP = 1024  # pages copied between two progress reports (4 MiB at 4 KiB pages)


def copy_database(source: sqlite3.Connection, target: sqlite3.Connection,
                  progress: Progress | None = None, phase: str = "copying") -> None:
    """SQLite's backup API, in steps that report to `progress` (which may cancel it)."""
    if progress is None:
        source.backup(target)
        return

    def report(_status: int, remaining: int, total: int) -> None:
        progress.step(total - remaining, total, phase)  # raises WorkCancelledError: the copy stops

    progress.step(0, 0, phase)
    source.backup(target, pages=PAGES_PER_STEP, progress=report)
    progress.step(progress.total, progress.total, phase)


def backup_database(conn: sqlite3.Connection, dest: Path,
                    progress: Progress | None = None) -> Path:
    """Copy the live database into `dest` with the backup API (consistent, readers unaffected).

    Raises StoreError naming the cause (a full disk, no permission); no `.partial` is left,
    also when `progress` cancels it.
    """
    tmp = dest.with_name(dest.name + ".partial")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        target = sqlite3.connect(str(tmp))
        try:
            copy_database(conn, target, progress)
            # A self-contained single file: no WAL beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        tmp.replace(dest)
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(tmp)
        raise StoreError(f"The backup {dest} could not be written: {describe_os_error(exc)}") \
            from exc
    except BaseException:
        _remove_quietly(tmp)
        raise
    return dest


def list_backups(backups_dir: Path) -> list[Path]:
    """Automatic backups, newest first."""
    if not backups_dir.is_dir():
        return []
    found = [
        p for p in backups_dir.iterdir()
        if p.name.startswith(BACKUP_PREFIX) and p.name.endswith(BACKUP_SUFFIX)
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def prune_backups(backups_dir: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest `keep`; return what was removed."""
    removed = list_backups(backups_dir)[max(keep, 1):]
    for path in removed:
        path.unlink()
    return removed


STALE_PARTIAL_SECONDS = 3600.0


def _remove_stale_partials(backups_dir: Path) -> None:
    """Drop `.partial` copies a killed process left (not one another process is writing)."""
    if not backups_dir.is_dir():
        return
    for path in backups_dir.glob(f"{BACKUP_PREFIX}*.partial"):
        with contextlib.suppress(OSError):
            if time.time() - path.stat().st_mtime > STALE_PARTIAL_SECONDS:
                path.unlink()


def backup_if_due(
    conn: sqlite3.Connection,
    backups_dir: Path,
    *,
    interval: float = DAY_SECONDS,
    keep: int = DEFAULT_KEEP_BACKUPS,
    label: str = "",
) -> Path | None:
    """Make a backup when the newest is older than `interval` seconds; keep the last `keep`."""
    existing = list_backups(backups_dir)
    if existing and time.time() - existing[0].stat().st_mtime < interval:
        return None
    _remove_stale_partials(backups_dir)
    name = f"{BACKUP_PREFIX}{_stamp()}{label}{BACKUP_SUFFIX}"
    made = backup_database(conn, _unused(backups_dir / name))
    prune_backups(backups_dir, keep)
    return made


def move_aside(path: Path, reason: str = "damaged") -> Path | None:
    """Rename the database (and its -wal/-shm) with a timestamp; never deletes anything."""
    if not path.exists():
        return None
    moved = _unused(path.with_name(f"{path.name}.{reason}-{_stamp()}"))
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(moved.with_name(moved.name + suffix))
    path.replace(moved)
    return moved


def verify_backup(source: Path) -> int:
    """Check that `source` is a history database exactly as ours; return its version.

    SQLite, `integrity_check` ok, a version we know, and the schema the migrations build for
    that version: no trigger, view or table of its own (see `schema_check`).
    """
    if not source.is_file():
        raise StoreError(f"{source} does not exist or is not a file")
    try:
        conn = connect(f"file:{source.resolve()}?mode=ro&immutable=1", read_only=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{source} cannot be opened: {exc}") from exc
    try:
        version = schema_version(conn)
        if version > SCHEMA_VERSION:
            raise StoreVersionError(source, version, SCHEMA_VERSION)
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)").fetchall()]
        problems = schema_problems(conn, version) if version >= 1 else []
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{source} is not a Switchboard history database ({exc})") from exc
    finally:
        conn.close()
    if rows != ["ok"]:
        raise StoreError(f"{source} is damaged: {'; '.join(rows)}")
    if version < 1:
        raise StoreError(f"{source} is not a Switchboard history database (no format version)")
    if problems:
        shown = "; ".join(problems[:5]) + ("; …" if len(problems) > 5 else "")
        raise StoreError(
            f"{source} is not a Switchboard history database as this version writes it "
            f"(format {version}: {shown}); nothing was restored"
        )
    return version


def restore_backup(database: Path, source: Path,
                   progress: Progress | None = None) -> Path | None:
    """Replace the database with the backup `source`; the current file is moved aside first.

    Refuses (DataDirBusyError, nothing touched) while any process holds the data directory's
    lock. The backup is copied first and the copy checked, so what is swapped in is exactly
    what was checked. Returns where the previous database went (None if there was none).
    `progress` may cancel it until the swap (`WorkCancelledError`; nothing was changed).
    """
    with exclusive_data_dir(database.parent):
        verify_backup(source)
        tmp = database.with_name(database.name + ".restoring")
        try:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            src = connect(f"file:{source.resolve()}?mode=ro&immutable=1", read_only=True)
            try:
                target = sqlite3.connect(str(tmp))
                try:
                    copy_database(src, target, progress)
                    target.execute("PRAGMA journal_mode = DELETE")
                finally:
                    target.close()
            finally:
                src.close()
            if progress is not None:
                progress.step(phase="checking")
            verify_backup(tmp)
            if progress is not None:
                progress.step()  # the last chance to cancel: the swap follows
        except (OSError, sqlite3.Error) as exc:
            _remove_quietly(tmp)
            raise StoreError(f"{source} could not be copied into {database.parent}: "
                             f"{describe_os_error(exc)}; nothing was restored") from exc
        except BaseException:
            _remove_quietly(tmp)
            raise
        moved = move_aside(database, "before-restore")
        tmp.replace(database)
        return moved
