"""The Providers dialog driven with qtbot: templates, keys in the keyring, test, remove, order."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import ModelCatalog
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.secrets import SERVICE
from desktop.ui.key_prompt import KeyFallback
from desktop.ui.provider_editor import ProviderEditor
from desktop.ui.providers_dialog import NEW_MARK, ProvidersDialog
from desktop.ui.task_runner import TaskRunner
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.helpers.memory_keyring import MemoryKeyring, RefusingKeyring
from tests.ui.conftest import run_until

__all__ = ["fake_provider"]


def fake_key() -> str:
    return "sk-test-" + secrets.token_hex(8)


class Harness:
    def __init__(self, qtbot: QtBot, tmp_path: Path, backend: MemoryKeyring) -> None:
        self.tmp_path = tmp_path
        self.backend = backend
        self.registry = ProviderRegistry(tmp_path)
        self.catalog = ModelCatalog(tmp_path)
        self.keys = KeyAccess(backend=backend, timeout=2)
        self.tasks = TaskRunner()
        self.editor = ProviderEditor(self.registry, self.keys, self.catalog)
        self.dialog = self.make_dialog(qtbot)

    def make_dialog(self, qtbot: QtBot) -> ProvidersDialog:
        dialog = ProvidersDialog(self.editor, self.keys, self.tasks)
        qtbot.addWidget(dialog)
        dialog.confirm = lambda title, text: True  # type: ignore[method-assign]
        return dialog

    def wait(self, loop: asyncio.AbstractEventLoop, result: object) -> None:
        if isinstance(result, asyncio.Task):
            loop.run_until_complete(result)


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Iterator[Harness]:
    yield Harness(qtbot, tmp_path, MemoryKeyring())


def test_empty_dialog_explains_how_to_start(harness: Harness) -> None:
    dialog = harness.dialog
    assert dialog.names() == []
    assert not dialog.empty_hint.isHidden()
    assert not dialog.form.isEnabled()


def test_add_local_server_from_template_and_test_connection(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    harness: Harness,
    fake_provider: FakeProvider,
) -> None:
    dialog = harness.dialog
    dialog.add_from_template("ollama")
    assert dialog.names() == [NEW_MARK]
    form = dialog.form
    assert form.name.text() == "Ollama"
    assert form.base_url.text() == "http://127.0.0.1:11434/v1"
    assert form.key_source.currentData() == "none"
    assert form.key_box.isHidden()
    form.base_url.setText(fake_provider.base_url)
    assert "chat/completions" in form.url_hint.text()
    assert dialog.save_current() is True
    assert [p.name for p in harness.registry] == ["Ollama"]
    assert harness.registry.get("Ollama").key_source is KeySource.NONE
    task = dialog.test_connection()
    assert task is not None
    qasync_loop.run_until_complete(task)
    assert form.test_result.text() == "Connected. 2 models available: fake-chat, fake-image"
    assert harness.catalog.models("Ollama") == ["fake-chat", "fake-image"]


def test_key_goes_to_the_keyring_only(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, harness: Harness
) -> None:
    dialog = harness.dialog
    key = fake_key()
    dialog.add_from_template("maxapi")
    dialog.form.key.setText(key)
    changed: list[bool] = []
    harness.editor.providers_changed.connect(lambda: changed.append(True))
    harness.wait(qasync_loop, dialog.save_current())
    profile = harness.registry.get("MaxAPI")
    assert harness.backend.items == {(SERVICE, profile.keyring_item): key}
    assert changed
    assert dialog.form.key.text() == ""  # not kept in the widget
    assert dialog.form.key_stored
    for file in harness.tmp_path.rglob("*"):
        if file.is_file():
            assert key not in file.read_text(errors="replace"), file
    # Re-opening shows that a key is stored, without showing it.
    again = harness.make_dialog(qtbot)
    run_until(qasync_loop, lambda: again.form.key_stored)
    assert "stored" in again.form.key.placeholderText()


def test_failed_connection_test_shows_the_error_in_words(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    harness: Harness,
    fake_provider: FakeProvider,
) -> None:
    dialog = harness.dialog
    dialog.add_from_template("openai-compatible")
    dialog.form.base_url.setText(fake_provider.base_url)
    dialog.form.key.setText(fake_key())
    fake_provider.script("/models", Reply.error(401, "Incorrect API key provided"))
    task = dialog.test_connection()  # before saving: the typed key is used
    assert task is not None
    run_until(qasync_loop, task.done)
    text = dialog.form.test_result.text()
    assert text.startswith("Failed:")
    assert "Incorrect API key provided" in text
    assert dialog.form.test_button.isEnabled()
    assert fake_provider.requests[-1].headers.get("authorization", "").startswith("Bearer sk-test-")


def test_invalid_fields_get_a_message(harness: Harness) -> None:
    dialog = harness.dialog
    dialog.add_from_template("openai")
    dialog.form.base_url.setText("ftp://example.com")
    assert dialog.save_current() is False
    assert "http://" in dialog.form.error.text()
    dialog.form.base_url.setText("https://api.openai.com/v1")
    dialog.form.extra_headers.setPlainText("X-Title Switchboard")
    assert dialog.save_current() is False
    assert "line 1" in dialog.form.error.text()
    dialog.form.extra_headers.setPlainText("Authorization: Bearer x")
    assert dialog.save_current() is False
    assert "keyring" in dialog.form.error.text()
    assert len(harness.registry) == 0


def test_keyring_refusal_offers_session_or_environment(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    harness = Harness(qtbot, tmp_path, RefusingKeyring())
    dialog = harness.dialog
    asked: list[str] = []

    def answer_session(provider: str, reason: str, suggestion: str) -> tuple[KeyFallback, str]:
        asked.append(reason)
        return KeyFallback.SESSION, ""

    dialog.ask_keyring_fallback = answer_session  # type: ignore[method-assign]
    key = fake_key()
    dialog.add_from_template("openai")
    dialog.form.key.setText(key)
    harness.wait(qasync_loop, dialog.save_current())
    assert asked and "refused" in asked[0]
    profile = harness.registry.get("OpenAI")
    assert harness.keys.session.get(profile.keyring_item) == key
    assert harness.backend.items == {}
    assert "until Switchboard quits" in dialog.status.text()

    def answer_env(provider: str, reason: str, suggestion: str) -> tuple[KeyFallback, str]:
        assert suggestion == "DEEPSEEK_API_KEY"
        return KeyFallback.ENV, "MY_DEEPSEEK_KEY"

    dialog.ask_keyring_fallback = answer_env  # type: ignore[method-assign]
    dialog.add_from_template("deepseek")
    dialog.form.key.setText(fake_key())
    harness.wait(qasync_loop, dialog.save_current())
    deepseek = harness.registry.get("DeepSeek")
    assert deepseek.key_source is KeySource.ENV and deepseek.key_env == "MY_DEEPSEEK_KEY"
    assert deepseek.keyring_item not in harness.keys.session


def test_remove_deletes_the_keyring_item_and_cached_models(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, harness: Harness
) -> None:
    keep = harness.registry.add(ProviderProfile("Keep", "https://keep.example/v1"))
    drop = harness.registry.add(ProviderProfile("Drop", "https://drop.example/v1"))
    harness.backend.set_password(SERVICE, keep.keyring_item, fake_key())
    harness.backend.set_password(SERVICE, drop.keyring_item, fake_key())
    harness.catalog.set_models("Drop", ["m"])
    dialog = harness.make_dialog(qtbot)
    dialog.list_view.setCurrentIndex(dialog.list_model.index(dialog.names().index("Drop"), 0))
    task = dialog.remove_current()
    assert task is not None
    qasync_loop.run_until_complete(task)
    assert [p.name for p in ProviderRegistry(harness.tmp_path)] == ["Keep"]
    assert set(harness.backend.items) == {(SERVICE, keep.keyring_item)}
    assert harness.catalog.models("Drop") == []


def test_reorder_and_rename(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, harness: Harness
) -> None:
    for name in ("A", "B", "C"):
        harness.registry.add(
            ProviderProfile(name, "http://127.0.0.1:9/v1", key_source=KeySource.NONE)
        )
    harness.catalog.set_models("C", ["model-c"])
    dialog = harness.make_dialog(qtbot)
    dialog.list_view.setCurrentIndex(dialog.list_model.index(2, 0))
    assert dialog.form.name.text() == "C"
    dialog.move_current(-1)
    dialog.move_current(-1)
    assert dialog.names() == ["C", "A", "B"]
    assert not dialog.up_button.isEnabled()
    assert [p.name for p in ProviderRegistry(harness.tmp_path)] == ["C", "A", "B"]
    dialog.form.name.setText("Cee")
    assert dialog.save_button.isEnabled()
    assert dialog.save_current() is True
    assert dialog.names() == ["Cee", "A", "B"]
    assert harness.catalog.models("Cee") == ["model-c"]


def test_options_round_trip(qtbot: QtBot, harness: Harness) -> None:
    dialog = harness.dialog
    dialog.add_from_template("openrouter")
    form = dialog.form
    form.include_usage.setChecked(False)
    form.extra_headers.setPlainText("HTTP-Referer: https://example.com\nX-Title: Switchboard")
    form.proxy_mode.setCurrentIndex(form.proxy_mode.findData("custom"))
    form.proxy_url.setText("http://127.0.0.1:7890")
    form.verify_tls.setChecked(False)
    form.connect_timeout.setValue(5)
    form.read_timeout.setValue(120)
    form.key_source.setCurrentIndex(form.key_source.findData("env"))
    form.key_env.setText("OPENROUTER_API_KEY")
    assert dialog.save_current() is True
    saved = ProviderRegistry(harness.tmp_path).get("OpenRouter")
    assert saved.include_usage is False
    assert saved.extra_headers == {"HTTP-Referer": "https://example.com", "X-Title": "Switchboard"}
    assert saved.proxy == "http://127.0.0.1:7890"
    assert saved.verify_tls is False
    assert (saved.connect_timeout, saved.read_timeout) == (5, 120)
    assert (saved.key_source, saved.key_env) == (KeySource.ENV, "OPENROUTER_API_KEY")


def test_locked_keyring_is_reported_and_the_dialog_stays_responsive(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    from tests.helpers.memory_keyring import LockedKeyring

    backend = LockedKeyring()
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile("Relay", "https://relay.example/v1"))
    keys = KeyAccess(backend=backend, timeout=0.3)
    editor = ProviderEditor(registry, keys, ModelCatalog(tmp_path))
    dialog = ProvidersDialog(editor, keys, TaskRunner())
    qtbot.addWidget(dialog)
    try:
        assert "Checking the system keyring" in dialog.form.key_status.text()
        run_until(qasync_loop, lambda: "did not answer" in dialog.form.key_status.text())
        assert "locked" in dialog.form.key_status.text()
        assert dialog.form.isEnabled()  # the user can still edit, or switch to an env var
    finally:
        backend.release.set()


def test_the_dialog_follows_changes_made_elsewhere(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, harness: Harness
) -> None:
    """A provider added by the welcome view or re-keyed by the key prompt shows up at once;
    an edit being typed is not thrown away by it."""
    dialog = harness.dialog
    harness.editor.add(ProviderProfile("Local", "http://127.0.0.1:9/v1", key_source=KeySource.NONE))
    assert dialog.names() == ["Local"]
    assert dialog.form.name.text() == "Local"
    dialog.form.base_url.setText("http://127.0.0.1:10/v1")  # unsaved
    harness.editor.add(ProviderProfile("Relay", "https://relay.example/v1"))
    assert dialog.names() == ["Local", "Relay"]
    assert dialog.form.base_url.text() == "http://127.0.0.1:10/v1"
    assert dialog.save_button.isEnabled()
    harness.editor.remove("Local")  # the one being edited is gone: the form moves on
    assert dialog.names() == ["Relay"]
    assert dialog.form.name.text() == "Relay"
    run_until(qasync_loop, lambda: harness.tasks.running == 0)


def test_image_size_separator_is_set_in_the_form(
    harness: Harness, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    """OpenAPI-style gateways want 1024*1024: the window's form sets it, not only the CLI."""
    dialog = harness.dialog
    dialog.add_from_template("openrouter")
    form = dialog.form
    assert form.size_separator.currentData() == "x"
    form.size_separator.setCurrentIndex(form.size_separator.findData("*"))
    assert dialog.save_current() is True
    assert ProviderRegistry(harness.tmp_path).get("OpenRouter").image_size_separator == "*"
    form.load(ProviderRegistry(harness.tmp_path).get("OpenRouter"))
    assert form.size_separator.currentText() == "1024*1024"
