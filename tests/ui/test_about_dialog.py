"""Help → About: where things are, the keyring in use, and diagnostics without secrets."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.core.redaction import register_secret
from desktop.ui.about_dialog import AboutDialog
from tests.helpers.chat_window import ChatWindow


def test_about_shows_the_installation_and_copies_redacted_diagnostics(
    chat: ChatWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "sk-test-about-0123456789abcdef"
    register_secret(secret)
    # The self-test runs in its own process; make it print the secret, as a broken backend
    # error message might, to see that the copy is redacted.
    monkeypatch.setattr("desktop.ui.about_dialog.self_test_command",
                        lambda: ["sh", "-c", f"echo 'ok   keyring: {secret}'; "
                                             "echo 'self-test: 7 of 7 checks ok'"])
    chat.window.about_action.trigger()
    dialog = chat.window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.status)))
    assert str(chat.store.data_dir.root) in texts and "switchboard.log" in texts
    chat.wait(lambda: dialog.keyring_label.text() != "…")
    assert "." in dialog.keyring_label.text()  # module.Class of the backend in use
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    chat.wait(lambda: "self-test:" in QGuiApplication.clipboard().text(), timeout=20)
    copied = QGuiApplication.clipboard().text()
    assert secret not in copied and "ok   keyring:" in copied
    assert "copied" in dialog.status.text()
    dialog.close()
