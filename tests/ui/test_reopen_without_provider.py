"""Reopening the last conversation while no provider exists: the welcome view steps aside,
and its local-server probe must not report on deleted widgets."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStatusBar

from desktop.core.store.models import Role
from desktop.core.store.store import Store
from desktop.core.window_state import WindowState
from tests.helpers.chat_window import data_dir_at, open_window


def test_no_deleted_object_message_in_the_status_bar(
    tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = data_dir_at(tmp_path / "data")
    with Store.open(data, backup_interval=None) as store:
        conversation = store.create_conversation("Old")
        store.append_message(conversation.id, Role.USER, "hi")
        store.append_message(conversation.id, Role.ASSISTANT, "hello")
    window_state = WindowState(data.window_state_file)
    window_state.set("open_conversation", conversation.id)
    window_state.save()
    shown: list[str] = []
    original = QStatusBar.showMessage

    def spy(bar: QStatusBar, text: str, timeout: int = 0) -> None:
        shown.append(text)
        original(bar, text, timeout)

    monkeypatch.setattr(QStatusBar, "showMessage", spy)
    chat = open_window(data, qasync_loop)
    try:
        chat.wait(lambda: chat.parts.state.conversation_id == conversation.id)
        chat.wait(lambda: chat.window.tasks.running == 0, timeout=15)
        chat.wait(lambda: True)  # one more turn for late callbacks
        assert not [text for text in shown if "deleted" in text or "libshiboken" in text]
        assert chat.parts.providers.welcome is None
    finally:
        chat.close()
