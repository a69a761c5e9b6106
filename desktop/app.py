"""GUI start-up: data dir, logging, QApplication, theme, the qasync loop and the main window."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_ID, APP_NAME, __version__
from desktop.core.logs import setup_logging
from desktop.core.paths import DataDir, resolve_data_dir
from desktop.core.settings import Settings
from desktop.core.threads import prefer_short_gil_slices

if TYPE_CHECKING:  # Qt is imported lazily so that `--help` and the CLI start fast
    from PySide6.QtWidgets import QApplication, QWidget


log = logging.getLogger(__name__)
_started = time.monotonic()


def _prepare_platform() -> None:
    """Use the offscreen platform when there is no display at all, instead of aborting."""
    if sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"


def create_qapplication() -> QApplication:
    _prepare_platform()
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setOrganizationName(APP_NAME)
    return app


def save_screenshot(window: QWidget, path: Path) -> bool:
    """Save what the display server shows of `window` (or its own rendering when offscreen)."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() == "offscreen":
        pixmap = window.grab()
    else:
        screen = window.screen() or QGuiApplication.primaryScreen()
        pixmap = screen.grabWindow(0, window.x(), window.y(), window.width(), window.height())
    path.parent.mkdir(parents=True, exist_ok=True)
    return bool(pixmap.save(str(path), "PNG"))


def run_gui(
    data_dir_arg: str | None, *, debug: bool = False, screenshot: str | None = None
) -> int:
    data_dir: DataDir = resolve_data_dir(data_dir_arg).ensure()
    log_path = setup_logging(data_dir.logs, level=logging.DEBUG if debug else logging.INFO)
    log.info("%s %s starting; data dir %s", APP_NAME, __version__, data_dir.root)

    import qasync
    from PySide6.QtCore import QTimer

    from desktop.core.window_state import WindowState
    from desktop.ui.gui_session import GuiSession
    from desktop.ui.language import install_language
    from desktop.ui.single_instance import SingleInstance, raise_running_instance, server_name
    from desktop.ui.theme import apply_theme

    prefer_short_gil_slices()  # the UI thread and worker threads share the GIL in 1 ms slices
    app = create_qapplication()
    instance_name = server_name(data_dir.root)
    if screenshot is None and raise_running_instance(instance_name):
        log.info("%s already runs with this data directory: its window was raised", APP_NAME)
        print(f"{APP_NAME} is already running with {data_dir.root}; its window was raised.")
        return 0
    settings = Settings(data_dir.settings_file)
    apply_theme(app, settings.get("ui.theme"))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    install_language(app, settings.get("ui.language"))  # the window follows later changes
    session = GuiSession(data_dir, settings, WindowState(data_dir.window_state_file))
    single = SingleInstance(instance_name, session) if screenshot is None else None
    if single is not None:
        single.raise_requested.connect(session.bring_to_front)
    session.start(_started)
    log.info("main window shown after %.0f ms (log: %s)", (time.monotonic() - _started) * 1000,
             log_path)

    if screenshot:
        def shoot() -> None:
            ok = save_screenshot(session.window, Path(screenshot))
            log.info("screenshot %s: %s", screenshot, "saved" if ok else "FAILED")
            session.window.close()

        QTimer.singleShot(1500, shoot)

    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    with loop:
        loop.run_until_complete(quit_event.wait())
    session.window.tasks.cancel_all()
    session.close_stores()
    log.info("%s stopped", APP_NAME)
    return 0
