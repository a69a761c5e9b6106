"""A key the provider echoes inside a successful reply is not kept in the history."""

from __future__ import annotations

from desktop.core.chat_service import ChatService
from desktop.core.store.models import MessageStatus
from tests.core.test_chat_service import SETTINGS, chunk, drive, key, service
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider", "key", "service"]


def test_an_echoed_key_is_stored_redacted(
    service: ChatService, fake_provider: FakeProvider, key: str
) -> None:
    # Split across chunks, as a relay would stream it; and one not shaped like a key.
    fake_provider.script("/chat/completions", Reply.sse([
        chunk("Your key is "), chunk(key[:10]), chunk(key[10:] + "; an example: sk-"),
        chunk("example-not-a-real-key."), chunk("", finish="stop"),
    ]))
    conversation = service.store.create_conversation()
    result = drive(service, service.send(conversation.id, "echo my key", SETTINGS))
    (reply,) = result.replies
    assert reply.status is MessageStatus.COMPLETE
    stored = service.store.get_message(reply.id).text
    assert key not in stored
    assert stored == "Your key is [redacted]; an example: sk-example-not-a-real-key."
