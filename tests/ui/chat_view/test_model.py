"""MessageListModel: a valid Qt model over the active path's messages."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view.model import MessageListModel, MessageRole
from tests.ui.chat_view.conftest import MessageFactory


def test_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, make_message: MessageFactory
) -> None:
    model = MessageListModel()
    first = make_message(Role.USER, "hello")
    reply = make_message(Role.ASSISTANT, "hi", status=MessageStatus.STREAMING)
    model.set_messages([first, reply], {reply.id: (2, 2, [99, reply.id])})
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(1, 0), MessageRole.SIBLINGS) == (2, 2, [99, reply.id])
    assert model.data(model.index(1, 0), MessageRole.STREAMING) is True

    model.append(make_message(Role.USER, "more"))
    assert model.rowCount() == 3
    done = make_message(Role.ASSISTANT, "hi there", id=reply.id)
    assert model.replace(done) == 1
    assert model.data(model.index(1, 0)) == "hi there"
    assert model.data(model.index(1, 0), MessageRole.STREAMING) is False
    assert model.row_of(reply.id) == 1
    assert model.row_of(12345) is None
    older = [make_message(Role.USER, "older"), make_message(Role.ASSISTANT, "old reply")]
    model.prepend(older, {})
    assert model.rowCount() == 5
    assert model.row_of(reply.id) == 3
    assert model.data(model.index(0, 0)) == "older"


def test_append_of_a_shown_message_updates_it(make_message: MessageFactory) -> None:
    model = MessageListModel()
    message = make_message(Role.USER, "a")
    model.append(message)
    model.append(make_message(Role.USER, "b", id=message.id))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "b"
