"""File menu: import, export everything, back up now, restore from backup (in the window)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from desktop.core.paths import DataDir
from desktop.core.settings import Settings
from desktop.core.store import Role, Store
from desktop.core.store.backup import verify_backup
from desktop.core.store.backup_files import list_backup_files, summarize
from desktop.core.store.export_json import write_json
from desktop.core.window_state import WindowState
from desktop.ui.gui_session import GuiSession
from tests.helpers.chat_window import ChatWindow, data_dir_at, wait_for


def _fill(store: Store, count: int, prefix: str = "talk") -> None:
    for i in range(count):
        conv = store.create_conversation(f"{prefix} {i}")
        q = store.append_message(conv.id, Role.USER, f"question {i}")
        store.append_message(conv.id, Role.ASSISTANT, f"answer {i}", parent_id=q.id)


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    with Store.open(DataDir(tmp_path / "elsewhere").ensure(), backup_interval=None) as other:
        _fill(other, 40, "imported")
        out = tmp_path / "export.json"
        write_json(other, [c.id for c in other.list_conversations(archived=None)], out)
    return out


def _box(named: str) -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.objectName() == named \
                and widget.isVisible():
            return widget
    return None


def test_file_menu_offers_the_history_tools(chat: ChatWindow) -> None:
    window = chat.window
    texts = [a.text() for a in window.file_menu.actions() if a.text()]
    for wanted in ("&Import conversations…", "&Export conversation…",
                   "Export &all conversations…", "&Back up now", "&Restore from backup…"):
        assert wanted in texts
    assert all(a.isEnabled() for a in window.history_actions)


def test_import_adds_every_conversation_and_opens_the_first(chat: ChatWindow,
                                                            export_file: Path) -> None:
    chat.parts.history.import_history(str(export_file))
    chat.wait(lambda: chat.parts.history.running is None and chat.idle())
    assert chat.store.count_conversations() == 40
    chat.wait(lambda: chat.window.sidebar.model.conversation_count() == 40)
    opened = chat.parts.state.conversation_id
    assert opened is not None
    assert chat.store.get_conversation(opened).title.startswith("imported")
    assert "Imported 40 conversation" in chat.window.statusBar().currentMessage()


def test_cancelled_import_imports_nothing(chat: ChatWindow, export_file: Path) -> None:
    chat.parts.history.import_history(str(export_file))
    run = chat.parts.history.running
    assert run is not None
    cancel = run.dialog.findChild(QPushButton)
    assert cancel is not None
    cancel.click()  # before the worker's first step
    assert run.progress.cancelled
    chat.wait(lambda: chat.parts.history.running is None and chat.idle())
    assert chat.store.count_conversations() == 0
    assert "nothing was imported" in chat.window.statusBar().currentMessage()
    assert not any(isinstance(w, QProgressDialog) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def test_a_bad_file_is_refused_with_its_reason(chat: ChatWindow, tmp_path: Path) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": "world"}')
    chat.parts.history.import_history(str(bad))
    chat.wait(lambda: _box("historyToolsProblem") is not None)
    box = _box("historyToolsProblem")
    assert box is not None and "neither a Switchboard export" in box.text()
    box.close()
    assert chat.store.count_conversations() == 0


def test_back_up_now_and_export_all(chat: ChatWindow, tmp_path: Path) -> None:
    _fill(chat.store, 3)
    chat.parts.history.backup_now()
    chat.wait(lambda: chat.parts.history.running is None and chat.idle())
    [backup] = list_backup_files(chat.store.data_dir.backups)
    assert backup.kind == "manual" and verify_backup(backup.path) >= 1
    summary = summarize(backup.path)
    assert summary is not None and summary.conversations == 3
    assert str(backup.path) in chat.window.statusBar().currentMessage()

    out = tmp_path / "everything"
    chat.parts.history.export_all(str(out))
    chat.wait(lambda: chat.parts.history.running is None and chat.idle())
    document = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert [c["title"] for c in document["conversations"]] == ["talk 0", "talk 1", "talk 2"]


# ----------------------------------------------------------------- restore (the session)


def _settled(session: GuiSession) -> bool:
    """The history is open in the session's window and nothing is running."""
    parts = session.parts
    return (parts is not None and session.window.tasks.running == 0
            and session.tasks.running == 0 and not parts.conversation_list.busy)


@pytest.fixture
def session(tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop) -> Iterator[GuiSession]:
    data = data_dir_at(tmp_path / "data")
    made = GuiSession(data, Settings(data.settings_file), WindowState(data.window_state_file))
    made.start()
    wait_for(qasync_loop, lambda: _settled(made))
    yield made
    window = made.window
    qasync_loop.call_soon(window.close)
    wait_for(qasync_loop, lambda: not window.isVisible(), timeout=10)
    made.close_stores()


def test_restore_replaces_the_history_after_a_safety_backup(
        session: GuiSession, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path) -> None:
    parts = session.parts
    assert parts is not None
    store = session.stores[0]
    _fill(store, 2, "kept")
    backup = tmp_path / "saved.sqlite3"
    store.backup_to(backup)
    _fill(store, 3, "later")
    old_window = session.window

    parts.history.check_restore(backup)
    wait_for(qasync_loop, lambda: _box("confirmRestore") is not None)
    box = _box("confirmRestore")
    assert box is not None
    assert "5 conversation" in box.text() and "2 conversation" in box.text()
    [replace] = [b for b in box.buttons()
                 if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    replace.click()

    wait_for(qasync_loop, lambda: session.window is not old_window and _settled(session),
             timeout=20)
    new_store = session.stores[0]
    assert new_store is not store
    assert sorted(c.title for c in new_store.list_conversations()) == ["kept 0", "kept 1"]
    wait_for(qasync_loop, lambda: session.window.sidebar.model.conversation_count() == 2)
    [safety] = [b for b in list_backup_files(session.data_dir.backups) if b.kind == "safety"]
    summary = summarize(safety.path)
    assert summary is not None and summary.conversations == 5
    assert "Restored the history from saved.sqlite3" in session.window.statusBar().currentMessage()
    assert not shiboken6.isValid(old_window) or not old_window.isVisible()


def test_a_file_that_is_no_backup_is_refused_before_anything_closes(
        session: GuiSession, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path) -> None:
    parts = session.parts
    assert parts is not None
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    window = session.window
    parts.history.check_restore(bogus)
    wait_for(qasync_loop, lambda: _box("historyToolsProblem") is not None)
    box = _box("historyToolsProblem")
    assert box is not None and "cannot be restored" in box.text()
    box.close()
    assert session.window is window and session.parts is parts


def test_a_restore_refused_by_another_process_keeps_the_history(
        session: GuiSession, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path) -> None:
    """`switchboard ask` (any other user of the data directory) makes the restore refuse:
    the window reopens on the unchanged history and says why."""
    store = session.stores[0]
    _fill(store, 1, "old")
    backup = tmp_path / "saved.sqlite3"
    store.backup_to(backup)
    _fill(store, 2, "new")
    old_window = session.window
    with Store.open(session.data_dir, backup_interval=None):  # another user of the directory
        session.restore(backup)
        wait_for(qasync_loop, lambda: session.window is not old_window and _settled(session),
                 timeout=20)
    assert session.stores[0].count_conversations() == 3
    assert "Nothing was restored" in session.window.statusBar().currentMessage()
