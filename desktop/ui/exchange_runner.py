"""Running exchanges: send, edit and resend, regenerate, retry, continue and stop.

Several conversations can stream at once, one exchange each. Each exchange reports to the
open-conversation state only while its conversation is open; a reply's text so far lives
once, in the service (`ChatService.live_replies`), which a reopened conversation reads.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.core.api.events import StreamEvent
from desktop.core.api.retry import RetryWait
from desktop.core.chat_service import ChatService, ChatSettings, ChatSetupError, ExchangeListener
from desktop.core.providers import MissingKeyError
from desktop.core.store.errors import StoreError
from desktop.core.store.models import FilePart, ImagePart, Message, MessageStatus
from desktop.core.store.store import Store
from desktop.ui.attachment_sender import (
    VisionCheck,
    message_content,
    store_documents,
    store_images,
)
from desktop.ui.attachments.document_chip import PendingDocument
from desktop.ui.attachments.tray import Pending, PendingImage
from desktop.ui.chat_pane import ChatPane
from desktop.ui.chat_target import ChatTarget
from desktop.ui.composer_drafts import NEW_DRAFT_KEY, ComposerDrafts
from desktop.ui.conversation_opener import ConversationOpener
from desktop.ui.message_editing import MessageEditing
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.tool_exchange import ToolTurns

log = logging.getLogger(__name__)


class Exchange(ExchangeListener):
    """One running send/regenerate/edit/continue of one conversation."""

    def __init__(self, runner: ExchangeRunner, conversation_id: int, *, reload: bool) -> None:
        self.runner = runner
        self.conversation_id = conversation_id
        self.reload = reload  # the path changes shape (new branch): reload instead of append
        self.task: asyncio.Task[Any] | None = None
        self.user_text = ""
        self.user_images: list[Pending] = []  # given back to the tray if the send fails
        self.setup_failed = False
        self.waiting = False  # a retry wait is shown

    @property
    def state(self) -> OpenConversation | None:
        """The open-conversation state while this exchange's conversation is the open one."""
        state = self.runner.state
        return state if state.is_open(self.conversation_id) else None

    def user_message_added(self, message: Message) -> None:
        if not self.reload and (state := self.state) is not None:
            state.append(message)

    def reply_started(self, message: Message) -> None:
        state = self.state
        if state is None:
            return
        if self.reload:
            self.runner.opener.reload(self.conversation_id)
        else:  # a continued reply is shown already: it streams on from its old text
            state.append(replace(message, status=MessageStatus.STREAMING))

    def reply_event(self, message_id: int, event: StreamEvent) -> None:
        state = self.state
        if self.waiting:
            self.waiting = False
            if state is not None:
                state.set_reply_status(message_id, "")
        if state is not None:
            state.stream(message_id, event)

    def reply_waiting(self, message_id: int, wait: RetryWait) -> None:
        self.waiting = True
        if (state := self.state) is not None:
            state.set_reply_status(message_id, self.runner.wait_text(wait))

    def reply_finished(self, message: Message) -> None:
        self.waiting = False
        if (state := self.state) is not None:
            state.update(message)


SendHook = Callable[[str], bool]  # True: the text was taken (an image generation, say)
ReplyHook = Callable[[int], bool]  # True: the reply's regenerate was handled elsewhere


class ExchangeRunner(QObject):
    """Starts and stops exchanges; the one writer of the open conversation's streaming flag."""

    streaming_changed = Signal(int, bool)  # conversation id, streaming
    key_missing = Signal(str, str)  # provider, message: ask the user for the key
    balance_exhausted = Signal(str)  # provider: a 402/403/429 said its balance is used up

    def __init__(self, state: OpenConversation, store: Store, service: ChatService,
                 tasks: TaskRunner, pane: ChatPane, target: ChatTarget, drafts: ComposerDrafts,
                 editing: MessageEditing, opener: ConversationOpener, vision: VisionCheck,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.store = store
        self.service = service
        self.tasks = tasks
        self.pane = pane
        self.target = target
        self.drafts = drafts
        self.editing = editing
        self.opener = opener
        self.vision = vision
        self.running: dict[int, Exchange] = {}
        self.creating = False  # a send is making the new conversation (one at a time)
        self.send_hooks: list[SendHook] = []
        self.reply_hooks: list[ReplyHook] = []
        self._given_back: tuple[int, str] | None = None  # text returned to the composer
        self.tool_turns: ToolTurns | None = None  # conversations with tools: the tool loop
        state.opened.connect(lambda cid: state.set_streaming(cid in self.running))

    def run(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Start a coroutine; a failure is shown above the composer instead of raised."""
        return self.tasks.start(coro, name=name,
                                on_failure=lambda exc: self.pane.show_notice(str(exc)))

    def busy(self, conversation_id: int | None) -> bool:
        return conversation_id is not None and conversation_id in self.running

    # ----------------------------------------------------------------- sending

    def send(self, text: str) -> None:
        cid = self.state.conversation_id
        if self.busy(cid) or (cid is None and self.creating):
            return  # streaming, or the new conversation of the previous send is being made
        if any(hook(text) for hook in self.send_hooks):
            return
        settings = self.target.settings()
        if settings is None:
            return
        if not self.pane.attachments.images():  # text and documents: no question
            self._dispatch(text, settings)
        else:  # a model not known to see images: ask first
            self.vision.confirm(settings.model, lambda: self._dispatch(text, settings))

    def _dispatch(self, text: str, settings: ChatSettings) -> None:
        cid = self.state.conversation_id
        if self.busy(cid):
            return
        self.pane.clear_notice()
        editing = self.editing.take()
        images = self.pane.attachments.take()
        retry_of = self.state.failed_reply_for(text, len(images)) if editing is None else None
        self.creating = cid is None  # until _send has made the conversation
        self.take_composer()
        self.run(self._send(cid, text, settings, editing, retry_of, images), "send")

    def take_composer(self) -> None:
        """The composer's text is on its way: clear it (and its saved draft)."""
        self._given_back = None
        self.pane.composer.clear()
        self.drafts.save()

    async def _send(self, conversation_id: int | None, text: str, settings: ChatSettings,
                    editing: int | None, retry_of: int | None,
                    images: list[Pending]) -> None:
        try:  # stored once by content, before anything else is written
            stored = await asyncio.to_thread(
                store_images, self.store, [i.prepared for i in images
                                           if isinstance(i, PendingImage) and i.prepared])
            files = await asyncio.to_thread(
                store_documents, self.store, [i.document for i in images
                                              if isinstance(i, PendingDocument) and i.document])
            parts: list[ImagePart | FilePart] = [*files, *stored]
        except (OSError, StoreError) as exc:  # a full disk, say: nothing was sent
            self.creating = False
            self.pane.attachments.put_back(images)
            if self.state.is_open(conversation_id) and not self.pane.composer.toPlainText():
                self.pane.composer.setPlainText(text)
            self.pane.show_notice(self.tr("The images could not be stored: {0}").format(exc))
            return
        created = conversation_id is None
        if conversation_id is None:
            conversation_id = await self.create_for_send(settings.provider, settings.model)
        exchange = Exchange(self, conversation_id, reload=editing is not None or bool(retry_of))
        exchange.user_text = text
        exchange.user_images = [] if retry_of is not None else images
        content = message_content(text, parts)
        loop = await self._tool_loop(exchange)
        coro: Coroutine[Any, Any, Any]
        if loop is not None and self.tool_turns is not None:
            turn = (loop.edit_and_resend(editing, content, settings) if editing is not None
                    else loop.regenerate(retry_of, settings) if retry_of is not None
                    else loop.send(conversation_id, content, settings))
            coro = self.tool_turns.finish(exchange, turn)
        elif editing is not None:
            coro = self.service.edit_and_resend(editing, content, settings, listener=exchange)
        elif retry_of is not None:
            coro = self.service.regenerate(retry_of, settings, listener=exchange)
        else:
            coro = self.service.send(conversation_id, content, settings, listener=exchange)
        await self.run_exchange(exchange, coro)
        if created and exchange.setup_failed:
            await self.drop_empty(conversation_id)

    async def _tool_loop(self, exchange: Exchange) -> Any:
        """The tool loop for this turn when the conversation offers tools, else None."""
        if self.tool_turns is None:
            return None
        return await self.tool_turns.loop_for(exchange.conversation_id, exchange)

    async def create_for_send(self, provider: str, model: str | None) -> int:
        """Make the conversation a first send goes into; it is the open one if still "new"."""
        try:
            conversation = await asyncio.to_thread(
                self.store.create_conversation, provider=provider, model=model)
        finally:
            self.creating = False
        if self.state.conversation_id is None:  # still on the new conversation: it is this one
            self.drafts.move(NEW_DRAFT_KEY, str(conversation.id))
            self.state.became(conversation.id)
        return conversation.id

    async def drop_empty(self, conversation_id: int) -> None:
        """A conversation made for a message that could not even be sent goes again."""
        if await asyncio.to_thread(self.store.active_path_tail, conversation_id, 1):
            return
        await asyncio.to_thread(self.store.delete_conversation, conversation_id)
        if self.state.is_open(conversation_id):  # back to "new"; the text stays in the composer
            self.drafts.move(str(conversation_id), NEW_DRAFT_KEY)
            self.state.became(None)
            self.drafts.save()

    async def run_exchange(self, exchange: Exchange, coro: Coroutine[Any, Any, Any]) -> None:
        conversation_id = exchange.conversation_id
        self.running[conversation_id] = exchange
        exchange.task = asyncio.current_task()
        self._set_streaming(conversation_id, True)
        try:
            result = await coro
        except ChatSetupError as exc:
            exchange.setup_failed = True
            self._failed(exchange, str(exc))
            target = self.pane.selected_target()
            if isinstance(exc.__cause__, MissingKeyError) and target is not None:
                self.key_missing.emit(target[0], str(exc))
            return
        finally:
            if self.running.get(conversation_id) is exchange:
                del self.running[conversation_id]
            self._set_streaming(conversation_id, False)
        if result.error is not None:  # shown inline on the reply; the text goes back
            self._failed(exchange, result.error.explanation, inline=True)
            if getattr(result.error, "balance_exhausted", False):
                self.balance_exhausted.emit(result.error.provider)
        elif self._given_back is not None and self._given_back[0] == conversation_id:
            self._take_back()  # a retry of the failed send went through: no second copy
        if len(result.replies) > 1:  # n > 1: the choices are siblings, shown as ‹ 1/n ›
            self.opener.reload(conversation_id)

    def _failed(self, exchange: Exchange, message: str, *, inline: bool = False) -> None:
        """Say why an exchange failed and give the user's text back to the composer."""
        if not self.state.is_open(exchange.conversation_id):
            return
        if not inline:
            self.pane.show_notice(message)
        composer = self.pane.composer
        if exchange.user_text and not composer.toPlainText().strip():
            composer.setPlainText(exchange.user_text)
            composer.moveCursor(composer.textCursor().MoveOperation.End)
            self._given_back = (exchange.conversation_id, exchange.user_text)
            self.drafts.save()
        if exchange.user_images and self.pane.attachments.is_empty():
            self.pane.attachments.put_back(exchange.user_images)

    def _take_back(self) -> None:
        """Clear the composer of text given back by a failure, if the user left it as it was."""
        given, self._given_back = self._given_back, None
        if given is None or not self.state.is_open(given[0]):
            return
        if self.pane.composer.toPlainText().strip() == given[1].strip():
            self.pane.composer.clear()
            self.pane.attachments.clear()
            self.drafts.save()

    def _set_streaming(self, conversation_id: int, streaming: bool) -> None:
        if self.state.is_open(conversation_id):
            self.state.set_streaming(streaming)
        self.streaming_changed.emit(conversation_id, streaming)

    def wait_text(self, wait: RetryWait) -> str:
        """What a reply's card says while the client waits to retry."""
        return self.tr("Waiting for the provider ({0})… retry {1} of {2} in {3} s").format(
            wait.reason, wait.attempt, wait.of, max(1, round(wait.delay)))

    def stop(self, conversation_id: int | None = None) -> None:
        """Cancel the open (or given) conversation's reply; what arrived is kept."""
        target = self.state.conversation_id if conversation_id is None else conversation_id
        exchange = self.running.get(target) if target is not None else None
        if exchange is not None and exchange.task is not None:
            exchange.task.cancel()

    def escape(self) -> None:
        if self.state.editing_id is not None:
            self.editing.cancel()
        else:
            self.stop()

    # ----------------------------------------------------------------- replies

    def _reply_action(self, name: str,
                      make: Callable[[ChatSettings, Exchange], Coroutine[Any, Any, Any]],
                      *, reload: bool) -> None:
        conversation_id = self.state.conversation_id
        if conversation_id is None or self.busy(conversation_id):
            return
        settings = self.target.settings()
        if settings is None:
            return
        exchange = Exchange(self, conversation_id, reload=reload)
        self.run(self.run_exchange(exchange, make(settings, exchange)), name)

    def regenerate(self, reply_id: int) -> None:
        """A new reply beside this one; a failed empty reply is replaced instead (Retry)."""
        if any(hook(reply_id) for hook in self.reply_hooks):
            return
        self._reply_action("regenerate", lambda s, e: self._regenerate(reply_id, s, e),
                           reload=True)

    async def _regenerate(self, reply_id: int, settings: ChatSettings,
                          exchange: Exchange) -> Any:
        loop = await self._tool_loop(exchange)
        if loop is not None and self.tool_turns is not None:
            return await self.tool_turns.finish(exchange, loop.regenerate(reply_id, settings))
        return await self.service.regenerate(reply_id, settings, listener=exchange)

    def regenerate_without_tools(self, reply_id: int) -> None:
        """A new reply beside `reply_id` with no tools offered ("Send without tools")."""
        self._reply_action("regenerate", lambda s, e: self.service.regenerate(
            reply_id, s, listener=e), reload=True)

    def continue_reply(self, reply_id: int) -> None:
        if any(hook(reply_id) for hook in self.reply_hooks):  # a stopped generation restarts
            return
        self._reply_action("continue", lambda s, e: self.service.continue_reply(
            reply_id, s, listener=e), reload=False)

    # ----------------------------------------------------------------- shutting down

    async def shutdown(self) -> None:
        """Stop every stream (keeping what arrived) and close the service's clients."""
        tasks = [e.task for e in self.running.values() if e.task is not None]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=5.0)
        await self.service.close()
