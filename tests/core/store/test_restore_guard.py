"""`restore` refuses while another Switchboard process uses the data directory (issue 12.2).

Real second processes hold the data directory's lock: a streaming `ask` against the fake
provider and the window itself (`python -m desktop`, offscreen). Restore is refused with
nothing touched, and succeeds once they have exited.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from desktop.cli import main
from desktop.core.paths import DataDir
from desktop.core.store import Role, Store
from desktop.core.store.data_lock import lock_path
from tests.helpers.fake_provider import FakeProvider

REPO = Path(__file__).resolve().parents[3]
KEY_VAR = "SWITCHBOARD_TEST_RESTORE_KEY"
BUSY = "Switchboard is running with this data directory (close it first)"


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen",
                **{KEY_VAR: "sk-test-restore"})


def _cli(data: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root), *args],
        capture_output=True, text=True, env=_env(), cwd=REPO, timeout=60,
    )


def _lock_is_held(data: DataDir) -> bool:
    path = lock_path(data.root)
    if not path.exists():
        return False
    fd = os.open(path, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def _until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _seeded(tmp_path: Path) -> tuple[DataDir, Path]:
    """A data dir with one conversation, and a backup holding another one."""
    data = DataDir(tmp_path / "data").ensure()
    with Store.open(data) as store:
        conv = store.create_conversation(title="in the backup")
        store.append_message(conv.id, Role.USER, "backed up")
        saved = store.backup_to(tmp_path / "saved.sqlite3")
        store.update_conversation(conv.id, title="current")
    return data, saved


def _assert_refused(data: DataDir, saved: Path) -> None:
    before = _digest(data.database)
    refused = _cli(data, "restore", str(saved))
    assert refused.returncode == 34, refused.stderr
    assert BUSY in refused.stderr
    assert "Traceback" not in refused.stderr
    assert _digest(data.database) == before
    assert not list(data.root.glob("history.sqlite3.before-restore*"))


def _assert_restored(data: DataDir, saved: Path) -> None:
    restored = _cli(data, "restore", str(saved))
    assert restored.returncode == 0, restored.stderr
    with Store.open(data, backup_interval=None) as store:
        titles = [c.title for c in store.list_conversations()]
    assert titles == ["in the backup"]


def test_restore_refused_while_an_ask_streams(tmp_path: Path) -> None:
    data, saved = _seeded(tmp_path)
    with FakeProvider() as fake:
        fake.default_text = " ".join(["word"] * 60)
        fake.default_delay = 0.05
        assert main(["--data-dir", str(data.root), "provider", "add", "Fake", "--base-url",
                     fake.url, "--key-env", KEY_VAR, "--max-retries", "0"]) == 0
        ask = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data.root),
             "ask", "-p", "Fake", "-m", "m", "hi"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(), cwd=REPO,
        )
        try:
            _until(lambda: bool(fake.requests) and _lock_is_held(data), "ask to stream")
            _assert_refused(data, saved)
            out, err = ask.communicate(timeout=60)
        finally:
            if ask.poll() is None:
                ask.kill()
                ask.wait()
        assert ask.returncode == 0, err
        assert "word word" in out
    _assert_restored(data, saved)


def test_restore_refused_while_the_window_is_open(tmp_path: Path) -> None:
    data, saved = _seeded(tmp_path)
    window = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), cwd=REPO,
    )
    try:
        _until(lambda: _lock_is_held(data), "the window to open the history", timeout=60)
        _assert_refused(data, saved)
    finally:
        window.send_signal(signal.SIGTERM)
        window.wait(timeout=30)
    _assert_restored(data, saved)
