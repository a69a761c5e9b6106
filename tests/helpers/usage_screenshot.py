"""Screenshots of the usage view on a seeded history, light and dark.

    QT_QPA_PLATFORM=offscreen python -m tests.helpers.usage_screenshot --out /work/shots

Seeds four weeks of priced replies across providers and models (tests/helpers/usage_history),
opens the usage view the way the window does and saves `usage-view-{light,dark}.png`.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path

import qasync
from PySide6.QtWidgets import QApplication

from desktop.core.paths import DataDir
from desktop.core.store import Store
from desktop.ui.task_runner import TaskRunner
from desktop.ui.theme import apply_theme
from desktop.ui.usage.window import UsageWindow
from tests.helpers.chat_window import wait_for
from tests.helpers.usage_history import seed_usage


def shoot(app: QApplication, loop: asyncio.AbstractEventLoop, store: Store, out: Path,
          scheme: str, series: str = "provider") -> Path:
    apply_theme(app, scheme)
    tasks = TaskRunner()
    window = UsageWindow(store, tasks)
    window.resize(1180, 780)
    window.series_box.setCurrentIndex(window.series_box.findData(series))
    window.show()
    task = window.reload()
    wait_for(loop, task.done, 20)
    wait_for(loop, lambda: window.report is not None, 5)
    app.processEvents()
    path = out / f"usage-view-{scheme}{'' if series == 'provider' else '-' + series}.png"
    window.grab().save(str(path))
    window.close()
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/work/shots"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = DataDir(Path(tmp)).ensure()
        with Store.open(data_dir) as store:
            seed_usage(store, days=35, conversations=14)
            for scheme, series in (("light", "provider"), ("dark", "provider"),
                                   ("light", "model")):
                print(shoot(app, loop, store, args.out, scheme, series))
    for scheme in ("light", "dark"):
        print(shoot_picker(args.out, scheme))
    return 0


def shoot_picker(out: Path, scheme: str) -> Path:
    """The window on a relay with $2 of $50 left (warned below $5), its picker open."""
    import os

    from PySide6.QtGui import QPainter

    from desktop.core.providers import ProviderRegistry
    from tests.helpers.chat_window import KEY_ENV, add_provider, data_dir_at, fake_key
    from tests.helpers.chat_window import open_window as open_chat
    from tests.helpers.fake_billing import Billing
    from tests.helpers.fake_provider import FakeProvider

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    loop = asyncio.get_event_loop()
    apply_theme(app, scheme)
    os.environ[KEY_ENV] = fake_key()
    with tempfile.TemporaryDirectory() as tmp, FakeProvider() as fake, \
            FakeProvider() as other:
        fake.billing = Billing("openai", limit_usd=50.0, used_usd=48.0)
        other.billing = Billing("openrouter", limit_usd=100.0, used_usd=12.5)
        data = data_dir_at(Path(tmp) / "data")
        add_provider(data, other.base_url, name="OpenRouter")
        add_provider(data, fake.base_url, name="Relay")
        registry = ProviderRegistry(data.root)
        registry.update("Relay", low_balance=5.0, pricing={
            "models": {"fake-model": {"input": 3.0, "output": 15.0}}})
        registry.update("OpenRouter", balance_api="openrouter")
        chat = open_chat(data, loop)
        chat.window.resize(1180, 720)
        pane = chat.window.chat
        balances = chat.parts.balances
        assert balances is not None
        balances.refresh("OpenRouter")
        chat.wait(lambda: pane.balance_warning.isVisible()
                  and "OpenRouter" in balances.balances)
        pane.composer.setPlainText("Compare the three drafts above and suggest one title.")
        chat.wait(lambda: "$" in pane.estimate.text())
        pane.model_picker.open_popup()
        chat.wait(lambda: pane.model_picker.popup.isVisible())
        app.processEvents()
        image = chat.window.grab().toImage()
        popup = pane.model_picker.popup
        at = chat.window.mapFromGlobal(popup.mapToGlobal(popup.rect().topLeft()))
        painter = QPainter(image)
        painter.drawImage(at, popup.grab().toImage())
        painter.end()
        path = out / f"usage-picker-{scheme}.png"
        image.save(str(path))
        popup.hide()
        chat.close()
        chat.store.close()
    return path


if __name__ == "__main__":
    sys.exit(main())
