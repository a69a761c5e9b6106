"""Restore refuses hostile or incomplete backups before swapping anything (issue 12.8).

Each test builds a hostile backup with plain sqlite3: unrelated tables, a trigger or view of
its own, an FTS trigger with a different body, a changed column, a missing index, a version
from the future. Each is refused with its reason, and the current history stays as it was.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store, StoreError
from desktop.core.store.errors import StoreVersionError
from desktop.core.store.migrations import SCHEMA_VERSION, migrate


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def current(tmp_path: Path) -> DataDir:
    data = DataDir(tmp_path / "data").ensure()
    with Store.open(data, backup_interval=None) as store:
        conv = store.create_conversation(title="current")
        store.append_message(conv.id, Role.USER, "keep me")
    return data


def _genuine(tmp_path: Path, name: str = "genuine.sqlite3") -> Path:
    data = DataDir(tmp_path / "other").ensure()
    with Store.open(data, backup_interval=None) as store:
        conv = store.create_conversation(title="from the backup")
        store.append_message(conv.id, Role.USER, "hello")
        return store.backup_to(tmp_path / name)


def _edited(tmp_path: Path, *statements: str) -> Path:
    path = _genuine(tmp_path, "hostile.sqlite3")
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return path


def _refused(current: DataDir, backup: Path, reason: str,
             error: type[StoreError] = StoreError) -> None:
    before = _digest(current.database)
    with pytest.raises(error) as caught:
        Store.restore_backup(current, backup)
    assert reason in str(caught.value)
    assert _digest(current.database) == before
    leftovers = [p.name for p in current.root.iterdir() if p.name.startswith("history.sqlite3.")]
    assert leftovers == []
    with Store.open(current, backup_interval=None) as store:
        assert [c.title for c in store.list_conversations()] == ["current"]


@pytest.mark.parametrize("version", [1, SCHEMA_VERSION])
def test_a_bare_database_with_unrelated_tables(
    tmp_path: Path, current: DataDir, version: int
) -> None:
    path = tmp_path / "bare.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE conversations (x)")
    conn.execute("CREATE TABLE messages (y)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    _refused(current, path, "table 'conversations' differs from ours")


HOSTILE: dict[str, tuple[tuple[str, ...], str]] = {
    "a trigger that deletes messages": (
        ("CREATE TRIGGER wipe AFTER INSERT ON messages BEGIN DELETE FROM messages; "
         "UPDATE conversations SET title = 'pwned'; END",), "unexpected trigger 'wipe'"),
    "a view": (("CREATE VIEW everything AS SELECT * FROM messages",),
               "unexpected view 'everything'"),
    "an unknown table": (("CREATE TABLE extra (x)",), "unexpected table 'extra'"),
    "an FTS trigger with another body": (
        ("DROP TRIGGER messages_fts_insert",
         "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
         "DELETE FROM conversations; END"),
        "trigger 'messages_fts_insert' differs"),
    "an extra column": (("ALTER TABLE messages ADD COLUMN spy TEXT",),
                        "table 'messages' differs"),
    "a missing index": (("DROP INDEX messages_by_parent",), "missing index 'messages_by_parent'"),
    "an index of its own": (("CREATE INDEX sneaky ON messages(text)",),
                            "unexpected index 'sneaky'"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_schema_objects_are_refused(tmp_path: Path, current: DataDir, case: str) -> None:
    statements, reason = HOSTILE[case]
    _refused(current, _edited(tmp_path, *statements), reason)


def test_a_version_from_the_future(tmp_path: Path, current: DataDir) -> None:
    path = _edited(tmp_path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    _refused(current, path, "newer version", StoreVersionError)


def test_an_unversioned_database_and_a_file_that_is_not_sqlite(
    tmp_path: Path, current: DataDir
) -> None:
    _refused(current, _edited(tmp_path, "PRAGMA user_version = 0"), "no format version")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    _refused(current, junk, "junk.sqlite3")


def test_a_damaged_backup(tmp_path: Path, current: DataDir) -> None:
    path = _genuine(tmp_path)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'messages'").fetchone()
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    raw = bytearray(path.read_bytes())
    offset = (root[0] - 1) * page
    raw[offset:offset + 16] = b"\x0d" + b"\xee" * 15  # a leaf page with a broken header
    path.write_bytes(bytes(raw))
    _refused(current, path, "genuine.sqlite3")


def test_genuine_backups_of_this_and_older_versions_are_restored(
    tmp_path: Path, current: DataDir
) -> None:
    old = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, 2)
    conn.execute("INSERT INTO conversations (title, created_at, updated_at) VALUES ('old', 1, 1)")
    conn.close()
    makers: list[tuple[Callable[[], Path], str]] = [
        (lambda: _genuine(tmp_path), "from the backup"), (lambda: old, "old")]
    for make, title in makers:
        moved = Store.restore_backup(current, make())
        assert moved is not None and moved.exists()
        with Store.open(current, backup_interval=None) as store:
            assert [c.title for c in store.list_conversations()] == [title]


def test_the_restore_command_names_the_reason(tmp_path: Path, current: DataDir) -> None:
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[3]
    hostile = _edited(tmp_path, "CREATE TRIGGER wipe AFTER INSERT ON messages BEGIN "
                                "DELETE FROM messages; END")
    before = _digest(current.database)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(current.root), "restore",
         str(hostile)],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(repo)), cwd=repo,
        timeout=60,
    )
    assert done.returncode == 34
    assert "unexpected trigger 'wipe'" in done.stderr and "Traceback" not in done.stderr
    assert _digest(current.database) == before
