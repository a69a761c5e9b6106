"""The one open-conversation state of the window, which the views observe.

It holds which conversation is open (None: a new one, not saved yet), the messages of its
active path as shown (in path order), whether its reply is streaming and which message is
being edited. Controllers change it through its methods; the chat view, header, composer
and panels follow its signals and never ask the controllers.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from desktop.core.api.events import StreamEvent
from desktop.core.conversation_path import SiblingInfo
from desktop.core.store.models import Message, MessageStatus, Role


class OpenConversation(QObject):
    """Which conversation is open and what of it is shown; one writer per field."""

    opened = Signal(object)  # switched to a conversation (id), or to a new one (None)
    id_changed = Signal(object)  # any change of the open id: a switch, or a first send saving it
    conversation_loaded = Signal(object)  # the open conversation's Conversation, as read
    title_changed = Signal(str)  # "" for a new, untitled conversation
    streaming_changed = Signal(bool)  # the open conversation's reply started or ended
    editing_changed = Signal(object)  # the user message being edited, or None
    path_shown = Signal(object, object)  # messages, sibling info: the whole path (re)shown
    older_shown = Signal(object, object)  # older messages added above the shown ones
    message_appended = Signal(object, object)  # Message, SiblingInfo
    message_updated = Signal(object)  # Message: a shown message's new state
    stream_event = Signal(int, object)  # message id, StreamEvent of its streaming reply
    reply_status = Signal(int, str)  # message id, what a streaming reply waits for ("": nothing)
    scroll_requested = Signal(int, str)  # message id, text to highlight

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self._title = ""
        self._streaming = False
        self._editing: int | None = None
        self.messages: dict[int, Message] = {}  # the shown path, oldest first
        self.generation = 0  # bumped on every switch or reload: late loads compare it

    # --- what is open ------------------------------------------------------------------------
    @property
    def conversation_id(self) -> int | None:
        return self._id

    @property
    def title(self) -> str:
        return self._title

    @property
    def streaming(self) -> bool:
        return self._streaming

    @property
    def editing_id(self) -> int | None:
        return self._editing

    def is_open(self, conversation_id: int | None) -> bool:
        return conversation_id == self._id

    def open(self, conversation_id: int | None) -> int:
        """Switch to a conversation (or a new one); returns the new load generation."""
        changed = conversation_id != self._id
        self._id = conversation_id
        self.generation += 1
        if conversation_id is None:
            self.messages = {}
            self.path_shown.emit([], {})
            self.set_title("")
        if changed or conversation_id is None:
            self.opened.emit(conversation_id)
        if changed:
            self.id_changed.emit(conversation_id)
        return self.generation

    def became(self, conversation_id: int | None) -> None:
        """The open conversation got (or lost) its id without a switch: a first send saved
        it, or a send that failed to start dropped it again. Nothing is reloaded."""
        if conversation_id != self._id:
            self._id = conversation_id
            self.id_changed.emit(conversation_id)

    def set_title(self, title: str) -> None:
        self._title = title
        self.title_changed.emit(title)

    def set_streaming(self, streaming: bool) -> None:
        if streaming != self._streaming:
            self._streaming = streaming
            self.streaming_changed.emit(streaming)

    def set_editing(self, message_id: int | None) -> None:
        if message_id != self._editing:
            self._editing = message_id
            self.editing_changed.emit(message_id)

    # --- what is shown -----------------------------------------------------------------------
    def show_path(self, path: list[Message], siblings: Mapping[int, SiblingInfo]) -> None:
        self.messages = {m.id: m for m in path}
        self.path_shown.emit(list(path), dict(siblings))

    def show_older(self, older: list[Message], siblings: Mapping[int, SiblingInfo]) -> None:
        # In path order (the last-message lookups rely on it): older ones go first.
        self.messages = {**{m.id: m for m in older}, **self.messages}
        self.older_shown.emit(list(older), dict(siblings))

    def append(self, message: Message, siblings: SiblingInfo | None = None) -> None:
        if message.id in self.messages:
            self.update(message)
            return
        self.messages[message.id] = message
        self.message_appended.emit(message, siblings or (1, 1, [message.id]))

    def update(self, message: Message) -> None:
        if message.id in self.messages:
            self.messages[message.id] = message
            self.message_updated.emit(message)

    def stream(self, message_id: int, event: StreamEvent) -> None:
        if message_id in self.messages:
            self.stream_event.emit(message_id, event)

    def set_reply_status(self, message_id: int, text: str) -> None:
        if message_id in self.messages:
            self.reply_status.emit(message_id, text)

    def scroll_to(self, message_id: int, highlight: str = "") -> None:
        self.scroll_requested.emit(message_id, highlight)

    # --- questions -----------------------------------------------------------------------
    def last(self) -> Message | None:
        return next(reversed(self.messages.values()), None)

    def last_user_message(self) -> Message | None:
        for message in reversed(self.messages.values()):
            if message.role is Role.USER:
                return message
        return None

    def failed_reply_for(self, text: str, images: int = 0) -> int | None:
        """The last reply when it failed empty and answered this same text: resend = retry.

        `images`: how many attachments (images and documents) the resend carries.
        """
        last = self.last()
        if last is None:
            return None
        parent = self.messages.get(last.parent_id or -1)
        if (last.role is Role.ASSISTANT and last.status is MessageStatus.ERROR
                and not last.parts and parent is not None and parent.text.strip() == text.strip()
                and len(parent.images) + len(parent.files) == images):
            return last.id
        return None
