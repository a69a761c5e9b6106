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
    return 0


if __name__ == "__main__":
    sys.exit(main())
