"""The small dialogs of the follow-ups a finished task offers: "Extend…" a Luma video (the
prompt of what comes next) and "Continue from…" a Suno clip (a prompt and the second to
continue at). Not blocking: the wiring opens them and reads `text()` / `seconds()` on OK.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.tasks import TaskRecord
from desktop.ui.studio.queue_model import task_title

MAX_INPUT_CHARS = 6000
MAX_SECONDS = 3600.0


class FollowUpDialog(QDialog):
    """Asks for the prompt of a follow-up task; with `clip` set, also where to continue."""

    def __init__(self, record: TaskRecord, *, clip: str | None = None, at: float = 0.0,
                 duration: float | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.task_id = record.id
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = task_title(record)[:120]
        if clip is None:
            self.setWindowTitle(self.tr("Extend the video"))
            intro = self.tr("Luma continues “%1” from its last frame. Describe what happens "
                            "next.").replace("%1", title)
        else:
            self.setWindowTitle(self.tr("Continue the song"))
            intro = self.tr("Suno continues “%1” from the second you choose. Describe (or "
                            "write the lyrics of) what comes next.").replace("%1", clip[:120])
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("followUpPrompt")
        self.editor.setTabChangesFocus(True)
        self.editor.setPlainText(record.prompt[:MAX_INPUT_CHARS])
        self.editor.setMinimumHeight(90)
        form.addRow(self.tr("Prompt"), self.editor)
        self.at: QDoubleSpinBox | None = None
        if clip is not None:
            self.at = QDoubleSpinBox()
            self.at.setObjectName("continueAt")
            self.at.setDecimals(1)
            self.at.setSuffix(self.tr(" s"))
            self.at.setRange(0.0, min(duration, MAX_SECONDS) if duration else MAX_SECONDS)
            self.at.setValue(at)
            form.addRow(self.tr("Continue at"), self.at)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Extend") if clip is None else self.tr("Continue"))
        ok.setObjectName("primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def text(self) -> str:
        return self.editor.toPlainText().strip()[:MAX_INPUT_CHARS]

    def seconds(self) -> float:
        return round(self.at.value(), 1) if self.at is not None else 0.0
