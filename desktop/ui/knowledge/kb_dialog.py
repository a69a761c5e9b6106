"""Settings → Knowledge bases: the bases, their files, and indexing them in the background.

The dialog is not modal: indexing runs in the window's `KbIndexing` (it goes on when the
dialog closes), and its progress bar and Cancel follow the selected base. Every disk call
goes through the window's `TaskRunner` in a worker thread; a failed run says why and keeps
the part already indexed. The two retrieval settings (passages per message, least
similarity) are edited here too.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.knowledge import (
    KnowledgeBaseInfo,
    KnowledgeBases,
    ReindexPlan,
)
from desktop.core.knowledge.chat_hook import THRESHOLD_SETTING, TOP_K_SETTING
from desktop.core.settings import Settings
from desktop.ui.chat_view.kb_sources import plain_tooltip
from desktop.ui.knowledge.file_table import FileTable
from desktop.ui.knowledge.indexing import KbIndexing, RunOutcome
from desktop.ui.knowledge.kb_actions import KbActions
from desktop.ui.task_runner import TaskRunner

NAME_ROLE = Qt.ItemDataRole.UserRole
_STYLE = """
QLabel#kbTitle { font-size: 12.5pt; font-weight: 600; }
QLabel#kbSummary, QLabel#kbIntro { color: palette(placeholder-text); }
QLabel#kbProblem { color: #d0453a; }
QLabel#kbDone { color: #2e9d5b; }
QListWidget#kbList::item { padding: 6px 8px; }
"""


class KnowledgeDialog(QDialog):
    """The knowledge bases (left), the selected one's files and work (right)."""

    bases_changed = Signal()  # a base was created, removed or (re)indexed

    def __init__(self, bases: KnowledgeBases, indexing: KbIndexing, tasks: TaskRunner,
                 settings: Settings, providers: Callable[[], list[str]],
                 models_of: Callable[[str], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("knowledgeDialog")
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.resize(940, 600)
        self.setStyleSheet(_STYLE)
        self.bases, self.indexing, self.tasks, self.settings = bases, indexing, tasks, settings
        self.infos: dict[str, KnowledgeBaseInfo] = {}
        self.loading = 0  # reads in flight (tests wait for 0)
        self.alive = True  # False once closed: late reads are dropped (it is deleted on close)
        self.finished.connect(lambda _code: setattr(self, "alive", False))
        self._next_poll = 0.0  # when to read the indexed base's counts again
        self.ops = KbActions(self, self, providers, models_of)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        self.intro = QLabel()
        self.intro.setObjectName("kbIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_detail())
        splitter.setSizes([270, 670])
        layout.addLayout(self._build_settings())
        indexing.progressed.connect(self._progressed)
        indexing.finished.connect(self._finished)
        indexing.started.connect(self._run_started)  # methods: gone with the dialog
        self.retranslate_ui()
        self.reload(opening=True)

    # ----------------------------------------------------------------- layout

    def _build_list(self) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.base_list = QListWidget()
        self.base_list.setObjectName("kbList")
        self.base_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.base_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.base_list.currentItemChanged.connect(lambda *_: self._show_current())
        column.addWidget(self.base_list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton()
        self.new_button.setObjectName("kbNew")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("kbDelete")
        row.addWidget(self.new_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        column.addLayout(row)
        self.new_button.clicked.connect(self.ops.create)
        self.delete_button.clicked.connect(lambda: self.ops.delete(self.current()))
        return left

    def _build_detail(self) -> QWidget:
        right = QWidget()
        detail = QVBoxLayout(right)
        detail.setContentsMargins(10, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("kbTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        detail.addWidget(self.title)
        self.summary = QLabel()
        self.summary.setObjectName("kbSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        detail.addWidget(self.summary)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("kbProgress")
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("kbCancel")
        self.cancel_button.clicked.connect(self._cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        detail.addLayout(progress_row)
        self.status = QLabel()
        self.status.setObjectName("kbStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.addWidget(self.status)
        self.files = FileTable()
        self.files.itemSelectionChanged.connect(self._update_buttons)
        detail.addWidget(self.files, 1)
        buttons = QHBoxLayout()
        self.add_files_button = QPushButton()
        self.add_folder_button = QPushButton()
        self.remove_files_button = QPushButton()
        self.refresh_button = QPushButton()
        self.model_button = QPushButton()
        for name, button in (("kbAddFiles", self.add_files_button),
                             ("kbAddFolder", self.add_folder_button),
                             ("kbRemoveFiles", self.remove_files_button)):
            button.setObjectName(name)
            buttons.addWidget(button)
        buttons.addStretch(1)
        for name, button in (("kbRefresh", self.refresh_button),
                             ("kbChangeModel", self.model_button)):
            button.setObjectName(name)
            buttons.addWidget(button)
        detail.addLayout(buttons)
        self.add_files_button.clicked.connect(lambda: self.ops.add_files(self.current()))
        self.add_folder_button.clicked.connect(lambda: self.ops.add_folder(self.current()))
        self.remove_files_button.clicked.connect(
            lambda: self.ops.remove_files(self.current(), self.selected_paths()))
        self.refresh_button.clicked.connect(lambda: self.ops.refresh(self.current()))
        self.model_button.clicked.connect(lambda: self.ops.change_model(self.current()))
        return right

    def _build_settings(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.top_k_label, self.threshold_label = QLabel(), QLabel()
        self.top_k = QSpinBox()
        self.top_k.setObjectName("kbTopK")
        low, high = Settings.spec(TOP_K_SETTING).bounds or (1, 50)
        self.top_k.setRange(int(low), int(high))
        self.top_k.setValue(int(self.settings.get(TOP_K_SETTING)))
        self.threshold = QSpinBox()
        self.threshold.setObjectName("kbThreshold")
        self.threshold.setRange(0, 100)
        self.threshold.setSuffix(" %")
        self.threshold.setValue(int(self.settings.get(THRESHOLD_SETTING)))
        self.top_k_label.setBuddy(self.top_k)
        self.threshold_label.setBuddy(self.threshold)
        self.top_k.valueChanged.connect(lambda v: self.settings.set(TOP_K_SETTING, int(v)))
        self.threshold.valueChanged.connect(
            lambda v: self.settings.set(THRESHOLD_SETTING, int(v)))
        for spin in (self.top_k, self.threshold):
            spin.setMaximumWidth(90)
        for widget in (self.top_k_label, self.top_k, self.threshold_label, self.threshold):
            row.addWidget(widget)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        row.addWidget(close)
        return row

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Knowledge bases"))
        self.intro.setText(self.tr(
            "A knowledge base is a set of files and folders. Attach one to a conversation "
            "(the Knowledge button by the message box): each message then brings the "
            "passages closest to it, and the reply shows them as numbered sources."))
        self.new_button.setText(self.tr("New…"))
        self.delete_button.setText(self.tr("Delete"))
        self.add_files_button.setText(self.tr("Add files…"))
        self.add_folder_button.setText(self.tr("Add folder…"))
        self.remove_files_button.setText(self.tr("Remove"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Index new and changed files again, and drop "
                                               "the ones removed from disk"))
        self.model_button.setText(self.tr("Change model…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.top_k_label.setText(self.tr("&Passages per message:"))
        self.threshold_label.setText(self.tr("Least &similarity:"))
        self.threshold.setToolTip(self.tr(
            "Passages less similar to the message than this are not sent"))
        self._fill_list()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----------------------------------------------------------------- reading

    def announce_change(self) -> None:
        self.bases_changed.emit()

    def current(self) -> str | None:
        item = self.base_list.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else None

    def selected_paths(self) -> list[str]:
        return self.files.selected_paths()

    def read(self, work: Callable[[], object], done: Callable[[object], None], name: str,
             failed: Callable[[BaseException], None] | None = None) -> None:
        """Run blocking core work in a worker thread; `done(result)` on the UI thread."""
        self.loading += 1

        def success(result: object) -> None:
            self.loading -= 1
            if self.alive:
                done(result)

        def failure(exc: BaseException) -> None:
            self.loading -= 1
            if self.alive:
                (failed or self.ops.problem)(exc)

        self.tasks.start(asyncio.to_thread(work), name=name, on_success=success,
                         on_failure=failure)

    def reload(self, select: str | None = None, *, opening: bool = False) -> None:
        """Read the list of bases again (after any change) and keep the selection."""
        keep = select or self.current()

        def listed(result: object) -> None:
            infos = result if isinstance(result, list) else []
            self.infos = {info.name: info for info in infos}
            self._fill_list(keep)
            if opening:
                self.refresh_changed()

        self.read(self.bases.list, listed, "list knowledge bases")

    def _fill_list(self, keep: str | None = None) -> None:
        keep = keep or self.current()
        self.base_list.blockSignals(True)
        self.base_list.clear()
        for info in self.infos.values():
            item = QListWidgetItem()
            item.setData(NAME_ROLE, info.name)
            self._describe_item(item, info)
            self.base_list.addItem(item)
            if info.name == keep:
                self.base_list.setCurrentItem(item)
        if self.base_list.currentItem() is None and self.base_list.count():
            self.base_list.setCurrentRow(0)
        self.base_list.blockSignals(False)
        self._show_current()

    def _describe_item(self, item: QListWidgetItem, info: KnowledgeBaseInfo) -> None:
        run = self.indexing.running(info.name)
        if run is not None:
            fraction = run.progress.fraction
            state = (self.tr("Indexing…") if fraction is None
                     else self.tr("Indexing… {0} %").format(int(fraction * 100)))
        else:
            state = self.tr("{0} files · {1} chunks").format(info.files, info.chunks)
        item.setText(f"{info.name}\n{state}")
        item.setToolTip(plain_tooltip(f"{info.provider} · {info.model}"))

    def summary_text(self, info: KnowledgeBaseInfo) -> str:
        bits = [self.tr("{0} files").format(info.files),
                self.tr("{0} chunks").format(info.chunks),
                f"{info.model} ({info.provider})",
                self.tr("chunks of {0} tokens, {1} overlap").format(info.chunk_size,
                                                                   info.overlap)]
        if info.indexed_at > 0:
            stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.indexed_at))
            bits.append(self.tr("last indexed {0}").format(stamp))
        elif not info.chunks:
            bits.append(self.tr("not indexed yet"))
        if info.failed_files:
            bits.append(self.tr("{0} files could not be read").format(info.failed_files))
        return " · ".join(bits)

    def _show_current(self) -> None:
        name = self.current()
        info = self.infos.get(name) if name else None
        if info is None:
            self.title.setText(self.tr("No knowledge base yet") if not self.infos else "")
            self.summary.setText(self.tr("Create one, then add the files it should know."))
            self.files.clear()
            self.files.hide()
            self.status.hide()
            self.progress.hide()
            self.cancel_button.hide()
            self._update_buttons()
            return
        self.title.setText(info.name)
        self.files.show()
        self.summary.setText(self.summary_text(info))
        self._show_run(info.name)
        self._update_buttons()
        self._load_files(info.name)

    def _load_files(self, name: str) -> None:
        def loaded(result: object) -> None:
            if self.current() == name and isinstance(result, list):
                self.files.fill(result)

        self.read(lambda: self.bases.files(name), loaded, "list knowledge base files",
                  failed=lambda exc: self.files.clear())

    def refresh_changed(self) -> None:
        """On opening: bases whose files changed or went from disk since they were indexed
        are indexed again in the background (not one whose last run here failed)."""
        for name in list(self.infos):
            self._check_changed(name)

    def _check_changed(self, name: str) -> None:
        def planned(plan: object) -> None:
            if (isinstance(plan, ReindexPlan) and plan and name in self.infos
                    and self.indexing.running(name) is None and name not in self.indexing.last):
                self.ops.refresh(name)

        self.read(lambda: self.bases.plan_reindex(name), planned, "check a knowledge base",
                  failed=lambda exc: None)

    def _update_buttons(self) -> None:
        name = self.current()
        has = name is not None and name in self.infos
        busy = has and self.indexing.running(name or "") is not None
        for button in (self.add_files_button, self.add_folder_button):
            button.setEnabled(has)
        self.remove_files_button.setEnabled(has and not busy and bool(self.selected_paths()))
        for button in (self.refresh_button, self.model_button, self.delete_button):
            button.setEnabled(has and not busy)

    # ----------------------------------------------------------------- indexing

    def _show_run(self, name: str) -> None:
        run = self.indexing.running(name)
        self.progress.setVisible(run is not None)
        self.cancel_button.setVisible(run is not None)
        if run is not None:
            self.cancel_button.setEnabled(not run.cancelling)
            self._set_fraction(run.progress.fraction)
            self.status.setObjectName("kbStatus")
            self.status.show()
            return
        outcome = self.indexing.last.get(name)
        self.status.setVisible(outcome is not None)
        if outcome is not None:
            self._show_outcome(outcome)

    def _set_fraction(self, fraction: object) -> None:
        if isinstance(fraction, float):
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(fraction * 1000))
            self.progress.setFormat(f"{int(fraction * 100)} %")
        else:
            self.progress.setRange(0, 0)

    def _run_started(self, _name: str) -> None:
        if self.alive:
            self._show_current()

    def _progressed(self, name: str, fraction: object, text: str) -> None:
        if not self.alive:
            return
        for row in range(self.base_list.count()):
            item = self.base_list.item(row)
            if item.data(NAME_ROLE) == name and name in self.infos:
                self._describe_item(item, self.infos[name])
        if name == self.current():
            self._set_fraction(fraction)
            self.status.setText(text)
            self._restyle_status("kbStatus")
            now = time.monotonic()
            if now >= self._next_poll and self.loading == 0:  # counts and files, each second
                self._next_poll = now + 1.0
                self._refresh_counts(name)

    def _refresh_counts(self, name: str) -> None:
        """The summary each second; the file table only when files were read or finished
        (a table of thousands of files is not rebuilt every second)."""
        def got(result: object) -> None:
            before = self.infos.get(name)
            if isinstance(result, KnowledgeBaseInfo) and before is not None:
                self.infos[name] = result
                if self.current() == name:
                    self.summary.setText(self.summary_text(result))
                    counts = (result.files, result.indexed_files, result.failed_files)
                    if counts != (before.files, before.indexed_files, before.failed_files):
                        self._load_files(name)

        self.read(lambda: self.bases.get(name), got, "read a knowledge base",
                  failed=lambda exc: None)

    def _finished(self, outcome: RunOutcome) -> None:
        if not self.alive:
            return
        self.bases_changed.emit()
        self.reload()

    def _show_outcome(self, outcome: RunOutcome) -> None:
        kept = self.tr("The part already indexed is kept; Refresh goes on from there.")
        if outcome.cancelled:
            self.status.setText(self.tr("Indexing was cancelled.") + " " + kept)
            self._restyle_status("kbStatus")
        elif outcome.problem:
            self.status.setText(self.tr("Indexing stopped: {0}").format(outcome.problem)
                                + " " + kept)
            self._restyle_status("kbProblem")
        elif outcome.report is not None:
            report = outcome.report
            text = self.tr("Up to date: {0} files indexed, {1} chunks added.").format(
                report.files_indexed, report.chunks_added)
            if report.files_removed:
                text += " " + self.tr("{0} removed files dropped.").format(report.files_removed)
            if report.rebuilt:
                text += " " + self.tr("The index was rebuilt.")
            if report.skipped:
                text += " " + self.tr("{0} files were left out: too many files, or too large "
                                      "(50 MB a file, 4 GB in all).").format(report.skipped)
            self.status.setText(text)
            self._restyle_status("kbDone")

    def _restyle_status(self, name: str) -> None:
        if self.status.objectName() != name:
            self.status.setObjectName(name)
            self.status.style().unpolish(self.status)
            self.status.style().polish(self.status)

    def _cancel(self) -> None:
        name = self.current()
        if name is not None:
            self.indexing.cancel(name)
            self.cancel_button.setEnabled(False)
