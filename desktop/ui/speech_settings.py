"""Settings → Read aloud…: provider, model, voice and audio format for read aloud."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.core.settings import Settings
from desktop.core.speech import SPEECH_FORMATS

# OpenAI's voices; gateways accept others, so the voice field stays editable.
KNOWN_VOICES = ("alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage",
                "shimmer", "verse")


def provider_choice(parent: QWidget, providers: list[str], current: str,
                    default_label: str) -> QComboBox:
    """A provider picker: `default_label` (data "") first, then the providers; `current` is
    chosen, and kept as an entry even when that provider no longer exists."""
    box = QComboBox(parent)
    box.addItem(default_label, "")
    for name in providers:
        box.addItem(name, name)
    if current and box.findData(current) < 0:
        box.addItem(current, current)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class SpeechSettingsDialog(QDialog):
    """Edits the `speech.*` settings; OK writes them."""

    def __init__(self, settings: Settings, providers: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Read aloud"))
        form = QFormLayout(self)
        self.provider = provider_choice(self, providers, str(settings.get("speech.provider")),
                                        self.tr("The conversation's provider"))
        self.model = QLineEdit(str(settings.get("speech.model")), self)
        self.voice = QComboBox(self)
        self.voice.setEditable(True)
        self.voice.addItems(list(KNOWN_VOICES))
        self.voice.setCurrentText(str(settings.get("speech.voice")))
        self.format = QComboBox(self)
        self.format.addItems(list(SPEECH_FORMATS))
        self.format.setCurrentText(str(settings.get("speech.format")))
        hint = QLabel(self.tr("WAV plays everywhere; other formats need a media backend "
                              "(installs from pip have one, the bundle does not)."), self)
        hint.setWordWrap(True)
        for label, widget in ((self.tr("Provider:"), self.provider),
                              (self.tr("Model:"), self.model), (self.tr("Voice:"), self.voice),
                              (self.tr("Format:"), self.format)):
            widget.setAccessibleName(label.rstrip(":"))
            form.addRow(label, widget)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.set("speech.provider", str(self.provider.currentData() or ""))
        self.settings.set("speech.model",
                          self.model.text().strip() or Settings.default("speech.model"))
        self.settings.set("speech.voice",
                          self.voice.currentText().strip() or Settings.default("speech.voice"))
        self.settings.set("speech.format", self.format.currentText())
        super().accept()
