"""One window per data directory: a second start raises the first and exits; a stale socket
left by a killed run does not block the next start; another data directory is another app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT


def start(data: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    return subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data)],
                            env=env, cwd=REPO_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def log_of(data: Path) -> str:
    path = data / "logs" / "switchboard.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for_log(data: Path, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in log_of(data):
        if time.monotonic() > deadline:
            raise AssertionError(f"no {text!r} in the log:\n{log_of(data)[-2000:]}")
        time.sleep(0.05)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_a_second_start_raises_the_first_and_exits(
    tmp_path: Path, running: list[subprocess.Popen[str]]
) -> None:
    data = tmp_path / "data"
    first = start(data)
    running.append(first)
    wait_for_log(data, "main window painted")
    second = start(data)
    running.append(second)
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert "already running" in out
    wait_for_log(data, "a second start asked this window to come to the front")
    assert first.poll() is None  # the first window goes on


def test_a_socket_left_by_a_killed_run_does_not_block_the_next(
    tmp_path: Path, running: list[subprocess.Popen[str]]
) -> None:
    data = tmp_path / "data"
    first = start(data)
    running.append(first)
    wait_for_log(data, "main window painted")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    (data / "logs" / "switchboard.log").unlink()
    again = start(data)
    running.append(again)
    wait_for_log(data, "main window painted")
    assert again.poll() is None


def test_another_data_directory_is_another_app(
    tmp_path: Path, running: list[subprocess.Popen[str]]
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    first = start(one)
    running.append(first)
    wait_for_log(one, "main window painted")
    second = start(two)
    running.append(second)
    wait_for_log(two, "main window painted")
    assert first.poll() is None and second.poll() is None
