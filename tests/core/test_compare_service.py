"""CompareService against the fake provider (models answer by name) and a real store."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.events import StreamEvent, TextDelta
from desktop.core.chat_service import ChatService, ChatSetupError
from desktop.core.compare_service import (
    CompareListener,
    CompareRun,
    CompareService,
    targets_from_spec,
)
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.store.compare_ops import CompareTarget
from desktop.core.store.migrations import SCHEMA_VERSION
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.core.store.schema_check import schema_problems
from desktop.core.store.store import Store
from tests.helpers.fake_compare import reply_text, route_by_model
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]
KEY_ENV = "SWITCHBOARD_TEST_COMPARE_KEY"
T = TypeVar("T")
THREE = [CompareTarget("fake", "alpha", {"temperature": 0.2}), CompareTarget("fake", "beta"),
         CompareTarget("fake", "broken-gamma")]


@pytest.fixture
def compare(tmp_path: Path, fake_provider: FakeProvider,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[CompareService]:
    monkeypatch.setenv(KEY_ENV, "sk-" + secrets.token_hex(8))
    route_by_model(fake_provider)
    store = Store.open(tmp_path, backup_interval=None)
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="fake", base_url=fake_provider.base_url,
                                 key_source=KeySource.ENV, key_env=KEY_ENV, max_retries=0))
    yield CompareService(ChatService(store, registry))
    store.close()


def drive(compare: CompareService, coro: Coroutine[Any, Any, T]) -> T:
    async def scenario() -> T:
        try:
            return await coro
        finally:
            await compare.chat.close()

    return asyncio.run(scenario())


class Recorder(CompareListener):
    def __init__(self) -> None:
        self.users: list[tuple[int | None, Message]] = []
        self.text: dict[int, str] = {}
        self.finished: dict[int, Message] = {}

    def user_message_added(self, position: int | None, message: Message) -> None:
        self.users.append((position, message))

    def column_event(self, position: int, message_id: int, event: StreamEvent) -> None:
        if isinstance(event, TextDelta):
            self.text[position] = self.text.get(position, "") + event.text

    def column_finished(self, position: int, message: Message) -> None:
        self.finished[position] = message


def test_three_targets_are_sibling_replies_and_one_failure_stays_in_its_column(
        compare: CompareService, fake_provider: FakeProvider) -> None:
    store = compare.store
    conversation = store.create_conversation(provider="fake", model="solo")
    recorder = Recorder()
    result = drive(compare, compare.send(conversation.id, "Which is best?", THREE,
                                         system_prompt="Be brief.", listener=recorder))
    fork = result.user_message
    assert fork is not None and recorder.users == [(None, fork)]
    alpha, beta, gamma = (c.reply for c in result.columns)
    assert alpha and beta and gamma
    assert {m.id for m in store.children(fork.id)} == {alpha.id, beta.id, gamma.id}
    assert (alpha.text, alpha.status, alpha.model) == (
        reply_text("alpha"), MessageStatus.COMPLETE, "alpha")
    assert beta.text == reply_text("beta") and recorder.text[1] == reply_text("beta")
    assert gamma.status is MessageStatus.ERROR and "down for maintenance" in (gamma.error or "")
    assert [c.ok for c in result.columns] == [True, True, False]
    assert not result.all_failed
    # stored through the checkpointer's final write, with usage and timings
    assert store.get_message(alpha.id).usage is not None
    assert store.get_message(alpha.id).ttft_ms is not None
    # each target got its own parameters and the system prompt
    bodies = {b["model"]: b for b in fake_provider.bodies("/chat/completions")}
    assert bodies["alpha"]["temperature"] == 0.2 and "temperature" not in bodies["beta"]
    assert bodies["beta"]["messages"][0] == {"role": "system", "content": "Be brief."}
    # the compare is open, its columns recorded, the first column is the active branch
    assert store.open_compare(conversation.id) == fork.id
    assert [(c.position, c.reply_id, c.target) for c in store.compare_columns(fork.id)] == [
        (0, alpha.id, THREE[0]), (1, beta.id, THREE[1]), (2, gamma.id, THREE[2])]
    assert store.get_conversation(conversation.id).active_leaf_id == alpha.id
    updated = store.get_conversation(conversation.id)
    assert (updated.model, updated.title) == ("solo", "Which is best?")  # not remembered
    assert schema_problems(store._conn, SCHEMA_VERSION) == []


def test_stopping_one_column_keeps_its_text_and_the_others_finish(
        compare: CompareService) -> None:
    store = compare.store
    conversation = store.create_conversation()
    run = CompareRun()

    class StopSlow(Recorder):
        def column_event(self, position: int, message_id: int, event: StreamEvent) -> None:
            super().column_event(position, message_id, event)
            if position == 1 and self.text.get(1, "").count("word") == 2:
                run.stop(1)

    targets = [CompareTarget("fake", "alpha"), CompareTarget("fake", "slow-one")]
    result = drive(compare, compare.send(conversation.id, "Go", targets,
                                         listener=StopSlow(), run=run))
    alpha, slow = result.columns
    assert alpha.ok and alpha.reply and alpha.reply.status is MessageStatus.COMPLETE
    assert slow.stopped and slow.reply is not None
    stored = store.get_message(slow.reply.id)
    assert stored.status is MessageStatus.INTERRUPTED and stored.text.startswith("word word")
    assert len(store.compare_columns(result.fork_id)) == 2


def test_compare_mode_continues_each_column_on_its_own_branch_then_one_is_chosen(
        compare: CompareService, fake_provider: FakeProvider) -> None:
    store = compare.store
    conversation = store.create_conversation()
    targets = [CompareTarget("fake", "alpha"), CompareTarget("fake", "beta", {"top_p": 0.5})]
    store.set_compare_targets(conversation.id, targets)
    assert store.compare_targets(conversation.id) == targets
    first = drive(compare, compare.send(conversation.id, "One", targets))
    recorder = Recorder()
    second = drive(compare, compare.continue_columns(conversation.id, "Two",
                                                     listener=recorder))
    assert second.fork_id == first.fork_id
    assert [p for p, _m in recorder.users] == [0, 1]
    for column, earlier in zip(second.columns, first.columns, strict=True):
        assert column.reply is not None and earlier.reply is not None
        path = store.path_to(column.reply.id)
        assert [m.text for m in path] == ["One", earlier.reply.text, "Two", column.reply.text]
        assert path[1].id == earlier.reply.id  # under its own earlier reply
    sent = {b["model"]: b["messages"] for b in fake_provider.bodies("/chat/completions")[2:]}
    assert sent["beta"][1] == {"role": "assistant", "content": reply_text("beta")}
    branches = store.column_branches(first.fork_id)
    assert [len(b.messages) for b in branches] == [3, 3]
    beta_reply = first.columns[1].reply
    assert beta_reply is not None
    leaf = drive(compare, compare.choose(beta_reply.id))
    updated = store.get_conversation(conversation.id)
    assert updated.active_leaf_id == leaf == branches[1].leaf_id
    assert store.open_compare(conversation.id) is None
    assert store.compare_targets(conversation.id) is None
    assert (updated.provider, updated.model, updated.params) == ("fake", "beta", {"top_p": 0.5})


def test_when_no_target_can_be_asked_nothing_is_written(compare: CompareService) -> None:
    store = compare.store
    conversation = store.create_conversation()
    targets = [CompareTarget("nobody", "x"), CompareTarget("nobody-else", "y")]
    with pytest.raises(ChatSetupError, match="None of the compared models"):
        drive(compare, compare.send(conversation.id, "Hi", targets))
    assert store.messages(conversation.id) == []


def test_an_unknown_provider_gets_an_error_reply_in_its_column(
        compare: CompareService) -> None:
    store = compare.store
    conversation = store.create_conversation()
    targets = [CompareTarget("nobody", "x"), CompareTarget("fake", "alpha")]
    result = drive(compare, compare.send(conversation.id, "Hi", targets))
    missing, alpha = result.columns
    assert missing.reply is not None and missing.reply.status is MessageStatus.ERROR
    assert missing.reply.role is Role.ASSISTANT and missing.error
    assert alpha.ok
    # the error reply heads its column but the first target's column is the active one
    assert store.get_conversation(conversation.id).active_leaf_id == missing.reply.id


def test_targets_from_the_command_line() -> None:
    assert targets_from_spec("a:m1, b:org/m:2") == [CompareTarget("a", "m1"),
                                                   CompareTarget("b", "org/m:2")]
    for bad in ("a:m1", "a:m1,b", "a:1,b:2,c:3,d:4,e:5"):
        with pytest.raises(ValueError):
            targets_from_spec(bad)


def test_retrying_a_failed_column_replaces_its_reply_with_the_columns_target(
        compare: CompareService, fake_provider: FakeProvider) -> None:
    store = compare.store
    conversation = store.create_conversation()
    targets = [CompareTarget("fake", "alpha"), CompareTarget("fake", "broken-b")]
    first = drive(compare, compare.send(conversation.id, "Hi", targets))
    failed = first.columns[1].reply
    assert failed is not None and failed.status is MessageStatus.ERROR
    route_by_model(fake_provider, failing=("nothing",))  # the model is back
    again = drive(compare, compare.regenerate_column(failed.id))
    (outcome,) = again.columns
    assert outcome.ok and outcome.reply is not None and outcome.position == 1
    assert outcome.reply.text == reply_text("broken-b")
    assert [c.reply_id for c in store.compare_columns(first.fork_id)] == [
        first.columns[0].reply.id if first.columns[0].reply else 0, outcome.reply.id]
    kept = store.messages(conversation.id)  # the failed empty reply went (ids may be reused)
    assert len(kept) == 3 and all(m.status is MessageStatus.COMPLETE for m in kept)


def test_a_stopped_column_continues_with_its_own_target(compare: CompareService) -> None:
    store = compare.store
    conversation = store.create_conversation(provider="fake", model="solo")
    run = CompareRun()

    class StopSlow(Recorder):
        def column_event(self, position: int, message_id: int, event: StreamEvent) -> None:
            super().column_event(position, message_id, event)
            if position == 0 and self.text.get(0, "").count("word") == 1:
                run.stop(0)

    targets = [CompareTarget("fake", "slow-a"), CompareTarget("fake", "alpha")]
    first = drive(compare, compare.send(conversation.id, "Go", targets, listener=StopSlow(),
                                        run=run))
    stopped = first.columns[0].reply
    assert stopped is not None and first.columns[0].stopped
    result = drive(compare, compare.continue_column(stopped.id))
    (outcome,) = result.columns
    assert outcome.ok and outcome.reply is not None and outcome.reply.id == stopped.id
    assert outcome.reply.status is MessageStatus.COMPLETE
    assert outcome.reply.text.count("word") > 1
    assert store.get_conversation(conversation.id).model == "solo"  # not remembered
