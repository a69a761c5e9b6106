"""The Studio view, shown in the main area when the sidebar's Studio tab is chosen:
the form on the left; the queue above the chosen task's results on the right.

It knows no runner: requests leave as signals, and `StudioWiring` hands it the tasks.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.tasks import TaskRecord
from desktop.ui.chat_view.images import ChatImages
from desktop.ui.studio.form_panel import ProviderList, StudioForm
from desktop.ui.studio.queue_model import TaskListModel
from desktop.ui.studio.queue_view import TaskQueueView
from desktop.ui.studio.result_card import ResultCard
from desktop.ui.studio.result_files import ResultFiles


class StudioView(QWidget):
    """Form, queue and results; `show_task` / `remove_task` keep it current."""

    submit_requested = Signal(str, object)  # provider, TaskRequest
    upload_requested = Signal(str, object)  # provider, list of image data URLs (Midjourney)
    action_requested = Signal(int, str)
    rerun_requested = Signal(int)
    cancel_requested = Signal(int)
    delete_requested = Signal(int)
    input_requested = Signal(int)
    extend_requested = Signal(int)  # a finished Luma video
    continue_requested = Signal(int, int, float)  # Suno task id, clip index, at (seconds)

    def __init__(self, providers: ProviderList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studioView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.images = ChatImages(self)
        self.files = ResultFiles(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        header = QFrame()
        header.setObjectName("headerBar")
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(16, 10, 16, 10)
        self.title = QLabel()
        self.title.setObjectName("conversationTitle")
        header_row.addWidget(self.title)
        header_row.addStretch(1)
        self.counts = QLabel()
        self.counts.setObjectName("hint")
        header_row.addWidget(self.counts)
        layout.addWidget(header)

        self.form = StudioForm(providers)
        self.form.submit_requested.connect(self.submit_requested)
        self.form.upload_requested.connect(self.upload_requested)
        self.model = TaskListModel(self)
        self.queue = TaskQueueView(self.model)
        self.queue.task_selected.connect(self._show_selected)
        self.queue.cancel_requested.connect(self.cancel_requested)
        self.queue.rerun_requested.connect(self.rerun_requested)
        self.queue.delete_requested.connect(self.delete_requested)
        self.card = ResultCard(self.images, self.files)
        self.card.action_requested.connect(self.action_requested)
        self.card.rerun_requested.connect(self.rerun_requested)
        self.card.cancel_requested.connect(self.cancel_requested)
        self.card.input_requested.connect(self.input_requested)
        self.card.extend_requested.connect(self.extend_requested)
        self.card.continue_requested.connect(self.continue_requested)
        self.card.prompt_chosen.connect(self.form.use_prompt)

        queue_box = QWidget()
        queue_column = QVBoxLayout(queue_box)
        queue_column.setContentsMargins(10, 12, 10, 4)
        self.queue_title = QLabel()
        self.queue_title.setObjectName("sectionTitle")
        queue_column.addWidget(self.queue_title)
        self.queue_stack = QStackedWidget()
        self.queue_empty = QLabel()
        self.queue_empty.setObjectName("hint")
        self.queue_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.queue_empty.setWordWrap(True)
        self.queue_stack.addWidget(self.queue_empty)
        self.queue_stack.addWidget(self.queue)
        queue_column.addWidget(self.queue_stack, 1)

        self.results = QScrollArea()
        self.results.setObjectName("studioResults")
        self.results.setWidgetResizable(True)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.setWidget(self.card)
        self.results_empty = QLabel()
        self.results_empty.setObjectName("hint")
        self.results_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.results_stack = QStackedWidget()
        self.results_stack.setObjectName("studioResultsPage")
        self.results_stack.addWidget(self.results_empty)
        self.results_stack.addWidget(self.results)

        right = QSplitter(Qt.Orientation.Vertical)
        right.setObjectName("studioRight")
        right.addWidget(queue_box)
        right.addWidget(self.results_stack)
        right.setStretchFactor(1, 1)
        right.setHandleWidth(1)
        right.setSizes([290, 470])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.setObjectName("studioSplitter")
        main.addWidget(self.form)
        main.addWidget(right)
        main.setStretchFactor(1, 1)
        main.setHandleWidth(1)
        main.setSizes([340, 700])
        layout.addWidget(main, 1)
        self.model.rowsInserted.connect(self._update_counts)
        self.model.rowsRemoved.connect(self._update_counts)
        self.model.modelReset.connect(self._update_counts)
        self.model.dataChanged.connect(self._update_counts)
        self.queue.timer.timeout.connect(self._tick_card)  # the shown task's elapsed time
        QShortcut(QKeySequence("Ctrl+Return"), self, self.form.submit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate_ui()
        self._update_counts()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Studio"))
        self.queue_title.setText(self.tr("QUEUE"))
        self.queue_empty.setText(self.tr("No tasks yet. Describe what you want on the left "
                                         "and press Create."))
        self.results_empty.setText(self.tr("Choose a task to see its results."))
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ----------------------------------------------------------------- tasks

    def set_tasks(self, records: list[TaskRecord]) -> None:
        self.model.set_records(records)
        if records and self.card.record is None:
            self.queue.select_task(self.model.records()[0].id)

    def show_task(self, record: TaskRecord, *, select: bool = False) -> None:
        """A task was added or changed: the queue row, and the results if it is shown."""
        self.model.upsert(record)
        if select:
            self.queue.select_task(record.id)
        elif self.card.record is not None and self.card.record.id == record.id:
            self.card.show_record(record)

    def remove_task(self, task_id: int) -> None:
        self.model.remove(task_id)
        if self.card.record is not None and self.card.record.id == task_id:
            self.card.record = None
            self.results_stack.setCurrentWidget(self.results_empty)

    def _show_selected(self, task_id: int) -> None:
        record = self.model.record(task_id)
        if record is None:
            return
        self.card.show_record(record)
        self.results_stack.setCurrentWidget(self.results)

    def _tick_card(self) -> None:
        record = self.card.record
        if record is not None and not record.status.is_final:
            self.card.show_record(record)

    def _update_counts(self) -> None:
        records = self.model.records()
        running = sum(1 for r in records if not r.status.is_final)
        self.queue_stack.setCurrentWidget(self.queue if records else self.queue_empty)
        self.counts.setText(self.tr("%n running", "", running) if running else "")
