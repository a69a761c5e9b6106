"""A conversation with knowledge bases attached: each user turn is sent with the passages
found for it, and they are stored with the reply (ChatService + Store + fake provider)."""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path

import pytest

from desktop.core.api.errors import AuthenticationError
from desktop.core.chat_service import ChatService, ChatSettings, ExchangeListener
from desktop.core.knowledge import KnowledgeBases, KnowledgeHook, Passage, RetrievalSettings
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.settings import Settings
from desktop.core.store.changes import ConversationField, StoreChanges
from desktop.core.store.models import MessageStatus
from desktop.core.store.store import Store
from tests.helpers.fake_embeddings import FakeEmbeddings
from tests.helpers.fake_provider import FakeProvider

from .conftest import MODEL, write

KEY_ENV = "SWITCHBOARD_TEST_KB_KEY"
SETTINGS = ChatSettings(provider="fake", model="fake-model")


class Sources(ExchangeListener):
    def __init__(self) -> None:
        self.seen: list[tuple[int, list[Passage]]] = []

    def reply_sources(self, message_id: int, passages: list[Passage]) -> None:
        self.seen.append((message_id, passages))


@pytest.fixture
def chat(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
         ) -> tuple[ChatService, KnowledgeBases]:
    monkeypatch.setenv(KEY_ENV, "sk-test-" + secrets.token_hex(8))
    fake_provider.embeddings = FakeEmbeddings()
    store = Store.open(tmp_path, backup_interval=None)
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="fake", base_url=fake_provider.base_url,
                                 key_source=KeySource.ENV, key_env=KEY_ENV, max_retries=0))
    service = ChatService(store, registry)
    bases = KnowledgeBases(tmp_path, client_for=service.client_for)
    settings = Settings.in_memory({"knowledge.top_k": 2, "knowledge.min_score_percent": 20})
    service.knowledge = KnowledgeHook(bases, lambda: RetrievalSettings.from_settings(settings))
    bases.create("facts", "fake", MODEL)
    folder = tmp_path / "facts"
    write(folder, "tea.md", "Green tea is brewed at eighty degrees for two minutes.")
    write(folder, "bread.md", "Sourdough bread rises overnight in a cool kitchen.")
    bases.add_paths("facts", [folder])
    asyncio.run(_index(service, bases))
    yield service, bases
    store.close()


async def _index(service: ChatService, bases: KnowledgeBases) -> None:
    try:
        assert (await bases.index("facts")).ok
    finally:
        await service.close()


def _send(service: ChatService, conversation_id: int, text: str,
          listener: ExchangeListener | None = None):  # type: ignore[no-untyped-def]
    async def scenario():  # type: ignore[no-untyped-def]
        try:
            return await service.send(conversation_id, text, SETTINGS, listener=listener)
        finally:
            await service.close()
    return asyncio.run(scenario())


def test_a_turn_is_sent_with_sources_and_they_are_stored(
        chat: tuple[ChatService, KnowledgeBases], fake_provider: FakeProvider) -> None:
    service, _bases = chat
    store = service.store
    conversation = store.create_conversation()
    changes: list[StoreChanges] = []
    store.subscribe(changes.append)
    store.set_conversation_knowledge_bases(conversation.id, ["facts", "facts", "gone"])
    assert store.conversation_knowledge_bases(conversation.id) == ("facts", "gone")
    assert ConversationField.KNOWLEDGE in changes[-1].conversation_fields
    listener = Sources()
    result = _send(service, conversation.id, "How hot should green tea be brewed?", listener)
    assert result.error is None
    (reply,) = result.replies
    body = fake_provider.bodies("/chat/completions")[-1]
    user = body["messages"][-1]["content"]
    assert user.startswith("How hot should green tea be brewed?\n\n<sources>")
    assert "[1] tea.md (knowledge base: facts)\nGreen tea is brewed" in user
    stored = store.message_sources(reply.id)
    assert stored[0].file_name == "tea.md" and stored[0].knowledge_base == "facts"
    assert listener.seen == [(reply.id, list(stored))]
    assert store.sources_of_messages([reply.id, result.user_message.id]) == {reply.id: stored}
    # the stored user message is the user's text only; the history sent next turn too
    assert store.get_message(result.user_message.id).text == \
        "How hot should green tea be brewed?"


def test_no_bases_attached_sends_the_message_unchanged(
        chat: tuple[ChatService, KnowledgeBases], fake_provider: FakeProvider) -> None:
    service, _bases = chat
    conversation = service.store.create_conversation()
    result = _send(service, conversation.id, "green tea?")
    assert fake_provider.bodies("/chat/completions")[-1]["messages"][-1]["content"] == \
        "green tea?"
    assert service.store.message_sources(result.replies[0].id) == ()
    assert fake_provider.embeddings is not None and fake_provider.embeddings.requests == 1


def test_an_embedding_error_fails_the_reply_with_its_type(
        chat: tuple[ChatService, KnowledgeBases], fake_provider: FakeProvider) -> None:
    service, _bases = chat
    conversation = service.store.create_conversation()
    service.store.set_conversation_knowledge_bases(conversation.id, ["facts"])
    assert fake_provider.embeddings is not None
    fake_provider.embeddings.fail(401)
    result = _send(service, conversation.id, "green tea?")
    assert isinstance(result.error, AuthenticationError)
    assert result.replies[0].status is MessageStatus.ERROR
    assert fake_provider.bodies("/chat/completions") == []


def test_a_base_whose_provider_is_gone_sends_without_sources_and_says_why(
        chat: tuple[ChatService, KnowledgeBases], fake_provider: FakeProvider) -> None:
    from desktop.core import notices

    service, bases = chat
    bases.create("orphan", "no-such-provider", MODEL)
    bases.add_paths("orphan", [next(bases.root.parent.glob("facts"))])
    conversation = service.store.create_conversation()
    service.store.set_conversation_knowledge_bases(conversation.id, ["orphan"])
    seen: list[notices.Notice] = []
    unsubscribe = notices.subscribe(seen.append)
    try:
        result = _send(service, conversation.id, "green tea?")
    finally:
        unsubscribe()
    assert result.error is None and result.replies[0].status is MessageStatus.COMPLETE
    assert fake_provider.bodies("/chat/completions")[-1]["messages"][-1]["content"] == \
        "green tea?"
    assert seen and "could not be searched" in seen[0].text
