"""A reply streamed by the fake provider (a real HTTP server) through ApiClient into ChatView."""

from __future__ import annotations

import asyncio

from pytestqt.qtbot import QtBot

from desktop.core.api.client import ApiClient
from desktop.core.api.events import TextDelta
from desktop.core.api.requests_openai import ChatRequest
from desktop.core.providers import KeySource, ProviderProfile
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view import ChatView
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.ui.chat_view.conftest import MessageFactory
from tests.ui.conftest import run_until

__all__ = ["fake_provider"]

ANSWER = (
    "## Result\n\nThe table:\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n"
    "```python\nprint('streamed')\n```\n\nDone.\n"
)


def chunk(delta: dict[str, str]) -> dict[str, object]:
    return {
        "id": "c1", "object": "chat.completion.chunk", "model": "fake-model",
        "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
    }


def test_streamed_reply_renders_live_and_final(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    fake_provider: FakeProvider,
    chat_view: ChatView,
    make_message: MessageFactory,
) -> None:
    thinking = [chunk({"reasoning_content": word + " "}) for word in ["weigh", "the", "options"]]
    answer = [chunk({"content": ANSWER[i : i + 3]}) for i in range(0, len(ANSWER), 3)]
    fake_provider.script("/chat/completions", Reply.sse([*thinking, *answer], delay=0.002))
    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([make_message(Role.USER, "go")], {})
    chat_view.append_message(reply)
    profile = ProviderProfile(
        name="fake", base_url=fake_provider.base_url, key_source=KeySource.NONE
    )
    seen_thinking_open: list[bool] = []

    async def stream() -> str:
        text = []
        async with ApiClient(profile, None) as client:
            request = ChatRequest(model="fake-model", messages=[{"role": "user", "content": "go"}])
            async with client.stream_chat(request) as events:
                async for event in events:
                    if isinstance(event, TextDelta):
                        text.append(event.text)
                        card = chat_view.area.bound_widget(reply.id)
                        if card is not None:
                            seen_thinking_open.append(card.thinking_frame.isVisible())
                    chat_view.apply_event(reply.id, event)
        return "".join(text)

    text = qasync_loop.run_until_complete(stream())
    assert text == ANSWER
    assert any(seen_thinking_open)  # Thinking was shown live
    assert chat_view.coalescer.flushes < chat_view.coalescer.events / 3  # coalesced
    final = make_message(
        Role.ASSISTANT, text, id=reply.id, reasoning="weigh the options ", model="fake-model"
    )
    chat_view.update_message(final)
    body = chat_view.area.cache.cached_body(reply.id)
    assert body is not None
    run_until(qasync_loop, lambda: not body.highlight_pending)
    assert body.html == MarkdownRenderer(copy_label="Copy").render(ANSWER)
    card = chat_view.area.bound_widget(reply.id)
    assert card is not None and card.model_label.text() == "fake-model"
    assert chat_view.is_following()
