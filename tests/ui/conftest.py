"""GUI test fixtures: a qasync loop on the pytest-qt QApplication, driven explicitly."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.paths import DataDir
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]


@pytest.fixture(autouse=True)
def collect_qt_garbage_on_the_main_thread() -> Iterator[None]:
    """Collect each GUI test's cycles here, on the main thread.

    Left to chance, a collection can start on a worker thread (a store or highlighter thread,
    asyncio.to_thread, the search runner allocating) and free Qt wrappers there, which Qt does
    not allow. Collected before (what earlier tests left) and after each test.
    """
    gc.collect()
    yield
    gc.collect()


@pytest.fixture(scope="session", autouse=True)
def english_interface(qapp: QApplication) -> None:
    """English as the app installs it at start (with its plural forms: "2 models")."""
    from desktop.ui.language import install_language

    install_language(qapp, "en")


@pytest.fixture
def qasync_loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync event loop set as the current asyncio loop for one test."""
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        asyncio.set_event_loop(None)


def run_until(
    loop: asyncio.AbstractEventLoop, condition: Callable[[], bool], timeout: float = 5.0
) -> None:
    """Run the qasync loop (Qt events and asyncio callbacks) until `condition()` holds.

    Polls from a loop callback and stops the loop itself (see `wait_for`): qasync's
    `run_until_complete` processes Qt events once more after the loop stopped, with no running
    loop set, where a task step fails with "no running event loop".
    """
    from tests.helpers.chat_window import wait_for

    wait_for(loop, condition, timeout)


@pytest.fixture
def data(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch) -> DataDir:
    """A data dir with provider "fake" (the fake provider; its key from the environment)."""
    monkeypatch.setenv(KEY_ENV, fake_key())
    data_dir = data_dir_at(tmp_path / "data")
    add_provider(data_dir, fake_provider.base_url)
    return data_dir


@pytest.fixture
def chat(
    data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> Iterator[ChatWindow]:
    """The real window on `data`, closed inside the asyncio loop at the end.

    Not qtbot.addWidget: pytest-qt would close the window before this teardown, outside the
    loop, where its shut-down coroutine cannot run.
    """
    harness = open_window(data, qasync_loop)
    yield harness
    if harness.window.isVisible():
        harness.close()
    harness.store.close()
