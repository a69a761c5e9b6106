"""The Studio queue: each task's title, kind, status, progress bar and elapsed time.

A list view with a painting delegate (no widget per row); a one-second timer repaints the
rows of running tasks only while there are some.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.tasks import TaskRecord, TaskStatus
from desktop.ui.studio.queue_model import (
    TaskListModel,
    TaskRoles,
    elapsed_seconds,
    elapsed_text,
    kind_text,
    status_text,
    task_title,
)
from desktop.ui.theme import current_colors

ROW_HEIGHT = 64
FAILED_COLOR = "#d1453b"
DONE_COLOR = "#2f8f5b"


class TaskDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(200, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        record = index.data(TaskRoles.RECORD)
        if not isinstance(record, TaskRecord):
            return
        colors = current_colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect.adjusted(6, 3, -6, -3)
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            painter.setBrush(QColor(colors["selected"]))
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setBrush(QColor(colors["hover"]))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(rect, 8, 8)
        inner = rect.adjusted(12, 8, -12, -8)
        base: QFont = option.font
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        elapsed = elapsed_text(elapsed_seconds(record))
        painter.setFont(small)
        time_width = painter.fontMetrics().horizontalAdvance(elapsed) + 4
        painter.setPen(QColor(colors["muted"]))
        top = QRect(inner.left(), inner.top(), inner.width(), 18)
        painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, elapsed)
        painter.setFont(bold)
        painter.setPen(QColor(colors["text"]))
        title = painter.fontMetrics().elidedText(task_title(record), Qt.TextElideMode.ElideRight,
                                                 inner.width() - time_width - 8)
        painter.drawText(top.adjusted(0, 0, -time_width, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(small)
        line = f"{kind_text(record.kind)} · {status_text(record)}"
        color = colors["muted"]
        if record.status is TaskStatus.FAILED:
            line += f" — {record.error or ''}".rstrip(" —")
            color = FAILED_COLOR
        elif record.status is TaskStatus.SUCCEEDED:
            color = DONE_COLOR
        elif record.status is TaskStatus.MODAL:
            color = colors["accent"]
        elif not record.status.is_final and record.progress:
            line += f" · {record.progress}%"
        painter.setPen(QColor(color))
        second = QRect(inner.left(), top.bottom() + 2, inner.width(), 16)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight,
                                                          second.width()))
        self._paint_bar(painter, record, QRect(inner.left(), inner.bottom() - 4,
                                               inner.width(), 4), colors)
        painter.restore()

    @staticmethod
    def _paint_bar(painter: QPainter, record: TaskRecord, bar: QRect,
                   colors: dict[str, str]) -> None:
        if record.status in (TaskStatus.SUCCEEDED, TaskStatus.CANCELLED):
            return
        painter.setPen(QPen(Qt.PenStyle.NoPen))
        painter.setBrush(QColor(colors["border"]))
        painter.drawRoundedRect(bar, 2, 2)
        share = 1.0 if record.status is TaskStatus.FAILED else record.progress / 100
        if share <= 0:
            return
        done = QRect(bar.left(), bar.top(), max(4, int(bar.width() * share)), bar.height())
        painter.setBrush(QColor(FAILED_COLOR if record.status is TaskStatus.FAILED
                                else colors["accent"]))
        painter.drawRoundedRect(done, 2, 2)


class TaskQueueView(QListView):
    """The queue; selecting a row shows that task's results, its menu cancels or re-runs."""

    task_selected = Signal(int)
    cancel_requested = Signal(int)
    rerun_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, model: TaskListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studioQueue")
        self.setModel(model)
        self.setItemDelegate(TaskDelegate(self))
        self.setMouseTracking(True)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._model = model
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        model.rowsInserted.connect(lambda *_: self.timer.start())
        model.dataChanged.connect(lambda *_: self.timer.isActive() or self.timer.start())
        model.modelReset.connect(self.timer.start)

    def _tick(self) -> None:
        if not self._model.tick():
            self.timer.stop()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        task_id = current.data(TaskRoles.TASK_ID)
        if isinstance(task_id, int):
            self.task_selected.emit(task_id)

    def select_task(self, task_id: int) -> None:
        row = self._model.row_of(task_id)
        if row is not None:
            self.setCurrentIndex(self._model.index(row))

    def _menu(self, point: QPoint) -> None:
        record = self.indexAt(point).data(TaskRoles.RECORD)
        if not isinstance(record, TaskRecord):
            return
        menu = QMenu(self)
        cancel = menu.addAction(self.tr("Cancel"), lambda: self.cancel_requested.emit(record.id))
        cancel.setEnabled(not record.status.is_final)
        menu.addAction(self.tr("Re-run"), lambda: self.rerun_requested.emit(record.id))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: self.delete_requested.emit(record.id))
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()
