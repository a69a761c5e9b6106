"""What every Studio form shares: the request it builds, and small field helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.tasks import TaskFamily, TaskKind
from desktop.core.tasks.requests import MAX_PROMPT_CHARS


@dataclass(frozen=True)
class TaskRequest:
    """A task as a form describes it: what `TaskRunner.submit` takes."""

    kind: TaskKind
    prompt: str
    params: dict[str, Any] = field(default_factory=dict)


class FormError(ValueError):
    """A field the user must fix; the message says which and how."""


def combo(items: list[tuple[str, object]]) -> QComboBox:
    """A combo box of (text, data) pairs."""
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


def prompt_box(lines: int = 5) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName("studioPrompt")
    box.setTabChangesFocus(True)
    box.setFixedHeight(22 * lines)
    return box


class KindForm(QWidget):
    """One kind's options. Subclasses build their rows in `build(form)`, name themselves in
    `title()`, and turn the fields into a `TaskRequest` in `request()` (FormError if wrong)."""

    family: TaskFamily = TaskFamily.MIDJOURNEY
    kind: TaskKind = TaskKind.MJ_IMAGINE
    problem = Signal(str)  # a field's problem found while editing (an image too large…)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above
        self.form.setVerticalSpacing(6)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column.addLayout(self.form)
        column.addStretch(1)
        self.labels: dict[str, QLabel] = {}
        self.build()
        self.retranslate_ui()

    def row(self, key: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[key] = label
        self.form.addRow(label, widget)

    def build(self) -> None:
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        """Label texts (subclasses set theirs and call this last)."""

    def request(self) -> TaskRequest:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            # Laid out again now with the labels' new widths: the posted layout request did
            # not come for a form built while hidden, which kept the old language's widths
            # ("图片（1–5 张）" cut at the right).
            self.form.invalidate()
            column = self.layout()
            if column is not None and self.isVisible():
                column.activate()
        super().changeEvent(event)

    def required_prompt(self, box: QPlainTextEdit) -> str:
        text = box.toPlainText().strip()
        if not text:
            raise FormError(self.tr("Write a prompt first."))
        if len(text) > MAX_PROMPT_CHARS:
            raise FormError(self.tr("The prompt is too long (at most %1 characters).").replace(
                "%1", str(MAX_PROMPT_CHARS)))
        return text
