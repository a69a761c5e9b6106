"""Fixtures for chat view tests: messages built in memory, a shown ChatView."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.store.models import Message, MessageStatus, Role, TextPart
from desktop.ui.chat_view import ChatView

MessageFactory = Callable[..., Message]


@pytest.fixture
def make_message() -> MessageFactory:
    """Build a Message; ids count up unless given."""
    counter = iter(range(1, 10**9))

    def build(
        role: Role = Role.ASSISTANT,
        text: str = "",
        *,
        status: MessageStatus = MessageStatus.COMPLETE,
        id: int | None = None,
        **fields: Any,
    ) -> Message:
        number = id if id is not None else next(counter)
        return Message(
            id=number, conversation_id=1, parent_id=None, role=role, parts=(TextPart(text),),
            created_at=time.time(), status=status, **fields,
        )

    return build


@pytest.fixture
def chat_view(qtbot: QtBot) -> ChatView:
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def conversation(make_message: MessageFactory, count: int) -> list[Message]:
    """Alternating user/assistant messages with some Markdown."""
    messages = []
    for number in range(count):
        if number % 2 == 0:
            text = f"Question {number}: how does item {number} work?"
            messages.append(make_message(Role.USER, text))
        else:
            text = f"Answer **{number}**.\n\n- one\n- two\n\n```python\nx = {number}\n```\n"
            messages.append(make_message(Role.ASSISTANT, text, model="test-model"))
    return messages
