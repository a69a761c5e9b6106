"""What the Knowledge bases dialog's buttons do: create, add and remove files, refresh,
change the model (asks first: it rebuilds), delete (asks first).

Blocking core calls go through the dialog's `read` (a worker thread); indexing goes to the
window's `KbIndexing`, so it runs in the background and survives the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop.core.knowledge import KnowledgeBaseInfo, KnowledgeBases
from desktop.ui.knowledge.create_form import CreateForm, ModelForm
from desktop.ui.knowledge.indexing import KbIndexing, describe_error

DOCUMENT_FILTER = ("*.pdf *.docx *.txt *.md *.markdown *.rst *.csv *.json *.html *.htm *.py "
                   "*.js *.ts *.c *.h *.cpp *.go *.rs *.java *.rb *.sh *.sql *.yaml *.yml "
                   "*.toml *.xml")


class ActionHost(Protocol):
    """What the operations need of the dialog."""

    bases: KnowledgeBases
    indexing: KbIndexing
    infos: dict[str, KnowledgeBaseInfo]

    def read(self, work: Callable[[], object], done: Callable[[object], None], name: str,
             failed: Callable[[BaseException], None] | None = None) -> None: ...

    def reload(self, select: str | None = None) -> None: ...

    def announce_change(self) -> None: ...


class KbActions(QObject):
    """The dialog's operations; `choose_files` / `choose_folder` are replaceable in tests."""

    def __init__(self, window: QWidget, host: ActionHost, providers: Callable[[], list[str]],
                 models_of: Callable[[str], list[str]]) -> None:
        super().__init__(window)
        self.window = window  # the parent of the forms and questions
        self.dialog = host
        self.providers = providers
        self.models_of = models_of
        self.choose_files: Callable[[QWidget], list[str]] = self._choose_files
        self.choose_folder: Callable[[QWidget], str] = self._choose_folder
        self.form: QDialog | None = None  # the form or question shown last (for tests)
        self.confirm: QMessageBox | None = None

    def problem(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Knowledge bases"), text,
                          parent=self.window)
        box.setObjectName("kbProblemBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # ----------------------------------------------------------------- create and delete

    def create(self) -> None:
        form = CreateForm(self.providers(), self.models_of, set(self.dialog.infos),
                          self.window)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            new = form.result_base
            if new is None:
                return
            bases = self.dialog.bases
            self.dialog.read(
                lambda: bases.create(new.name, new.provider, new.model,
                                     chunk_size=new.chunk_size, overlap=new.overlap),
                lambda _info: self._created(new.name), "create a knowledge base")

        form.accepted.connect(accepted)
        form.open()
        self.form = form  # for tests

    def _created(self, name: str) -> None:
        self.dialog.reload(select=name)
        self.dialog.announce_change()

    def delete(self, name: str | None) -> None:
        if name is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete knowledge base"),
                          self.tr("Delete {0} and its index? The files it read are not "
                                  "touched.").format(name), parent=self.window)
        box.setObjectName("kbConfirmDelete")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is not delete:
                return
            bases = self.dialog.bases
            self.dialog.read(lambda: bases.remove(name), lambda _r: self._created(""),
                             "delete a knowledge base")

        box.finished.connect(answered)
        box.open()
        self.confirm = box  # for tests

    # ----------------------------------------------------------------- files

    def _choose_files(self, parent: QWidget) -> list[str]:
        paths, _filter = QFileDialog.getOpenFileNames(
            parent, self.tr("Add files to the knowledge base"), str(Path.home()),
            self.tr("Documents ({0});;All files (*)").format(DOCUMENT_FILTER))
        return list(paths)

    def _choose_folder(self, parent: QWidget) -> str:
        return QFileDialog.getExistingDirectory(
            parent, self.tr("Add a folder to the knowledge base"), str(Path.home()))

    def add_files(self, name: str | None) -> None:
        if name is not None:
            self._add(name, self.choose_files(self.window))

    def add_folder(self, name: str | None) -> None:
        if name is not None:
            folder = self.choose_folder(self.window)
            self._add(name, [folder] if folder else [])

    def _add(self, name: str, paths: Sequence[str]) -> None:
        if not paths:
            return
        bases = self.dialog.bases

        def added(_info: object) -> None:
            self.dialog.reload(select=name)
            self.index(name)

        self.dialog.read(lambda: bases.add_paths(name, list(paths)), added,
                         "add files to a knowledge base")

    def remove_files(self, name: str | None, paths: Sequence[str]) -> None:
        if name is None or not paths:
            return
        bases = self.dialog.bases

        def removed(_info: object) -> None:
            self.dialog.reload(select=name)
            self.dialog.announce_change()

        self.dialog.read(lambda: bases.remove_paths(name, list(paths)), removed,
                         "remove files from a knowledge base")

    # ----------------------------------------------------------------- indexing

    def index(self, name: str) -> None:
        bases = self.dialog.bases
        self.dialog.indexing.start(name, lambda progress: bases.index(name, progress=progress))

    def refresh(self, name: str | None) -> None:
        if name is not None:
            bases = self.dialog.bases
            self.dialog.indexing.start(
                name, lambda progress: bases.refresh(name, progress=progress))

    def change_model(self, name: str | None) -> None:
        info: KnowledgeBaseInfo | None = self.dialog.infos.get(name or "")
        if name is None or info is None:
            return
        form = ModelForm(self.providers(), self.models_of, (info.provider, info.model),
                         self.window)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.buttons.button(form.buttons.StandardButton.Ok).setText(self.tr("Rebuild index"))

        def finished(code: int) -> None:
            provider, model = form.choice()
            if code != QDialog.DialogCode.Accepted or not model or (
                    (provider, model) == (info.provider, info.model)):
                return
            bases = self.dialog.bases
            self.dialog.indexing.start(name, lambda progress: bases.change_model(
                name, provider, model, progress=progress))

        form.finished.connect(finished)
        form.open()
        self.form = form  # for tests
