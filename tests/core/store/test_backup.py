"""Integrity check at open, daily backups, damaged files moved aside, backup and restore."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store, StoreDamagedError, StoreError
from desktop.core.store.backup import list_backups, restore_backup, verify_backup


def _fill(data: DataDir, text: str = "keep this safe") -> int:
    with Store.open(data) as store:
        conv = store.create_conversation("precious")
        for i in range(40):
            store.append_message(conv.id, Role.USER, f"{text} {i} " + "padding " * 60)
        return conv.id


def test_daily_backup_made_when_due_and_pruned(data_dir: DataDir) -> None:
    _fill(data_dir)
    assert list_backups(data_dir.backups) == []  # a brand-new database is not backed up
    with Store.open(data_dir) as store:
        assert store.backup_made is not None
    with Store.open(data_dir) as store:
        assert store.backup_made is None  # the newest is less than a day old
    old = time.time() - 2 * 24 * 3600
    for path in list_backups(data_dir.backups):
        os.utime(path, (old, old))
    for _ in range(4):
        with Store.open(data_dir, keep_backups=2) as store:
            assert store.backup_made is not None
            os.utime(store.backup_made, (old, old))
    backups = list_backups(data_dir.backups)
    assert len(backups) == 2
    assert verify_backup(backups[0]) >= 2
    with Store.open(data_dir, backup_interval=None) as store:
        assert store.backup_made is None


def _corrupt(path: Path, header: bool) -> None:
    data = bytearray(path.read_bytes())
    if header:
        data[:16] = b"this is garbage!"
    else:
        page = 4096
        for start in range(2 * page, len(data) - page, page):
            data[start + 8:start + 200] = os.urandom(192)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("header", [True, False], ids=["not-a-database", "damaged-pages"])
def test_damaged_file_is_moved_aside_and_backup_offered(data_dir: DataDir, header: bool) -> None:
    conv_id = _fill(data_dir)
    with Store.open(data_dir) as store:  # makes the first backup
        assert store.backup_made is not None
    db = data_dir.database
    for side in ("-wal", "-shm"):
        assert not db.with_name(db.name + side).exists()
    _corrupt(db, header)
    damaged_bytes = db.read_bytes()
    with pytest.raises(StoreDamagedError) as info:
        Store.open(data_dir)
    err = info.value
    assert err.moved_to is not None and err.moved_to.read_bytes() == damaged_bytes
    assert "damaged" in err.moved_to.name and not db.exists()
    assert err.backups and str(err.backups[0]) in str(err)
    assert Store.restore_backup(data_dir, err.backups[0]) is None  # nothing to move aside
    with Store.open(data_dir) as store:
        assert store.get_conversation(conv_id).title == "precious"
        assert len(store.active_path(conv_id)) == 40
    assert err.moved_to.exists()  # never deleted


def test_backup_to_file_and_restore_replaces_history(data_dir: DataDir, tmp_path: Path) -> None:
    conv_id = _fill(data_dir, "before")
    target = tmp_path / "export" / "all.sqlite3"
    with Store.open(data_dir) as store:
        store.backup_to(target)
        store.delete_conversation(conv_id)
        store.create_conversation("after backup")
    moved = restore_backup(data_dir.database, target)
    assert moved is not None and moved.exists()
    with Store.open(data_dir) as store:
        titles = [c.title for c in store.list_conversations()]
        assert titles == ["precious"]
        assert store.search("before").hits


def test_restore_refuses_a_file_that_is_not_a_history(data_dir: DataDir, tmp_path: Path) -> None:
    _fill(data_dir)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"hello" * 100)
    before = data_dir.database.read_bytes()
    with pytest.raises(StoreError):
        restore_backup(data_dir.database, junk)
    with pytest.raises(StoreError):
        restore_backup(data_dir.database, tmp_path / "missing.sqlite3")
    assert data_dir.database.read_bytes() == before


def test_a_locked_database_is_not_mistaken_for_damage(data_dir: DataDir) -> None:
    import sqlite3

    _fill(data_dir)
    blocker = sqlite3.connect(data_dir.database, isolation_level=None)
    blocker.execute("PRAGMA journal_mode = DELETE")
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="cannot be read") as info:
            Store.open(data_dir, busy_timeout_ms=100)
        assert not isinstance(info.value, StoreDamagedError)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert data_dir.database.exists()
    with Store.open(data_dir) as store:
        assert store.count_conversations() == 1
