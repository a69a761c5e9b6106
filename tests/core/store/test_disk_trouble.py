"""A full disk and a read-only data directory give clear messages, never tracebacks (12.9).

The full disk is a real 4 MiB tmpfs, the read-only directory a real read-only bind mount
(both need root, which the test sandbox has; elsewhere the tests are skipped with the reason).
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store
from desktop.core.store.errors import StoreReadOnlyError

REPO = Path(__file__).resolve().parents[3]


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting needs root and a mount namespace: {done.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk))
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path, leave: int) -> None:
    """Write a filler file until the disk is full, then free `leave` bytes."""
    filler = disk / "filler"
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    with filler.open("r+b") as handle:
        handle.truncate(max(filler.stat().st_size - leave, 0))


def _run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )


def _assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr
    assert "Logging error" not in done.stderr


def _seed(data: DataDir, messages: int = 40, size: int = 20_000) -> None:
    with Store.open(data, backup_interval=None) as store:
        conv = store.create_conversation(title="Garden")
        for n in range(messages):
            store.append_message(conv.id, Role.USER, f"{n} " + "tomato " * (size // 7))


def test_the_daily_backup_on_a_full_disk_never_blocks_opening(small_disk: Path) -> None:
    data = DataDir(small_disk / "data").ensure()
    _seed(data)
    _fill(small_disk, leave=300_000)  # room to open, not for a copy of the history
    listed = _run(data.root, "history", "list")
    _assert_clean(listed)
    assert listed.returncode == 0, listed.stderr
    assert "Garden" in listed.stdout
    assert "automatic backup was not made: the disk is full" in listed.stderr
    assert not [p for p in data.backups.iterdir() if p.name.endswith(".partial")]
    with Store.open(data) as store:
        assert store.backup_made is None
        assert store.backup_problem is not None and "disk is full" in store.backup_problem
        assert store.count_conversations() == 1
    assert not [p for p in data.backups.iterdir() if p.name.endswith(".partial")]


def test_backup_and_import_on_a_full_disk(tmp_path: Path, small_disk: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    _seed(data)
    exported = tmp_path / "all.json"
    assert _run(data.root, "export", "--all", "--format", "json", "--out",
                str(exported)).returncode == 0
    _fill(small_disk, leave=100_000)
    out = small_disk / "backup.sqlite3"
    backed = _run(data.root, "backup", str(out))
    _assert_clean(backed)
    assert backed.returncode == 34
    assert "disk is full" in backed.stderr
    assert not out.exists() and not list(small_disk.glob("*.partial"))

    full = DataDir(small_disk / "data").ensure()
    (small_disk / "filler").unlink()
    _seed(full, messages=1, size=10)
    _fill(small_disk, leave=150_000)
    imported = _run(full.root, "import", str(exported))
    _assert_clean(imported)
    assert imported.returncode == 34, imported.stderr
    assert "disk is full" in imported.stderr
    with Store.open(full, backup_interval=None) as store:
        assert store.count_conversations() == 1  # all or nothing


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[DataDir]:
    data = DataDir(tmp_path / "data").ensure()
    _seed(data, messages=3, size=100)
    (data.root / "providers.json").write_text(json.dumps({"version": 1, "providers": []}))
    _mount("--bind", str(data.root), str(data.root))
    try:
        _mount("-o", "remount,bind,ro", str(data.root))
        yield data
    finally:
        subprocess.run(["umount", "-l", str(data.root)], check=False)


def test_a_read_only_data_directory_is_browsed(read_only_data: DataDir) -> None:
    data = read_only_data
    before = sorted(p.name for p in data.root.iterdir())
    with Store.open(data) as store:
        assert store.read_only is not None and "read-only" in store.read_only
        assert [c.title for c in store.list_conversations()] == ["Garden"]
        with pytest.raises(StoreReadOnlyError, match="read-only"):
            store.create_conversation(title="new")
    listed = _run(data.root, "history", "list")
    _assert_clean(listed)
    assert listed.returncode == 0 and "Garden" in listed.stdout
    added = _run(data.root, "provider", "add", "Local", "--base-url", "http://127.0.0.1:9")
    _assert_clean(added)
    assert added.returncode == 3
    assert "could not be saved" in added.stderr
    providers = _run(data.root, "provider", "list")
    _assert_clean(providers)
    assert providers.returncode == 0
    restored = _run(data.root, "restore", str(data.database))
    _assert_clean(restored)
    assert restored.returncode == 34 and "cannot be changed" in restored.stderr
    assert sorted(p.name for p in data.root.iterdir()) == before


def test_the_window_opens_a_read_only_data_directory(
    read_only_data: DataDir, tmp_path: Path
) -> None:
    shot = tmp_path / "shot.png"
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(read_only_data.root),
         "--screenshot", str(shot)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )
    _assert_clean(done)
    assert done.returncode == 0, done.stderr
    assert shot.exists()


def test_a_log_file_on_a_full_disk_stops_quietly(small_disk: Path) -> None:
    logs = small_disk / "logs"
    _fill(small_disk, leave=0)
    script = (
        "import logging\n"
        "from pathlib import Path\n"
        "from desktop.core.logs import setup_logging\n"
        f"setup_logging(Path({str(logs)!r}))\n"
        "for n in range(200):\n"
        "    logging.getLogger('x').warning('record %d %s', n, 'y' * 10000)\n"
        "print('done')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(REPO)), cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "done\n"
    assert "Logging error" not in done.stderr and "Traceback" not in done.stderr


def test_a_partial_copy_left_by_a_killed_backup_is_removed(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    _seed(data, messages=1, size=10)
    stale = data.backups / "history-20200101-000000.sqlite3.partial"
    fresh = data.backups / "history-20990101-000000.sqlite3.partial"
    for path in (stale, fresh):
        path.write_bytes(b"half a copy")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    with Store.open(data) as store:
        assert store.backup_made is not None
    assert not stale.exists()
    assert fresh.exists()  # may be another process's copy in progress
