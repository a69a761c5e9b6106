"""Compare in the window: the composer's Compare, compare mode, the columns and their stops.

A compare runs as one exchange of `ExchangeRunner` (so the conversation streams, Stop and
Esc stop every column, and a send that cannot start gives the text back), with a listener
that shows each column's reply in its own column while the conversation is open. The
columns of the open compare are read back from the store whenever the conversation is
loaded, so a compared exchange reopens in columns from the history.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject

from desktop.core.api.events import StreamEvent
from desktop.core.api.retry import RetryWait
from desktop.core.compare_service import (
    CompareListener,
    CompareResult,
    CompareRun,
    CompareService,
)
from desktop.core.store.compare_ops import ColumnBranch, CompareTarget
from desktop.core.store.errors import StoreError
from desktop.core.store.models import Conversation, FilePart, ImagePart, Message, MessageStatus
from desktop.ui.attachment_sender import message_content, store_documents, store_images
from desktop.ui.attachments.document_chip import PendingDocument
from desktop.ui.attachments.tray import Pending, PendingImage
from desktop.ui.chat_pane import ChatPane
from desktop.ui.compare.chooser import CompareChooser
from desktop.ui.conversation_opener import ConversationOpener
from desktop.ui.exchange_runner import Exchange, ExchangeRunner
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner

ChooseTargets = Callable[[list[CompareTarget], bool, Callable[[list[CompareTarget]], None]],
                         None]


@dataclass
class _Shown:
    """What the open conversation's compare state is, as last read."""

    targets: list[CompareTarget] | None = None  # compare mode
    fork: int | None = None  # the open compare


class _Columns(CompareListener):
    """One running compare's callbacks: into the columns while its conversation is open."""

    def __init__(self, controller: CompareController, conversation_id: int,
                 targets: Sequence[CompareTarget] | None, replacing: int | None = None) -> None:
        self.controller = controller
        self.conversation_id = conversation_id
        self.targets = targets  # a new compare: columns start empty; None: they go on
        self.replacing = replacing  # a regenerated reply: the new one takes its place
        self.run = CompareRun()
        self.waiting: set[int] = set()  # replies whose card says they wait for a retry

    @property
    def shown(self) -> bool:
        """Its conversation is the open one (the columns are its)."""
        return self.controller.state.is_open(self.conversation_id)

    def user_message_added(self, position: int | None, message: Message) -> None:
        if not self.shown:
            return
        if position is None:  # the message every column answers: on the shared path
            self.controller.state.append(message)
            self.controller.shown.fork = message.id
            if self.targets is not None:
                self.controller.view.show_columns([(t, []) for t in self.targets])
        else:
            self.controller.view.append(position, message)

    def column_started(self, position: int, message: Message) -> None:
        if self.shown:
            view = self.controller.view
            streaming = replace(message, status=MessageStatus.STREAMING)
            column = view.column(position)
            if self.replacing is not None and column is not None and column.has(self.replacing):
                view.replace_from(self.replacing, streaming)
            elif column is not None and column.has(message.id):  # a continued reply
                view.update_message(streaming)
            else:
                view.append(position, streaming)
            view.set_running(position, True)

    def column_event(self, position: int, message_id: int, event: StreamEvent) -> None:
        if message_id in self.waiting:  # the retry wait is over: its line goes
            self.waiting.discard(message_id)
            if self.shown:
                self.controller.view.set_reply_status(message_id, "")
        if self.shown:
            self.controller.view.stream(message_id, event)

    def column_waiting(self, position: int, message_id: int, wait: RetryWait) -> None:
        self.waiting.add(message_id)
        if self.shown:
            self.controller.view.set_reply_status(
                message_id, self.controller.exchanges.wait_text(wait))

    def column_finished(self, position: int, message: Message) -> None:
        if self.shown:
            self.controller.view.set_running(position, False)
            self.controller.view.update_message(message)


class CompareController(QObject):
    """Starts compares, shows and stops their columns, and ends them with one model."""

    def __init__(self, state: OpenConversation, compare: CompareService,
                 exchanges: ExchangeRunner, pane: ChatPane, opener: ConversationOpener,
                 tasks: TaskRunner, *, choices: Callable[[], list[tuple[str, str]]],
                 current: Callable[[], CompareTarget | None],
                 system_prompt: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.compare = compare
        self.store = compare.store
        self.exchanges = exchanges
        self.pane = pane
        self.view = pane.compare_view
        self.opener = opener
        self.tasks = tasks
        self.choices = choices
        self.current = current
        self.system_prompt = system_prompt
        self.shown = _Shown()
        self.pending_mode: list[CompareTarget] | None = None  # for a conversation not saved yet
        self.last_targets: list[CompareTarget] = []
        self.running: dict[int, _Columns] = {}
        self.choose_targets: ChooseTargets = self._open_chooser  # tests may drive the dialog
        opener.fork_of = self.store.open_compare
        exchanges.send_hooks.append(self._send_hook)
        state.opened.connect(self._opened)
        state.conversation_loaded.connect(self._loaded)
        self.view.stop_requested.connect(self.stop_column)
        self.view.choose_requested.connect(self.continue_with)
        self.view.regenerate_requested.connect(self.regenerate_column)
        self.view.continue_requested.connect(self.continue_column)
        self.view.edit_requested.connect(lambda _id: pane.show_notice(self.tr(
            "A message in a column cannot be edited: send a new one, and it goes to every "
            "column.")))
        pane.compare_requested.connect(self.compare_once)
        pane.compare_mode_requested.connect(self.choose_mode)
        pane.single_mode_requested.connect(self.single_mode)

    # ----------------------------------------------------------------- what is shown

    def _opened(self, conversation_id: int | None) -> None:
        self.shown = _Shown(self.pending_mode if conversation_id is None else None)
        self.view.clear()
        self.pane.set_compare_mode(self._names(self.shown.targets))

    def _loaded(self, conversation: Conversation) -> None:
        """Read the conversation's compare state and show its columns (or none)."""
        cid, store = conversation.id, self.store

        async def read() -> tuple[list[CompareTarget] | None, int | None, list[ColumnBranch]]:
            targets = await asyncio.to_thread(store.compare_targets, cid)
            fork = await asyncio.to_thread(store.open_compare, cid)
            branches = await asyncio.to_thread(store.column_branches, fork) if fork else []
            return targets, fork, branches

        def show(result: tuple[list[CompareTarget] | None, int | None,
                               list[ColumnBranch]]) -> None:
            if not self.state.is_open(cid):
                return
            targets, fork, branches = result
            if fork not in self.state.messages:  # an edit moved the path elsewhere
                fork, branches = None, []
            self.shown = _Shown(targets, fork)
            self.pane.set_compare_mode(self._names(targets))
            if fork is None or not branches:
                self.view.clear()
                return
            live = {m.id: m for m in self.compare.chat.live_replies(cid)}
            self.view.show_columns([
                (b.column.target, [live.get(m.id, m) for m in b.messages]) for b in branches])
            run = self.running.get(cid)
            for column in self.view.columns:
                self.view.set_running(column.position,
                                      run is not None and run.run.running(column.position))

        self.tasks.start(read(), name="read the compare", on_success=show,
                         on_failure=lambda exc: self.pane.show_notice(str(exc)))

    @staticmethod
    def _names(targets: list[CompareTarget] | None) -> list[str] | None:
        return None if targets is None else [t.model for t in targets]

    # ----------------------------------------------------------------- choosing targets

    def _open_chooser(self, initial: list[CompareTarget], mode: bool,
                      done: Callable[[list[CompareTarget]], None]) -> None:
        dialog = CompareChooser(self.choices(), initial, mode=mode, parent=self.pane.window())
        dialog.accepted.connect(lambda: done(dialog.targets()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _initial(self) -> list[CompareTarget]:
        targets = self.shown.targets or self.last_targets
        if targets:
            return list(targets)
        current = self.current()
        return [current] if current is not None else []

    def compare_once(self) -> None:
        """The composer's Compare: choose the models, then send this message to them."""
        text = self.pane.composer.toPlainText().strip()
        if not text and self.pane.attachments.is_empty():
            self.pane.show_notice(self.tr("Type the message to compare first."))
            return
        if self.exchanges.busy(self.state.conversation_id):
            return

        def chosen(targets: list[CompareTarget]) -> None:
            self.last_targets = targets
            self.start(self.pane.composer.toPlainText().strip(), targets)

        self.choose_targets(self._initial(), False, chosen)

    def choose_mode(self) -> None:
        """Compare mode for the open conversation: every message goes to these models."""
        def chosen(targets: list[CompareTarget]) -> None:
            self.last_targets = targets
            cid = self.state.conversation_id
            self.shown.targets = targets
            self.pane.set_compare_mode(self._names(targets))
            if cid is None:  # set when the first send saves the conversation
                self.pending_mode = targets
                return
            self.tasks.write_in_order("compare mode", self.store.set_compare_targets, cid,
                                      targets, name="compare mode")

        self.choose_targets(self._initial(), True, chosen)

    def single_mode(self) -> None:
        """Compare mode off (an open compare's columns stay until one is chosen)."""
        cid = self.state.conversation_id
        self.shown.targets = self.pending_mode = None
        self.pane.set_compare_mode(None)
        if cid is not None:
            self.tasks.write_in_order("compare mode", self.store.set_compare_targets, cid, None,
                                      name="single mode")

    # ----------------------------------------------------------------- running

    def _send_hook(self, text: str) -> bool:
        """A plain Send: to the open compare's columns, or to the compare mode's targets
        (an edited message is resent as an edit, by the runner)."""
        if self.state.editing_id is not None:
            return False
        if self.shown.fork is not None and self.state.conversation_id is not None:
            self.start(text, None)
            return True
        if self.shown.targets is not None:
            self.start(text, self.shown.targets)
            return True
        return False

    def start(self, text: str, targets: list[CompareTarget] | None) -> None:
        """Send `text` (and the composer's attachments) to `targets` as a new compare, or
        (None) on to every column of the open compare."""
        cid = self.state.conversation_id
        if self.exchanges.busy(cid) or (cid is None and self.exchanges.creating):
            return
        self.pane.clear_notice()
        pending = self.pane.attachments.take()
        self.exchanges.creating = cid is None
        self.exchanges.take_composer()
        self.exchanges.run(self._run(cid, text, targets, pending), "compare")

    async def _run(self, cid: int | None, text: str, targets: list[CompareTarget] | None,
                   pending: list[Pending]) -> None:
        try:
            images = await asyncio.to_thread(store_images, self.store, [
                p.prepared for p in pending if isinstance(p, PendingImage) and p.prepared])
            files = await asyncio.to_thread(store_documents, self.store, [
                p.document for p in pending if isinstance(p, PendingDocument) and p.document])
        except (OSError, StoreError) as exc:
            self.exchanges.creating = False
            self.pane.show_notice(str(exc))
            return
        parts: list[ImagePart | FilePart] = [*files, *images]
        created = cid is None
        if cid is None:
            first = (targets or [CompareTarget("", "")])[0]
            cid = await self.exchanges.create_for_send(first.provider, first.model)
            if self.pending_mode is not None:
                await asyncio.to_thread(self.store.set_compare_targets, cid, self.pending_mode)
                self.pending_mode = None
        exchange = Exchange(self.exchanges, cid, reload=False)
        exchange.user_text = text
        listener = self.running[cid] = _Columns(self, cid, targets)
        content = message_content(text, parts)
        coro = (self.compare.send(cid, content, targets, system_prompt=self.system_prompt(),
                                  listener=listener, run=listener.run) if targets is not None
                else self.compare.continue_columns(cid, content,
                                                   system_prompt=self.system_prompt(),
                                                   listener=listener, run=listener.run))
        try:
            await self.exchanges.run_exchange(exchange, coro)
        finally:
            if self.running.get(cid) is listener:
                del self.running[cid]
        if created and exchange.setup_failed:
            await self.exchanges.drop_empty(cid)

    def regenerate_column(self, reply_id: int) -> None:
        """Regenerate (or retry) a reply in a column with that column's own target."""
        self._column_action(reply_id, "regenerate a column", lambda listener:
                            self.compare.regenerate_column(
                                reply_id, system_prompt=self.system_prompt(),
                                listener=listener, run=listener.run))

    def continue_column(self, reply_id: int) -> None:
        """Ask a column's target to go on with its stopped reply."""
        self._column_action(reply_id, "continue a column", lambda listener:
                            self.compare.continue_column(
                                reply_id, system_prompt=self.system_prompt(),
                                listener=listener, run=listener.run), replacing=False)

    def _column_action(self, reply_id: int, name: str,
                       make: Callable[[_Columns], Coroutine[Any, Any, CompareResult]],
                       *, replacing: bool = True) -> None:
        cid = self.state.conversation_id
        if cid is None or self.exchanges.busy(cid):
            return
        listener = _Columns(self, cid, None, reply_id if replacing else None)
        exchange = Exchange(self.exchanges, cid, reload=False)

        async def run() -> None:
            self.running[cid] = listener
            try:
                await self.exchanges.run_exchange(exchange, make(listener))
            finally:
                if self.running.get(cid) is listener:
                    del self.running[cid]

        self.exchanges.run(run(), name)

    def stop_column(self, position: int) -> None:
        """A column's own Stop: that reply ends (what arrived is kept), the others go on."""
        cid = self.state.conversation_id
        run = self.running.get(cid) if cid is not None else None
        if run is not None:
            run.run.stop(position)

    def continue_with(self, reply_id: int) -> None:
        """"Continue with this one": its branch becomes the conversation, one model again."""
        cid = self.state.conversation_id
        if cid is None or self.exchanges.busy(cid):
            return

        def done(_leaf: int) -> None:
            self.pending_mode = None
            if self.state.is_open(cid):
                self.opener.reload(cid)

        self.tasks.start(self.compare.choose(reply_id), name="continue with one model",
                         on_success=done,
                         on_failure=lambda exc: self.pane.show_notice(str(exc)))
