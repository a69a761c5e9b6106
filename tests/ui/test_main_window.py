"""Smoke tests of the main window on the offscreen platform."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core import notices
from desktop.core.window_state import WindowState
from desktop.ui.help_dialog import HelpDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import apply_theme
from tests.helpers.images import distinct_colours


def test_window_has_three_panes_and_renders(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.splitter.count() == 3
    assert window.sidebar.isVisible() and window.parameters.isVisible()
    shot = tmp_path / "offscreen.png"
    assert window.grab().save(str(shot))
    assert distinct_colours(shot) > 20


def test_panels_toggle(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.chat.parameters_button, Qt.MouseButton.LeftButton)
    assert not window.parameters.isVisible()
    qtbot.mouseClick(window.chat.sidebar_button, Qt.MouseButton.LeftButton)
    assert not window.sidebar.isVisible()
    window.focus_search()
    assert window.sidebar.isVisible()


def test_enter_sends_shift_enter_adds_line(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    sent: list[str] = []
    window.chat.send_requested.connect(sent.append)
    composer = window.chat.composer
    composer.setFocus()
    qtbot.keyClicks(composer, "hello")
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(composer, "world")
    assert sent == []
    qtbot.keyClick(composer, Qt.Key.Key_Return)
    assert sent == ["hello\nworld"]
    # Before the history is open the draft stays where it was, and the window says why.
    assert composer.toPlainText() == "hello\nworld"
    assert "still opening" in window.statusBar().currentMessage()


def test_enter_sends_can_be_swapped(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    sent: list[str] = []
    window.chat.send_requested.connect(sent.append)
    window.enter_sends_action.setChecked(False)
    composer = window.chat.composer
    composer.setPlainText("a")
    composer.moveCursor(composer.textCursor().MoveOperation.End)
    qtbot.keyClick(composer, Qt.Key.Key_Return)
    assert sent == [] and composer.toPlainText() == "a\n"
    qtbot.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent == ["a"]


def test_help_lists_shortcuts(qtbot: QtBot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    items = [dialog.table.item(row, 0) for row in range(dialog.table.rowCount())]
    keys = {item.text() for item in items if item is not None}
    assert {"Ctrl+N", "Ctrl+K", "F1", "F2", "Esc", "Ctrl+Shift+S"} <= keys  # S: the Studio


def test_unset_parameters_are_not_sent(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.parameters.parameters() == {}
    window.parameters.rows["temperature"].set_text("0.7")
    window.parameters.rows["max_tokens"].set_text("256")
    assert window.parameters.parameters() == {"temperature": 0.7, "max_tokens": 256}


def test_geometry_and_splitter_are_restored(qtbot: QtBot, tmp_path: Path) -> None:
    state_file = tmp_path / "window-state.json"
    first = MainWindow(window_state=WindowState(state_file))
    qtbot.addWidget(first)
    first.resize(760, 520)
    first.show()
    first.splitter.setSizes([150, 600, 150])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(window_state=WindowState(state_file))
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (760, 520)
    assert second.splitter.sizes() == sizes


def test_dark_theme_applies(qtbot: QtBot, qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        assert apply_theme(qapp, "dark") == "dark"
        assert "#17191c" in qapp.styleSheet()
    finally:
        apply_theme(qapp, "light")


def test_composer_grows_with_its_text(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    composer = window.chat.composer
    small = composer.sizeHint().height()
    composer.setPlainText("\n".join(f"line {i}" for i in range(6)))
    assert composer.sizeHint().height() > small
    composer.setPlainText("\n".join(f"line {i}" for i in range(60)))
    tall = composer.sizeHint().height()
    composer.setPlainText("\n".join(f"line {i}" for i in range(90)))
    assert composer.sizeHint().height() == tall  # capped; it scrolls beyond that


def test_core_notices_reach_the_status_bar(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    notices.warning("The disk is nearly full.", "12 MB left")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "The disk is nearly full.")
    assert window.statusBar().toolTip() == "12 MB left"


def test_history_that_cannot_open_is_explained(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.history_failed("the database file is damaged (moved aside as history.db.broken)")
    assert "damaged" in window.chat.notice_label.text()
    window.chat.clear_notice()
    window.chat.composer.setPlainText("hello")
    window.chat.send_button.click()
    assert "could not be opened" in window.chat.notice_label.text()
    assert window.chat.composer.toPlainText() == "hello"
