"""Settings → Language switches the open window's texts at once (issue 11, symptom 2)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from desktop.ui.language import TRANSLATOR_NAME
from tests.helpers.chat_window import ChatWindow


def _language_action(chat: ChatWindow, value: str) -> QAction:
    actions = [a for a in chat.window.language_group.actions() if a.data() == value]
    assert len(actions) == 1
    return actions[0]


def _visible_texts(chat: ChatWindow) -> dict[str, str]:
    window = chat.window
    reply = window.chat.chat_view.area.bound_widget(chat.path()[-1].id)
    assert reply is not None
    return {
        "menus": " ".join(action.text() for action in window.menuBar().actions()),
        "send": window.chat.send_button.text(),
        "search": window.sidebar.search.placeholderText(),
        "composer": window.chat.composer.placeholderText(),
        "copy": reply.copy_button.text(),
        "role": reply.role_label.text(),
        "undo": window.undo_bar.button.text(),
    }


def test_language_switch_retranslates_the_open_window(chat: ChatWindow) -> None:
    chat.type_and_send("Hello")
    chat.wait(chat.idle)
    chat.window.chat.chat_view.flush()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale = QLocale()
    english = _visible_texts(chat)
    assert english == {
        "menus": "&File &View &Settings &Help",
        "send": "Send",
        "search": "Search  (Ctrl+K)",
        "composer": "Message…  (Enter to send, Shift+Enter for a new line)",
        "copy": "Copy",
        "role": "Assistant",
        "undo": "Undo",
    }
    try:
        _language_action(chat, "zh_CN").trigger()
        assert chat.window.settings.get("ui.language") == "zh_CN"
        # Ours and Qt's own (dialog buttons, text fields' context menus).
        assert len(app.findChildren(QTranslator, TRANSLATOR_NAME)) == 2
        assert QApplication.translate("QPlatformTheme", "Close") == "关闭"
        assert QLocale().name() == "zh_CN"
        # Qt posts LanguageChange to the windows: let the loop deliver it.
        chat.wait(lambda: chat.window.chat.send_button.text() != "Send")
        assert _visible_texts(chat) == {
            "menus": "文件(&F) 视图(&V) 设置(&S) 帮助(&H)",
            "send": "发送",
            "search": "搜索（Ctrl+K）",
            "composer": "输入消息…（Enter 发送，Shift+Enter 换行）",
            "copy": "复制",
            "role": "助手",
            "undo": "撤销",
        }
        assert "restart" not in chat.window.statusBar().currentMessage()
        _language_action(chat, "en").trigger()
        # Only the English plural forms stay installed; the Chinese translators are gone.
        assert len(app.findChildren(QTranslator, TRANSLATOR_NAME)) == 1
        assert QApplication.translate("QPlatformTheme", "Close") == "Close"
        assert QApplication.translate("ModelPopup", "%n model(s)", "", 1) == "1 model"
        chat.wait(lambda: chat.window.chat.send_button.text() == "Send")
        assert _visible_texts(chat) == english
    finally:
        for translator in app.findChildren(QTranslator, TRANSLATOR_NAME):
            app.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(locale)
