"""Help → About: version, where the data and the log are, which keyring is in use, the Qt and
Python versions, and "Copy diagnostics" (the self-test's output, secrets redacted)."""

from __future__ import annotations

import asyncio
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.redaction import redact
from desktop.ui.task_runner import TaskRunner

DIAGNOSTICS_TIMEOUT_S = 90


def self_test_command() -> list[str]:
    """This copy's own `--self-test` (the bundle's executable, or this Python's package)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--self-test"]
    return [sys.executable, "-m", "desktop", "--self-test"]


async def diagnostics() -> str:
    """The self-test's output, run in its own process (its checks open a window and ask the
    keyring, which must not block this one), with secrets redacted."""
    process = await asyncio.create_subprocess_exec(
        *self_test_command(), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    try:
        out, _err = await asyncio.wait_for(process.communicate(), DIAGNOSTICS_TIMEOUT_S)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    return redact(out.decode("utf-8", errors="replace"))


def keyring_backend() -> str:
    """The keyring backend in use (imports keyring: run off the UI thread)."""
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


class AboutDialog(QDialog):
    """Facts about this installation, and a button that copies the diagnostics."""

    def __init__(self, data_dir: Path, log_file: Path, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._tasks = tasks
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{APP_NAME}</b> {__version__}")
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        form = QFormLayout()
        self.keyring_label = QLabel("…")
        rows = (
            (self.tr("Data directory"), str(data_dir)),
            (self.tr("Log file"), str(log_file)),
            (self.tr("Keyring"), self.keyring_label),
            (self.tr("Qt"), f"{qVersion()} (PySide6 {pyside_version})"),
            (self.tr("Python"), f"{platform.python_version()} ({sys.platform})"),
        )
        for label, value in rows:
            widget = value if isinstance(value, QLabel) else QLabel(value)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy diagnostics"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_diagnostics)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        tasks.start(asyncio.to_thread(keyring_backend), name="keyring backend",
                    on_success=self.keyring_label.setText,
                    on_failure=lambda exc: self.keyring_label.setText(str(exc)))

    def copy_diagnostics(self) -> None:
        self.copy_button.setEnabled(False)
        self.status.setText(self.tr("Running the self-test…"))

        def done(text: str) -> None:
            QGuiApplication.clipboard().setText(text)
            self.status.setText(self.tr("Diagnostics copied (secrets removed)."))
            self.copy_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            self.status.setText(self.tr("The self-test could not run: %1").replace(
                "%1", str(exc) or type(exc).__name__))
            self.copy_button.setEnabled(True)

        self._tasks.start(diagnostics(), name="diagnostics", on_success=done,
                          on_failure=failed)
