"""Screenshots of a three-column compare with one failed model, light and dark, in the real
window; left in the artifacts directory (and in $SWITCHBOARD_SHOTS as compare-*.png)."""

from __future__ import annotations

import asyncio
import os
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.core.store.compare_ops import CompareTarget
from desktop.ui import theme
from desktop.ui.compare.chooser import CompareChooser
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_compare import route_by_model
from tests.helpers.fake_provider import FakeProvider

TEXTS = {
    "gpt-4o-mini": (
        "Use **`csv.DictReader`** from the standard library:\n\n```python\nimport csv\n\n"
        "with open(\"sales.csv\", newline=\"\") as f:\n    total = sum(float(r[\"amount\"]) "
        "for r in csv.DictReader(f))\n```\n\nIt streams rows, so memory stays flat even "
        "for very large files."),
    "claude-3-5-haiku": (
        "Two good options:\n\n1. **pandas**: `pd.read_csv(\"sales.csv\")[\"amount\"].sum()` "
        "— shortest, but loads the whole file.\n2. **csv module**: no dependency, streams "
        "the rows.\n\nFor a one-off script on a big file, prefer the csv module."),
}
TARGETS = [CompareTarget("fake", "gpt-4o-mini", {"temperature": 0.2}),
           CompareTarget("fake", "claude-3-5-haiku"),
           CompareTarget("fake", "llama-3.1-70b", {"max_tokens": 800})]


def save(chat: ChatWindow, directory: Path, name: str) -> None:
    chat.wait(lambda: True, timeout=0.3)
    target = directory / name
    assert chat.window.grab().save(str(target))
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    if shots:
        shutil.copy(target, Path(shots) / name)


def test_three_columns_one_failed_light_and_dark(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, artifacts_dir: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    route_by_model(fake_provider, TEXTS, failing=("llama",))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, "light")
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1440, 900)
        chat.window.parameters.hide()  # room for three columns
        pane = chat.window.chat
        pane.composer.setPlainText("How do I sum one column of a large CSV file in Python?")
        pane.compare_button.click()
        chat.wait(lambda: chat.window.findChild(CompareChooser) is not None)
        dialog = chat.window.findChild(CompareChooser)
        assert isinstance(dialog, CompareChooser)
        dialog.add_button.click()
        for row, target in zip(dialog.rows, TARGETS, strict=True):
            row.set_target(target)
        chat.wait(lambda: True, timeout=0.3)
        assert dialog.grab().save(str(artifacts_dir / "compare-chooser-light.png"))
        if os.environ.get("SWITCHBOARD_SHOTS"):
            shutil.copy(artifacts_dir / "compare-chooser-light.png",
                        Path(os.environ["SWITCHBOARD_SHOTS"]) / "compare-chooser-light.png")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        chat.wait(lambda: chat.idle() and len(pane.compare_view.columns) == 3
                  and not any(c.running for c in pane.compare_view.columns))
        save(chat, artifacts_dir, "compare-light.png")
        theme.apply_theme(app, "dark")
        save(chat, artifacts_dir, "compare-dark.png")
        # the next message goes on in every column: streaming, each with its own Stop
        route_by_model(fake_provider, TEXTS, failing=("nothing",), delay=0.05)
        chat.type_and_send("And with pandas?")
        columns = pane.compare_view.columns
        chat.wait(lambda: all(c.running for c in columns), timeout=20)
        shot_at = time.monotonic() + 0.8  # some words in (a picture, not an assertion)
        chat.wait(lambda: time.monotonic() > shot_at)
        save(chat, artifacts_dir, "compare-streaming-dark.png")
        chat.wait(chat.idle, timeout=30)
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
