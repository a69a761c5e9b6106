"""The real window against a relay's quirks (issue 12, class 3): a surrogate pair split over two
chunks, a lone half, a token count above 2^63 and over-deep JSON cost no text, on screen or on
disk."""

from __future__ import annotations

from typing import Any

from desktop.core.store.models import MessageStatus
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider, Reply


def _chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": "c", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}


def test_quirky_stream_is_shown_and_saved_whole(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    deep = "[" * 5000 + "]" * 5000
    fake_provider.script("/chat/completions", Reply.sse([
        _chunk({"content": "Smile "}),
        _chunk({"content": "\ud83d"}),  # sent as the escape \ud83d, its pair in the next chunk
        _chunk({"content": "\ude00 and a lone \udc00 half"}),
        _chunk({}, usage={"prompt_tokens": 2**64, "completion_tokens": 7}),
        '{"id": "c", "x": ' + deep + "}",
        _chunk({"content": ", still here."}, finish="stop"),
        _chunk({}, usage={"prompt_tokens": 3, "completion_tokens": 7}),
    ], delay=0.01))
    chat.type_and_send("hello")
    chat.wait(chat.idle)
    expected = "Smile \U0001f600 and a lone \ufffd half, still here."
    _user, reply = chat.path()
    assert (reply.text, reply.status) == (expected, MessageStatus.COMPLETE)
    assert reply.usage is not None and reply.usage.prompt_tokens == 3
    card = chat.window.chat.chat_view.area.bound_widget(reply.id)
    assert card is not None
    card.body.select_all()
    assert card.body.selected_text().strip() == expected
