"""The composer's microphone button: idle, recording (with the time), transcribing."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolButton, QWidget

from desktop.ui.resources import icon


class DictationState(Enum):
    IDLE = "idle"
    RECORDING = "recording"
    TRANSCRIBING = "transcribing"


class DictationButton(QToolButton):
    """Click to record, click again to stop and transcribe; shows how long it has recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flat")
        self.state = DictationState.IDLE
        self.elapsed_ms = 0
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.retranslate_ui()

    def set_state(self, state: DictationState, elapsed_ms: int = 0) -> None:
        self.state = state
        self.elapsed_ms = elapsed_ms
        self.retranslate_ui()

    def time_text(self) -> str:
        seconds = self.elapsed_ms // 1000
        return f"{seconds // 60}:{seconds % 60:02d}"

    def retranslate_ui(self) -> None:
        recording = self.state is DictationState.RECORDING
        self.setObjectName("recording" if recording else "flat")
        self.setIcon(QIcon() if recording else icon("microphone"))
        self.setEnabled(self.state is not DictationState.TRANSCRIBING)
        if recording:
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.setText(self.tr("● {0}  Stop").format(self.time_text()))
            tip = self.tr("Recording {0}: click to stop and transcribe").format(self.time_text())
        elif self.state is DictationState.TRANSCRIBING:
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.setText(self.tr("Transcribing…"))
            tip = self.tr("Transcribing…")
        else:
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            self.setText("")
            tip = self.tr("Dictate: record speech and type it at the cursor")
        self.setToolTip(tip)
        self.setAccessibleName(self.tr("Stop recording") if recording else self.tr("Dictate"))
        self.setAccessibleDescription(tip)
        self.style().unpolish(self)
        self.style().polish(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
