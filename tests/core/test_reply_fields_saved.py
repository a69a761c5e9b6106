"""Refusals, citations and the whole usage object, from the fake provider into the store.

Every reply goes through the real ChatService, a real HTTP server (the fake provider) and a
real SQLite file, streamed and not streamed.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop.core.api.events import RefusalDelta
from desktop.core.api.styles import ApiStyle
from desktop.core.chat_service import ChatService
from desktop.core.providers import KeySource, ProviderProfile
from desktop.core.store.models import MessageStatus
from tests.core.test_chat_service import KEY_ENV, SETTINGS, Recorder, drive, key, service
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.reply_fields import (
    CITED_TEXT,
    REFUSAL,
    TOUR_URL,
    TOWER_END,
    WIKI_URL,
    anthropic_cited,
    chat_cited,
    chat_refusal,
    responses_cited,
)

__all__ = ["fake_provider", "key", "service"]


def _send(service: ChatService, stream: bool = True, provider: str = "fake"):  # type: ignore[no-untyped-def]
    conversation = service.store.create_conversation()
    recorder = Recorder()
    settings = replace(SETTINGS, stream=stream, provider=provider)
    result = drive(service, service.send(conversation.id, "Tell me", settings,
                                         listener=recorder))
    (reply,) = result.replies
    return reply, recorder


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "whole"])
def test_refusal_is_saved(service: ChatService, fake_provider: FakeProvider,
                          stream: bool) -> None:
    fake_provider.script("/chat/completions", chat_refusal(stream=stream))
    reply, recorder = _send(service, stream)
    assert reply.status is MessageStatus.COMPLETE
    assert (reply.text, reply.refusal) == ("", REFUSAL)
    assert service.store.get_message(reply.id).refusal == REFUSAL
    shown = "".join(e.text for _, e in recorder.events if isinstance(e, RefusalDelta))
    assert shown == REFUSAL  # the window is told as it streams (or at once)


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "whole"])
def test_refusal_is_kept_beside_text(service: ChatService, fake_provider: FakeProvider,
                                     stream: bool) -> None:
    fake_provider.script("/chat/completions", chat_refusal(stream=stream, text="Well."))
    reply, _recorder = _send(service, stream)
    assert (reply.text, reply.refusal) == ("Well.", REFUSAL)


def test_interrupted_stream_keeps_the_refusal_so_far(
    service: ChatService, fake_provider: FakeProvider
) -> None:
    cut = chat_refusal(stream=True)
    cut.chunks = list(cut.chunks)[:2]  # "I can't", " help with", then the connection drops
    cut.drop = True
    fake_provider.script("/chat/completions", cut)
    reply, _recorder = _send(service)
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.refusal == "I can't help with"


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "whole"])
def test_chat_citations_and_usage_details_are_saved(
    service: ChatService, fake_provider: FakeProvider, stream: bool
) -> None:
    fake_provider.script("/chat/completions", chat_cited(stream=stream))
    reply, _recorder = _send(service, stream)
    stored = service.store.get_message(reply.id)
    assert stored.text == CITED_TEXT
    assert [(c.url, c.end) for c in stored.citations] == [
        (TOUR_URL, TOWER_END), (WIKI_URL, len(CITED_TEXT))]
    assert stored.usage is not None
    assert (stored.usage.cached_tokens, stored.usage.reasoning_tokens) == (1024, 192)
    details = json.loads(stored.usage.raw or "{}")
    assert details["completion_tokens_details"]["accepted_prediction_tokens"] == 0


def _add_provider(service: ChatService, fake: FakeProvider, name: str, style: ApiStyle) -> None:
    service.providers.add(ProviderProfile(
        name=name, base_url=fake.base_url, api_style=style, key_source=KeySource.ENV,
        key_env=KEY_ENV, max_retries=0))


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "whole"])
def test_anthropic_citations_and_refusal_are_saved(
    service: ChatService, fake_provider: FakeProvider, stream: bool
) -> None:
    _add_provider(service, fake_provider, "claude", ApiStyle.ANTHROPIC_MESSAGES)
    fake_provider.script("/messages", anthropic_cited(stream=stream, refusal=True))
    reply, _recorder = _send(service, stream, provider="claude")
    stored = service.store.get_message(reply.id)
    assert [(c.url, c.end) for c in stored.citations] == [(TOUR_URL, TOWER_END)]
    assert stored.refusal == ""  # refused without words
    assert stored.usage is not None and stored.usage.cached_tokens == 2000


@pytest.mark.parametrize("stream", [True, False], ids=["streamed", "whole"])
def test_responses_citations_are_saved(
    service: ChatService, fake_provider: FakeProvider, stream: bool
) -> None:
    _add_provider(service, fake_provider, "resp", ApiStyle.OPENAI_RESPONSES)
    fake_provider.script("/responses", responses_cited(stream=stream))
    reply, _recorder = _send(service, stream, provider="resp")
    stored = service.store.get_message(reply.id)
    assert [(c.url, c.end) for c in stored.citations] == [(TOUR_URL, TOWER_END)]
    assert stored.usage is not None and stored.usage.reasoning_tokens == 64
