"""Editing a sent message: its text and images go back to the composer; sending makes a new
branch beside the original. Up on an empty composer edits the last message, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from desktop.core.store.models import Role
from desktop.ui.attachments.intake import DocumentSource, ImageSource
from desktop.ui.chat_pane import ChatPane
from desktop.ui.open_conversation import OpenConversation


class MessageEditing(QObject):
    """The one writer of `OpenConversation.editing_id`."""

    def __init__(self, state: OpenConversation, pane: ChatPane,
                 attachment_path: Callable[[str], Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._pane = pane
        self._attachment_path = attachment_path

    def edit(self, message_id: int) -> None:
        message = self._state.messages.get(message_id)
        if message is None or message.role is not Role.USER:
            return
        self._state.set_editing(message_id)
        composer = self._pane.composer
        composer.setPlainText(message.text)
        composer.moveCursor(composer.textCursor().MoveOperation.End)
        composer.setFocus()
        tray = self._pane.attachments
        tray.clear()  # the edited message keeps its images unless removed
        tray.add_sources([DocumentSource(part.name or part.mime, self._attachment_path(part.hash))
                          for part in message.files])
        tray.add_sources([ImageSource(part.name or part.mime,
                                      path=self._attachment_path(part.hash))
                          for part in message.images])

    def edit_last(self) -> None:
        last = self._state.last_user_message()
        if last is not None:
            self.edit(last.id)

    def cancel(self) -> None:
        if self._state.editing_id is None:
            return
        self._state.set_editing(None)
        self._pane.composer.clear()
        self._pane.attachments.clear()

    def take(self) -> int | None:
        """The message being edited, for a send that makes its new branch; editing ends."""
        editing = self._state.editing_id
        self._state.set_editing(None)
        return editing
