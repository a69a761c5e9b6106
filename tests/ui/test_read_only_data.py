"""The window opens a read-only data directory for browsing, with a notice saying so (12.9)."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.core.paths import DataDir
from desktop.core.settings import Settings
from desktop.core.store import Role, Store
from desktop.core.window_state import WindowState
from desktop.ui.gui_session import open_history
from desktop.ui.main_window import MainWindow
from desktop.ui.window_assembly import WindowParts
from tests.helpers.chat_window import KEY_ENV, ChatWindow, add_provider, fake_key
from tests.helpers.fake_provider import FakeProvider
from tests.ui.conftest import run_until


@pytest.fixture
def read_only_data(
    tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> Iterator[DataDir]:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = DataDir(tmp_path / "data").ensure()
    add_provider(data, fake_provider.base_url)
    with Store.open(data, backup_interval=None) as store:
        conv = store.create_conversation(title="Garden")
        store.append_message(conv.id, Role.USER, "tomatoes")
    (data.root / "window-state.json").write_text("[" * 100_000)  # broken, cannot be moved
    for args in (["--bind", str(data.root), str(data.root)],
                 ["-o", "remount,bind,ro", str(data.root)]):
        done = subprocess.run(["mount", *args], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"a read-only bind mount needs root: {done.stderr.strip()}")
    try:
        yield data
    finally:
        subprocess.run(["umount", "-l", str(data.root)], check=False)


def test_read_only_history_is_browsed_with_a_notice(
    read_only_data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = Settings(read_only_data.settings_file)
    window_state = WindowState(read_only_data.window_state_file)
    window = MainWindow(window_state=window_state, settings=settings)
    window.show()
    opened: list[Store] = []
    built: list[WindowParts] = []
    failed: list[BaseException] = []
    window.tasks.start(open_history(window, read_only_data, settings, window_state, opened),
                       name="open history", on_success=built.append, on_failure=failed.append)
    run_until(qasync_loop, lambda: bool(built or failed), timeout=30)
    assert not failed
    harness = ChatWindow(window, opened[0], qasync_loop, built[0])
    harness.wait(lambda: window.tasks.running == 0 and not built[0].conversation_list.busy)
    assert "read-only" in window.chat.notice_label.text()
    badge = window.statusBar().findChild(QLabel, "readOnlyBadge")
    assert badge is not None and badge.isVisible()
    assert "read-only" in badge.toolTip()
    assert opened[0].list_conversations()[0].title == "Garden"
    harness.type_and_send("hello")
    harness.wait(harness.idle)
    assert "read-only" in window.chat.notice_label.text()
    assert [c.title for c in opened[0].list_conversations()] == ["Garden"]
    failures = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert failures == ["task send failed"]  # the refused send, shown above; nothing else
    harness.close()
    opened[0].close()
