"""The balance row of the Providers dialog: Refresh asks the fake provider's billing
endpoints, the endpoint found is remembered, "not offered" is said plainly; light and dark."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.providers import KeySource, ProviderProfile
from desktop.ui import theme
from tests.helpers.fake_billing import Billing
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.memory_keyring import MemoryKeyring
from tests.ui.test_providers_dialog import Harness

__all__ = ["fake_provider"]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_refresh_shows_and_remembers_the_balance(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path,
    fake_provider: FakeProvider, artifacts_dir: Path, mode: str,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet())
    theme.apply_theme(app, mode)
    try:
        harness = Harness(qtbot, tmp_path, MemoryKeyring())
        for name, url in (("Relay", fake_provider.base_url),
                          ("Plain", fake_provider.url + "/plain/v1")):
            harness.editor.add(ProviderProfile(name=name, base_url=url, max_retries=0,
                                               key_source=KeySource.NONE))
        dialog = harness.dialog
        dialog.show()
        fake_provider.billing = Billing("wrapped", limit_usd=50.0, used_usd=12.5)
        dialog.select("Relay")
        row = dialog.balance
        assert row.isVisibleTo(dialog)
        assert row.label.text() == "Balance: not checked yet."
        assert fake_provider.requests == []  # nothing is asked before Refresh
        task = row.refresh()
        assert task is not None and not row.refresh_button.isEnabled()
        qasync_loop.run_until_complete(task)
        assert row.label.text() == "Balance: $37.50 left of $50.00"
        assert row.refresh_button.isEnabled()
        assert harness.registry.get("Relay").balance_api == "openai-billing"
        qtbot.wait(50)
        assert dialog.grab().save(str(artifacts_dir / f"cost-balance-{mode}.png"))

        dialog.select("Plain")
        task = row.refresh()
        assert task is not None
        qasync_loop.run_until_complete(task)
        assert row.label.text() == "Balance: not offered by this provider."
        assert harness.registry.get("Plain").balance_api == "none"
        dialog.select("Relay")
        dialog.select("Plain")
        assert row.label.text() == "Balance: not offered by this provider."  # remembered
    finally:
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
