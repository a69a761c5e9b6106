"""Dialogs about keys: asking for one, and what to do when the keyring cannot keep it.

There is no plain-text fallback: when the system keyring is absent, locked or refuses, the
user chooses between keeping the key in memory for this session only and reading it from an
environment variable.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.parameter_panel import error_color


class KeyFallback(StrEnum):
    SESSION = "session"
    ENV = "env"


class KeyringProblemDialog(QDialog):
    """Tells why the keyring failed and offers the session-only or environment-variable way."""

    def __init__(
        self, provider: str, reason: str, *, env_suggestion: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keyringProblemDialog")
        self.provider = provider
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(f"color: {error_color()};")
        layout.addWidget(self.reason)
        self.never = QLabel()
        self.never.setWordWrap(True)
        layout.addWidget(self.never)
        self.session_choice = QRadioButton()
        self.env_choice = QRadioButton()
        group = QButtonGroup(self)
        group.addButton(self.session_choice)
        group.addButton(self.env_choice)
        self.session_choice.setChecked(True)
        layout.addWidget(self.session_choice)
        layout.addWidget(self.env_choice)
        self.env_name = QLineEdit(env_suggestion)
        self.env_name.setPlaceholderText("OPENAI_API_KEY")
        self.env_name.textEdited.connect(lambda _text: self.env_choice.setChecked(True))
        layout.addWidget(self.env_name)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {error_color()};")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("The key could not be stored"))
        self.intro.setText(
            self.tr("The key for <b>%1</b> was not saved.").replace("%1", _escape(self.provider))
        )
        self.never.setText(
            self.tr("Switchboard never writes keys to its own files. Choose how to go on:")
        )
        self.session_choice.setText(
            self.tr("Keep the key in memory for this session only (asked again next start)")
        )
        self.env_choice.setText(self.tr("Read the key from an environment variable:"))
        self.env_name.setAccessibleName(self.tr("Environment variable name"))
        if not self.message.isHidden():
            self.message.setText(self.tr("Enter a variable name (letters, digits and _)."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def choice(self) -> KeyFallback:
        return KeyFallback.ENV if self.env_choice.isChecked() else KeyFallback.SESSION

    def variable(self) -> str:
        return self.env_name.text().strip()

    def _accept(self) -> None:
        if self.choice is KeyFallback.ENV and not self.variable().isidentifier():
            self.message.setText(self.tr("Enter a variable name (letters, digits and _)."))
            self.message.show()
            return
        self.accept()


class KeyPromptDialog(QDialog):
    """Asks for a provider's key (when none is stored or the stored one was rejected)."""

    def __init__(self, provider: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyPromptDialog")
        self.provider = provider
        layout = QVBoxLayout(self)
        if reason:
            why = QLabel(reason)
            why.setWordWrap(True)
            layout.addWidget(why)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.key)
        self.remember = QCheckBox()
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.key.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("API key for %1").replace("%1", self.provider))
        self.key.setAccessibleName(self.tr("API key"))
        self.key.setPlaceholderText(self.tr("Paste the API key"))
        self.remember.setText(self.tr("Save it in the system keyring"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def typed_key(self) -> str:
        return self.key.text().strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
