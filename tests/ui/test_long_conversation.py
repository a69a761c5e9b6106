"""A long conversation opens at its end with only its tail laid out first; the rest follows."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.conversation_path import TAIL_FIRST
from desktop.core.store.models import Role
from tests.helpers.chat_window import data_dir_at, open_window


def test_long_conversation_opens_tail_first_then_complete(
    tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    data = data_dir_at(tmp_path / "data")
    chat = open_window(data, qasync_loop)
    try:
        store = chat.store
        conversation = store.create_conversation("Long")
        ids: list[int] = []
        for number in range(1_200):
            role = Role.USER if number % 2 == 0 else Role.ASSISTANT
            if number == 10:  # an earlier attempt: message 10 has a sibling
                store.append_message(conversation.id, role, "first attempt")
            ids.append(store.append_message(conversation.id, role, f"message {number}",
                                             parent_id=ids[-1] if ids else None).id)
        view = chat.window.chat.chat_view
        resets: list[int] = []
        inserted: list[int] = []
        view.model.modelReset.connect(lambda: resets.append(view.model.rowCount()))
        view.model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
        chat.parts.opener.open_conversation(conversation.id)
        chat.wait(lambda: view.model.rowCount() == 1_200 and chat.idle())
        assert resets[-1] == TAIL_FIRST  # the first paint had only the tail
        assert sum(inserted) == 1_200 - TAIL_FIRST and len(inserted) >= 1
        assert [row.message.id for row in view.model.rows()] == ids
        position, count, siblings = view.model.row_at(10).siblings
        assert (position, count) == (2, 2) and siblings[1] == ids[10]
        assert view.area.bound_widget(ids[-1]) is not None  # opened at its end
        assert view.area.bound_widget(ids[0]) is None  # the top is not laid out
        assert list(chat.parts.state.messages) == ids  # in path order: the last is the last
    finally:
        chat.close()
        chat.store.close()
