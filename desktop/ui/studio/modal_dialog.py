"""The small dialog a MODAL Midjourney task opens: the extra input it waits for.

Custom Zoom and Vary (Region) answer MODAL: the relay wants a (new) prompt before it goes
on. The dialog shows the task's prompt for editing; OK sends it with `TaskRunner.modal`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.tasks import TaskRecord
from desktop.ui.studio.queue_model import task_title

MAX_INPUT_CHARS = 6000


class ModalInputDialog(QDialog):
    """Asks for the prompt a MODAL task needs; `text()` is what to send."""

    def __init__(self, record: TaskRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modalInputDialog")
        self.task_id = record.id
        self.setWindowTitle(self.tr("Midjourney needs more input"))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = QLabel(self.tr(
            "“%1” waits for a prompt before it goes on (Custom Zoom, Vary Region and "
            "similar buttons ask for one). Edit it and send it.").replace(
                "%1", task_title(record)[:120]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("modalPrompt")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(str(record.details.get("final_prompt") or record.prompt)
                                 [:MAX_INPUT_CHARS])
        self.editor.setMinimumHeight(90)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Send"))
        ok.setObjectName("primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 240)

    def text(self) -> str:
        return self.editor.toPlainText().strip()[:MAX_INPUT_CHARS]
