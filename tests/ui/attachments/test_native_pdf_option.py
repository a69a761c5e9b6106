"""The provider form's "Send PDFs natively" option is saved with the profile and shown again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.core.providers import ProviderRegistry
from tests.ui.test_providers_dialog import Harness, harness

__all__ = ["harness"]


def test_send_pdfs_natively_round_trip(qtbot: QtBot, harness: Harness) -> None:
    dialog = harness.dialog
    dialog.add_from_template("openrouter")
    form = dialog.form
    assert not form.native_pdfs.isChecked()  # off by default: text works everywhere
    assert form.native_pdfs.text() == "Send PDFs natively"
    form.native_pdfs.setChecked(True)
    form.key_source.setCurrentIndex(form.key_source.findData("env"))  # no keyring to ask
    form.key_env.setText("OPENROUTER_API_KEY")
    assert dialog.save_button.isEnabled()
    assert dialog.save_current() is True
    assert ProviderRegistry(harness.tmp_path).get("OpenRouter").send_pdfs_natively is True
    form.native_pdfs.setChecked(False)
    form.load(ProviderRegistry(harness.tmp_path).get("OpenRouter"))
    assert form.native_pdfs.isChecked()  # the form shows what was saved
