"""Key dialogs: the keyring-failure choices and the key prompt, driven with qtbot."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.key_prompt import KeyFallback, KeyPromptDialog, KeyringProblemDialog


def test_keyring_problem_defaults_to_session_and_checks_the_variable(qtbot: QtBot) -> None:
    dialog = KeyringProblemDialog("Relay", "The system keyring refused: locked", env_suggestion="")
    qtbot.addWidget(dialog)
    assert "locked" in dialog.reason.text()
    assert dialog.choice is KeyFallback.SESSION
    qtbot.keyClicks(dialog.env_name, "not a name")
    assert dialog.choice is KeyFallback.ENV  # typing a name picks that way
    dialog._accept()
    assert dialog.result() == 0 and not dialog.message.isHidden()
    dialog.env_name.setText("RELAY_API_KEY")
    dialog._accept()
    assert dialog.result() == KeyringProblemDialog.DialogCode.Accepted
    assert dialog.variable() == "RELAY_API_KEY"


def test_key_prompt_needs_a_key(qtbot: QtBot) -> None:
    dialog = KeyPromptDialog("Relay", "No key for Relay is stored.")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.key, "  sk-test-abc ")
    assert dialog.ok_button.isEnabled()
    assert dialog.typed_key() == "sk-test-abc"
    assert dialog.remember.isChecked()
