"""Composer drafts: each conversation keeps its unsent text (and, for this session, its
waiting images) when the user switches away, and the text survives a restart.

Drafts live in the window state file (`drafts`, keyed by conversation id or "new"), written
off the UI thread a moment after typing stops. The open conversation is remembered there too.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, QTimer

from desktop.core.window_state import WindowState
from desktop.ui.attachments.tray import AttachmentTray, Pending
from desktop.ui.composer import Composer
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

DRAFT_SAVE_MS = 1500
NEW_DRAFT_KEY = "new"


class ComposerDrafts(QObject):
    """Keeps the composer's text per conversation; the only writer of `drafts` in the state."""

    def __init__(self, state: OpenConversation, composer: Composer, tray: AttachmentTray,
                 window_state: WindowState, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._composer = composer
        self._tray = tray
        self._window_state = window_state
        self._tasks = tasks
        self._waiting_images: dict[str, list[Pending]] = {}
        self._writing = False
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_SAVE_MS)
        self._timer.timeout.connect(self.save)
        composer.textChanged.connect(self._timer.start)
        # Remembered for the next start; the file is written with the next draft save.
        state.id_changed.connect(lambda cid: window_state.set("open_conversation", cid))

    @property
    def key(self) -> str:
        cid = self._state.conversation_id
        return NEW_DRAFT_KEY if cid is None else str(cid)

    def drafts(self) -> dict[str, str]:
        drafts = self._window_state.get("drafts")
        return dict(drafts) if isinstance(drafts, dict) else {}

    def save(self) -> None:
        """Keep the composer's text for the open conversation, and write the state file."""
        drafts = self.drafts()
        text = self._composer.toPlainText()
        if text.strip():
            drafts[self.key] = text
        else:
            drafts.pop(self.key, None)
        self._window_state.set("drafts", drafts)
        self.write_soon()

    def drop(self, key: str) -> None:
        drafts = self.drafts()
        if drafts.pop(key, None) is not None:
            self._window_state.set("drafts", drafts)

    def move(self, old_key: str, new_key: str) -> None:
        """The draft of the new conversation belongs to the conversation it became."""
        drafts = self.drafts()
        text = drafts.pop(old_key, None)
        if text is not None:
            drafts[new_key] = text
        self._window_state.set("drafts", drafts)

    def leave(self) -> None:
        """Before switching away: keep the text, and the waiting images for this session."""
        self.save()
        waiting = self._tray.take()
        if waiting:
            self._waiting_images[self.key] = waiting

    def restore(self) -> None:
        """After switching: the open conversation's draft (text and waiting images)."""
        text = self.drafts().get(self.key, "")
        composer = self._composer
        composer.blockSignals(True)
        composer.setPlainText(text)
        composer.blockSignals(False)
        composer.moveCursor(composer.textCursor().MoveOperation.End)
        waiting = self._waiting_images.pop(self.key, [])
        if waiting:
            self._tray.put_back(waiting)

    def write_soon(self) -> None:
        self._dirty = True
        if not self._writing:
            self._writing = True
            self._tasks.start(self._write(), name="save drafts")

    async def _write(self) -> None:
        """Write the window state file off the UI thread (it is fsynced)."""
        try:
            while self._dirty:
                self._dirty = False
                # Values are replaced, never changed in place, so the dump sees whole values.
                await asyncio.to_thread(self._window_state.save)
        except (OSError, RuntimeError) as exc:
            log.warning("window state not saved: %s", exc)
        finally:
            self._writing = False
