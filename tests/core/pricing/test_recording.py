"""Costs kept with replies: priced when ChatService finishes one (through the fake provider and
a real store), estimated without usage, recalculated on request, summed by the store."""

from __future__ import annotations

import asyncio
import secrets
import sqlite3
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.chat_service import ChatService, ChatSettings
from desktop.core.pricing.cost import MessageCost
from desktop.core.pricing.estimate import estimate_prompt_tokens, estimate_reply_tokens
from desktop.core.pricing.recording import recalculate
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.reply_parts import Usage
from desktop.core.store.migrations import MIGRATIONS, migrate
from desktop.core.store.models import MessageStatus, Role
from desktop.core.store.schema_check import schema_problems
from desktop.core.store.store import Store
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]
KEY_ENV = "SWITCHBOARD_TEST_COST_KEY"
T = TypeVar("T")


@pytest.fixture
def service(tmp_path: Path, fake_provider: FakeProvider,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[ChatService]:
    monkeypatch.setenv(KEY_ENV, "sk-test-" + secrets.token_hex(8))
    store = Store.open(tmp_path, backup_interval=None)
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="relay", base_url=fake_provider.base_url,
                                 key_source=KeySource.ENV, key_env=KEY_ENV, max_retries=0,
                                 pricing={"multiplier": 0.5}))
    yield ChatService(store, registry)
    store.close()


def drive(service: ChatService, coro: Coroutine[Any, Any, T]) -> T:
    async def scenario() -> T:
        try:
            return await coro
        finally:
            await service.close()

    return asyncio.run(scenario())


def test_streamed_reply_is_priced_with_cached_and_reasoning_tokens(
        service: ChatService, fake_provider: FakeProvider) -> None:
    fake_provider.usage_extra = {
        "prompt_tokens": 2000, "completion_tokens": 1000, "total_tokens": 3000,
        "prompt_tokens_details": {"cached_tokens": 1500},
        "completion_tokens_details": {"reasoning_tokens": 600}}
    conversation = service.store.create_conversation()
    result = drive(service, service.send(conversation.id, "hi", ChatSettings("relay", "gpt-4o")))
    (reply,) = result.replies
    assert reply.cost is not None and not reply.cost.estimated
    # gpt-4o × 0.5: (500 × 2.5 + 1500 × 1.25 + 400 × 10 + 600 × 10) / 1M / 2 USD
    expected = (500 * 2.5 + 1500 * 1.25 + 400 * 10 + 600 * 10) / 1e6 * 0.5
    assert reply.cost.amount == pytest.approx(expected)
    assert reply.cost.currency == "USD"
    stored = service.store.get_message(reply.id).cost
    assert stored == reply.cost
    assert stored is not None and stored.prices()["multiplier"] == 0.5
    assert stored.prices()["tokens"]["reasoning"] == 600


def test_whole_reply_is_priced_too(service: ChatService, fake_provider: FakeProvider) -> None:
    conversation = service.store.create_conversation()
    settings = ChatSettings("relay", "gpt-4o-mini", stream=False)
    (reply,) = drive(service, service.send(conversation.id, "hi", settings)).replies
    # Default fake usage: 5 prompt tokens, 5 completion tokens; gpt-4o-mini $0.15 / $0.60.
    assert reply.cost is not None
    assert reply.cost.amount == pytest.approx((5 * 0.15 + 5 * 0.6) / 1e6 * 0.5)


def test_reply_without_usage_gets_an_estimate(
        service: ChatService, fake_provider: FakeProvider) -> None:
    text = "An answer of forty characters, exactly!!"
    fake_provider.script("/chat/completions", Reply.sse([
        {"id": "c", "choices": [{"index": 0, "delta": {"content": text}}]},
        {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}]))
    conversation = service.store.create_conversation()
    (reply,) = drive(service, service.send(
        conversation.id, "abcd" * 25, ChatSettings("relay", "gpt-4o"))).replies
    assert reply.usage is None
    assert reply.cost is not None and reply.cost.estimated
    prompt = estimate_prompt_tokens([{"role": "user", "content": "abcd" * 25}])
    completion = estimate_reply_tokens(text)
    assert (prompt, completion) == (3 + 4 + 25, 10)
    assert reply.cost.amount == pytest.approx((prompt * 2.5 + completion * 10) / 1e6 * 0.5)


def test_failed_request_and_unknown_model_cost_nothing(
        service: ChatService, fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", Reply.error(500, "boom"))
    conversation = service.store.create_conversation()
    failed = drive(service, service.send(conversation.id, "hi", ChatSettings("relay", "gpt-4o")))
    assert failed.replies[0].status is MessageStatus.ERROR
    assert failed.replies[0].cost is None
    unknown = drive(service, service.send(conversation.id, "hi",
                                          ChatSettings("relay", "house-model")))
    assert unknown.replies[0].cost is None


def test_recalculate_uses_todays_prices_only_when_asked(
        service: ChatService, fake_provider: FakeProvider) -> None:
    conversation = service.store.create_conversation()
    (reply,) = drive(service, service.send(
        conversation.id, "hi", ChatSettings("relay", "gpt-4o"))).replies
    assert reply.cost is not None
    before = reply.cost.amount
    service.providers.update("relay", pricing={"multiplier": 2.0})
    assert service.store.get_message(reply.id).cost == reply.cost  # history is not rewritten
    pricing = {p.name: p.pricing for p in service.providers.list()}
    assert recalculate(service.store, pricing, service.store.reply_ids()) == 1
    after = service.store.get_message(reply.id).cost
    assert after is not None and after.amount == pytest.approx(before * 4)


def test_recalculating_an_estimate_keeps_its_token_counts(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        conversation = store.create_conversation()
        reply = store.begin_reply(conversation.id, model="gpt-4o", provider="relay")
        store.finish_reply(reply.id, MessageStatus.COMPLETE, text="abcd" * 10)
        store.set_message_costs({reply.id: MessageCost(
            0.0, "USD", '{"tokens": {"input": 1000, "cached_input": 0, "output": 10}}', True)})
        assert recalculate(store, {}, [reply.id]) == 1
        cost = store.get_message(reply.id).cost
        assert cost is not None and cost.estimated
        assert cost.amount == pytest.approx((1000 * 2.5 + 10 * 10) / 1e6)


def _reply(store: Store, conversation: int, when: float, provider: str, model: str,
           usage: Usage, cost: MessageCost | None) -> int:
    user = store.append_message(conversation, Role.USER, "q")
    reply = store.begin_reply(conversation, parent_id=user.id, model=model, provider=provider)
    store.finish_reply(reply.id, MessageStatus.COMPLETE, text="a", usage=usage)
    with sqlite3.connect(store.path) as conn:  # a past reply: created_at as it would have been
        conn.execute("UPDATE messages SET created_at = ? WHERE id IN (?, ?)",
                     (when, user.id, reply.id))
    store.set_message_costs({reply.id: cost})
    return reply.id


DAY = 86400.0
T0 = 1_760_000_400.0  # 2025-10-09 09:00 UTC


def test_usage_sums_match_the_store(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        a = store.create_conversation(title="alpha").id
        b = store.create_conversation(title="beta").id
        _reply(store, a, T0, "relay", "gpt-4o", Usage(100, 10), MessageCost(0.5, "USD"))
        _reply(store, a, T0 + 60, "relay", "gpt-4o", Usage(200, 20), MessageCost(0.25, "USD"))
        _reply(store, b, T0 + DAY, "other", "deepseek-chat", Usage(300, 30),
               MessageCost(2.0, "CNY"))
        dropped = _reply(store, b, T0 + 2 * DAY, "other", "house", Usage(400, 40), None)
        by_day = store.usage_by("day", offset=0)
        assert [(r.key, r.currency, r.cost, r.prompt_tokens, r.completion_tokens, r.replies)
                for r in by_day] == [
            ("2025-10-09", "USD", 0.75, 300, 30, 2),
            ("2025-10-10", "CNY", 2.0, 300, 30, 1),
            ("2025-10-11", None, 0.0, 400, 40, 1)]
        # Eight hours east the first replies (09:00 UTC) are still on the 9th, local 17:00.
        assert store.usage_by("day", offset=8 * 3600)[0].key == "2025-10-09"
        assert store.usage_by("day", offset=-10 * 3600)[0].key == "2025-10-08"
        by_model = {(r.key, r.currency): r.cost for r in store.usage_by("model")}
        assert by_model == {("gpt-4o", "USD"): 0.75, ("deepseek-chat", "CNY"): 2.0,
                            ("house", None): 0.0}
        assert {(r.key, r.currency, r.replies) for r in store.usage_by("provider")} == {
            ("other", None, 1), ("other", "CNY", 1), ("relay", "USD", 2)}
        assert {(r.key, r.currency, r.cost) for r in store.usage_by("month", offset=0)} == {
            ("2025-10", "USD", 0.75), ("2025-10", "CNY", 2.0), ("2025-10", None, 0.0)}
        assert [r.key for r in store.usage_by("day", since=T0 + DAY, offset=0)] == [
            "2025-10-10", "2025-10-11"]
        top = store.top_conversations_by_cost()
        assert [(c.title, c.currency, c.cost, c.replies) for c in top] == [
            ("beta", "CNY", 2.0, 1), ("alpha", "USD", 0.75, 2)]
        # A changed cost and a deleted reply move the sums with them.
        store.set_message_costs({dropped: MessageCost(1.0, "USD")})
        assert store.usage_by("day", offset=0)[-1].cost == 1.0
        store.delete_conversation(b)
        assert [(r.key, r.cost) for r in store.usage_by("day", offset=0)] == [
            ("2025-10-09", 0.75)]
        assert [c.title for c in store.top_conversations_by_cost()] == ["alpha"]


def test_migration_backfills_the_roll_ups(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, len(MIGRATIONS) - 1)
    conn.execute("INSERT INTO conversations (id, title, created_at, updated_at) "
                 "VALUES (1, 't', 0, 0)")
    conn.executemany(
        "INSERT INTO messages (conversation_id, role, provider, model, prompt_tokens, "
        "completion_tokens, created_at) VALUES (1, ?, 'p', 'm', ?, ?, ?)",
        [("user", None, None, T0), ("assistant", 10, 5, T0), ("assistant", 20, 7, T0 + 10)])
    migrate(conn)
    assert conn.execute("SELECT hour, provider, model, currency, cost, prompt_tokens, "
                        "completion_tokens, replies FROM usage_hourly").fetchall() == [
        (int(T0 // 3600), "p", "m", "", 0.0, 30, 12, 2)]
    assert conn.execute("SELECT * FROM usage_conversation_hourly").fetchall() == [
        (1, int(T0 // 3600), "", 0.0, 2)]
    assert schema_problems(conn, len(MIGRATIONS)) == []
    conn.close()


def test_odd_stored_costs_read_as_none(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        conversation = store.create_conversation()
        reply = store.begin_reply(conversation.id, model="gpt-4o", provider="relay")
        with sqlite3.connect(store.path) as conn:  # as a hand-edited or hostile backup might
            conn.execute("UPDATE messages SET cost = 'lots', cost_currency = 'USD' WHERE id = ?",
                         (reply.id,))
        assert store.get_message(reply.id).cost is None
        with sqlite3.connect(store.path) as conn:
            conn.execute("UPDATE messages SET cost = 1.5, cost_currency = ?, price_json = ? "
                         "WHERE id = ?", ("X" * 100, "{" * 10_000, reply.id))
        assert store.get_message(reply.id).cost is None
        with sqlite3.connect(store.path) as conn:
            conn.execute("UPDATE messages SET cost_currency = 'USD' WHERE id = ?", (reply.id,))
        cost = store.get_message(reply.id).cost
        assert cost is not None and cost.amount == 1.5 and cost.prices() == {}
