"""What the sidebar's rows offer: rename, pin, archive, folders, export, delete with Undo.

Each step is a store mutation run off the UI thread; the sidebar, the chat view and the
caches follow the store's change events, so nothing here refreshes a view by hand.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import write_json
from desktop.core.store.export_markdown import write_markdown
from desktop.core.store.store import Store
from desktop.ui.composer_drafts import ComposerDrafts
from desktop.ui.conversation_list.model import ConversationListModel
from desktop.ui.conversation_opener import ConversationOpener
from desktop.ui.exchange_runner import ExchangeRunner
from desktop.ui.task_runner import TaskRunner

UNDO_SECONDS = 8

UndoOffer = Callable[[str, Callable[[], None], int], None]  # text, undo, seconds


class SidebarActions(QObject):
    """Runs the sidebar's conversation and folder operations."""

    def __init__(self, store: Store, tasks: TaskRunner, model: ConversationListModel,
                 opener: ConversationOpener, exchanges: ExchangeRunner, drafts: ComposerDrafts,
                 status: Callable[[str], None], offer_undo: UndoOffer,
                 folder_names: Callable[[], dict[int, str]], dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._model = model
        self._opener = opener
        self._exchanges = exchanges
        self._drafts = drafts
        self._status = status
        self._offer_undo = offer_undo
        self._dialog_parent = dialog_parent
        self._folder_names = folder_names
        self.pending_deletes: dict[int, QTimer] = {}

    def _run(self, name: str, work: Callable[[], Any],
             done: Callable[[Any], None] | None = None) -> None:
        async def run() -> Any:
            return await asyncio.to_thread(work)

        self._tasks.start(run(), name=name, on_success=done,
                          on_failure=lambda exc: self._status(str(exc)))

    # ----------------------------------------------------------------- conversations

    def rename(self, conversation_id: int, title: str) -> None:
        self._run("rename conversation",
                  lambda: self._store.update_conversation(conversation_id, title=title))

    def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        self._run("pin conversation",
                  lambda: self._store.update_conversation(conversation_id, pinned=pinned))

    def set_archived(self, conversation_id: int, archived: bool) -> None:
        self._run("archive conversation",
                  lambda: self._store.update_conversation(conversation_id, archived=archived))

    def move_to_folder(self, conversation_id: int, folder_id: int | None) -> None:
        self._run("move conversation",
                  lambda: self._store.update_conversation(conversation_id, folder_id=folder_id))

    def move_to_new_folder(self, conversation_id: int) -> None:
        name, ok = QInputDialog.getText(self._dialog_parent, self.tr("New folder"),
                                        self.tr("Folder name:"))
        if not ok or not name.strip():
            return

        def create() -> None:
            folder = self._store.folders.create(name.strip())
            self._store.update_conversation(conversation_id, folder_id=folder.id)

        self._run("new folder", create)

    def rename_folder(self, folder_id: int, name: str | None = None) -> None:
        if name is None:
            current = self._folder_names().get(folder_id, "")
            name, ok = QInputDialog.getText(self._dialog_parent, self.tr("Rename folder"),
                                            self.tr("Folder name:"), text=current)
            if not ok:
                return
        new_name = name.strip()
        if new_name:
            self._run("rename folder", lambda: self._store.folders.rename(folder_id, new_name))

    def delete_folder(self, folder_id: int) -> None:
        """Delete a folder; its conversations go back to the date groups."""
        self._run("delete folder", lambda: self._store.folders.delete(folder_id))

    def export_conversation(self, conversation_id: int, path: str | None = None) -> None:
        if path is None:
            path, chosen = QFileDialog.getSaveFileName(
                self._dialog_parent, self.tr("Export conversation"),
                self._export_name(conversation_id),
                self.tr("Markdown (*.md);;HTML (*.html);;JSON (*.json)"))
            if not path:
                return
            if not Path(path).suffix:  # the format the filter names
                path += next((s for s in (".md", ".html", ".json") if s in chosen), ".md")
        dest = Path(path)
        store = self._store

        def write() -> None:
            suffix = dest.suffix.lower()
            if suffix == ".json":
                write_json(store, [conversation_id], dest)
            elif suffix in (".html", ".htm"):
                dest.write_text(export_html(store, conversation_id), encoding="utf-8")
            else:
                write_markdown(store, conversation_id, dest)  # images in <name>_files/

        self._run("export conversation", write,
                  lambda _r: self._status(self.tr("Exported to %1").replace("%1", str(dest))))

    def _export_name(self, conversation_id: int) -> str:
        """A file name from the conversation's title (what a file system takes)."""
        summary = self._model.summary(conversation_id)
        title = summary.title if summary is not None and summary.title else "conversation"
        safe = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
        return " ".join(safe.split())[:80] + ".md" if safe else "conversation.md"

    # ----------------------------------------------------------------- delete with Undo

    def delete_conversation(self, conversation_id: int) -> None:
        """Hide the conversation at once (its neighbour opens if it was open); it is deleted
        when the Undo offer runs out."""
        if conversation_id in self.pending_deletes:
            return
        self._exchanges.stop(conversation_id)
        neighbour = self._model.neighbour(conversation_id)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(UNDO_SECONDS * 1000)
        timer.timeout.connect(lambda: self.commit_delete(conversation_id))
        self.pending_deletes[conversation_id] = timer
        timer.start()
        self._model.set_hidden(conversation_id, True)
        self._opener.open_instead(conversation_id, neighbour)
        self._offer_undo(self.tr("Conversation deleted."),
                         lambda: self.undo_delete(conversation_id), UNDO_SECONDS)

    def undo_delete(self, conversation_id: int) -> None:
        timer = self.pending_deletes.pop(conversation_id, None)
        if timer is None:
            return
        timer.stop()
        self._model.set_hidden(conversation_id, False)
        self._opener.open_conversation(conversation_id)

    def commit_delete(self, conversation_id: int) -> None:
        timer = self.pending_deletes.pop(conversation_id, None)
        if timer is None:
            return
        timer.stop()
        self._drafts.drop(str(conversation_id))
        self._run("delete conversation",
                  lambda: self._store.delete_conversation(conversation_id))

    async def shutdown(self) -> None:
        """Deletes waiting for their Undo offer to run out are done now."""
        for conversation_id in list(self.pending_deletes):
            self.pending_deletes.pop(conversation_id).stop()
            await asyncio.to_thread(self._store.delete_conversation, conversation_id)


