"""Comparing models: one user message answered by 2-4 targets at once, side by side.

The replies are sibling branches under the same user message (the *fork*), each streamed
and checkpointed by `ChatService` like any reply. One failing target keeps its error in its
own branch while the others go on; each column can be stopped on its own (`CompareRun`).
While the compare is open, a next message continues every column on its own branch
(`continue_columns`); `choose` makes one column the active branch and returns to single mode.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError
from desktop.core.api.events import StreamEvent
from desktop.core.api.retry import RetryWait
from desktop.core.chat_exchange import ChatSettings, ChatSetupError, ExchangeListener
from desktop.core.chat_messages import title_from
from desktop.core.chat_service import ChatService
from desktop.core.conversation_settings import remember_settings
from desktop.core.store.compare_ops import CompareColumn, CompareTarget, check_targets
from desktop.core.store.models import ContentPart, Message, MessageStatus, Role
from desktop.core.store.store import ACTIVE_LEAF

__all__ = ["ColumnOutcome", "CompareListener", "CompareResult", "CompareRun",
           "CompareService", "CompareTarget"]
log = logging.getLogger(__name__)


class CompareListener:
    """Callbacks of one compare, per column `position`; override what you need."""

    def user_message_added(self, position: int | None, message: Message) -> None:
        """The user's message was saved: the fork (position None) or a column's copy."""

    def column_started(self, position: int, message: Message) -> None:
        """A column's reply was begun (status STREAMING)."""

    def column_event(self, position: int, message_id: int, event: StreamEvent) -> None:
        """A streamed event of a column's reply."""

    def column_waiting(self, position: int, message_id: int, wait: RetryWait) -> None:
        """A column's request waits `wait.delay` s before a retry."""

    def column_finished(self, position: int, message: Message) -> None:
        """A column's reply as stored at its end (complete, error or interrupted)."""


@dataclass
class ColumnOutcome:
    """How one column ended: its reply, and why it failed (None: it did not)."""

    position: int
    target: CompareTarget
    reply: Message | None = None
    error: str | None = None
    api_error: APIError | None = None
    stopped: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and not self.stopped


@dataclass
class CompareResult:
    """The fork (the user message all columns answer) and each column's outcome."""

    fork_id: int
    user_message: Message | None
    columns: list[ColumnOutcome]
    error: APIError | None = None  # per column (see `columns`); kept for ExchangeResult callers

    @property
    def replies(self) -> list[Message]:
        return [c.reply for c in self.columns if c.reply is not None]

    @property
    def all_failed(self) -> bool:
        return not any(c.ok for c in self.columns)


class CompareRun:
    """Stops the columns of a running compare one by one (or all)."""

    def __init__(self) -> None:
        self._tasks: dict[int, asyncio.Task[ColumnOutcome]] = {}

    def stop(self, position: int) -> bool:
        """Cancel one column's reply (what arrived is kept); False when it is not running."""
        task = self._tasks.get(position)
        if task is None or task.done():
            return False
        task.cancel()
        return True

    def stop_all(self) -> None:
        for position in list(self._tasks):
            self.stop(position)

    def running(self, position: int) -> bool:
        task = self._tasks.get(position)
        return task is not None and not task.done()


class _ColumnListener(ExchangeListener):
    """One column's exchange callbacks, passed on with its position."""

    def __init__(self, outer: CompareListener, position: int) -> None:
        self.outer = outer
        self.position = position
        self.started: list[Message] = []
        self.on_started: Callable[[], None] = lambda: None

    def reply_started(self, message: Message) -> None:
        self.started.append(message)
        self.on_started()
        self.outer.column_started(self.position, message)

    def reply_event(self, message_id: int, event: StreamEvent) -> None:
        self.outer.column_event(self.position, message_id, event)

    def reply_waiting(self, message_id: int, wait: RetryWait) -> None:
        self.outer.column_waiting(self.position, message_id, wait)

    def reply_finished(self, message: Message) -> None:
        self.outer.column_finished(self.position, message)


@dataclass
class _Column:
    position: int
    target: CompareTarget
    prepared: tuple[ApiClient, ChatSettings] | None = None
    setup_error: str | None = None
    parent_id: int = 0  # the message the column's reply answers
    head: int | None = field(default=None)  # set: a new fork, the column is recorded
    replace_head: bool = False  # a regenerated head: the column's row moves to the new reply


class CompareService:
    """Runs compares for conversations in the chat service's store."""

    def __init__(self, chat: ChatService) -> None:
        self.chat = chat
        self.store = chat.store

    async def send(
        self, conversation_id: int, content: str | Sequence[ContentPart],
        targets: Sequence[CompareTarget], *, system_prompt: str = "", stream: bool = True,
        listener: CompareListener | None = None, run: CompareRun | None = None,
    ) -> CompareResult:
        """Append the user's message under the active leaf and stream every target's reply
        beside each other; the compare stays open (its columns shown) afterwards."""
        check_targets(targets)
        listener = listener or CompareListener()
        columns = [_Column(i, t) for i, t in enumerate(targets)]
        await self._prepare(columns, system_prompt, stream)
        store = self.store
        conversation = await asyncio.to_thread(store.get_conversation, conversation_id)
        fork = await asyncio.to_thread(store.append_message, conversation_id, Role.USER,
                                       content, parent_id=ACTIVE_LEAF)
        listener.user_message_added(None, fork)
        if not conversation.title:
            await asyncio.to_thread(store.update_conversation, conversation_id,
                                    title=title_from(content))
        await asyncio.to_thread(store.set_open_compare, conversation_id, fork.id)
        for column in columns:
            column.parent_id = column.head = fork.id
        outcomes = await self._run(conversation_id, columns, listener, run or CompareRun())
        return CompareResult(fork.id, fork, outcomes)

    async def continue_columns(
        self, conversation_id: int, content: str | Sequence[ContentPart], *,
        system_prompt: str = "", stream: bool = True,
        listener: CompareListener | None = None, run: CompareRun | None = None,
    ) -> CompareResult:
        """Each column of the open compare gets the message at the end of its own branch
        and its target answers it there (compare mode goes on)."""
        listener = listener or CompareListener()
        store = self.store
        fork = await asyncio.to_thread(store.open_compare, conversation_id)
        branches = await asyncio.to_thread(store.column_branches, fork) if fork else []
        if fork is None or not branches:
            raise ChatSetupError("No compare is open in this conversation.")
        columns = [_Column(b.column.position, b.column.target) for b in branches]
        await self._prepare(columns, system_prompt, stream)
        for index, (column, branch) in enumerate(zip(columns, branches, strict=True)):
            copy = await asyncio.to_thread(store.append_message, conversation_id, Role.USER,
                                           content, parent_id=branch.leaf_id,
                                           make_active=index == 0)
            listener.user_message_added(column.position, copy)
            column.parent_id = copy.id
        outcomes = await self._run(conversation_id, columns, listener, run or CompareRun())
        return CompareResult(fork, None, outcomes)

    async def choose(self, reply_id: int) -> int:
        """"Continue with this one": that column's branch becomes active, the compare closes,
        compare mode ends and the conversation's model is the column's. Returns the leaf."""
        store = self.store
        leaf = await asyncio.to_thread(store.choose_compare_column, reply_id)
        reply = await asyncio.to_thread(store.get_message, reply_id)
        columns = await asyncio.to_thread(store.compare_columns, reply.parent_id or -1)
        chosen = next((c for c in columns if c.reply_id == reply_id), None)
        if chosen is not None:
            await asyncio.to_thread(
                remember_settings, store, reply.conversation_id,
                provider=chosen.target.provider, model=chosen.target.model,
                params=chosen.target.params, system_prompt=None)
        return leaf

    async def regenerate_column(
        self, reply_id: int, *, system_prompt: str = "", stream: bool = True,
        listener: CompareListener | None = None, run: CompareRun | None = None,
    ) -> CompareResult:
        """A new reply of the column's own target beside `reply_id` (a reply in a column of
        the open compare); a failed empty reply is replaced, a column's head moves to it."""
        listener = listener or CompareListener()
        store = self.store
        column = await asyncio.to_thread(store.column_holding, reply_id)
        reply = await asyncio.to_thread(store.get_message, reply_id)
        if column is None or reply.parent_id is None:
            raise ChatSetupError("This reply is not in a column of the open compare.")
        one = _Column(column.position, column.target, parent_id=reply.parent_id)
        await self._prepare([one], system_prompt, stream)
        if reply.status is MessageStatus.ERROR and not reply.parts and not reply.reasoning:
            await asyncio.to_thread(store.delete_message, reply.id)
        if column.reply_id == reply_id:
            one.head = column.fork_id
            one.replace_head = True
        return await self._one(reply.conversation_id, column.fork_id, one, listener, run)

    async def continue_column(
        self, reply_id: int, *, system_prompt: str = "", stream: bool = True,
        listener: CompareListener | None = None, run: CompareRun | None = None,
    ) -> CompareResult:
        """Ask a column's target to go on with its interrupted reply `reply_id`."""
        listener = listener or CompareListener()
        store = self.store
        column = await asyncio.to_thread(store.column_holding, reply_id)
        if column is None:
            raise ChatSetupError("This reply is not in a column of the open compare.")
        target = column.target
        settings = ChatSettings(target.provider, target.model, dict(target.params),
                                system_prompt, stream=stream)
        run = run or CompareRun()
        column_listener = _ColumnListener(listener, column.position)
        outcome = ColumnOutcome(column.position, target)

        async def go() -> ColumnOutcome:
            try:
                result = await self.chat.continue_reply(reply_id, settings,
                                                        listener=column_listener,
                                                        remember=False)
            except asyncio.CancelledError:
                outcome.stopped = True
                outcome.reply = await asyncio.to_thread(store.get_message, reply_id)
                return outcome
            outcome.reply = result.replies[0] if result.replies else None
            if result.error is not None:
                outcome.api_error, outcome.error = result.error, result.error.explanation
            return outcome

        run._tasks[column.position] = asyncio.ensure_future(go())
        return CompareResult(column.fork_id, None, [await run._tasks[column.position]])

    async def _one(self, conversation_id: int, fork_id: int, column: _Column,
                   listener: CompareListener, run: CompareRun | None) -> CompareResult:
        run = run or CompareRun()
        task = asyncio.ensure_future(self._column(conversation_id, column, listener,
                                                  make_active=False))
        run._tasks[column.position] = task
        return CompareResult(fork_id, None, [await task])

    # ----------------------------------------------------------------- internals

    async def _prepare(self, columns: list[_Column], system_prompt: str, stream: bool) -> None:
        """Client and checked settings per column; all failing is a ChatSetupError (nothing
        written), one failing becomes that column's error reply."""
        async def one(column: _Column) -> None:
            target = column.target
            settings = ChatSettings(target.provider, target.model, dict(target.params),
                                    system_prompt, stream=stream)
            try:
                column.prepared = await self.chat.prepare(settings)
            except ChatSetupError as exc:
                column.setup_error = str(exc)

        await asyncio.gather(*(one(c) for c in columns))
        if all(c.prepared is None for c in columns):
            reasons = "; ".join(f"{c.target.label}: {c.setup_error}" for c in columns)
            raise ChatSetupError(f"None of the compared models can be asked ({reasons})")

    async def _run(self, conversation_id: int, columns: list[_Column],
                   listener: CompareListener, run: CompareRun) -> list[ColumnOutcome]:
        first = min(c.position for c in columns)
        for column in columns:
            run._tasks[column.position] = asyncio.ensure_future(self._column(
                conversation_id, column, listener, make_active=column.position == first))
        results = await asyncio.gather(*run._tasks.values(), return_exceptions=True)
        outcomes: list[ColumnOutcome] = []
        for column, result in zip(columns, results, strict=True):
            if isinstance(result, ColumnOutcome):
                outcomes.append(result)
            else:  # an unexpected failure of one column: the others' results stand
                log.warning("compare column %s failed: %r", column.position, result)
                outcomes.append(ColumnOutcome(column.position, column.target,
                                              error=str(result) or type(result).__name__,
                                              stopped=isinstance(result,
                                                                 asyncio.CancelledError)))
        current = asyncio.current_task()
        if current is not None and current.cancelling():
            raise asyncio.CancelledError
        return outcomes

    async def _column(self, conversation_id: int, column: _Column, outer: CompareListener,
                      *, make_active: bool) -> ColumnOutcome:
        store = self.store
        listener = _ColumnListener(outer, column.position)
        outcome = ColumnOutcome(column.position, column.target)
        recording: list[asyncio.Future[None]] = []

        def start_recording() -> None:
            """The column's row, written as soon as its reply exists (a window reopening
            the conversation mid-stream finds the columns)."""
            head = column.head
            if head is None or not listener.started or recording:
                return
            reply_id = listener.started[0].id

            def write() -> None:
                if column.replace_head:
                    store.set_compare_column(head, column.position, reply_id, column.target)
                else:
                    store.add_compare_column(head, column.position, reply_id, column.target)

            recording.append(asyncio.ensure_future(asyncio.to_thread(write)))

        async def record() -> None:
            start_recording()
            if recording:
                await recording[0]

        listener.on_started = start_recording

        if column.prepared is None:  # no client (no key, unknown provider): an error reply
            reply = await asyncio.to_thread(
                store.begin_reply, conversation_id, parent_id=column.parent_id,
                model=column.target.model, provider=column.target.provider,
                make_active=make_active)
            listener.reply_started(reply)
            await record()
            reply = await asyncio.to_thread(store.finish_reply, reply.id, MessageStatus.ERROR,
                                            error=column.setup_error)
            listener.reply_finished(reply)
            outcome.reply, outcome.error = reply, column.setup_error
            return outcome
        client, settings = column.prepared
        try:
            replies, error = await self.chat.reply_under(
                conversation_id, column.parent_id, client, settings, listener,
                make_active=make_active, remember=False)
        except asyncio.CancelledError:
            outcome.stopped = True
            await asyncio.shield(record())
            if listener.started:
                outcome.reply = await asyncio.shield(
                    asyncio.to_thread(store.get_message, listener.started[0].id))
            return outcome
        await record()
        outcome.reply = replies[0] if replies else None
        if error is not None:
            outcome.api_error, outcome.error = error, error.explanation
        return outcome


def targets_from_spec(spec: str) -> list[CompareTarget]:
    """`P1:M1,P2:M2` (the command line's --compare) as targets; ValueError when malformed."""
    targets = []
    for item in (part.strip() for part in spec.split(",")):
        provider, sep, model = item.partition(":")
        if not sep or not provider.strip() or not model.strip():
            raise ValueError(f"{item!r} is not PROVIDER:MODEL")
        targets.append(CompareTarget(provider.strip(), model.strip()))
    check_targets(targets)
    return targets


def column_of(columns: Sequence[CompareColumn], reply_id: int) -> CompareColumn | None:
    return next((c for c in columns if c.reply_id == reply_id), None)
