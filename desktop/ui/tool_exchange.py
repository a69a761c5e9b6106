"""Turns with tools: the open conversation's tool choice, and the tool-call loop in the window.

`ToolTurns` keeps each conversation's choice of MCP servers and tools (stored on the
conversation; a new one offers none), builds a `ToolLoop` for a send, regenerate or edit of a
conversation that offers tools, and is the one writer of the tool cards' live state: it puts
the loop's tool messages on the shown path as they are stored, tells the view which call
runs since when and which waits for the user, and resolves the approval the loop awaits when
the user clicks Approve, Deny or "Always allow this tool".
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.api.errors import APIError, ToolsUnsupportedError
from desktop.core.chat_service import ChatService, ExchangeListener
from desktop.core.reply_parts import ToolCall
from desktop.core.store.models import Message, Role, ToolRun, ToolStatus
from desktop.core.store.store import Store
from desktop.core.tools.choice import ToolChoice
from desktop.core.tools.contract import ToolExecutor, ToolSpec
from desktop.core.tools.events import (
    LoopEnd,
    ToolCallApproved,
    ToolCallFinished,
    ToolCallPending,
    ToolCallStarted,
    ToolLoopEvent,
)
from desktop.core.tools.loop import LoopResult, ToolLoop
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)


class ToolPolicy(Protocol):
    """The "always allow" switches (the MCP hub)."""

    def is_always_allowed(self, spec: ToolSpec) -> bool: ...

    def set_tool_policy(self, server: str, tool: str, *, enabled: bool | None = None,
                        always_allow: bool | None = None) -> None: ...


class Listener(Protocol):
    """What an exchange is to a turn: the service's listener, for one conversation."""

    conversation_id: int

    def user_message_added(self, message: Message) -> None: ...
    def reply_started(self, message: Message) -> None: ...
    def reply_finished(self, message: Message) -> None: ...


@dataclass
class TurnOutcome:
    """What `ExchangeRunner.run_exchange` reads of a finished turn."""

    error: APIError | None
    replies: list[Message]


@dataclass
class _Run:
    """One running loop: its calls' shown state and the approvals it waits for."""

    conversation_id: int
    shown: dict[int, Message] = field(default_factory=dict)  # tool message id → latest
    message_of_call: dict[str, int] = field(default_factory=dict)
    waiting: dict[int, tuple[asyncio.Future[bool], ToolSpec]] = field(default_factory=dict)
    started: dict[int, float] = field(default_factory=dict)


ShowToolState = Callable[..., None]  # (message_id, *, started=…, approvable=…)
Notice = Callable[[str, str], None]  # (text, action label or "")


class ToolTurns(QObject):
    """Tool choice per conversation, and turns through the tool-call loop."""

    choice_changed = Signal(object)  # the open conversation's ToolChoice
    servers_changed = Signal(object)  # [(server, [tool names] or None)] for the Tools menu

    def __init__(self, state: OpenConversation, store: Store, service: ChatService,
                 executor: ToolExecutor, policy: ToolPolicy, tasks: TaskRunner, *,
                 max_steps: Callable[[], int], show_tool_state: ShowToolState, notice: Notice,
                 send_without_tools: Callable[[int], None],
                 servers: Callable[[], list[tuple[str, list[str] | None]]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.store = store
        self.service = service
        self.executor = executor
        self.policy = policy
        self.tasks = tasks
        self.max_steps = max_steps
        self.show_tool_state = show_tool_state
        self.notice = notice
        self.send_without_tools = send_without_tools
        self.servers = servers
        self.choice = ToolChoice()  # the open conversation's (a new one's until it is saved)
        self._choice_of: int | None = None  # whose choice `choice` is (-1: being read)
        self._fresh = True  # the open conversation is new: its first send saves the choice
        self.runs: dict[int, _Run] = {}
        self._offer: tuple[int, int] | None = None  # (conversation, reply) to resend plainly
        state.opened.connect(self._opened)
        state.id_changed.connect(self._id_changed)
        # After the view has taken the new path (its slot may be connected after this one).
        state.path_shown.connect(lambda *_: QTimer.singleShot(0, self._show_live))

    # --- the choice ----------------------------------------------------------------------
    def _opened(self, conversation_id: int | None) -> None:
        self._fresh = conversation_id is None
        if conversation_id is None:
            self._choice_of = None
            self._set_shown_choice(ToolChoice())
            return
        self._choice_of = -1  # not known until read
        opened = conversation_id

        def loaded(choice: ToolChoice) -> None:
            if self.state.is_open(opened) and self._choice_of != opened:
                self._choice_of = opened
                self._set_shown_choice(choice)

        self.tasks.start(asyncio.to_thread(self.store.conversation_tools, conversation_id),
                         name="read the tool choice", on_success=loaded)

    def _id_changed(self, conversation_id: int | None) -> None:
        """A first send saved the new conversation: it keeps the choice made before it."""
        if conversation_id is None or not self._fresh:
            return  # a switch: `_opened` reads the other conversation's choice
        self._fresh = False
        self._choice_of = conversation_id
        if not self.choice.is_empty:
            self._save(conversation_id, self.choice)

    def _set_shown_choice(self, choice: ToolChoice) -> None:
        self.choice = choice
        self.choice_changed.emit(choice)

    def set_choice(self, choice: ToolChoice) -> None:
        """The user changed the open conversation's servers or tools (the Tools menu)."""
        self._set_shown_choice(choice)
        if self.state.conversation_id is not None:
            self._choice_of = self.state.conversation_id
            self._save(self.state.conversation_id, choice)

    def _save(self, conversation_id: int, choice: ToolChoice) -> None:
        self.tasks.write_in_order("tool choice", self.store.set_conversation_tools,
                                  conversation_id, choice, name="save the tool choice")

    def refresh_servers(self) -> None:
        """The Tools menu opens: list the servers (and start listing unknown tools)."""
        servers = self.servers()
        self.servers_changed.emit(servers)
        unknown = [name for name, tools in servers if tools is None]
        if unknown:
            self.tasks.start(self.executor.list_tools(unknown), name="list MCP tools",
                             on_success=lambda _specs: self.servers_changed.emit(self.servers()),
                             on_failure=lambda exc: log.info("listing tools failed: %s", exc))

    # --- turns ---------------------------------------------------------------------------
    async def loop_for(self, conversation_id: int, listener: ExchangeListener) -> ToolLoop | None:
        """A loop for the conversation's next turn, or None when it offers no tools."""
        choice = (self.choice if self.state.is_open(conversation_id)
                  and self._choice_of == conversation_id
                  else await asyncio.to_thread(self.store.conversation_tools, conversation_id))
        if choice.is_empty:
            return None
        specs = [spec for spec in await self.executor.list_tools(choice.server_names())
                 if choice.offers(spec)]
        if not specs:
            self.notice(self.tr("None of the chosen tools is available: sending without "
                                "tools."), "")
            return None
        run = _Run(conversation_id)

        async def approve(call: ToolCall, spec: ToolSpec) -> bool:
            return await self._approval(run, call, spec)

        return ToolLoop(self.service, self.executor, specs, approve=approve,
                        always_allow=self.policy.is_always_allowed,
                        max_steps=self.max_steps(),
                        on_event=lambda event: self._on_event(run, event),
                        listener=listener)

    async def finish(self, listener: Listener, work: Awaitable[LoopResult]) -> TurnOutcome:
        """Await a loop's turn; a refusal of tools offers "Send without tools"."""
        conversation_id = listener.conversation_id
        try:
            result = await work
        except ToolsUnsupportedError as exc:
            if exc.reply_id is not None and self.state.is_open(conversation_id):
                self._offer = (conversation_id, exc.reply_id)
                self.notice(str(exc), self.tr("Send without tools"))
            return TurnOutcome(None, [])
        finally:
            self._end_run(conversation_id)
        if result.end is LoopEnd.STEP_LIMIT and result.note and self.state.is_open(
                conversation_id):
            self.notice(result.note, "")
        return TurnOutcome(result.error, result.replies[-1:])

    def notice_action(self) -> None:
        """The notice's "Send without tools": a new reply to the saved text, no tools."""
        offer, self._offer = self._offer, None
        if offer is not None and self.state.is_open(offer[0]):
            self.send_without_tools(offer[1])

    # --- the loop's events ---------------------------------------------------------------
    def _on_event(self, run: _Run, event: ToolLoopEvent) -> None:
        self.runs[run.conversation_id] = run
        if isinstance(event, ToolCallPending):
            tool = ToolRun(event.spec.name if event.spec else event.call.name[:200],
                           event.spec.server if event.spec else "", ToolStatus.PENDING)
            message = Message(event.message_id, run.conversation_id, None, Role.TOOL, (),
                              time.time(), tool_call_id=event.call.id, tool=tool)
            run.message_of_call[event.call.id] = event.message_id
            self._show(run, message, append=True)
        elif isinstance(event, ToolCallApproved):
            self._set_status(run, event.message_id, ToolStatus.APPROVED)
        elif isinstance(event, ToolCallStarted):
            run.started[event.message_id] = event.started
            if self.state.is_open(run.conversation_id):
                self.show_tool_state(event.message_id, started=event.started)
        elif isinstance(event, ToolCallFinished):
            run.started.pop(event.message.id, None)
            self._show(run, event.message)

    def _set_status(self, run: _Run, message_id: int, status: ToolStatus) -> None:
        message = run.shown.get(message_id)
        if message is not None and message.tool is not None:
            tool = dataclasses.replace(message.tool, status=status)
            self._show(run, dataclasses.replace(message, tool=tool))

    def _show(self, run: _Run, message: Message, *, append: bool = False) -> None:
        run.shown[message.id] = message
        if not self.state.is_open(run.conversation_id):
            return
        if append:
            self.state.append(message)
        else:
            self.state.update(message)

    def _show_live(self) -> None:
        """The path was shown again (a reload): put the running loop's latest states back."""
        run = self.runs.get(self.state.conversation_id or -1)
        if run is None:
            return
        for message in run.shown.values():
            self.state.update(message)
        for message_id, started in run.started.items():
            self.show_tool_state(message_id, started=started)
        for message_id in run.waiting:
            self.show_tool_state(message_id, approvable=True)

    def _end_run(self, conversation_id: int) -> None:
        run = self.runs.pop(conversation_id, None)
        if run is None:
            return
        for future, _spec in run.waiting.values():
            future.cancel()

    # --- approvals -----------------------------------------------------------------------
    async def _approval(self, run: _Run, call: ToolCall, spec: ToolSpec) -> bool:
        message_id = run.message_of_call.get(call.id)
        if message_id is None:
            return False  # no card to ask on: nothing runs without an approval
        future: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        run.waiting[message_id] = (future, spec)
        if self.state.is_open(run.conversation_id):
            self.show_tool_state(message_id, approvable=True)
        try:
            return await future
        finally:
            run.waiting.pop(message_id, None)
            if self.state.is_open(run.conversation_id):
                self.show_tool_state(message_id, approvable=False)

    def decide(self, message_id: int, decision: str) -> None:
        """A card's Approve ("approve"), Deny ("deny") or "Always allow this tool" ("always")."""
        for run in self.runs.values():
            waiting = run.waiting.get(message_id)
            if waiting is None:
                continue
            future, spec = waiting
            if future.done():
                return
            if decision == "always":
                try:
                    self.policy.set_tool_policy(spec.server, spec.name, always_allow=True)
                except Exception as exc:  # saving failed: this call still runs, once
                    log.warning("could not save always-allow for %s: %s", spec.name, exc)
                    self.notice(self.tr("“Always allow” could not be saved: {0}").format(exc),
                                "")
            future.set_result(decision in ("approve", "always"))
            return

    def waiting_ids(self) -> list[int]:
        """The tool messages waiting for the user (tests, keyboard shortcuts)."""
        return [mid for run in self.runs.values() for mid in run.waiting]


def hub_servers(hub: Any) -> Callable[[], list[tuple[str, list[str] | None]]]:
    """The enabled servers of an McpHub with their enabled tools (None: not listed yet)."""

    def servers() -> list[tuple[str, list[str] | None]]:
        found: list[tuple[str, list[str] | None]] = []
        for server in hub.config.servers:
            if not server.enabled:
                continue
            listed: Sequence[ToolSpec] | None = hub.tools_of(server.name)
            tools = None if listed is None else [
                spec.name for spec in listed if server.policy(spec.name).enabled]
            found.append((server.name, tools))
        return found

    return servers
