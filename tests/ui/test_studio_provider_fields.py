"""The provider form's Task APIs row: set by hand, and detected from the fake relay."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import ModelCatalog
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.tasks import MjMode, TaskApis, TaskFamily
from desktop.ui.provider_editor import ProviderEditor
from desktop.ui.providers_dialog import ProvidersDialog
from desktop.ui.task_runner import TaskRunner
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.fake_tasks import TaskRelay
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.conftest import run_until


def dialog_for(tmp_path: Path, qtbot: QtBot, base_url: str) -> tuple[ProvidersDialog,
                                                                     ProviderRegistry]:
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile("Relay", base_url, key_source=KeySource.NONE))
    keys = KeyAccess(backend=MemoryKeyring(), timeout=2)
    editor = ProviderEditor(registry, keys, ModelCatalog(tmp_path))
    dialog = ProvidersDialog(editor, keys, TaskRunner())
    qtbot.addWidget(dialog)
    return dialog, registry


def test_task_apis_set_by_hand_are_saved_in_the_profile(tmp_path: Path, qtbot: QtBot,
                                                        qasync_loop: asyncio.AbstractEventLoop
                                                        ) -> None:
    dialog, registry = dialog_for(tmp_path, qtbot, "https://relay.example/v1")
    fields = dialog.form.task_apis
    assert not any(box.isChecked() for box in fields.boxes.values())
    assert not fields.mj_mode.isEnabled()
    fields.boxes[TaskFamily.MIDJOURNEY].setChecked(True)
    fields.mj_mode.setCurrentIndex(fields.mj_mode.findData("fast"))
    result = dialog.save_current()
    if isinstance(result, asyncio.Task):
        qasync_loop.run_until_complete(result)
    saved = TaskApis.of(registry.get("Relay"))
    assert (saved.midjourney, saved.suno, saved.mj_mode, saved.by_hand) == (
        True, False, MjMode.FAST, True)


def test_detect_asks_the_relay(tmp_path: Path, qtbot: QtBot, fake_provider: FakeProvider,
                               qasync_loop: asyncio.AbstractEventLoop) -> None:
    fake_provider.tasks = TaskRelay()
    dialog, _registry = dialog_for(tmp_path, qtbot, fake_provider.base_url)
    fields = dialog.form.task_apis
    fields.detect_button.click()
    run_until(qasync_loop, lambda: fields.detect_button.isEnabled())
    assert "Found: Midjourney, Suno, Luma" in fields.detect_result.text(), \
        fields.detect_result.text()
    assert fields.boxes[TaskFamily.LUMA].isChecked()
    assert not fields.apis().by_hand and fields.apis().probed_at is not None
