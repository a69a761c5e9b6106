"""The parameter panel: unset by default, messages at the field, presets, and the wire body."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core import parameters as schema
from desktop.core.chat_service import ChatService, ChatSettings
from desktop.core.model_catalog import ModelCatalog
from desktop.core.parameter_fields import panel_parameters
from desktop.core.parameters import Parameter, RequestValidationError, check_params, number_text
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.store.store import Store
from desktop.ui.parameter_labels import field_hint
from desktop.ui.parameter_panel import ParameterPanel
from desktop.ui.parameter_presets import ParameterPresets
from desktop.ui.resources import resource_path
from desktop.ui.task_runner import TaskRunner
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.ui.conftest import run_until

__all__ = ["fake_provider"]


@pytest.fixture
def panel(qtbot: QtBot) -> ParameterPanel:
    widget = ParameterPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path, backup_interval=None)
    yield opened
    opened.close()


def type_into(qtbot: QtBot, panel: ParameterPanel, name: str, text: str) -> None:
    editor = panel.rows[name].editor
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def test_everything_is_unset_at_first(panel: ParameterPanel) -> None:
    assert panel.parameters() == {}
    assert panel.system_prompt_text() == ""
    assert panel.validation_errors() == {}


def test_typed_values_are_parsed_and_changed_is_emitted(
    qtbot: QtBot, panel: ParameterPanel
) -> None:
    with qtbot.waitSignal(panel.changed):
        type_into(qtbot, panel, "temperature", "0.4")
    type_into(qtbot, panel, "max_tokens", "256")
    type_into(qtbot, panel, "n", "3")
    panel.rows["stop"].set_text("END\n\\n\\n")
    panel.rows["logit_bias"].set_text('{"50256": -100}')
    type_into(qtbot, panel, "user", "alice")
    assert panel.parameters() == {
        "temperature": 0.4,
        "max_tokens": 256,
        "n": 3,
        "stop": ["END", "\n\n"],
        "logit_bias": {"50256": -100},
        "user": "alice",
    }


def test_invalid_values_show_a_message_at_the_field(qtbot: QtBot, panel: ParameterPanel) -> None:
    panel.show()
    type_into(qtbot, panel, "temperature", "3")
    row = panel.rows["temperature"]
    assert row.error.isVisible()
    assert "between 0 and 2" in row.error.text()
    assert "temperature" not in panel.parameters()  # never sent
    assert "temperature" in panel.validation_errors()
    panel.rows["logit_bias"].set_text('{"abc": 5')
    assert "not valid JSON" in panel.rows["logit_bias"].error.text()
    panel.rows["n"].set_text("11")
    assert "between 1 and 10" in panel.rows["n"].error.text()
    row.editor.setFocus()
    qtbot.keyClick(row.editor, "a", modifier=Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(row.editor, "1.5")
    assert not row.error.isVisible()
    assert panel.parameters()["temperature"] == 1.5


def test_response_format_and_schema_editor(qtbot: QtBot, panel: ParameterPanel) -> None:
    panel.show()
    combo = panel.response_format
    combo.setCurrentIndex(combo.findData("json_object"))
    assert panel.parameters() == {"response_format": {"type": "json_object"}}
    assert not panel.schema_editor.isVisible()
    combo.setCurrentIndex(combo.findData("json_schema"))
    assert panel.schema_editor.isVisible()
    assert "Enter the JSON schema" in panel.validation_errors()["response_format"]
    panel.schema_editor.setPlainText('{"type": "object", "properties": {')
    assert panel.schema_error.isVisible() and "not valid JSON" in panel.schema_error.text()
    assert "response_format" not in panel.parameters()
    panel.schema_editor.setPlainText('{"type": "object", "properties": {"a": {"type": "string"}}}')
    assert not panel.schema_error.isVisible()
    assert panel.parameters()["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "name": "response",
            "schema": {"type": "object", "properties": {"a": {"type": "string"}}},
        },
    }


def test_set_values_round_trips_and_keeps_unknown_parameters(
    qtbot: QtBot, panel: ParameterPanel
) -> None:
    params: dict[str, Any] = {
        "temperature": 0.25,
        "top_p": 0.9,
        "seed": 7,
        "stop": ["###"],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "x", "schema": {"type": "object"}},
        },
        "reasoning_effort": "high",  # set through the CLI: shown and passed through
    }
    with qtbot.assertNotEmitted(panel.changed):
        panel.set_values(params, "Be terse.")
    assert panel.parameters() == params
    assert panel.system_prompt_text() == "Be terse."
    assert "reasoning_effort" in panel.extra_label.text()
    panel.clear()
    assert panel.parameters() == {} and panel.system_prompt_text() == ""


def test_builtin_presets_load(panel: ParameterPanel) -> None:
    panel.load_builtin("JSON output")
    assert panel.parameters() == {"temperature": 0.0, "response_format": {"type": "json_object"}}
    assert "JSON" in panel.system_prompt_text()


def test_presets_are_kept_by_their_keeper_not_the_panel(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, store: Store
) -> None:
    """The panel asks (signals); ParameterPresets writes the Store and tells the list back."""
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    assert not hasattr(panel, "_store")
    presets = ParameterPresets(store, TaskRunner())
    qasync_loop.run_until_complete(presets.connect_panel(panel))
    panel.set_values({"temperature": 0.9, "max_tokens": 100}, "Pirate voice.")
    with qtbot.waitSignal(panel.preset_save_requested) as saved:
        panel.request_save_preset("Pirate")
    assert saved.args == ["Pirate", {"temperature": 0.9, "max_tokens": 100}, "Pirate voice."]
    run_until(qasync_loop, lambda: panel.preset_names() == ["Pirate"])
    assert store.presets.get("Pirate").params == {"temperature": 0.9, "max_tokens": 100}
    assert panel.preset_box.currentData() == "user:Pirate"  # the values shown are the preset's
    panel.clear()
    assert panel.preset_box.currentIndex() == 0
    panel.load_preset("Pirate")
    assert panel.parameters() == {"temperature": 0.9, "max_tokens": 100}
    assert panel.system_prompt_text() == "Pirate voice."
    assert panel.selected_user_preset() == "Pirate"
    panel.preset_rename_requested.emit("Pirate", "Corsair")
    run_until(qasync_loop, lambda: panel.preset_names() == ["Corsair"])
    assert [p.name for p in store.presets.list()] == ["Corsair"]
    assert panel.selected_user_preset() == "Corsair"
    panel.preset_delete_requested.emit("Corsair")
    run_until(qasync_loop, lambda: panel.preset_names() == [])
    assert store.presets.list() == []
    # A fresh panel is given what is stored.
    store.presets.save("Kept", params={"seed": 1})
    again = ParameterPanel()
    qtbot.addWidget(again)
    presets.connect_panel(again)
    run_until(qasync_loop, lambda: again.preset_names() == ["Kept"])


def test_request_body_carries_exactly_the_set_parameters(
    qtbot: QtBot, panel: ParameterPanel, fake_provider: FakeProvider, store: Store, tmp_path: Path
) -> None:
    registry = ProviderRegistry(tmp_path)
    registry.add(
        ProviderProfile(
            "fake", fake_provider.base_url, key_source=KeySource.NONE, include_usage=False
        )
    )
    type_into(qtbot, panel, "temperature", "0.3")
    type_into(qtbot, panel, "seed", "42")
    type_into(qtbot, panel, "top_p", "7")  # invalid: shown at the field, not sent
    panel.rows["stop"].set_text("STOP")
    panel.system_prompt.setPlainText("Answer briefly.")
    assert set(panel.validation_errors()) == {"top_p"}
    conversation = store.create_conversation("wire")
    service = ChatService(store, registry)
    settings = ChatSettings("fake", "fake-chat", panel.parameters(), panel.system_prompt_text())

    async def exchange() -> None:
        try:
            await service.send(conversation.id, "Hi", settings)
        finally:
            await service.close()

    asyncio.run(exchange())
    body = fake_provider.requests[-1].json
    assert isinstance(body, dict)
    sent = {k: v for k, v in body.items() if k not in ("model", "messages", "stream")}
    assert sent == {"temperature": 0.3, "seed": 42, "stop": ["STOP"]}
    assert body["messages"][0] == {"role": "system", "content": "Answer briefly."}


def test_model_defaults_saved_and_applied(
    panel: ParameterPanel, qasync_loop: asyncio.AbstractEventLoop, store: Store, tmp_path: Path
) -> None:
    catalog = ModelCatalog(tmp_path)
    ParameterPresets(store, TaskRunner(), catalog).connect_panel(panel)
    panel.set_model("Relay", "gpt-4o")
    assert not panel.apply_model_defaults()
    panel.set_values({"temperature": 0.2, "max_tokens": 500}, "Short answers.")
    panel.save_model_defaults()
    assert catalog.defaults("Relay", "gpt-4o") == ({"temperature": 0.2, "max_tokens": 500},
                                                   "Short answers.")
    panel.clear()
    assert panel.apply_model_defaults()
    assert panel.parameters() == {"temperature": 0.2, "max_tokens": 500}
    assert panel.system_prompt_text() == "Short answers."
    panel.set_model("Relay", "other-model")
    assert not panel.apply_model_defaults()
    panel.set_model("Relay", "gpt-4o")
    panel.clear_model_defaults()
    assert catalog.defaults("Relay", "gpt-4o") is None


def test_fields_and_ranges_come_from_the_schema(
    qtbot: QtBot, panel: ParameterPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = panel_parameters()
    assert list(panel.rows) == [p.name for p in shown]
    for parameter in shown:
        row = panel.rows[parameter.name]
        assert row.parameter is parameter
        assert field_hint(parameter) in row.editor.toolTip()
        if parameter.maximum is not None:
            too_high = number_text(parameter.maximum + 1)
            row.set_text(too_high)
            assert row.error.text() == str(_refusal(parameter, json.loads(too_high)))
    # Narrow one range and take one parameter out of the panel: a new panel follows.
    narrower = dataclasses.replace(schema.PARAMETERS_BY_NAME["temperature"], maximum=1.0)
    hidden = dataclasses.replace(schema.PARAMETERS_BY_NAME["user"], in_panel=False)
    changed = {"temperature": narrower, "user": hidden}
    monkeypatch.setattr(schema, "PARAMETERS", tuple(changed.get(p.name, p)
                                                    for p in schema.PARAMETERS))
    monkeypatch.setitem(schema.PARAMETERS_BY_NAME, "temperature", narrower)
    follower = ParameterPanel()
    qtbot.addWidget(follower)
    assert "user" not in follower.rows
    assert "(0-1)" in follower.rows["temperature"].editor.toolTip()
    follower.rows["temperature"].set_text("1.5")
    assert "between 0 and 1 " in follower.rows["temperature"].error.text()
    assert "temperature" not in follower.parameters()


def _refusal(parameter: Parameter, value: Any) -> RequestValidationError:
    with pytest.raises(RequestValidationError) as refused:
        check_params({parameter.name: value})
    return refused.value


@pytest.mark.parametrize(
    ("name", "text", "option"),
    [
        ("temperature", "3", "3"),
        ("top_p", "abc", "abc"),
        ("n", "2.5", "2.5"),
        ("max_tokens", "0", "0"),
        ("stop", "a\nb\nc\nd\ne", '["a", "b", "c", "d", "e"]'),
        ("logit_bias", '{"50256": 500}', '{"50256": 500}'),
    ],
)
def test_an_invalid_value_is_refused_alike_by_the_cli_and_the_panel(
    panel: ParameterPanel,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    option: str,
) -> None:
    """Typed in the panel, read back from a stored conversation, or given with `ask -o`."""
    row = panel.rows[name]
    row.set_text(text)
    typed = row.error.text()
    assert typed and panel.validation_errors() == {name: typed}
    assert name not in panel.parameters()
    panel.set_values({name: json.loads(option) if option != "abc" else "abc"}, "")
    assert row.error.text() == typed
    code = main(["--data-dir", str(tmp_path), "ask", "-p", "x", "-m", "m", "-o",
                 f"{name}={option}", "Hello"])
    assert code == 4
    assert capsys.readouterr().err == f"switchboard: {typed}\n"


def test_values_set_from_elsewhere_leave_no_preset_named(panel: ParameterPanel) -> None:
    panel.load_builtin("Creative")
    assert panel.preset_box.currentData() == "builtin:Creative"
    panel.set_values({"seed": 1}, "")
    assert panel.preset_box.currentIndex() == 0
    panel.set_values({"temperature": 0.2}, "")  # exactly the built-in "Precise"
    assert panel.preset_box.currentData() == "builtin:Precise"
    panel.rows["temperature"].set_text("0.3")  # the user's edit: no longer the preset
    assert panel.preset_box.currentIndex() == 0


def test_a_new_conversation_does_not_keep_the_preset_name(chat: ChatWindow) -> None:
    """Symptom 6: the preset box said "Creative" while the defaults were shown."""
    panel = chat.window.parameters
    box = panel.preset_box
    creative = box.findData("builtin:Creative")
    box.setCurrentIndex(creative)
    box.activated.emit(creative)
    assert panel.parameters()["temperature"] == 1.2
    chat.type_and_send("Hello")
    chat.wait(chat.idle)
    first = chat.parts.state.conversation_id
    assert first is not None
    chat.window.new_action.trigger()
    chat.wait(lambda: chat.parts.state.conversation_id is None and panel.parameters() == {})
    assert box.currentIndex() == 0 and box.currentText() == "Presets…"
    assert panel.system_prompt_text() == ""
    # Back in the first conversation its values are the preset's again, and the box says so.
    chat.parts.opener.open_conversation(first)
    chat.wait(lambda: panel.parameters().get("temperature") == 1.2)
    assert box.currentData() == "builtin:Creative"


def test_the_panel_follows_a_language_change(qtbot: QtBot, panel: ParameterPanel,
                                             qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "switchboard_zh_CN.qm")))
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.title.text() == "参数")
        assert panel.rows["temperature"].label.text() == "温度"
        assert panel.preset_box.itemText(0) == "预设…"
        assert panel.response_format.itemText(0) == "服务商默认"
        assert "服务商" in panel.rows["stop"].editor.placeholderText()
    finally:
        qapp.removeTranslator(translator)
    qtbot.waitUntil(lambda: panel.title.text() == "PARAMETERS")
    assert panel.rows["temperature"].label.text() == "Temperature"


def test_the_panel_module_has_no_way_to_write() -> None:
    """Widgets show and ask; the Store and the model catalog are written by their keepers."""
    import ast
    import inspect

    import desktop.ui.parameter_panel as module

    imported = {
        alias.name
        for node in ast.walk(ast.parse(inspect.getsource(module)))
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert not imported & {"Store", "ModelCatalog", "TaskRunner", "PresetTable"}
