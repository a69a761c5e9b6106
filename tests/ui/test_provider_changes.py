"""Provider changes reach the real window: keys typed in the dialog, a provider from the CLI."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core.model_choices import RowKind
from desktop.core.paths import DataDir
from desktop.core.store import Store
from desktop.ui.model_picker import ModelPicker
from desktop.ui.provider_wiring import ProviderWiring
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.memory_keyring import MemoryKeyring, active_keyring

__all__ = ["fake_provider"]


class SlowKeyring(MemoryKeyring):
    """A keyring whose writes take a while, as a Secret Service round trip over D-Bus can."""

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(0.3)
        super().set_password(service, username, password)


def wiring_of(chat: ChatWindow) -> ProviderWiring:
    wiring = chat.parts.providers
    assert isinstance(wiring, ProviderWiring)
    return wiring


def picker_of(chat: ChatWindow) -> ModelPicker:
    picker = chat.window.chat.model_picker
    assert isinstance(picker, ModelPicker)
    return picker


def close(chat: ChatWindow) -> None:
    if chat.window.isVisible():
        chat.close()
    chat.store.close()


def test_keys_typed_in_the_dialog_reach_the_model_picker(
    tmp_path: Path,
    qasync_loop: asyncio.AbstractEventLoop,
    qtbot: QtBot,
    fake_provider: FakeProvider,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Symptom 5: several providers added in a row, each with its key typed in the dialog.

    Each save starts a model fetch before the key is in the keyring; that fetch must not be
    the last word ("No key for X is stored" until Refresh), nor log a traceback.
    """
    key = fake_key()
    fake_provider.require_key = key
    monkeypatch.setenv(KEY_ENV, key)
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    with active_keyring(SlowKeyring()):
        chat = open_window(data, qasync_loop)
        qtbot.addWidget(chat.window)
        try:
            caplog.set_level(logging.INFO)
            chat.window.providers_action.trigger()
            dialog = wiring_of(chat).dialog
            assert dialog is not None
            for _ in range(3):  # one after the other, without waiting for the keyring
                dialog.add_from_template("openai-compatible")
                dialog.form.base_url.setText(fake_provider.base_url)
                dialog.form.key.setText(key)
                assert dialog.save_current() is not False
            added = [name for name in dialog.names() if name != "fake"]
            assert len(added) == 3
            chat.wait(lambda: chat.window.tasks.running == 0)
            assert "stored" in dialog.form.key.placeholderText()
            dialog.reject()
            picker = picker_of(chat)
            for name in added:
                assert picker.status_of(name) is None, picker.status_of(name)
            picker.open_popup()
            shown = {(r.provider, r.model) for r in picker.shown_rows() if r.kind is RowKind.MODEL}
            for name in added:
                assert (name, "fake-chat") in shown
            notices = [r.text for r in picker.shown_rows() if r.kind is RowKind.NOTICE]
            assert not [text for text in notices if "Could not load" in text]
            errors = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
            assert errors == []
            picker.popup.hide()
            chat.wait(chat.idle)
        finally:
            close(chat)


def add_from_command_line(data: DataDir, base_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`switchboard provider add fake --base-url … --key-env VAR`, run in this process."""
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    args = ["--data-dir", str(data.root), "provider", "add", "fake", "--base-url", base_url]
    assert main([*args, "--key-env", KEY_ENV, "--max-retries", "0"]) == 0


@pytest.fixture
def cli_data(tmp_path: Path, fake_provider: FakeProvider,
             monkeypatch: pytest.MonkeyPatch) -> DataDir:
    """A data dir whose only provider was added on the command line (no default model)."""
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_from_command_line(data, fake_provider.base_url, monkeypatch)
    return data


def test_a_provider_from_the_command_line_gets_its_first_model(
    cli_data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """Symptom 7: no default model and no history: the first model it lists is chosen."""
    chat = open_window(cli_data, qasync_loop)
    qtbot.addWidget(chat.window)
    try:
        picker = picker_of(chat)
        chat.wait(lambda: picker.current_selection() is not None)
        assert picker.current_selection() == ("fake", "fake-chat")
        assert "fake-chat" in picker.button.text()
        chat.type_and_send("Hello")
        chat.wait(chat.idle)
        assert chat.path()[-1].text == "Hello from the fake provider."
    finally:
        close(chat)


def test_a_provider_from_the_command_line_gets_the_model_last_used_with_it(
    cli_data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    """Symptom 7: the newest conversation with that provider names the model to take."""
    seed = Store.open(cli_data, backup_interval=None)
    seed.create_conversation("older", provider="fake", model="fake-chat", created_at=100.0)
    seed.create_conversation("newer", provider="fake", model="fake-image", created_at=200.0)
    seed.close()
    chat = open_window(cli_data, qasync_loop)
    qtbot.addWidget(chat.window)
    try:
        picker = picker_of(chat)
        chat.wait(lambda: picker.current_selection() is not None)
        chat.wait(lambda: chat.window.tasks.running == 0)
        assert picker.current_selection() == ("fake", "fake-image")
        assert chat.parts.state.conversation_id is None  # a new conversation, nothing opened
    finally:
        close(chat)


def test_the_add_menu_starts_with_a_title_not_a_line(chat: ChatWindow) -> None:
    """Last item of 11: Fusion draws a menu section as a bare line, so the menu began with one."""
    dialog = wiring_of(chat).open_providers()
    menu = dialog.add_button.menu()
    assert menu is not None
    actions = menu.actions()
    assert not actions[0].isSeparator()
    assert actions[0].text() == "Cloud APIs" and not actions[0].isEnabled()
    assert not actions[-1].isSeparator()
    titles = [a.text() for a in actions if not a.isSeparator() and not a.isEnabled()]
    assert titles == ["Cloud APIs", "Relay gateways", "Local servers"]
    lines = [i for i, a in enumerate(actions) if a.isSeparator()]
    assert all(not actions[i + 1].isEnabled() for i in lines)  # a line only before a title
    dialog.reject()
    chat.wait(chat.idle)
