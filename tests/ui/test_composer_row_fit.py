"""The composer's bottom row at a 1100 px window with the parameter panel open: attach,
image, Tools, dictation, Compare (in compare mode) and Send fit with room to type, in English
and in Chinese with long labels; worded buttons fold to icons (words in tooltips) and get
their words back when the window widens. Screenshots in $SWITCHBOARD_SHOTS."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QRect, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui import theme
from desktop.ui.composer_fit import MIN_TYPING_WIDTH
from desktop.ui.language import TRANSLATOR_NAME, install_language
from tests.helpers.chat_window import ChatWindow

LONG = {"Tools": "工具与插件调用", "{0} models": "正在比较 {0} 个模型", "Send": "发送消息"}


class LongLabels(QTranslator):
    """Longer Chinese words than the shipped ones, as another translation might have."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        del context, disambiguation, n
        return LONG.get(source)  # None: not ours, the next translation answers


def row_widgets(chat: ChatWindow) -> list[QWidget]:
    frame = chat.window.chat.composer_frame
    layout = frame.layout()
    found = []
    for number in range(layout.count()):
        item = layout.itemAt(number)
        widget = item.widget() if item is not None else None
        if widget is not None and widget.isVisible():
            found.append(widget)
    return found


def settled(chat: ChatWindow) -> bool:
    """The row is laid out for its buttons' current words (folding is done after events)."""
    pane = chat.window.chat
    return not pane.row_fit.pending and all(
        w.width() == w.sizeHint().width() for w in row_widgets(chat) if w is not pane.composer)


def assert_row_fits(chat: ChatWindow) -> None:
    pane = chat.window.chat
    frame = pane.composer_frame
    chat.wait(lambda: settled(chat), timeout=2)
    widgets = row_widgets(chat)
    assert len(widgets) >= 7  # attach, text, image, Tools, microphone, Compare, Send
    boxes = [w.geometry() for w in widgets]
    inside = QRect(0, 0, frame.width(), frame.height())
    assert all(inside.contains(box) for box in boxes), boxes
    for left, right in itertools.pairwise(boxes):
        assert left.right() < right.left(), (left, right)  # side by side, not overlapping
    for widget in widgets:
        if widget is not pane.composer:
            assert widget.width() >= widget.sizeHint().width(), widget.objectName()
    assert pane.composer.width() >= MIN_TYPING_WIDTH


def shoot(chat: ChatWindow, name: str) -> None:
    QApplication.processEvents()
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    if shots:
        assert chat.window.grab().save(str(Path(shots) / name))


def test_bottom_row_fits_at_1100_px_in_english_and_long_chinese(chat: ChatWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pane = chat.window.chat
    chat.window.parameters.show()
    chat.window.sidebar.show()
    pane.set_compare_mode(["gpt-4o-mini", "claude-3-5-haiku", "llama-3.1-70b"])
    chat.window.resize(1100, 760)
    chat.wait(lambda: pane.composer_frame.width() > 0, timeout=1)
    theme.apply_theme(app, "light")
    assert_row_fits(chat)
    shoot(chat, "polish-composer-1100-en.png")
    locale = QLocale()
    extra = LongLabels()
    extra.setObjectName(TRANSLATOR_NAME)
    try:
        install_language(app, "zh_CN")
        app.installTranslator(extra)
        chat.wait(lambda: pane.tool_choice.text() == LONG["Tools"])
        assert pane.compare_button.text() == "正在比较 3 个模型"
        assert_row_fits(chat)
        folded = [b for b in (pane.tool_choice, pane.compare_button)
                  if b.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly]
        assert folded and all(b.toolTip() for b in folded)
        shoot(chat, "polish-composer-1100-zh.png")
        chat.window.resize(1700, 760)  # room again: the words come back
        chat.wait(lambda: pane.compare_button.toolButtonStyle()
                  == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                  and pane.tool_choice.toolButtonStyle()
                  == Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        assert_row_fits(chat)
    finally:
        app.removeTranslator(extra)
        install_language(app, "en")
        QLocale.setDefault(locale)
