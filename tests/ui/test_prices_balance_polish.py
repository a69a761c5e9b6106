"""The picker's balance note in amber when low (light and dark) and muted otherwise, and the
Providers form's prices in a section of their own. Screenshots in $SWITCHBOARD_SHOTS."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.model_choices import RowKind
from desktop.core.paths import DataDir
from desktop.core.providers import ProviderProfile, ProviderRegistry
from desktop.ui import theme
from desktop.ui.model_list import low_balance_colour
from desktop.ui.provider_form import ProviderForm
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_billing import Billing
from tests.helpers.fake_provider import FakeProvider


@pytest.fixture
def low(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch,
        qasync_loop: asyncio.AbstractEventLoop) -> Iterator[ChatWindow]:
    """The window on provider "fake", warned below $5, whose relay has $2 of $50 left."""
    monkeypatch.setenv(KEY_ENV, fake_key())
    data: DataDir = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    ProviderRegistry(data.root).update("fake", low_balance=5.0)
    fake_provider.billing = Billing("openai", limit_usd=50.0, used_usd=48.0)
    chat = open_window(data, qasync_loop)
    yield chat
    if chat.window.isVisible():
        chat.close()
    chat.store.close()


def amber_pixels(image: QImage, colour: QColor) -> int:
    """Pixels within a small distance of `colour` (the glyphs' cores)."""
    count = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            pixel = image.pixelColor(x, y)
            if (abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green())
                    + abs(pixel.blue() - colour.blue())) < 40:
                count += 1
    return count


def header_image(chat: ChatWindow) -> QImage:
    """The picker's list, top rows (the provider's header is the first)."""
    popup = chat.window.chat.model_picker.popup
    view = popup.view
    return view.viewport().grab().toImage().copy(0, 0, view.viewport().width(), 40)


def test_low_balance_note_is_amber_and_a_normal_one_muted(
        low: ChatWindow, fake_provider: FakeProvider) -> None:
    chat, pane = low, low.window.chat
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.palette(), app.styleSheet(), theme.current_colors())
    balances = chat.parts.balances
    assert balances is not None
    chat.wait(lambda: pane.balance_warning.isVisible())
    picker = pane.model_picker
    try:
        for scheme in ("light", "dark"):
            theme.apply_theme(app, scheme)
            picker.open_popup()
            headers = [r.text for r in picker.shown_rows() if r.kind is RowKind.HEADER]
            assert "fake  ·  ⚠ $2.00 left" in headers
            assert amber_pixels(header_image(chat), low_balance_colour()) > 5, scheme
            shots = os.environ.get("SWITCHBOARD_SHOTS")
            if shots:
                assert picker.popup.grab().save(
                    str(Path(shots) / f"polish-picker-low-balance-{scheme}.png"))
            picker.popup.hide()
        # enough left again: the note is muted, no amber
        fake_provider.billing = Billing("openai", limit_usd=50.0, used_usd=10.0)
        balances.refresh("fake", force=True)
        chat.wait(lambda: not pane.balance_warning.isVisible())
        picker.open_popup()
        headers = [r.text for r in picker.shown_rows() if r.kind is RowKind.HEADER]
        assert "fake  ·  $40.00 left" in headers
        assert amber_pixels(header_image(chat), low_balance_colour()) == 0
        picker.popup.hide()
    finally:
        app.setPalette(saved[0])
        app.setStyleSheet(saved[1])
        theme._current = saved[2]


def test_prices_have_their_own_section(qtbot: QtBot) -> None:
    form = ProviderForm()
    qtbot.addWidget(form)
    form.load(ProviderProfile(name="relay", base_url="https://relay.example/v1",
                              low_balance=20.0, pricing={
                                  "multiplier": 1.5, "currency": "CNY", "usd_rate": 7.2,
                                  "models": {"own-model": {"input": 1.0, "output": 2.0}}}))
    form.setEnabled(True)
    form.resize(560, 640)
    form.show()
    assert not form.advanced.isAncestorOf(form.costs)  # not among the connection options
    assert form.costs_toggle.text() == "Prices and balance"
    assert form.costs.isHidden() and form.advanced.isHidden()
    form.costs_toggle.click()
    assert form.costs.isVisible() and form.advanced.isHidden()
    assert form.costs.threshold.value() == 20.0
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    app = QApplication.instance()
    if shots and isinstance(app, QApplication):
        saved = (app.palette(), app.styleSheet(), theme.current_colors())
        for scheme in ("light", "dark"):
            theme.apply_theme(app, scheme)
            app.processEvents()  # the new style's sizes laid out before the picture
            form.layout().activate()
            assert form.grab().save(str(Path(shots) / f"polish-providers-prices-{scheme}.png"))
        app.setPalette(saved[0])
        app.setStyleSheet(saved[1])
        theme._current = saved[2]
    form.costs_toggle.click()
    assert form.costs.isHidden()
