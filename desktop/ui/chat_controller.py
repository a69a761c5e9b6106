"""The glue between ChatService, the Store and the window's widgets.

Opens conversations (loaded off the UI thread), sends, regenerates, edits and continues
through `ChatService`, keeps several conversations streaming at once (each exchange keeps
its streamed text in memory, so switching to a conversation mid-stream shows everything),
and does the sidebar's operations (rename, pin, folders, archive, export, delete with Undo).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop import APP_NAME
from desktop.core.api.events import ReasoningDelta, StreamEvent, TextDelta
from desktop.core.chat_service import ChatService, ChatSettings, ChatSetupError, ExchangeListener
from desktop.core.conversation_groups import ConversationGroup, group_conversations
from desktop.core.providers import MissingKeyError
from desktop.core.store.errors import StoreError
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import write_json
from desktop.core.store.export_markdown import write_markdown
from desktop.core.store.models import (
    Conversation,
    ConversationSummary,
    Message,
    MessageStatus,
    Role,
    TextPart,
)
from desktop.core.store.store import Store
from desktop.ui.attachment_sender import VisionCheck, message_content, store_images
from desktop.ui.attachments.intake import ImageSource
from desktop.ui.attachments.tray import PendingImage

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

UNDO_SECONDS = 8
DRAFT_SAVE_MS = 1500
NEW_DRAFT_KEY = "new"

SiblingInfo = tuple[int, int, list[int]]


@dataclass
class LoadedConversation:
    """What the chat view shows of one conversation: its active path and sibling positions."""

    conversation: Conversation
    path: list[Message]
    siblings: dict[int, SiblingInfo]


def load_conversation(store: Store, conversation_id: int) -> LoadedConversation:
    """Read a conversation's active path with each message's siblings, in one pass (blocking)."""
    conversation = store.get_conversation(conversation_id)
    messages = store.messages(conversation_id)
    by_id = {m.id: m for m in messages}
    children: dict[int | None, list[int]] = {}
    for message in messages:  # in id order, so each sibling list is oldest first
        children.setdefault(message.parent_id, []).append(message.id)
    path: list[Message] = []
    node = by_id.get(conversation.active_leaf_id or -1)
    while node is not None:
        path.append(node)
        node = by_id.get(node.parent_id) if node.parent_id is not None else None
    path.reverse()
    siblings: dict[int, SiblingInfo] = {}
    for message in path:
        ids = children.get(message.parent_id, [message.id])
        siblings[message.id] = (ids.index(message.id) + 1, len(ids), ids)
    return LoadedConversation(conversation, path, siblings)


TAIL_FIRST = 200  # a long conversation shows its last messages first, the rest after
PREPEND_CHUNK = 2_000  # older messages are added in slices, each a short UI-thread step


def load_conversation_tail(
    store: Store, conversation_id: int, limit: int = TAIL_FIRST
) -> tuple[LoadedConversation, bool]:
    """The last `limit` messages of the active path with their siblings (blocking).

    Returns the partial conversation and whether it is the whole path.
    """
    conversation = store.get_conversation(conversation_id)
    leaf = conversation.active_leaf_id
    path = store.path_to(leaf, limit=limit) if leaf is not None else []
    ids = store.sibling_ids(conversation_id, path)
    siblings: dict[int, SiblingInfo] = {}
    for message in path:
        group = ids.get(message.id) or [message.id]
        position = group.index(message.id) + 1 if message.id in group else 1
        siblings[message.id] = (position, len(group), group)
    complete = not path or path[0].parent_id is None
    return LoadedConversation(conversation, path, siblings), complete


@dataclass
class _ListData:
    """The sidebar's content as read and grouped by a worker thread."""

    summaries: list[ConversationSummary]
    folders: dict[int, str]
    groups: list[ConversationGroup]


@dataclass
class _Partial:
    """The text of a reply streamed so far (kept in memory: the store's copy lags behind)."""

    message: Message
    text: list[str] = field(default_factory=list)
    reasoning: list[str] = field(default_factory=list)

    def current(self) -> Message:
        text = "".join(self.text)
        return replace(self.message, parts=(TextPart(text),) if text else (),
                       reasoning="".join(self.reasoning), status=MessageStatus.STREAMING)


class Exchange(ExchangeListener):
    """One running send/regenerate/edit/continue of one conversation."""

    def __init__(self, controller: ChatController, conversation_id: int, *, reload: bool) -> None:
        self.controller = controller
        self.conversation_id = conversation_id
        self.reload = reload  # the path changes shape (new branch): reload instead of append
        self.partials: dict[int, _Partial] = {}
        self.task: asyncio.Task[Any] | None = None
        self.user_text = ""
        self.user_images: list[PendingImage] = []  # given back to the tray if the send fails
        self.setup_failed = False

    def user_message_added(self, message: Message) -> None:
        if not self.reload:
            self.controller.view_append(self.conversation_id, message)

    def reply_started(self, message: Message) -> None:
        partial = _Partial(message)
        if message.text or message.reasoning:  # a continued reply starts from its old text
            partial.text.append(message.text)
            partial.reasoning.append(message.reasoning)
        self.partials[message.id] = partial
        if self.reload:
            self.controller.reload(self.conversation_id)
        elif message.id not in self.controller.shown_ids:
            self.controller.view_append(self.conversation_id, partial.current())
        else:
            self.controller.view_update(self.conversation_id, partial.current())

    def reply_event(self, message_id: int, event: StreamEvent) -> None:
        partial = self.partials.get(message_id)
        if partial is not None:
            if isinstance(event, TextDelta):
                partial.text.append(event.text)
            elif isinstance(event, ReasoningDelta):
                partial.reasoning.append(event.text)
        if self.controller.current_id == self.conversation_id:
            self.controller.view.apply_event(message_id, event)

    def reply_finished(self, message: Message) -> None:
        self.partials.pop(message.id, None)
        self.controller.view_update(self.conversation_id, message)


class ChatController(QObject):
    """Runs the window's conversations; widgets only show what it hands them."""

    streaming_changed = Signal(int, bool)  # conversation id, streaming
    conversation_opened = Signal(object)  # conversation id or None (a new one)
    key_missing = Signal(str, str)  # provider, message: ProviderWiring asks for the key
    messages_deleted = Signal()  # messages or a conversation left the store (caches follow)

    def __init__(self, window: MainWindow, store: Store, service: ChatService) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.service = service
        self.tasks = window.tasks
        self.pane = window.chat
        self.view = window.chat.chat_view
        self.sidebar = window.sidebar
        self._current_id: int | None = None
        self.shown_ids: set[int] = set()
        self.messages: dict[int, Message] = {}
        self.exchanges: dict[int, Exchange] = {}
        self.editing_id: int | None = None
        self.pending_deletes: dict[int, QTimer] = {}
        self._load_generation = 0
        self.creating = False  # a send is making the new conversation (one at a time)
        self._waiting_images: dict[str, list[PendingImage]] = {}
        self._state_writing = False
        self._state_dirty = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.vision_check = VisionCheck(window, self.tasks, lambda: getattr(
            getattr(window, "provider_wiring", None), "catalog", None))
        self.pane.attachments.max_side = self._max_image_side()
        self.view.set_image_source(store.attachment_path)
        self.view.area.images.failed.connect(self.status)
        self.view.area.images.saved.connect(
            lambda path: self.status(self.tr("Image saved to {0}").format(path)))
        self._connect()
        from desktop.ui.image_generation_controller import ImageGenerationController

        self.images = ImageGenerationController(self)  # image mode and /image

    @property
    def current_id(self) -> int | None:
        """The open conversation (None: a new one, not saved yet)."""
        return self._current_id

    @current_id.setter
    def current_id(self, conversation_id: int | None) -> None:
        # Remembered for the next start; the file is written with the next draft save.
        self._current_id = conversation_id
        if self.window.window_state is not None:
            self.window.window_state.set("open_conversation", conversation_id)

    def _connect(self) -> None:
        view, pane, sidebar = self.view, self.pane, self.sidebar
        pane.send_requested.connect(self.send)
        pane.stop_requested.connect(self.stop)
        pane.composer.edit_last_requested.connect(self.edit_last)
        pane.composer.escape_pressed.connect(self.escape)
        pane.composer.textChanged.connect(self._draft_timer.start)
        pane.cancel_edit_button.clicked.connect(self.cancel_edit)
        view.copy_requested.connect(self.copy_message)
        view.edit_requested.connect(self.edit_message)
        view.regenerate_requested.connect(self.regenerate)
        view.delete_requested.connect(self.delete_message)
        view.branch_requested.connect(self.switch_branch)
        view.retry_requested.connect(self.regenerate)
        view.continue_requested.connect(self.continue_reply)
        lst = sidebar.list_view
        lst.open_requested.connect(self.open_conversation)
        lst.delete_requested.connect(self.delete_conversation)
        lst.pin_requested.connect(self.set_pinned)
        lst.archive_requested.connect(self.set_archived)
        lst.move_requested.connect(self.move_to_folder)
        lst.new_folder_requested.connect(self.move_to_new_folder)
        lst.export_requested.connect(self.export_conversation)
        lst.folder_rename_requested.connect(self.rename_folder)
        lst.folder_delete_requested.connect(self.delete_folder)
        sidebar.model.rename_requested.connect(self.rename)
        sidebar.results_view.open_requested.connect(self.open_search_result)
        sidebar.new_chat_requested.connect(self.new_conversation)

    def run(self, coro: Coroutine[Any, Any, Any], name: str,
            on_success: Callable[[Any], None] | None = None) -> asyncio.Task[Any]:
        """Start a coroutine; a failure is shown in the status bar instead of raised."""
        return self.tasks.start(coro, name=name, on_success=on_success,
                                on_failure=lambda exc: self.status(str(exc)))

    def status(self, text: str, ms: int = 8000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # ----------------------------------------------------------------- the list

    def refresh_list(self, then: Callable[[], None] | None = None) -> None:
        """Reload the sidebar from the store; reading and grouping run off the UI thread."""
        hidden = self.sidebar.model.hidden() | set(self.pending_deletes)

        def read() -> _ListData:
            summaries = self.store.list_conversations(archived=None)
            folders = {f.id: f.name for f in self.store.folders.list()}
            visible = [s for s in summaries if s.id not in hidden]
            return _ListData(summaries, folders, group_conversations(visible, folders=folders))

        async def load() -> _ListData:
            return await asyncio.to_thread(read)

        def show(data: _ListData) -> None:
            self.sidebar.list_view.folders = data.folders
            self.sidebar.model.set_grouped(data.summaries, data.folders, data.groups)
            log.info("conversation list shown: %d conversations", len(data.summaries))
            for conversation_id in self.exchanges:
                self.sidebar.model.set_streaming(conversation_id, True)
            self.sidebar.list_view.select_conversation(self.current_id)
            current = self.sidebar.model.summary(self.current_id or -1)
            if current is not None and current.title:
                self.set_title(current.title)
            if then is not None:
                then()

        self.run(load(), "load conversations", show)

    # ----------------------------------------------------------------- opening

    def new_conversation(self) -> None:
        self._leave_current()
        self.current_id = None
        self._load_generation += 1
        self.shown_ids.clear()
        self.messages.clear()
        self.view.set_conversation([], {})
        self.set_title("")
        self.pane.set_streaming(False)
        self._restore_draft()
        self.sidebar.list_view.select_conversation(None)
        self._set_default_target(None)
        self.pane.composer.setFocus()
        self.conversation_opened.emit(None)

    def open_conversation(self, conversation_id: int, message_id: int | None = None,
                          highlight: str = "") -> None:
        if conversation_id != self.current_id:
            self._leave_current()
            self.current_id = conversation_id
            self._restore_draft()
        self.pane.set_streaming(conversation_id in self.exchanges)
        self.sidebar.list_view.select_conversation(conversation_id)
        self.conversation_opened.emit(conversation_id)
        self.reload(conversation_id, message_id, highlight)

    def open_search_result(self, conversation_id: int, message_id: int | None,
                           query: str) -> None:
        self.open_conversation(conversation_id, message_id, query)

    def reload(self, conversation_id: int, message_id: int | None = None,
               highlight: str = "") -> None:
        """Load the conversation from the store and show it (if it is still the open one)."""
        if conversation_id != self.current_id:
            return
        self._load_generation += 1
        generation = self._load_generation

        async def load() -> tuple[LoadedConversation, bool]:
            if message_id is None:  # the end first: a long conversation paints at once
                return await asyncio.to_thread(load_conversation_tail, self.store,
                                               conversation_id)
            loaded = await asyncio.to_thread(load_conversation, self.store, conversation_id)
            if message_id not in loaded.siblings:
                # The hit is on another branch: show that branch.
                await asyncio.to_thread(self.store.switch_branch, message_id)
                loaded = await asyncio.to_thread(load_conversation, self.store, conversation_id)
            return loaded, True

        def show(result: tuple[LoadedConversation, bool]) -> None:
            loaded, complete = result
            if generation != self._load_generation or conversation_id != self.current_id:
                return  # the user opened something else meanwhile
            exchange = self.exchanges.get(conversation_id)
            path = loaded.path
            if exchange is not None:  # the store's copy of a streaming reply lags: use ours
                path = [
                    exchange.partials[m.id].current() if m.id in exchange.partials else m
                    for m in path
                ]
                # A reply begun after the store was read follows the path's last message.
                for partial in exchange.partials.values():
                    if path and partial.message.parent_id == path[-1].id:
                        path.append(partial.current())
                        loaded.siblings.setdefault(partial.message.id,
                                                   (1, 1, [partial.message.id]))
            self.messages = {m.id: m for m in path}
            self.shown_ids = set(self.messages)
            self.view.set_conversation(path, loaded.siblings)
            log.info("conversation %d shown: %d messages", conversation_id, len(path))
            self.set_title(loaded.conversation.title)
            conv = loaded.conversation
            self._set_default_target((conv.provider, conv.model or "")
                                     if conv.provider else None)
            if message_id is not None:
                self.view.scroll_to_message(message_id, highlight)
            if not complete:
                self.run(asyncio.to_thread(load_conversation, self.store, conversation_id),
                         f"open the rest of conversation {conversation_id}",
                         lambda full: self._show_older(conversation_id, generation, path, full))

        self.run(load(), f"open conversation {conversation_id}", show)

    def _show_older(self, conversation_id: int, generation: int, shown: list[Message],
                    full: LoadedConversation) -> None:
        """Add the messages above the tail shown first, in slices, without moving the view."""
        if generation != self._load_generation or conversation_id != self.current_id:
            return
        ids = [m.id for m in full.path]
        first = shown[0].id if shown else None
        if first not in ids:  # the branch changed in between: show it afresh
            self.reload(conversation_id)
            return
        older = full.path[: ids.index(first)]

        def add_slice() -> None:
            if generation != self._load_generation or conversation_id != self.current_id:
                return
            if not older:
                log.info("conversation %d complete: %d messages", conversation_id, len(ids))
                return
            part = older[-PREPEND_CHUNK:]
            del older[-PREPEND_CHUNK:]
            # In path order (the last-message lookups rely on it): older ones go first.
            self.messages = {**{m.id: m for m in part}, **self.messages}
            self.shown_ids.update(m.id for m in part)
            self.view.prepend_messages(part, {m.id: full.siblings[m.id] for m in part})
            QTimer.singleShot(0, add_slice)

        add_slice()

    def set_title(self, title: str) -> None:
        """The open conversation's title in the header and the window's title bar."""
        shown = title or self.tr("New conversation")
        self.pane.title.setText(shown)
        self.window.setWindowTitle(f"{shown} — {APP_NAME}")

    def view_append(self, conversation_id: int, message: Message) -> None:
        if conversation_id != self.current_id:
            return
        self.messages[message.id] = message
        self.shown_ids.add(message.id)
        self.view.append_message(message, (1, 1, [message.id]))

    def view_update(self, conversation_id: int, message: Message) -> None:
        if conversation_id != self.current_id or message.id not in self.shown_ids:
            return
        self.messages[message.id] = message
        self.view.update_message(message)

    # ----------------------------------------------------------------- targets

    def _set_default_target(self, current: tuple[str, str] | None) -> None:
        settings = self.window.settings
        default_provider = settings.get("chat.default_provider") if settings else ""
        default_model = settings.get("chat.default_model") if settings else ""
        targets: list[tuple[str, str]] = []
        for profile in self.service.providers.list():
            model = default_model if (not default_provider
                                      or profile.name == default_provider) else ""
            targets.append((profile.name, model))
        if current is None:
            current = self.pane.selected_target()
        if current is None and targets:
            preferred = [t for t in targets if t[0] == default_provider]
            current = (preferred or targets)[0]
        self.pane.set_targets(targets, current)

    def chat_settings(self) -> ChatSettings | None:
        target = self.pane.selected_target()
        if target is None:
            self.pane.show_notice(self.tr(
                "No provider is set up yet. Add one (Settings → Providers, or "
                "`switchboard provider add`); your message is kept."))
            return None
        provider, model = target
        parameters = self.window.parameters
        problems = parameters.validation_errors()  # invalid fields are shown at the field
        if problems:
            self.pane.show_notice(self.tr("Fix the parameters first: %1").replace(
                "%1", " ".join(problems.values())))
            return None
        system_prompt = parameters.system_prompt.toPlainText()
        return ChatSettings(provider, model, parameters.parameters(), system_prompt)

    # ----------------------------------------------------------------- drafts

    def _draft_key(self) -> str:
        return NEW_DRAFT_KEY if self.current_id is None else str(self.current_id)

    def _drafts(self) -> dict[str, str]:
        state = self.window.window_state
        drafts = state.get("drafts") if state is not None else None
        return dict(drafts) if isinstance(drafts, dict) else {}

    def save_draft(self) -> None:
        """Keep the composer's text for the open conversation (in the window state file)."""
        state = self.window.window_state
        if state is None:
            return
        drafts = self._drafts()
        text = self.pane.composer.toPlainText()
        if text.strip():
            drafts[self._draft_key()] = text
        else:
            drafts.pop(self._draft_key(), None)
        state.set("drafts", drafts)
        self._state_dirty = True
        if not self._state_writing:
            self._state_writing = True
            self.tasks.start(self._write_state(), name="save drafts")

    async def _write_state(self) -> None:
        """Write the window state file off the UI thread (it is fsynced)."""
        state = self.window.window_state
        try:
            while state is not None and self._state_dirty:
                self._state_dirty = False
                # Values are replaced, never changed in place, so the dump sees whole values.
                await asyncio.to_thread(state.save)
        except (OSError, RuntimeError) as exc:
            log.warning("window state not saved: %s", exc)
        finally:
            self._state_writing = False

    def _leave_current(self) -> None:
        self.save_draft()
        self.cancel_edit()
        self.pane.clear_notice()
        # Images waiting in the tray belong to this conversation's draft (for this session).
        waiting = self.pane.attachments.take()
        if waiting:
            self._waiting_images[self._draft_key()] = waiting

    def _restore_draft(self) -> None:
        text = self._drafts().get(self._draft_key(), "")
        composer = self.pane.composer
        composer.blockSignals(True)
        composer.setPlainText(text)
        composer.blockSignals(False)
        composer.moveCursor(composer.textCursor().MoveOperation.End)
        waiting = self._waiting_images.pop(self._draft_key(), [])
        if waiting:
            self.pane.attachments.put_back(waiting)

    # ----------------------------------------------------------------- sending

    def send(self, text: str) -> None:
        if self.current_id is not None and self.current_id in self.exchanges:
            return
        if self.current_id is None and self.creating:
            return  # the new conversation for the previous send is being created
        if self.images.take(text):
            return
        settings = self.chat_settings()
        if settings is None:
            return
        if self.pane.attachments.is_empty():
            self._dispatch(text, settings)
        else:  # a model not known to see images: ask first
            self.vision_check.confirm(settings.model, lambda: self._dispatch(text, settings))

    def _dispatch(self, text: str, settings: ChatSettings) -> None:
        if self.current_id is not None and self.current_id in self.exchanges:
            return
        self.pane.clear_notice()
        editing, self.editing_id = self.editing_id, None
        self.pane.set_editing(False)
        images = self.pane.attachments.take()
        retry_of = self._failed_reply_for(text, len(images)) if editing is None else None
        self.creating = self.current_id is None  # until _send has made the conversation
        self.pane.composer.clear()
        self.save_draft()
        self.run(self._send(self.current_id, text, settings, editing, retry_of, images), "send")

    def _max_image_side(self) -> int:
        settings = self.window.settings
        return int(settings.get("attachments.max_image_side")) if settings else 2048

    def _failed_reply_for(self, text: str, images: int = 0) -> int | None:
        """The last reply when it failed empty and answered this same text: resend = retry."""
        if not self.messages:
            return None
        last = list(self.messages.values())[-1]
        parent = self.messages.get(last.parent_id or -1)
        if (last.role is Role.ASSISTANT and last.status is MessageStatus.ERROR
                and not last.text and parent is not None and parent.text.strip() == text
                and len(parent.images) == images):
            return last.id
        return None

    async def _send(self, conversation_id: int | None, text: str, settings: ChatSettings,
                    editing: int | None, retry_of: int | None,
                    images: list[PendingImage] | None = None) -> None:
        images = images or []
        try:  # stored once by content, before anything else is written
            parts = await asyncio.to_thread(
                store_images, self.store, [i.prepared for i in images if i.prepared is not None])
        except (OSError, StoreError) as exc:  # a full disk, say: nothing was sent
            self.creating = False
            self.pane.attachments.put_back(images)
            if conversation_id == self.current_id and not self.pane.composer.toPlainText():
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
        if editing is not None:
            coro = self.service.edit_and_resend(editing, content, settings, listener=exchange)
        elif retry_of is not None:
            coro = self.service.regenerate(retry_of, settings, listener=exchange)
        else:
            coro = self.service.send(conversation_id, content, settings, listener=exchange)
        await self.run_exchange(exchange, coro)
        if created and exchange.setup_failed:
            await self.drop_empty(conversation_id)

    async def create_for_send(self, provider: str, model: str | None) -> int:
        """Make the conversation a first send goes into; the window shows it if still "new"."""
        try:
            conversation = await asyncio.to_thread(
                self.store.create_conversation, provider=provider, model=model)
        finally:
            self.creating = False
        if self.current_id is None:  # still on the new conversation: it is this one now
            self.drop_draft(NEW_DRAFT_KEY)
            self.current_id = conversation.id
            self.shown_ids.clear()
            self.sidebar.list_view.select_conversation(conversation.id)
            self.refresh_list()
        return conversation.id

    async def drop_empty(self, conversation_id: int) -> None:
        """A conversation made for a message that could not even be sent goes again."""
        if await asyncio.to_thread(self.store.active_path_tail, conversation_id, 1):
            return
        await asyncio.to_thread(self.store.delete_conversation, conversation_id)
        if self.current_id == conversation_id:  # back to "new", the text stays in the composer
            self.drop_draft(str(conversation_id))
            self.current_id = None
            self.save_draft()
            self.sidebar.list_view.select_conversation(None)
        self.refresh_list()

    async def run_exchange(self, exchange: Exchange, coro: Coroutine[Any, Any, Any]) -> None:
        conversation_id = exchange.conversation_id
        self.exchanges[conversation_id] = exchange
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
            if self.exchanges.get(conversation_id) is exchange:
                del self.exchanges[conversation_id]
            self._set_streaming(conversation_id, False)
            self.refresh_list()
        if result.error is not None:  # shown inline on the reply; the text goes back
            self._failed(exchange, result.error.explanation, inline=True)
        if len(result.replies) > 1:  # n > 1: the choices are siblings, shown as ‹ 1/n ›
            self.reload(conversation_id)

    def _failed(self, exchange: Exchange, message: str, *, inline: bool = False) -> None:
        """Show why an exchange failed and give the user's text back to the composer."""
        if exchange.conversation_id != self.current_id:
            return
        if not inline:
            self.pane.show_notice(message)
        composer = self.pane.composer
        if exchange.user_text and not composer.toPlainText().strip():
            composer.setPlainText(exchange.user_text)
            composer.moveCursor(composer.textCursor().MoveOperation.End)
            self.save_draft()
        if exchange.user_images and self.pane.attachments.is_empty():
            self.pane.attachments.put_back(exchange.user_images)

    def drop_draft(self, key: str) -> None:
        state = self.window.window_state
        if state is not None:
            drafts = self._drafts()
            drafts.pop(key, None)
            state.set("drafts", drafts)

    def _set_streaming(self, conversation_id: int, streaming: bool) -> None:
        self.sidebar.model.set_streaming(conversation_id, streaming)
        if conversation_id == self.current_id:
            self.pane.set_streaming(streaming)
        self.streaming_changed.emit(conversation_id, streaming)

    def stop(self, conversation_id: int | None = None) -> None:
        """Cancel the open (or given) conversation's reply; what arrived is kept."""
        target = self.current_id if conversation_id is None else conversation_id
        exchange = self.exchanges.get(target) if target is not None else None
        if exchange is not None and exchange.task is not None:
            exchange.task.cancel()

    def escape(self) -> None:
        if self.editing_id is not None:
            self.cancel_edit()
        else:
            self.stop()

    def _reply_action(self, reply_id: int, name: str,
                      make: Callable[[ChatSettings, Exchange], Coroutine[Any, Any, Any]],
                      *, reload: bool) -> None:
        conversation_id = self.current_id
        if conversation_id is None or conversation_id in self.exchanges:
            return
        settings = self.chat_settings()
        if settings is None:
            return
        exchange = Exchange(self, conversation_id, reload=reload)
        self.run(self.run_exchange(exchange, make(settings, exchange)), name)

    def regenerate(self, reply_id: int) -> None:
        if self.images.regenerate(reply_id):
            return
        self._reply_action(reply_id, "regenerate", lambda s, e: self.service.regenerate(
            reply_id, s, listener=e), reload=True)

    def continue_reply(self, reply_id: int) -> None:
        if self.images.regenerate(reply_id):  # a stopped generation is started again
            return
        self._reply_action(reply_id, "continue", lambda s, e: self.service.continue_reply(
            reply_id, s, listener=e), reload=False)

    # ----------------------------------------------------------------- message operations

    def edit_message(self, message_id: int) -> None:
        message = self.messages.get(message_id)
        if message is None or message.role is not Role.USER:
            return
        self.editing_id = message_id
        self.pane.set_editing(True)
        composer = self.pane.composer
        composer.setPlainText(message.text)
        composer.moveCursor(composer.textCursor().MoveOperation.End)
        composer.setFocus()
        self.pane.attachments.clear()  # the edited message keeps its images unless removed
        self.pane.attachments.add_sources([
            ImageSource(part.name or part.mime, path=self.store.attachment_path(part.hash))
            for part in message.images])

    def edit_last(self) -> None:
        for message in reversed(list(self.messages.values())):
            if message.role is Role.USER:
                self.edit_message(message.id)
                return

    def cancel_edit(self) -> None:
        if self.editing_id is None:
            return
        self.editing_id = None
        self.pane.set_editing(False)
        self.pane.composer.clear()
        self.pane.attachments.clear()

    def copy_message(self, message_id: int) -> None:
        message = self.messages.get(message_id)
        if message is not None:
            QGuiApplication.clipboard().setText(message.text)
            self.status(self.tr("Copied."), 2000)

    def delete_message(self, message_id: int) -> None:
        conversation_id = self.current_id
        exchange = self.exchanges.get(conversation_id or -1)
        if conversation_id is None:
            return
        if exchange is not None:
            self.status(self.tr("Stop the reply before deleting messages."))
            return

        async def delete() -> None:
            await asyncio.to_thread(self.store.delete_message, message_id)

        def done(_result: None) -> None:
            self.reload(conversation_id)
            self.refresh_list()
            self.messages_deleted.emit()

        self.run(delete(), "delete message", done)

    def switch_branch(self, message_id: int) -> None:
        conversation_id = self.current_id
        if conversation_id is None:
            return

        async def switch() -> None:
            await asyncio.to_thread(self.store.switch_branch, message_id)

        self.run(switch(), "switch branch", lambda _r: self.reload(conversation_id))

    # ----------------------------------------------------------------- conversation operations

    def rename(self, conversation_id: int, title: str) -> None:
        async def rename() -> None:
            await asyncio.to_thread(self.store.update_conversation, conversation_id, title=title)

        def done(_result: None) -> None:
            if conversation_id == self.current_id:
                self.set_title(title)

        self.run(rename(), "rename conversation", done)

    def _update(self, conversation_id: int, name: str, **changes: Any) -> None:
        async def update() -> None:
            await asyncio.to_thread(self.store.update_conversation, conversation_id, **changes)

        self.run(update(), name, lambda _r: self.refresh_list())

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self._update(conversation_id, "pin conversation", pinned=pinned)

    def set_archived(self, conversation_id: int, archived: bool) -> None:
        self._update(conversation_id, "archive conversation", archived=archived)

    def move_to_folder(self, conversation_id: int, folder_id: int | None) -> None:
        self._update(conversation_id, "move conversation", folder_id=folder_id)

    def move_to_new_folder(self, conversation_id: int) -> None:
        name, ok = QInputDialog.getText(self.window, self.tr("New folder"),
                                        self.tr("Folder name:"))
        if not ok or not name.strip():
            return

        async def create() -> None:
            folder = await asyncio.to_thread(self.store.folders.create, name.strip())
            await asyncio.to_thread(self.store.update_conversation, conversation_id,
                                    folder_id=folder.id)

        self.run(create(), "new folder", lambda _r: self.refresh_list())

    def rename_folder(self, folder_id: int, name: str | None = None) -> None:
        if name is None:
            current = self.sidebar.list_view.folders.get(folder_id, "")
            name, ok = QInputDialog.getText(self.window, self.tr("Rename folder"),
                                            self.tr("Folder name:"), text=current)
            if not ok:
                return
        new_name = name.strip()
        if not new_name:
            return

        async def rename() -> None:
            await asyncio.to_thread(self.store.folders.rename, folder_id, new_name)

        self.run(rename(), "rename folder", lambda _r: self.refresh_list())

    def delete_folder(self, folder_id: int) -> None:
        """Delete a folder; its conversations go back to the date groups."""

        async def delete() -> None:
            await asyncio.to_thread(self.store.folders.delete, folder_id)

        self.run(delete(), "delete folder", lambda _r: self.refresh_list())

    def export_conversation(self, conversation_id: int, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self.window, self.tr("Export conversation"), "conversation.md",
                self.tr("Markdown (*.md);;HTML (*.html);;JSON (*.json)"))
            if not path:
                return
        dest = Path(path)

        def write() -> None:
            suffix = dest.suffix.lower()
            if suffix == ".json":
                write_json(self.store, [conversation_id], dest)
            elif suffix in (".html", ".htm"):
                dest.write_text(export_html(self.store, conversation_id), encoding="utf-8")
            else:
                write_markdown(self.store, conversation_id, dest)  # images in <name>_files/

        async def export() -> None:
            await asyncio.to_thread(write)

        self.run(export(), "export conversation",
                 lambda _r: self.status(self.tr("Exported to %1").replace("%1", str(dest))))

    def delete_conversation(self, conversation_id: int) -> None:
        """Hide the conversation at once; it is deleted when the Undo offer runs out."""
        if conversation_id in self.pending_deletes:
            return
        self.stop(conversation_id)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(UNDO_SECONDS * 1000)
        timer.timeout.connect(lambda: self.commit_delete(conversation_id))
        self.pending_deletes[conversation_id] = timer
        timer.start()
        self.sidebar.model.set_hidden(conversation_id, True)
        self.sidebar.list_view.restore_selection()
        if conversation_id == self.current_id:
            self.new_conversation()
        self.window.undo_bar.offer(self.tr("Conversation deleted."),
                                   lambda: self.undo_delete(conversation_id), UNDO_SECONDS)

    def undo_delete(self, conversation_id: int) -> None:
        timer = self.pending_deletes.pop(conversation_id, None)
        if timer is None:
            return
        timer.stop()
        self.sidebar.model.set_hidden(conversation_id, False)
        self.open_conversation(conversation_id)

    def commit_delete(self, conversation_id: int) -> None:
        timer = self.pending_deletes.pop(conversation_id, None)
        if timer is None:
            return
        timer.stop()
        self.drop_draft(str(conversation_id))

        async def delete() -> None:
            await asyncio.to_thread(self.store.delete_conversation, conversation_id)

        def done(_result: None) -> None:
            self.sidebar.model.remove(conversation_id)
            self.messages_deleted.emit()

        self.run(delete(), "delete conversation", done)

    # ----------------------------------------------------------------- shutting down

    def has_work(self) -> bool:
        return bool(self.exchanges or self.pending_deletes)

    async def shutdown(self) -> None:
        """Stop every stream (keeping what arrived), do pending deletes, close the service."""
        self.save_draft()
        tasks = [e.task for e in self.exchanges.values() if e.task is not None]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=5.0)
        for conversation_id in list(self.pending_deletes):
            self.pending_deletes.pop(conversation_id).stop()
            await asyncio.to_thread(self.store.delete_conversation, conversation_id)
        await self.service.close()
