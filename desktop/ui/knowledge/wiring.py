"""The window's knowledge bases: the open conversation's choice, the replies' sources, the
dialog, and opening a source's file.

`KnowledgeWiring` is built by the composition root with narrow parts. It keeps the
composer's Knowledge button on the open conversation's attached bases (stored on the
conversation; a new one's choice is saved when its first send saves it), fills the chat
view's source book from the store (a path shown, a reply's sources stored: so reopened
history shows its chips too), shows a chip's passage, and opens its file only when that
file is part of the knowledge base the passage came from.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from desktop.core.chat_service import ChatService
from desktop.core.knowledge import (
    KnowledgeBaseError,
    KnowledgeBaseInfo,
    KnowledgeBases,
    KnowledgeHook,
    RetrievalSettings,
)
from desktop.core.passages import Passage
from desktop.core.settings import Settings
from desktop.core.store.changes import ConversationField, StoreChanges
from desktop.core.store.errors import StoreError
from desktop.core.store.models import Message
from desktop.core.store.store import Store
from desktop.ui.chat_view.kb_sources import KbSourceBook, PassageDialog, ShownSource
from desktop.ui.knowledge.indexing import KbIndexing, RunOutcome
from desktop.ui.knowledge.kb_choice_button import KbChoiceButton
from desktop.ui.knowledge.kb_dialog import KnowledgeDialog
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)


def file_of_base(bases: KnowledgeBases, passage: Passage) -> Path:
    """The passage's file if it is one of its knowledge base's files and still exists
    (raises KnowledgeBaseError otherwise). Nothing named elsewhere is ever opened."""
    known = {entry.path for entry in bases.files(passage.knowledge_base)}
    if passage.path not in known:
        raise KnowledgeBaseError(f"{passage.file_name} is not part of "
                                 f"{passage.knowledge_base} any more.")
    path = Path(passage.path)
    if not path.is_file():
        raise KnowledgeBaseError(f"{passage.file_name} is no longer on disk.")
    return path


def load_numpy() -> None:
    """Import numpy now, on the UI thread, as the user opens the knowledge bases or a
    conversation that searches them. Imported by a worker thread at the first index or
    search instead, it held the GIL mid-task (an 89 ms stall while indexing); here it merges
    with the dialog or conversation appearing. Not at start: an idle window saves 20 MB."""
    importlib.import_module("numpy")


def knowledge_of(service: ChatService, data_root: Path, settings: Settings) -> KnowledgeBases:
    """The service's knowledge bases; a service built without them gets them here (embedded
    with its own clients, k and threshold read from the settings at each turn)."""
    if service.knowledge is not None:
        return service.knowledge.bases
    bases = KnowledgeBases(data_root, client_for=service.client_for)
    service.knowledge = KnowledgeHook(
        bases, settings=lambda: RetrievalSettings.from_settings(settings))
    return bases


class KnowledgeWiring(QObject):
    """Knowledge bases in the window: attach, show sources, manage."""

    attached_changed = Signal(object)  # tuple[str, ...]: the open conversation's bases
    failed = Signal(str)  # something to tell the user (the pane's notice)

    def __init__(self, state: OpenConversation, store: Store, bases: KnowledgeBases,
                 tasks: TaskRunner, button: KbChoiceButton, book: KbSourceBook,
                 settings: Settings, providers: Callable[[], list[str]],
                 models_of: Callable[[str], list[str]], dialog_parent: QWidget,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.store, self.bases, self.tasks = state, store, bases, tasks
        self.button, self.book, self.settings = button, book, settings
        self.providers, self.models_of = providers, models_of
        self.dialog_parent = dialog_parent
        self.indexing = KbIndexing(tasks, self)
        self.attached: tuple[str, ...] = ()
        self._attached_of: int | None = None  # whose choice `attached` is (-1: being read)
        self._fresh = True
        self.dialog: KnowledgeDialog | None = None
        self.passage_dialog: PassageDialog | None = None
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl  # tests replace it
        state.opened.connect(self._opened)
        state.id_changed.connect(self._id_changed)
        state.path_shown.connect(lambda messages, _info: self._load_sources(messages, True))
        state.older_shown.connect(lambda messages, _info: self._load_sources(messages, False))
        button.menu_opening.connect(self.refresh_bases)
        button.choice_changed.connect(self.set_attached)
        button.manage_requested.connect(self.open_dialog)
        self.attached_changed.connect(button.set_attached)
        book.passage_requested.connect(self.show_passage)
        self.indexing.finished.connect(self._indexing_finished)
        self.refresh_bases()

    def _indexing_finished(self, outcome: RunOutcome) -> None:
        """The menu's counts change; with the dialog closed, a failure is told in the pane."""
        self.refresh_bases()
        if self.dialog is None and outcome.problem:
            self.failed.emit(self.tr("Indexing {0} stopped: {1}").format(outcome.name,
                                                                        outcome.problem))

    # ----------------------------------------------------------------- attached bases

    def _opened(self, conversation_id: int | None) -> None:
        self._fresh = conversation_id is None
        if conversation_id is None:
            self._attached_of = None
            self._show_attached(())
            return
        self._attached_of = -1
        opened = conversation_id

        def loaded(names: tuple[str, ...]) -> None:
            if self.state.is_open(opened) and self._attached_of != opened:
                self._attached_of = opened
                self._show_attached(names)

        self.tasks.start(asyncio.to_thread(self.store.conversation_knowledge_bases, opened),
                         name="read the knowledge bases of a conversation", on_success=loaded)

    def _id_changed(self, conversation_id: int | None) -> None:
        """A first send saved the new conversation: it searches the bases chosen before it.
        Saved at once, so the send that saved it reads them."""
        if conversation_id is None or not self._fresh:
            return
        self._fresh = False
        self._attached_of = conversation_id
        if self.attached:
            try:
                self.store.set_conversation_knowledge_bases(conversation_id, self.attached)
            except StoreError as exc:
                self.failed.emit(str(exc))

    def _show_attached(self, names: tuple[str, ...]) -> None:
        if names:
            load_numpy()  # this conversation's next send searches its bases
        self.attached = tuple(names)
        self.attached_changed.emit(self.attached)

    def set_attached(self, names: tuple[str, ...]) -> None:
        """The user changed the open conversation's bases (the Knowledge menu)."""
        self._show_attached(tuple(names))
        cid = self.state.conversation_id
        if cid is not None:
            self._attached_of = cid
            self.tasks.write_in_order(
                "knowledge bases", self.store.set_conversation_knowledge_bases, cid,
                self.attached, name="save the knowledge bases of a conversation")

    def refresh_bases(self) -> None:
        """Read the list of bases for the Knowledge menu (names and chunk counts)."""
        def listed(infos: list[KnowledgeBaseInfo]) -> None:
            self.button.set_bases([(info.name, info.chunks) for info in infos])

        self.tasks.start(asyncio.to_thread(self.bases.list), name="list knowledge bases",
                         on_success=listed, on_failure=lambda exc: log.warning(
                             "knowledge bases not listed: %s", exc))

    def on_store_changed(self, changes: StoreChanges) -> None:
        """The open conversation's bases changed elsewhere, or a reply's sources were kept."""
        cid = self.state.conversation_id
        if cid is None:
            return
        if cid in changes.conversations_updated and (
                ConversationField.KNOWLEDGE in changes.conversation_fields):
            self._opened(cid)
        updated = [ref.message_id for ref in changes.messages_updated
                   if ref.conversation_id == cid]
        if updated:
            self._fetch_sources(updated, reset=False)

    # ----------------------------------------------------------------- sources

    def _load_sources(self, messages: Iterable[Message], reset: bool) -> None:
        ids = [m.id for m in messages]
        if reset:
            self.book.forget_all_but(set(ids))
        if ids:
            self._fetch_sources(ids, reset=reset)

    def _fetch_sources(self, ids: list[int], *, reset: bool) -> None:
        generation = self.state.generation

        def found(sources: dict[int, tuple[Passage, ...]]) -> None:
            if self.state.generation != generation and reset:
                return  # another conversation opened meanwhile
            for message_id in ids:
                self.book.set_sources(message_id, sources.get(message_id, ()))

        self.tasks.start(asyncio.to_thread(self.store.sources_of_messages, ids),
                         name="read the sources of replies", on_success=found)

    def reply_sources(self, message_id: int, passages: list[Passage]) -> None:
        """A reply's sources as the service sent them (before the store's event arrives)."""
        self.book.set_sources(message_id, passages)

    def show_passage(self, source: ShownSource) -> None:
        if self.passage_dialog is not None:
            self.passage_dialog.close()
        dialog = PassageDialog(source, self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self.open_source_file)
        dialog.finished.connect(lambda _code, d=dialog: self._forget_passage(d))
        self.passage_dialog = dialog
        dialog.show()

    def _forget_passage(self, dialog: PassageDialog) -> None:
        if self.passage_dialog is dialog:
            self.passage_dialog = None

    def open_source_file(self, source: ShownSource) -> None:
        """Open the passage's file with the system viewer, if its base still holds it."""
        passage = source.passage

        def opened(path: Path) -> None:
            if not self.open_url(QUrl.fromLocalFile(os.fspath(path))):
                self.failed.emit(self.tr("No application opens {0}.").format(passage.file_name))

        def refused(exc: BaseException) -> None:
            self.failed.emit(self.tr("{0} cannot be opened: {1}").format(
                passage.file_name, exc if isinstance(exc, KnowledgeBaseError | OSError)
                else type(exc).__name__))

        self.tasks.start(asyncio.to_thread(file_of_base, self.bases, passage),
                         name="find a source's file", on_success=opened, on_failure=refused)

    # ----------------------------------------------------------------- the dialog

    def open_dialog(self) -> KnowledgeDialog:
        load_numpy()  # indexing and search need it
        if self.dialog is not None:
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = KnowledgeDialog(self.bases, self.indexing, self.tasks, self.settings,
                                 self.providers, self.models_of, self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.bases_changed.connect(self.refresh_bases)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()
        return dialog

    def shutdown(self) -> None:
        """The window closes: stop indexing at its next batch (the finished part is kept)."""
        self.indexing.cancel_all()
        if self.dialog is not None:
            self.dialog.close()
