"""The model picker against real providers (the fake server): refresh, filter, pick, remember."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import Capability, ModelCatalog
from desktop.core.model_choices import RowKind
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.settings import Settings
from desktop.ui.model_picker import ModelPicker
from desktop.ui.task_runner import TaskRunner
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.ui.conftest import run_until

__all__ = ["fake_provider"]


class Setup:
    def __init__(self, qtbot: QtBot, tmp_path: Path, fake: FakeProvider) -> None:
        self.registry = ProviderRegistry(tmp_path)
        self.registry.add(
            ProviderProfile("Local", fake.base_url, key_source=KeySource.NONE, max_retries=0)
        )
        self.catalog = ModelCatalog(tmp_path)
        self.settings = Settings(tmp_path / "settings.json")
        self.tasks = TaskRunner()
        self.picker = ModelPicker()
        qtbot.addWidget(self.picker)

    def configure(self) -> None:
        self.picker.configure(
            providers=self.registry,
            catalog=self.catalog,
            keys=KeyAccess(timeout=2),
            tasks=self.tasks,
            settings=self.settings,
        )


@pytest.fixture
def setup(qtbot: QtBot, tmp_path: Path, fake_provider: FakeProvider) -> Setup:
    return Setup(qtbot, tmp_path, fake_provider)


def models_shown(picker: ModelPicker) -> list[tuple[str, str]]:
    return [(r.provider, r.model) for r in picker.shown_rows() if r.kind is RowKind.MODEL]


def test_lists_are_fetched_cached_and_filtered(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    setup: Setup,
    qtmodeltester: ModelTester,
    fake_provider: FakeProvider,
) -> None:
    picker = setup.picker
    setup.configure()
    run_until(qasync_loop, lambda: ("Local", "fake-chat") in models_shown(picker))
    assert setup.catalog.models("Local") == ["fake-chat", "fake-image"]
    qtmodeltester.check(picker.popup.list_model)
    picker.open_popup()
    qtbot.keyClicks(picker.popup.search, "image")
    assert models_shown(picker) == [("Local", "fake-image")]
    typed = [r for r in picker.shown_rows() if r.kind is RowKind.MANUAL]
    assert [(r.provider, r.model) for r in typed] == [("Local", "image")]
    qtmodeltester.check(picker.popup.list_model)
    # The list is cached: a provider change does not fetch again, a forced refresh does.
    fetched = len(fake_provider.bodies("/models"))
    picker.providers_changed()
    assert picker.refresh_models(force=False) == []
    assert len(fake_provider.bodies("/models")) == fetched
    qasync_loop.run_until_complete(asyncio.gather(*picker.refresh_models(force=True)))
    assert len(fake_provider.bodies("/models")) == fetched + 1


def test_keyboard_pick_remembers_and_emits(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, setup: Setup
) -> None:
    picker = setup.picker
    setup.catalog.set_models("Local", ["alpha", "beta-vision", "gamma"])
    setup.configure()
    picker.open_popup()
    qtbot.keyClicks(picker.popup.search, "a")
    qtbot.keyClick(picker.popup.search, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.selection_changed) as blocker:
        qtbot.keyClick(picker.popup.search, Qt.Key.Key_Return)
    assert blocker.args == ["Local", "beta-vision"]
    assert picker.current_selection() == ("Local", "beta-vision")
    assert not picker.popup.isVisible()
    assert setup.catalog.recent()[0] == ("Local", "beta-vision")
    assert setup.settings.get("chat.default_provider") == "Local"
    assert setup.settings.get("chat.default_model") == "beta-vision"
    assert "beta-vision" in picker.button.text()


def test_typed_name_is_used_and_kept_for_the_provider(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, setup: Setup
) -> None:
    picker = setup.picker
    setup.catalog.set_models("Local", ["alpha"])
    setup.configure()
    picker.open_popup()
    qtbot.keyClicks(picker.popup.search, "secret-model-x")
    assert picker.popup.current_row() is not None
    assert picker.popup.current_row().kind is RowKind.MANUAL  # type: ignore[union-attr]
    with qtbot.waitSignal(picker.selection_changed):
        qtbot.keyClick(picker.popup.search, Qt.Key.Key_Return)
    assert picker.current_selection() == ("Local", "secret-model-x")
    assert "secret-model-x" in ModelCatalog(setup.catalog.path.parent).models("Local")


def test_favourite_toggle_and_capability_override(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, setup: Setup
) -> None:
    picker = setup.picker
    setup.catalog.set_models("Local", ["gpt-4o", "my-model"])
    setup.configure()
    picker.open_popup()
    qtbot.keyClicks(picker.popup.search, "my-model")
    qtbot.keyClick(picker.popup.search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert setup.catalog.is_favourite("Local", "my-model")
    picker.popup.search.clear()
    assert picker.shown_rows()[0].text == "Favourites"
    picker.popup.override_requested.emit("my-model", Capability.VISION | Capability.TOOLS)
    row = picker.row_for("Local", "my-model")
    assert row is not None and row.capabilities == Capability.VISION | Capability.TOOLS


def test_failed_refresh_says_why_and_keeps_the_cache(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    setup: Setup,
    fake_provider: FakeProvider,
) -> None:
    picker = setup.picker
    setup.catalog.set_models("Local", ["cached-model"], now=0.0)  # stale: refreshed at once
    fake_provider.script("/models", Reply.error(401, "Invalid API key provided"))
    setup.configure()
    run_until(qasync_loop, lambda: "Could not load" in (picker.status_of("Local") or ""))
    status = picker.status_of("Local") or ""
    assert "Invalid API key provided" in status or "rejected" in status.lower()
    assert ("Local", "cached-model") in models_shown(picker)
    notices = [r.text for r in picker.shown_rows() if r.kind is RowKind.NOTICE]
    assert notices == [status]


def test_default_selection_comes_from_settings_and_set_selection(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, setup: Setup
) -> None:
    setup.settings.set("chat.default_provider", "Local")
    setup.settings.set("chat.default_model", "fake-chat")
    setup.configure()
    assert setup.picker.current_selection() == ("Local", "fake-chat")
    with qtbot.waitSignal(setup.picker.selection_changed):
        setup.picker.set_selection("Local", "other")
    assert setup.catalog.recent() == []  # showing a conversation's model is not a use


def test_a_fetch_overtaken_by_a_key_change_is_not_the_last_word(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    setup: Setup,
    fake_provider: FakeProvider,
) -> None:
    """The first fetch fails late (after the key changed); the fetch the change started wins."""
    picker = setup.picker
    late_refusal = Reply.error(401, "Invalid API key provided")
    late_refusal.delay = 0.5
    fake_provider.script("/models", late_refusal)
    setup.configure()
    run_until(qasync_loop, lambda: len(fake_provider.requests) == 1)
    picker.provider_changed("Local")  # e.g. its key was just stored
    run_until(qasync_loop, lambda: setup.tasks.running == 0)
    assert picker.status_of("Local") is None
    assert ("Local", "fake-chat") in models_shown(picker)
    assert len(fake_provider.bodies("/models")) == 2
