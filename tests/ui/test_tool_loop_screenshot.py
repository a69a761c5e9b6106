"""Screenshots of a finished two-step tool loop (light and dark) and of a card waiting for
approval, in the real window; left in the artifacts directory (and in $SWITCHBOARD_SHOTS
as toolui-*.png when set)."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.store.models import Role, ToolStatus
from desktop.core.tools.choice import ToolChoice
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
from tests.helpers.fake_tool_model import ToolScript
from tests.helpers.tool_executor import LocalTools, wire
from tests.ui.test_tool_loop_window import MemoryPolicy, card, waiting


def save(chat: ChatWindow, directory: Path, name: str) -> None:
    chat.wait(lambda: True, timeout=0.3)
    target = directory / name
    assert chat.window.grab().save(str(target))
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    if shots:
        shutil.copy(target, Path(shots) / name)


def test_two_step_loop_light_and_dark(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, artifacts_dir: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    ToolScript([[(wire("add"), {"a": 1234, "b": 4321})],
                [(wire("now"), {}), (wire("fail"), {})]]).install(fake_provider)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, "light")
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1280, 900)
        turns = chat.parts.tool_turns
        turns.executor = LocalTools()
        turns.policy = MemoryPolicy()
        turns.set_choice(ToolChoice({"local": None}))
        chat.type_and_send("Add 1234 and 4321, then tell me the time.")
        first = waiting(chat)[0]
        save(chat, artifacts_dir, "toolui-approval-light.png")
        theme.apply_theme(app, "dark")
        save(chat, artifacts_dir, "toolui-approval-dark.png")
        theme.apply_theme(app, "light")
        card(chat, first).approve_button.click()
        for _ in range(2):
            chat.wait(lambda: bool(turns.waiting_ids()) or chat.idle())
            for message_id in turns.waiting_ids():
                card(chat, message_id).approve_button.click()
                chat.wait(lambda mid=message_id: mid not in turns.waiting_ids())
        chat.wait(chat.idle)
        tools = [m for m in chat.path() if m.role is Role.TOOL]
        assert [m.tool.status for m in tools if m.tool] == [
            ToolStatus.DONE, ToolStatus.DONE, ToolStatus.FAILED]
        card(chat, tools[0].id).toggle.click()  # open the first card: arguments and result
        save(chat, artifacts_dir, "toolui-loop-light.png")
        theme.apply_theme(app, "dark")
        save(chat, artifacts_dir, "toolui-loop-dark.png")
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
