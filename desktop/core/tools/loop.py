"""The tool-call loop: send, run the calls the model asks for (with the user's approval), send
the results back, until a final answer or the step limit.

Every step is in the message tree before the next request: the reply with its `tool_calls`,
then one `Role.TOOL` message per call (added as `pending`, updated as it is approved, runs and
ends). Cancelling the task that runs the loop (Stop) cancels running calls and the request;
calls that had not ended get a "cancelled by the user" result, so the history stays a valid
request. Unknown tools and malformed arguments are answered with an error result, never run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.api.errors import APIError, tools_unsupported
from desktop.core.chat_service import ChatService, ChatSettings, ExchangeListener, ExchangeResult
from desktop.core.reply_parts import ToolCall
from desktop.core.store.models import ContentPart, Message, MessageStatus, ToolRun, ToolStatus
from desktop.core.store.stream_lock import SharedStreamingLock
from desktop.core.tools.arguments import ArgumentsError, parse_arguments
from desktop.core.tools.contract import (
    DENIED_TEXT,
    ApprovalCallback,
    ToolExecutor,
    ToolResult,
    ToolSpec,
)
from desktop.core.tools.events import (
    EventCallback,
    LoopEnd,
    LoopFinished,
    StepStarted,
    ToolCallApproved,
    ToolCallDenied,
    ToolCallFinished,
    ToolCallPending,
    ToolCallStarted,
    ToolLoopEvent,
)
from desktop.core.tools.results import CANCELLED_TEXT, capped_text, result_parts, tool_definition

log = logging.getLogger(__name__)

DEFAULT_MAX_STEPS = 10  # the `tools.max_steps` setting's default
MAX_CALLS_PER_STEP = 32  # more calls in one reply are answered with an error, not run
AlwaysAllow = Callable[[ToolSpec], bool]


def step_limit_text(max_steps: int) -> str:
    return (f"Not run: the limit of {max_steps} rounds of tool calls for one turn was reached.")


def step_limit_note(max_steps: int) -> str:
    return (f"Stopped after {max_steps} rounds of tool calls: the model asked for more. Send a "
            "message to let it go on, or raise the limit (setting tools.max_steps).")


def never(_spec: ToolSpec) -> bool:
    return False


@dataclass
class LoopResult:
    """What a loop did: the user's message (when it added one) and each step's reply, in
    order; `final` is the last (the answer, or the reply whose calls were not run)."""

    user_message: Message | None
    replies: list[Message]
    end: LoopEnd
    steps: int
    note: str | None = None
    error: APIError | None = None

    @property
    def final(self) -> Message | None:
        return self.replies[-1] if self.replies else None


@dataclass
class _Call:
    """One call of a step while it is handled: what the model sent and its stored message."""

    call: ToolCall
    spec: ToolSpec | None
    arguments: dict[str, Any] | None
    problem: str | None
    message: Message
    tool: ToolRun
    approved: bool = False
    started: float = 0.0
    # The end (result or "cancelled") is written once: by its thread job or by Stop's cleanup,
    # whichever takes the lock first (a queued thread job may never start after a cancel).
    written: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class ToolLoop:
    """Runs turns with tools for conversations of `service`'s store.

    `approve` is asked for each call whose tool `always_allow` does not allow; calls run
    through `executor`, up to `max_steps` rounds per turn; `on_event` hears each step.
    """

    def __init__(
        self,
        service: ChatService,
        executor: ToolExecutor,
        specs: Sequence[ToolSpec],
        *,
        approve: ApprovalCallback,
        always_allow: AlwaysAllow = never,
        max_steps: int = DEFAULT_MAX_STEPS,
        on_event: EventCallback | None = None,
        listener: ExchangeListener | None = None,
        call_time_limit: float | None = None,
    ) -> None:
        self.service = service
        self.store = service.store
        self.executor = executor
        self.specs = {spec.wire_name: spec for spec in specs}
        self.approve = approve
        self.always_allow = always_allow
        self.max_steps = max(1, max_steps)
        self.on_event = on_event
        self.listener = listener
        self.call_time_limit = call_time_limit

    # ----------------------------------------------------------------- entry points

    async def send(self, conversation_id: int, content: str | Sequence[ContentPart],
                   settings: ChatSettings) -> LoopResult:
        """Append the user's message, then loop until an answer."""
        tools = self._with_tools(settings)
        return await self._run(conversation_id, self.service.send(
            conversation_id, content, tools, listener=self.listener), tools)

    async def regenerate(self, reply_id: int, settings: ChatSettings) -> LoopResult:
        """A new reply beside `reply_id`: regenerating a final answer re-runs from the last
        tool result (its parent); regenerating a reply that asked for tools starts over."""
        tools = self._with_tools(settings)
        reply = await asyncio.to_thread(self.store.get_message, reply_id)
        return await self._run(reply.conversation_id, self.service.regenerate(
            reply_id, tools, listener=self.listener), tools)

    async def edit_and_resend(self, user_message_id: int, content: str | Sequence[ContentPart],
                              settings: ChatSettings) -> LoopResult:
        """The edited message starts a fresh branch, with a fresh loop."""
        tools = self._with_tools(settings)
        original = await asyncio.to_thread(self.store.get_message, user_message_id)
        return await self._run(original.conversation_id, self.service.edit_and_resend(
            user_message_id, content, tools, listener=self.listener), tools)

    async def resume(self, message_id: int, settings: ChatSettings) -> LoopResult:
        """A reply under `message_id` (e.g. the last tool result of a stopped loop), looping on."""
        tools = self._with_tools(settings)
        message = await asyncio.to_thread(self.store.get_message, message_id)
        return await self._run(message.conversation_id, self.service.reply_to(
            message_id, tools, listener=self.listener), tools)

    # ----------------------------------------------------------------- the loop

    def _with_tools(self, settings: ChatSettings) -> ChatSettings:
        if not self.specs:
            return settings
        return dataclasses.replace(
            settings, tools=tuple(tool_definition(spec) for spec in self.specs.values()))

    def _emit(self, event: ToolLoopEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # a broken view must not break the loop (or its history)
            log.exception("a tool-loop event handler failed")

    async def _approved(self, item: _Call, spec: ToolSpec) -> bool:
        try:
            return await self.approve(item.call, spec)
        except asyncio.CancelledError:
            raise
        except Exception:  # no answer is a denial: nothing runs without an approval
            log.exception("asking for approval failed; the call is denied")
            return False

    async def _run(self, conversation_id: int, first: Awaitable[ExchangeResult],
                   settings: ChatSettings) -> LoopResult:
        # Held while calls may be pending: another process opening the store then leaves them
        # alone; after a crash, the next open marks them as not finished.
        lock = SharedStreamingLock(self.store.path)
        try:
            return await self._steps(conversation_id, first, settings)
        finally:
            lock.release()

    async def _steps(self, conversation_id: int, first: Awaitable[ExchangeResult],
                     settings: ChatSettings) -> LoopResult:
        steps = 0
        replies: list[Message] = []
        try:
            self._emit(StepStarted(conversation_id, 1))
            exchange = await first
            user = exchange.user_message
            while True:
                replies += exchange.replies[:1]  # the shown choice (n > 1 is not looped)
                reply = exchange.replies[0] if exchange.replies else None
                if exchange.error is not None:
                    unsupported = tools_unsupported(exchange.error) if settings.tools else None
                    if unsupported is not None:
                        unsupported.reply_id = reply.id if reply is not None else None
                        self._emit(LoopFinished(LoopEnd.ERROR, steps, reply, str(unsupported)))
                        raise unsupported
                    return self._finish(LoopResult(user, replies, LoopEnd.ERROR, steps,
                                                   str(exchange.error), exchange.error))
                if (reply is None or reply.status is not MessageStatus.COMPLETE
                        or not reply.tool_calls):
                    return self._finish(LoopResult(user, replies, LoopEnd.ANSWERED, steps))
                if steps >= self.max_steps:
                    await self._skip_calls(reply)
                    return self._finish(LoopResult(user, replies, LoopEnd.STEP_LIMIT, steps,
                                                   step_limit_note(self.max_steps)))
                steps += 1
                last = await self._run_calls(reply)
                self._emit(StepStarted(conversation_id, steps + 1))
                exchange = await self.service.reply_to(last.id, settings, listener=self.listener)
        except asyncio.CancelledError:
            self._emit(LoopFinished(LoopEnd.CANCELLED, steps, replies[-1] if replies else None))
            raise

    def _finish(self, result: LoopResult) -> LoopResult:
        self._emit(LoopFinished(result.end, result.steps, result.final, result.note))
        return result

    async def _add_messages(self, reply: Message, status: ToolStatus) -> list[_Call]:
        """One tool message per call, chained under the reply, before anything runs."""
        calls: list[_Call] = []
        parent = reply.id
        for index, call in enumerate(reply.tool_calls):
            spec = self.specs.get(call.name)
            arguments: dict[str, Any] | None = None
            problem: str | None = None
            if index >= MAX_CALLS_PER_STEP:
                problem = f"Not run: at most {MAX_CALLS_PER_STEP} tool calls are run at once."
            elif spec is None:
                offered = ", ".join(sorted(self.specs)) or "none"
                problem = (f"Unknown tool {call.name[:100]!r}. The tools offered are: "
                           f"{capped_text(offered, 2000)}.")
            else:
                try:
                    arguments = parse_arguments(call.arguments)
                except ArgumentsError as exc:
                    problem = str(exc)
            tool = ToolRun(spec.name if spec else call.name[:200],
                           spec.server if spec else "", status)
            message = await asyncio.to_thread(self.store.append_tool_message,
                                              reply.conversation_id, parent, call, tool)
            parent = message.id
            calls.append(_Call(call, spec, arguments, problem, message, tool))
        return calls

    async def _skip_calls(self, reply: Message) -> None:
        """The step limit: the calls are answered, not run, so the history stays valid."""
        text = step_limit_text(self.max_steps)
        for item in await self._add_messages(reply, ToolStatus.SKIPPED):
            message = await asyncio.to_thread(self.store.update_tool_message, item.message.id,
                                              item.tool, text)
            self._emit(ToolCallFinished(message, None))

    async def _run_calls(self, reply: Message) -> Message:
        """Ask, run and record every call of `reply`; return the last tool message."""
        calls = await self._add_messages(reply, ToolStatus.PENDING)
        tasks: list[asyncio.Task[None]] = []
        try:
            for item in calls:
                self._emit(ToolCallPending(item.message.id, item.call, item.spec, item.arguments))
                if item.problem is not None or item.spec is None:
                    await self._end(item, ToolStatus.FAILED, item.problem or "", is_error=True)
                    continue
                always = self.always_allow(item.spec)
                if always or await self._approved(item, item.spec):
                    item.approved = True
                    item.tool = dataclasses.replace(item.tool, status=ToolStatus.APPROVED)
                    await asyncio.to_thread(self.store.update_tool_message, item.message.id,
                                            item.tool)
                    self._emit(ToolCallApproved(item.message.id, item.call, always))
                else:
                    self._emit(ToolCallDenied(item.message.id, item.call))
                    await self._end(item, ToolStatus.DENIED, DENIED_TEXT)
            tasks = [asyncio.create_task(self._execute(item)) for item in calls if item.approved]
            if tasks:
                await asyncio.gather(*tasks)
        except asyncio.CancelledError:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self._cancel_unfinished(calls)
            raise
        return calls[-1].message

    async def _execute(self, item: _Call) -> None:
        assert item.spec is not None and item.arguments is not None
        item.started = time.monotonic()
        self._emit(ToolCallStarted(item.message.id, item.call, item.started))
        try:
            result = await self.executor.call_tool(item.spec, item.arguments,
                                                   time_limit=self.call_time_limit)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the contract says executors report failures as results
            log.warning("tool %s raised %s", item.spec.wire_name, type(exc).__name__)
            result = ToolResult(f"The tool failed: {type(exc).__name__}: {exc}"[:2000],
                                is_error=True)
        duration = result.duration_ms or (time.monotonic() - item.started) * 1000
        status = ToolStatus.FAILED if result.is_error else ToolStatus.DONE
        await self._write_end(item, status, result.text, duration, result)

    async def _end(self, item: _Call, status: ToolStatus, text: str, *,
                   is_error: bool = False) -> None:
        await self._write_end(item, status, text, None, None, is_error=is_error)

    async def _write_end(self, item: _Call, status: ToolStatus, text: str,
                         duration_ms: float | None, result: ToolResult | None, *,
                         is_error: bool = False) -> None:
        item.tool = dataclasses.replace(
            item.tool, status=status, duration_ms=duration_ms,
            is_error=is_error or status is ToolStatus.FAILED)
        tool = item.tool

        def write() -> Message | None:  # one thread job: a Stop cannot cut it in half
            with item.lock:
                if item.written:
                    return None
                content: str | list[ContentPart] = (
                    result_parts(self.store, result) if result is not None else text)
                message = self.store.update_tool_message(item.message.id, tool, content)
                item.written = True
                return message

        message = await asyncio.to_thread(write)
        if message is not None:
            self._emit(ToolCallFinished(message, result))

    def _cancel_unfinished(self, calls: list[_Call]) -> None:
        """Stop: every call that had not ended gets its "cancelled" result. Written on the
        loop's thread on purpose: a second cancel must not leave a call without a result."""
        for item in calls:
            with item.lock:  # waits for a result write that is under way
                if item.written:
                    continue
                item.written = True
                duration = (time.monotonic() - item.started) * 1000 if item.started else None
                item.tool = dataclasses.replace(item.tool, status=ToolStatus.CANCELLED,
                                                duration_ms=duration)
                try:
                    message = self.store.update_tool_message(item.message.id, item.tool,
                                                             CANCELLED_TEXT)
                except Exception:  # the store is closing: the history builder answers it
                    log.exception("could not record a cancelled tool call")
                    continue
            self._emit(ToolCallFinished(message, None))
