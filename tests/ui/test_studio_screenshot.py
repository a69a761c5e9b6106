"""Screenshots of the Studio (light and dark): the queue with tasks in flight, and a finished
Midjourney grid with its buttons; left in the artifacts directory (and in
$SWITCHBOARD_SHOTS as studio-*.png when set)."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.providers import ProviderRegistry
from desktop.core.store.store import Store
from desktop.core.tasks import TaskApis
from desktop.ui import theme
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.studio_samples import running_records, seed_finished


def save(chat: ChatWindow, directory: Path, name: str) -> Path:
    chat.wait(lambda: True, timeout=0.3)
    target = directory / name
    assert chat.window.grab().save(str(target))
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    if shots:
        shutil.copy(target, Path(shots) / name)
    return target


def test_studio_light_and_dark(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, artifacts_dir: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url, name="MaxAPI")
    registry = ProviderRegistry(data.root)
    registry.update("MaxAPI", task_apis=TaskApis(midjourney=True, suno=True, luma=True,
                                                 flux=True).to_json())
    store = Store.open(data, backup_interval=None)
    ids = seed_finished(store, "MaxAPI")
    store.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, "light")
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1280, 860)
        studio = chat.parts.studio
        assert studio is not None
        chat.window.sidebar.sections.buttons["studio"].click()
        assert chat.window.splitter.widget(1) is studio.view
        chat.wait(lambda: studio.view.model.rowCount() == 4)
        for record in running_records("MaxAPI"):
            studio.view.show_task(record)
        studio.view.form.current.prompt.setPlainText(  # type: ignore[attr-defined]
            "a koi pond in autumn, ukiyo-e")
        studio.view.queue.select_task(ids["imagine"])
        card = studio.view.card
        chat.wait(lambda: bool(card.thumbnails) and all(
            t.pixmap() is not None and not t.pixmap().isNull() for t in card.thumbnails.values()))
        assert [b.text() for b in card.mj_buttons][:4] == ["U1", "U2", "U3", "U4"]
        studio.view.queue.scrollToTop()  # the tasks in flight, with their progress
        save(chat, artifacts_dir, "studio-light.png")
        theme.apply_theme(app, "dark")
        save(chat, artifacts_dir, "studio-dark.png")
        studio.view.queue.select_task(ids["luma"])
        assert card.error.isVisible() and "moderation" in card.error.text()
        save(chat, artifacts_dir, "studio-failed-dark.png")
        studio.view.queue.select_task(ids["suno"])
        assert len(card.players) == 2
        theme.apply_theme(app, "light")
        save(chat, artifacts_dir, "studio-suno-light.png")
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
