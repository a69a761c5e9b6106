"""ChatService against the fake provider (a real HTTP server) and a real SQLite store."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.errors import AuthenticationError
from desktop.core.api.events import StreamEvent, TextDelta
from desktop.core.api.styles import ApiStyle
from desktop.core.chat_messages import title_from
from desktop.core.chat_service import (
    CONTINUE_PROMPT,
    ChatService,
    ChatSettings,
    ChatSetupError,
    ExchangeListener,
    ExchangeResult,
)
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.store.models import ImagePart, Message, MessageStatus, Role, TextPart
from desktop.core.store.store import Store
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider, tiny_png

__all__ = ["fake_provider"]
KEY_ENV = "SWITCHBOARD_TEST_CHAT_KEY"
T = TypeVar("T")


def chunk(text: str, index: int = 0, finish: str | None = None) -> dict[str, Any]:
    return {"id": "c1", "model": "fake-model", "choices": [
        {"index": index, "delta": {"content": text}, "finish_reason": finish}]}


class Recorder(ExchangeListener):
    def __init__(self) -> None:
        self.users: list[Message] = []
        self.started: list[Message] = []
        self.events: list[tuple[int, StreamEvent]] = []
        self.finished: list[Message] = []

    def user_message_added(self, message: Message) -> None:
        self.users.append(message)

    def reply_started(self, message: Message) -> None:
        self.started.append(message)

    def reply_event(self, message_id: int, event: StreamEvent) -> None:
        self.events.append((message_id, event))

    def reply_finished(self, message: Message) -> None:
        self.finished.append(message)


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    value = "sk-test-" + secrets.token_hex(12)
    monkeypatch.setenv(KEY_ENV, value)
    return value


@pytest.fixture
def service(tmp_path: Path, fake_provider: FakeProvider, key: str) -> Iterator[ChatService]:
    store = Store.open(tmp_path, backup_interval=None)
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="fake", base_url=fake_provider.base_url,
                                 key_source=KeySource.ENV, key_env=KEY_ENV, max_retries=0))
    chat = ChatService(store, registry)
    yield chat
    store.close()


def drive(service: ChatService, coro: Coroutine[Any, Any, T]) -> T:
    """Run one scenario and close the service's HTTP clients in the same event loop."""

    async def scenario() -> T:
        try:
            return await coro
        finally:
            await service.close()

    return asyncio.run(scenario())


SETTINGS = ChatSettings(provider="fake", model="fake-model", system_prompt="Be brief.")


def test_send_saves_user_message_and_streamed_reply(
    service: ChatService, fake_provider: FakeProvider, key: str
) -> None:
    fake_provider.script("/chat/completions", Reply.sse(
        [chunk("Hello"), chunk(", world"), chunk("", finish="stop"),
         {"id": "c1", "choices": [], "usage": {"prompt_tokens": 7, "completion_tokens": 3}}]))
    conversation = service.store.create_conversation()
    recorder = Recorder()
    result = drive(service, service.send(conversation.id, "Greet me\nplease", SETTINGS,
                                      listener=recorder))
    assert result.error is None
    (reply,) = result.replies
    assert reply.text == "Hello, world"
    assert reply.status is MessageStatus.COMPLETE
    assert reply.finish_reason == "stop"
    assert reply.usage is not None and reply.usage.completion_tokens == 3
    assert reply.ttft_ms is not None and reply.ttft_ms >= 0
    assert [m.id for m in service.store.active_path(conversation.id)] == [
        result.user_message.id, reply.id] if result.user_message else []
    assert [e.text for _, e in recorder.events if isinstance(e, TextDelta)] == ["Hello", ", world"]
    assert recorder.started[0].status is MessageStatus.STREAMING
    assert recorder.finished == [reply]
    updated = service.store.get_conversation(conversation.id)
    assert updated.title == "Greet me"
    assert (updated.provider, updated.model, updated.system_prompt) == (
        "fake", "fake-model", "Be brief.")
    sent = fake_provider.requests[-1]
    assert sent.json["messages"] == [{"role": "system", "content": "Be brief."},
                                     {"role": "user", "content": "Greet me\nplease"}]
    assert sent.headers["authorization"] == f"Bearer {key}"
    for name in ("temperature", "top_p", "max_tokens", "n", "seed"):
        assert name not in sent.json


def test_only_set_parameters_are_sent(service: ChatService, fake_provider: FakeProvider) -> None:
    conversation = service.store.create_conversation()
    settings = ChatSettings("fake", "fake-model", {"temperature": 0.2, "stop": ["\n"]})
    drive(service, service.send(conversation.id, "hi", settings))
    body = fake_provider.requests[-1].json
    assert body["temperature"] == 0.2 and body["stop"] == ["\n"]
    assert set(body) <= {"model", "messages", "temperature", "stop", "stream", "stream_options"}
    assert service.store.get_conversation(conversation.id).params == {
        "temperature": 0.2, "stop": ["\n"]}


def test_regenerate_and_edit_make_siblings(service: ChatService) -> None:
    conversation = service.store.create_conversation()

    async def scenario() -> tuple[ExchangeResult, ExchangeResult, ExchangeResult]:
        first = await service.send(conversation.id, "one", SETTINGS)
        assert first.user_message is not None
        again = await service.regenerate(first.replies[0].id, SETTINGS)
        edited = await service.edit_and_resend(first.user_message.id, "two", SETTINGS)
        return first, again, edited

    first, again, edited = drive(service, scenario())
    assert first.user_message is not None
    siblings = service.store.siblings(again.replies[0].id)
    assert {m.id for m in siblings} == {first.replies[0].id, again.replies[0].id}
    assert edited.user_message is not None
    assert edited.user_message.parent_id == first.user_message.parent_id
    path = service.store.active_path(conversation.id)
    assert [m.text for m in path if m.role is Role.USER] == ["two"]


def test_provider_error_is_saved_on_the_reply(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions", Reply.error(401, "Invalid API key provided"))
    conversation = service.store.create_conversation()
    result = drive(service, service.send(conversation.id, "hi", SETTINGS))
    assert isinstance(result.error, AuthenticationError)
    (reply,) = result.replies
    assert reply.status is MessageStatus.ERROR
    assert reply.error is not None and "Invalid API key provided" in reply.error
    assert result.user_message is not None  # the question is kept


def test_broken_stream_keeps_text_as_interrupted(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions",
                         Reply.sse([chunk("partial "), chunk("answer")], done=False, drop=True))
    conversation = service.store.create_conversation()
    result = drive(service, service.send(conversation.id, "hi", SETTINGS))
    (reply,) = result.replies
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.text == "partial answer"
    assert result.error is not None


def test_cancel_saves_partial_reply_and_closes_stream(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions", Reply.sse(
        [chunk("first ")] + [chunk("x", ) for _ in range(50)], delay=0.1))
    conversation = service.store.create_conversation()
    first_text = asyncio.Event()

    class StopAfterText(Recorder):
        def reply_event(self, message_id: int, event: StreamEvent) -> None:
            super().reply_event(message_id, event)
            if isinstance(event, TextDelta):
                first_text.set()

    recorder = StopAfterText()

    async def run() -> None:
        task = asyncio.create_task(service.send(conversation.id, "hi", SETTINGS,
                                                listener=recorder))
        await first_text.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    drive(service, run())
    assert fake_provider.wait_for_disconnect(2.0)
    (reply,) = recorder.finished
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.text.startswith("first ")
    assert service.store.get_message(reply.id).status is MessageStatus.INTERRUPTED


def test_n_choices_become_siblings(service: ChatService, fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", Reply.sse(
        [chunk("A", 0), chunk("B", 1), chunk("a", 0, "stop"), chunk("b", 1, "stop")]))
    conversation = service.store.create_conversation()
    result = drive(service, service.send(conversation.id, "hi",
                                      ChatSettings("fake", "fake-model", {"n": 2})))
    assert [r.text for r in result.replies] == ["Aa", "Bb"]
    assert result.replies[0].parent_id == result.replies[1].parent_id
    assert service.store.active_path(conversation.id)[-1].id == result.replies[0].id


def test_continue_appends_to_interrupted_reply(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions",
                         Reply.sse([chunk("The answer ")], done=False, drop=True),
                         Reply.sse([chunk("is 42."), chunk("", finish="stop")]))
    conversation = service.store.create_conversation()

    async def scenario() -> tuple[ExchangeResult, ExchangeResult]:
        broken = await service.send(conversation.id, "question", SETTINGS)
        assert broken.replies[0].status is MessageStatus.INTERRUPTED
        return broken, await service.continue_reply(broken.replies[0].id, SETTINGS)

    broken, resumed = drive(service, scenario())
    reply = broken.replies[0]
    assert resumed.replies[0].id == reply.id
    assert resumed.replies[0].text == "The answer is 42."
    assert resumed.replies[0].status is MessageStatus.COMPLETE
    sent = fake_provider.requests[-1].json["messages"]
    assert sent[-2] == {"role": "assistant", "content": "The answer "}
    assert sent[-1] == {"role": "user", "content": CONTINUE_PROMPT}


def test_images_go_out_as_data_urls(service: ChatService, fake_provider: FakeProvider) -> None:
    png = tiny_png()
    image = service.store.add_attachment(png, "image/png", "pixel.png")
    conversation = service.store.create_conversation()
    drive(service, service.send(conversation.id, [TextPart("What is this?"), image], SETTINGS))
    content = fake_provider.requests[-1].json["messages"][-1]["content"]
    assert content[0] == {"type": "text", "text": "What is this?"}
    assert content[1]["image_url"]["url"].startswith("data:image/png;base64,")
    assert isinstance(image, ImagePart)


@pytest.mark.parametrize(
    ("settings", "words"),
    [(ChatSettings("nobody", "m"), "nobody"),
     (ChatSettings("fake", "m", {"temperature": 5}), "temperature")],
)
def test_setup_errors_write_nothing(service: ChatService, settings: ChatSettings,
                                    words: str) -> None:
    conversation = service.store.create_conversation()
    with pytest.raises(ChatSetupError, match=words):
        drive(service, service.send(conversation.id, "hi", settings))
    assert service.store.messages(conversation.id) == []


def test_a_parameter_the_api_style_cannot_send_is_refused_before_writing(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    service.providers.add(ProviderProfile(
        name="claude", base_url=fake_provider.base_url, key_source=KeySource.ENV,
        key_env=KEY_ENV, api_style=ApiStyle.ANTHROPIC_MESSAGES, max_retries=0))
    conversation = service.store.create_conversation()
    settings = ChatSettings("claude", "c", {"seed": 1})
    with pytest.raises(ChatSetupError, match="Anthropic Messages API has no seed"):
        drive(service, service.send(conversation.id, "hi", settings))
    assert service.store.messages(conversation.id) == []
    assert fake_provider.requests == []


def test_missing_key_is_a_setup_error(service: ChatService,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV)
    conversation = service.store.create_conversation()
    with pytest.raises(ChatSetupError, match=KEY_ENV):
        drive(service, service.send(conversation.id, "hi", SETTINGS))
    assert service.store.messages(conversation.id) == []


def test_title_from() -> None:
    assert title_from("\n  First line  \nsecond") == "First line"
    assert len(title_from("x" * 500)) == 60
    assert title_from([TextPart("")]) == "Image"


def test_non_streamed_reply_is_saved_the_same_way(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions", Reply.json({
        "id": "r1", "model": "fake-model-2024", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "Whole answer",
                                     "reasoning_content": "Thought"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 2}}))
    conversation = service.store.create_conversation()
    recorder = Recorder()
    settings = ChatSettings("fake", "fake-model", stream=False)
    result = drive(service, service.send(conversation.id, "hi", settings, listener=recorder))
    (reply,) = result.replies
    assert (reply.text, reply.reasoning, reply.status) == (
        "Whole answer", "Thought", MessageStatus.COMPLETE)
    assert reply.model == "fake-model-2024" and reply.finish_reason == "stop"
    assert "stream" not in fake_provider.requests[-1].json or not fake_provider.requests[-1].json[
        "stream"]
    assert [type(e).__name__ for _, e in recorder.events] == ["ReasoningDelta", "TextDelta"]
