"""The shipped translations load by the `ui.language` setting and reach the window."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.ui.language import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.resources import resource_path


def _remove_translators(app: QApplication) -> None:
    for translator in app.findChildren(QTranslator):
        app.removeTranslator(translator)
        translator.deleteLater()


def test_simplified_chinese_reaches_the_window(qtbot: QtBot, qapp: QApplication) -> None:
    locale = QLocale()
    try:
        assert install_language(qapp, "zh_CN") == "zh_CN"
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.chat.send_button.text() == "发送"
        assert window.sidebar.search.placeholderText() == "搜索（Ctrl+K）"
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[0] == "文件(&F)"
        assert QLocale().name() == "zh_CN"  # month names in the sidebar follow the language
        temperature = window.parameters.rows["temperature"]
        assert temperature.label.text() == "温度"
        assert temperature.editor.placeholderText() == "默认"
        assert "服务商" in window.parameters.rows["stop"].editor.placeholderText()
    finally:
        _remove_translators(qapp)
        QLocale.setDefault(locale)
    english = MainWindow()
    qtbot.addWidget(english)
    assert english.chat.send_button.text() == "Send"
    assert english.parameters.rows["temperature"].label.text() == "Temperature"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_language(qapp, "en") is None


def test_chinese_source_has_no_empty_translation() -> None:
    tree = ET.parse(resource_path("translations", "switchboard_zh_CN.ts"))
    empty = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or not "".join(translation.itertext()).strip():
            empty.append(message.findtext("source"))
    assert empty == []
    assert resource_path("translations", "switchboard_zh_CN.qm").stat().st_size > 1000
