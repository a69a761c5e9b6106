"""Local files that are hostile or from elsewhere never crash start-up or get changed (12, Low).

Deeply nested JSON, a second broken settings file, a providers.json of a newer format, a
folder or another program's SQLite file at the history's path, a newer history with its WAL,
and a `provider add` that fails after its key was stored.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.paths import DataDir
from desktop.core.providers import ProviderError, ProviderProfile, ProviderRegistry
from desktop.core.settings import Settings
from desktop.core.store import Store, StoreError
from desktop.core.store.errors import StoreVersionError
from desktop.core.store.migrations import SCHEMA_VERSION
from desktop.core.window_state import WindowState
from tests.helpers.memory_keyring import MemoryKeyring, active_keyring

REPO = Path(__file__).resolve().parents[2]
NESTED = "[" * 200_000 + "]" * 200_000


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def test_deeply_nested_files_give_defaults(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    for path in (data.settings_file, data.window_state_file, tmp_path / "providers.json"):
        path.write_text(NESTED)
    settings = Settings(data.settings_file)
    assert settings.load_problem is not None and "nested too deeply" in settings.load_problem
    assert settings.get("ui.theme") == Settings.default("ui.theme")
    assert WindowState(data.window_state_file).get("geometry") is None
    registry = ProviderRegistry(tmp_path)
    assert registry.list() == [] and "nested too deeply" in registry.warnings[0]


def test_the_window_starts_on_nested_files(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    for path in (data.settings_file, data.window_state_file, data.root / "providers.json"):
        path.write_text(NESTED)
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root),
         "--screenshot", str(tmp_path / "shot.png")],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_a_second_broken_settings_file_keeps_the_first_copy(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{first")
    Settings(path)
    path.write_text("{second")
    second = Settings(path)
    assert (tmp_path / "settings.json.broken").read_text() == "{first"
    assert (tmp_path / "settings.json.broken-1").read_text() == "{second"
    assert second.load_problem is not None and "settings.json.broken-1" in second.load_problem


def test_a_newer_providers_file_is_never_downgraded(tmp_path: Path) -> None:
    path = tmp_path / "providers.json"
    newer = {"version": 99, "providers": [
        {"name": "Relay", "base_url": "https://relay.example/v1", "future_field": {"x": 1}}]}
    path.write_text(json.dumps(newer))
    before = _digest(path)
    registry = ProviderRegistry(tmp_path)
    assert [p.name for p in registry.list()] == ["Relay"]
    assert "newer Switchboard" in registry.warnings[0]
    with pytest.raises(ProviderError, match="newer Switchboard"):
        registry.add(ProviderProfile("Other", "https://other.example/v1"))
    with pytest.raises(ProviderError, match="newer Switchboard"):
        registry.remove("Relay")
    assert _digest(path) == before


def test_a_folder_at_the_database_path(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    data.database.mkdir()
    with pytest.raises(StoreError, match="is not a file"):
        Store.open(data)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root), "history", "list"],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )
    assert done.returncode == 34 and "is not a file" in done.stderr
    assert "Traceback" not in done.stderr
    assert data.database.is_dir()


def test_another_programs_sqlite_file_is_not_adopted(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    conn = sqlite3.connect(data.database)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos (path) VALUES ('/home/me/cat.jpg')")
    conn.commit()
    conn.close()
    before = _digest(data.database)
    with pytest.raises(StoreError, match="another program"):
        Store.open(data)
    assert _digest(data.database) == before
    assert sorted(p.name for p in data.root.glob("history.sqlite3*")) == ["history.sqlite3"]


def test_a_newer_history_and_its_wal_are_left_exactly_as_they_were(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    writer = (
        "import os, sqlite3\n"
        f"c = sqlite3.connect({str(data.database)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=WAL'); c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute('CREATE TABLE future (x)'); c.execute('INSERT INTO future VALUES (1)')\n"
        f"c.execute('PRAGMA user_version = {SCHEMA_VERSION + 1}')\n"
        "os._exit(0)\n"  # no close: the newer version's pages stay in the WAL
    )
    subprocess.run([sys.executable, "-c", writer], check=True)
    wal = data.database.with_name("history.sqlite3-wal")
    assert wal.stat().st_size > 0
    before = _digest(data.database, wal)
    with pytest.raises(StoreVersionError, match="has not been modified"):
        Store.open(data)
    assert _digest(data.database, wal) == before


@pytest.fixture
def keyring_items(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    backend = MemoryKeyring()
    with active_keyring(backend):
        yield backend


def _add(tmp_path: Path, name: str, key: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(key + "\n"))
    return main(["--data-dir", str(tmp_path), "provider", "add", name,
                 "--base-url", "https://relay.example/v1", "--key-stdin"])


def test_a_failed_provider_add_leaves_no_key_behind(
    tmp_path: Path, keyring_items: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _add(tmp_path, "Relay", "sk-first-0123456789", monkeypatch) == 0
    assert list(keyring_items.items.values()) == ["sk-first-0123456789"]
    assert _add(tmp_path, "relay", "sk-second-0123456789", monkeypatch) == 3
    assert list(keyring_items.items.values()) == ["sk-first-0123456789"]
    # A save that fails after the key was stored (a newer providers.json) deletes that key.
    path = tmp_path / "providers.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), "version": 99}))
    assert _add(tmp_path, "Other", "sk-third-0123456789", monkeypatch) == 3
    assert list(keyring_items.items.values()) == ["sk-first-0123456789"]
