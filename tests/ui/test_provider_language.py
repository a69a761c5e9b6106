"""The providers widgets follow a language switch at once (no restart)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import ModelCatalog
from desktop.core.providers import ProviderRegistry
from desktop.ui.key_prompt import KeyPromptDialog, KeyringProblemDialog
from desktop.ui.model_picker import ModelPicker
from desktop.ui.provider_editor import ProviderEditor
from desktop.ui.providers_dialog import ProvidersDialog
from desktop.ui.resources import resource_path
from desktop.ui.task_runner import TaskRunner
from desktop.ui.welcome_view import WelcomeView


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QTranslator]:
    """Installs the zh_CN translation when asked (`load`), removes it afterwards."""
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "switchboard_zh_CN.qm")))
    yield translator
    QCoreApplication.removeTranslator(translator)
    QCoreApplication.processEvents()


def test_dialogs_picker_and_welcome_view_retranslate_live(
    qtbot: QtBot, tmp_path: Path, chinese: QTranslator
) -> None:
    registry = ProviderRegistry(tmp_path)
    keys = KeyAccess(timeout=1)
    editor = ProviderEditor(registry, keys, ModelCatalog(tmp_path))
    tasks = TaskRunner()
    dialog = ProvidersDialog(editor, keys, tasks)
    picker = ModelPicker()
    welcome = WelcomeView(tasks)
    prompt = KeyPromptDialog("Relay")
    problem = KeyringProblemDialog("Relay", "locked")
    for widget in (dialog, picker, welcome, prompt, problem):
        qtbot.addWidget(widget)
    assert dialog.windowTitle() == "Providers"
    assert dialog.add_button.menu().actions()[0].text() == "Cloud APIs"
    assert dialog.form.labels["name"].text() == "&Name"
    assert picker.popup.refresh_button.text() == "Refresh"

    QCoreApplication.installTranslator(chinese)  # sends LanguageChange to every widget
    QCoreApplication.processEvents()

    assert dialog.windowTitle() == "服务商"
    assert dialog.add_button.menu().actions()[0].text() == "云端 API"
    assert dialog.form.labels["name"].text() == "名称(&N)"
    assert dialog.form.key_source.itemText(0) == "系统密钥环"
    assert dialog.form.test_button.text() == "测试连接(&T)"
    assert picker.popup.refresh_button.text() == "刷新"
    assert picker.button.text().startswith("选择模型")
    assert welcome.title.text() == "连接模型服务商"
    assert prompt.remember.text() == "保存到系统密钥环"
    assert problem.env_choice.text() == "从环境变量读取密钥："


def test_picker_rows_are_read_out_in_the_interface_language(chinese: QTranslator) -> None:
    from desktop.core.model_catalog import Capability
    from desktop.core.model_choices import PickerRow, RowKind, Section
    from desktop.ui.model_list import accessible_text

    header = PickerRow(RowKind.HEADER, Section.RECENT, text="relay")
    model = PickerRow(RowKind.MODEL, Section.RECENT, provider="relay", model="gpt-4o",
                      capabilities=Capability.VISION, favourite=True)
    assert accessible_text(header) == "Section relay"
    QCoreApplication.installTranslator(chinese)
    assert accessible_text(header) == "分区 relay"
    assert accessible_text(model).startswith("gpt-4o, 来自 relay, 已收藏")
