"""The reply's cost in the real window's footer ("≈" for an estimate) with its breakdown on
hover, priced through ChatService from the fake provider's usage; light and dark shots."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.core.providers import ProviderRegistry
from desktop.ui import theme
from tests.helpers.chat_window import KEY_ENV, add_provider, data_dir_at, fake_key, open_window
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_footer_shows_the_cost_and_its_breakdown(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, artifacts_dir: Path, mode: str,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    ProviderRegistry(data.root).update("fake", pricing={
        "currency": "CNY", "usd_rate": 7.0,
        "models": {"fake-model": {"input": 2.0, "cached_input": 0.5, "output": 8.0}}})
    fake_provider.usage_extra = {
        "prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500,
        "prompt_tokens_details": {"cached_tokens": 400},
        "completion_tokens_details": {"reasoning_tokens": 200}}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet())
    theme.apply_theme(app, mode)
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1100, 700)
        chat.type_and_send("What does this cost?")
        chat.wait(chat.idle)
        fake_provider.usage_extra = {}
        fake_provider.script("/chat/completions", Reply.sse([
            {"id": "c", "choices": [{"index": 0, "delta": {"content": "No usage from me."}}]},
            {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}]))
        chat.type_and_send("And without usage?")
        chat.wait(chat.idle)
        path = chat.path()
        area = chat.window.chat.chat_view.area
        priced = area.bound_widget(path[1].id)
        estimated = area.bound_widget(path[3].id)
        assert priced is not None and estimated is not None
        # 600 × 2 + 400 × 0.5 + 300 × 8 + 200 × 8 per 1M = ¥0.0054
        chat.wait(lambda: "¥0.005400" in priced.footer.text())
        assert "≈" not in priced.footer.text()
        tip = priced.footer.toolTip()
        assert "Cached input: 400 tokens × ¥0.5000/M = ¥0.000200" in tip
        assert "Reasoning: 200 tokens × ¥8.00/M = ¥0.001600" in tip
        assert "Prices: set for this provider" in tip
        chat.wait(lambda: "≈ ¥" in estimated.footer.text())
        assert "Estimated" in estimated.footer.toolTip()
        chat.wait(lambda: True, timeout=0.2)
        assert chat.window.grab().save(str(artifacts_dir / f"cost-footer-{mode}.png"))
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
