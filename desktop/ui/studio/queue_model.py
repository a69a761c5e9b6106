"""The Studio's task list as a Qt item model: one row per task, newest first.

Rows are `TaskRecord`s replaced as the runner reports changes; the elapsed time of running
tasks is worked out at paint time, and `tick()` repaints only those rows once a second.
"""

from __future__ import annotations

import time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, Qt

from desktop.core.tasks import TaskKind, TaskRecord, TaskStatus

MAX_ROWS = 500


class TaskRoles(IntEnum):
    RECORD = Qt.ItemDataRole.UserRole + 1
    TASK_ID = Qt.ItemDataRole.UserRole + 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudioQueue", text)


def status_text(record: TaskRecord) -> str:
    """The status as a user reads it (translated)."""
    return {
        TaskStatus.PENDING: _tr("Sending…"),
        TaskStatus.SUBMITTED: _tr("Queued"),
        TaskStatus.IN_PROGRESS: _tr("Running"),
        TaskStatus.MODAL: _tr("Needs your input"),
        TaskStatus.SUCCEEDED: _tr("Done"),
        TaskStatus.FAILED: _tr("Failed"),
        TaskStatus.CANCELLED: _tr("Cancelled"),
    }[record.status]


def kind_text(kind: TaskKind) -> str:
    return {
        TaskKind.MJ_IMAGINE: "Midjourney · " + _tr("Imagine"),
        TaskKind.MJ_ACTION: "Midjourney · " + _tr("Action"),
        TaskKind.MJ_BLEND: "Midjourney · " + _tr("Blend"),
        TaskKind.MJ_DESCRIBE: "Midjourney · " + _tr("Describe"),
        TaskKind.MJ_MODAL: "Midjourney · Modal",
        TaskKind.MJ_SHORTEN: "Midjourney · " + _tr("Shorten"),
        TaskKind.MJ_SWAP: "Midjourney · " + _tr("Face swap"),
        TaskKind.SUNO_MUSIC: "Suno · " + _tr("Music"),
        TaskKind.LUMA_CREATE: "Luma · " + _tr("Video"),
        TaskKind.LUMA_EXTEND: "Luma · " + _tr("Extend"),
        TaskKind.FLUX_IMAGE: "Flux · " + _tr("Image"),
    }.get(kind, str(kind))


def elapsed_seconds(record: TaskRecord, now: float | None = None) -> float:
    if record.status.is_final or record.status is TaskStatus.MODAL:
        return record.elapsed
    return max(0.0, (now if now is not None else time.time()) - record.created_at)


def elapsed_text(seconds: float) -> str:
    whole = int(seconds)
    if whole < 3600:
        return f"{whole // 60}:{whole % 60:02d}"
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def task_title(record: TaskRecord) -> str:
    """The prompt (first line), or for a button press what was pressed."""
    label = str(record.params.get("label") or record.details.get("label") or "")
    if record.kind is TaskKind.MJ_ACTION and label:
        return f"{label} · {record.prompt}".strip(" ·")[:300]
    return (record.prompt.strip().splitlines() or [kind_text(record.kind)])[0][:300]


class TaskListModel(QAbstractListModel):
    """Tasks newest first; `upsert` adds or replaces one, `remove` drops one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[TaskRecord] = []

    def rowCount(self, parent: QModelIndex | Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: QModelIndex | Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        if role == TaskRoles.RECORD:
            return record
        if role == TaskRoles.TASK_ID:
            return record.id
        if role == Qt.ItemDataRole.DisplayRole:
            return task_title(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{kind_text(record.kind)} — {status_text(record)}"
            return f"{text}\n{record.error}" if record.error else text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{task_title(record)}, {status_text(record)}, {record.progress}%"
        return None

    def records(self) -> list[TaskRecord]:
        return list(self._records)

    def row_of(self, task_id: int) -> int | None:
        for row, record in enumerate(self._records):
            if record.id == task_id:
                return row
        return None

    def record(self, task_id: int) -> TaskRecord | None:
        row = self.row_of(task_id)
        return self._records[row] if row is not None else None

    def set_records(self, records: list[TaskRecord]) -> None:
        self.beginResetModel()
        self._records = sorted(records, key=lambda r: (r.created_at, r.id), reverse=True)
        del self._records[MAX_ROWS:]
        self.endResetModel()

    def upsert(self, record: TaskRecord) -> None:
        row = self.row_of(record.id)
        if row is not None:
            self._records[row] = record
            index = self.index(row)
            self.dataChanged.emit(index, index)
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records.insert(0, record)
        self.endInsertRows()
        if len(self._records) > MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), MAX_ROWS, len(self._records) - 1)
            del self._records[MAX_ROWS:]
            self.endRemoveRows()

    def remove(self, task_id: int) -> None:
        row = self.row_of(task_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._records[row]
        self.endRemoveRows()

    def tick(self) -> bool:
        """Repaint the rows whose elapsed time runs; False when none does."""
        running = False
        for row, record in enumerate(self._records):
            if not record.status.is_final and record.status is not TaskStatus.MODAL:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])
                running = True
        return running
