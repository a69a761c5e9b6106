"""Balances in the model picker, the low-balance warning (threshold per provider) refreshed
after sends at most once a minute, the 403 "no balance" notice linking to the balance, and
the Providers form's price overrides and threshold."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.model_choices import RowKind
from desktop.core.paths import DataDir
from desktop.core.providers import ProviderError, ProviderProfile, ProviderRegistry
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
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]


@pytest.fixture
def watched(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch,
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


def billing_requests(fake: FakeProvider) -> int:
    return sum(1 for r in fake.requests if "billing/subscription" in r.path)


def test_picker_shows_the_balance_and_warns_when_low(
        watched: ChatWindow, fake_provider: FakeProvider, artifacts_dir: Path) -> None:
    chat, pane = watched, watched.window.chat
    balances = chat.parts.balances
    assert balances is not None
    chat.wait(lambda: pane.balance_warning.isVisible())
    assert pane.balance_warning.text() == "⚠ Low balance: $2.00 left"
    assert "warned below 5" in pane.balance_warning.toolTip()
    picker = pane.model_picker
    picker.open_popup()
    headers = [r.text for r in picker.shown_rows() if r.kind is RowKind.HEADER]
    assert "fake  ·  ⚠ $2.00 left" in headers
    chat.window.grab().save(str(artifacts_dir / "usage-picker-balance.png"))
    picker.popup.hide()
    assert billing_requests(fake_provider) == 1

    chat.type_and_send("hello")
    chat.wait(chat.idle)
    assert billing_requests(fake_provider) == 1  # under a minute since the last check
    now = balances.clock()
    balances.clock = lambda: now + 61
    fake_provider.billing = Billing("openai", limit_usd=50.0, used_usd=10.0)
    chat.type_and_send("again")
    chat.wait(lambda: chat.idle() and billing_requests(fake_provider) == 2)
    chat.wait(lambda: not pane.balance_warning.isVisible())


def test_insufficient_balance_links_to_the_balance(
        watched: ChatWindow, fake_provider: FakeProvider) -> None:
    chat, pane = watched, watched.window.chat
    chat.wait(lambda: pane.balance_warning.isVisible())
    fake_provider.script("/chat/completions", Reply.error(
        403, "Insufficient balance: please top up", code="insufficient_user_quota"))
    chat.type_and_send("hello")
    chat.wait(lambda: chat.idle() and pane.notice.isVisible())
    assert "no balance left" in pane.notice_label.text()
    assert pane.notice_action.text() == "Show balance"
    pane.notice_action.click()
    dialog = chat.parts.providers.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.balance.profile is not None and dialog.balance.profile.name == "fake"
    chat.wait(lambda: "$2.00 left of $50.00" in dialog.balance.label.text())
    dialog.reject()


def test_form_edits_price_overrides_and_the_threshold(qtbot: QtBot) -> None:
    form = ProviderForm()
    qtbot.addWidget(form)
    form.load(ProviderProfile(name="relay", base_url="https://relay.example/v1", pricing={
        "multiplier": 1.5, "currency": "CNY", "usd_rate": 7.2,
        "models": {"own-model": {"input": 1.0, "output": 2.0}}}))
    costs = form.costs
    assert costs.multiplier.value() == 1.5 and costs.currency.currentText() == "CNY"
    assert costs.model_prices.toPlainText() == "own-model = 1, 2"
    assert not costs.warn.isChecked()
    edits: list[bool] = []
    form.edited.connect(lambda: edits.append(True))
    costs.model_prices.setPlainText("own-model = 1, 2\nnew-model = 0.5, 1.5, 0.05")
    costs.warn.setChecked(True)
    costs.threshold.setValue(20)
    assert edits
    profile = form.profile()
    assert profile.low_balance == 20
    assert profile.pricing["models"]["new-model"] == {"input": 0.5, "output": 1.5,
                                                      "cached_input": 0.05}
    assert profile.pricing["usd_rate"] == 7.2
    costs.currency.setCurrentText("USD")
    costs.multiplier.setValue(1.0)
    costs.model_prices.clear()
    assert form.profile().pricing == {}
    costs.model_prices.setPlainText("broken line")
    with pytest.raises(ProviderError, match="line 1"):
        form.profile()
    costs.model_prices.setPlainText("m = 1, -2")
    with pytest.raises(ProviderError, match="output price"):
        form.profile()


@pytest.mark.parametrize("bad", [-1, float("nan"), "5", True, 2e9])
def test_a_threshold_out_of_range_is_refused(bad: object) -> None:
    with pytest.raises(ProviderError, match="low-balance warning"):
        ProviderProfile(name="r", base_url="https://r.example/v1", low_balance=bad)  # type: ignore[arg-type]
