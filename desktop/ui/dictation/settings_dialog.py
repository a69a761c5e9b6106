"""Dictation settings (the microphone button's context menu): provider, model, language."""

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
from desktop.ui.speech_settings import provider_choice

KNOWN_MODELS = ("whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe")


class DictationSettingsDialog(QDialog):
    """Edits the `dictation.*` settings; OK writes them."""

    def __init__(self, settings: Settings, providers: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Dictation"))
        form = QFormLayout(self)
        self.provider = provider_choice(self, providers, str(settings.get("dictation.provider")),
                                        self.tr("The conversation's provider"))
        self.model = QComboBox(self)
        self.model.setEditable(True)  # gateways name their speech-to-text models freely
        self.model.addItems(list(KNOWN_MODELS))
        self.model.setCurrentText(str(settings.get("dictation.model")))
        self.language = QLineEdit(str(settings.get("dictation.language")), self)
        self.language.setPlaceholderText(self.tr("Detected (or a code such as en, de, zh)"))
        hint = QLabel(self.tr("The recording goes to the provider's /audio/transcriptions; "
                              "the text is typed at the composer's cursor."), self)
        hint.setWordWrap(True)
        for label, widget in ((self.tr("Provider:"), self.provider),
                              (self.tr("Model:"), self.model),
                              (self.tr("Language:"), self.language)):
            widget.setAccessibleName(label.rstrip(":"))
            form.addRow(label, widget)
        form.addRow(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.set("dictation.provider", str(self.provider.currentData() or ""))
        self.settings.set("dictation.model", self.model.currentText().strip()
                          or Settings.default("dictation.model"))
        self.settings.set("dictation.language", self.language.text().strip())
        super().accept()
