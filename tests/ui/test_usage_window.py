"""The usage view in the real window on a real SQLite history: its figures equal the store's
sums, a top conversation opens on double-click, CSV export, Recalculate costs with progress;
the composer's pre-send estimate."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.core.pricing.cost import MessageCost
from desktop.core.pricing.estimate import estimate_text_tokens
from desktop.core.pricing.prices import PriceSheet
from desktop.core.pricing.prompt_estimate import estimate_next_prompt
from desktop.core.reply_parts import Usage
from desktop.core.store.models import Role
from desktop.core.store.usage_queries import UsageGrouping
from desktop.ui.usage.tables import ConversationIdRole
from desktop.ui.usage.window import UsageWindow
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import fake_provider
from tests.helpers.usage_history import seed_usage

__all__ = ["fake_provider"]


def open_usage(chat: ChatWindow) -> UsageWindow:
    chat.window.usage_action.trigger()
    usage = chat.parts.usage
    assert usage is not None and usage.window is not None
    window = usage.window
    chat.wait(lambda: window.report is not None and window.loading is not None
              and window.loading.done())
    return window


def test_usage_view_figures_equal_the_store_and_open_conversations(
        chat: ChatWindow, tmp_path: Path) -> None:
    seeded = seed_usage(chat.store, days=20, conversations=9)
    window = open_usage(chat)
    report = window.report
    assert report is not None and report.currency == "USD"
    since = window.query().since
    rows = [r for r in chat.store.usage_by("provider", since=since) if r.currency == "USD"]
    assert report.total_cost == pytest.approx(sum(r.cost for r in rows))
    assert report.total_replies == sum(r.replies for r in rows)
    assert window.cards["replies"].text() == f"{report.total_replies:,}"
    assert window.table_model.rowCount() == len(report.cells)
    chart_sum = sum(sum(bar_set.at(i) for i in range(bar_set.count()))
                    for bar_set in window.time_chart.sets.values())
    assert chart_sum == pytest.approx(report.total_cost)
    assert window.currency_box.isVisible()  # SiliconFlow bills in CNY: offered apart
    assert seeded.cost is not None and "CNY" in seeded.cost

    window.series_box.setCurrentIndex(window.series_box.findData(str(UsageGrouping.MODEL)))
    chat.wait(lambda: window.report is not None
              and window.report.query.series is UsageGrouping.MODEL)
    chat.wait(lambda: window.loading is not None and window.loading.done())
    window.metric_box.setCurrentIndex(1)  # tokens: drawn again from the same report
    tokens = sum(sum(s.at(i) for i in range(s.count())) for s in window.time_chart.sets.values())
    assert tokens == window.report.total_tokens

    path = window.export_csv(str(tmp_path / "usage.csv"))
    assert path is not None
    lines = list(csv.reader(path.open(encoding="utf-8")))
    assert lines[0][:3] == ["day", "model", "currency"] and len(lines) > 10

    top = window.top_table
    index = top.model().index(0, 0)
    expected = index.data(ConversationIdRole)
    assert isinstance(expected, int)
    centre = top.visualRect(index).center()
    QTest.mouseClick(top.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(top.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    chat.wait(lambda: chat.parts.state.conversation_id == expected)
    window.close()


def test_recalculate_costs_from_the_window(chat: ChatWindow) -> None:
    chat.parts.providers.registry.update("fake", pricing={
        "models": {"fake-model": {"input": 3.0, "output": 6.0}}})
    conv = chat.store.create_conversation("old prices").id
    chat.store.append_message(conv, Role.USER, "q")
    reply = chat.store.append_message(conv, Role.ASSISTANT, "a", provider="fake",
                                      model="fake-model", usage=Usage(1_000_000, 500_000))
    chat.store.set_message_costs({reply.id: MessageCost(0.01, "USD")})
    usage = chat.parts.usage
    assert usage is not None
    run = usage.recalculate(confirm=False)
    assert run is not None
    chat.wait(lambda: usage.running is None)
    cost = chat.store.get_message(reply.id).cost
    assert cost is not None and cost.amount == pytest.approx(3.0 + 3.0)
    assert "Priced 1 of 1 replies" in chat.window.statusBar().currentMessage()


def test_composer_shows_the_pre_send_estimate(chat: ChatWindow) -> None:
    chat.parts.providers.registry.update("fake", pricing={"currency": "CNY", "usd_rate": 7.0,
                                     "models": {"fake-model": {"input": 2.0, "output": 8.0}}})
    chat.parts.providers.editor.providers_changed.emit()
    label = chat.window.chat.estimate
    assert not label.isVisible()
    text = "Please summarise the attached notes in three bullet points."
    chat.window.chat.composer.setPlainText(text)
    expected = estimate_next_prompt([], text, prices=PriceSheet("CNY", 2.0, 8.0))
    chat.wait(lambda: label.isVisible() and "¥" in label.text())
    assert f"≈ {expected.tokens:,} tokens" in label.text()
    assert "(estimate)" in label.text()
    assert expected.tokens == 4 + 3 + estimate_text_tokens(text)
    chat.window.chat.composer.clear()
    chat.wait(lambda: not label.isVisible())
