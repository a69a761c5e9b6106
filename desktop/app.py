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

    from desktop.core.store.store import Store
    from desktop.core.window_state import WindowState
    from desktop.ui.main_window import MainWindow
    from desktop.ui.window_assembly import WindowParts

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


async def open_history(window: MainWindow, data_dir: DataDir, settings: Settings,
                       window_state: WindowState, opened: list[Store]) -> WindowParts:
    """Open the Store off the UI thread, then build the controllers around it."""
    from desktop.core.chat_service import ChatService
    from desktop.core.providers import ProviderRegistry
    from desktop.core.store.store import Store

    store = await asyncio.to_thread(Store.open, data_dir)
    opened.append(store)
    providers = await asyncio.to_thread(ProviderRegistry, data_dir.root)
    if store.backup_made is None and store.recovered_messages:
        window.statusBar().showMessage(window.tr(
            "Replies cut off by the last exit were kept and marked as interrupted."), 10000)
    # KeyAccess: keyring reads with a timeout, plus keys kept for this session only.
    from desktop.core.api.limits import ResponseLimits
    from desktop.core.key_access import KeyAccess
    from desktop.ui.window_assembly import assemble

    service = ChatService(store, providers, secrets=KeyAccess(),
                          limits=ResponseLimits.from_settings(settings))
    parts = assemble(window, store, service, settings, window_state)
    # Core's own sentences (loading problems, a read-only directory, a failed backup), all
    # shown at once: one notice each would replace the one before.
    notices = [*providers.warnings, store.read_only, store.backup_problem]
    if shown := "\n".join(n for n in notices if n):
        window.chat.show_notice(shown)
    if store.read_only:  # the notice goes when a conversation opens; the badge stays
        window.show_read_only(store.read_only)
    return parts


def run_gui(
    data_dir_arg: str | None, *, debug: bool = False, screenshot: str | None = None
) -> int:
    data_dir: DataDir = resolve_data_dir(data_dir_arg).ensure()
    log_path = setup_logging(data_dir.logs, level=logging.DEBUG if debug else logging.INFO)
    log.info("%s %s starting; data dir %s", APP_NAME, __version__, data_dir.root)

    import qasync
    from PySide6.QtCore import QTimer

    from desktop.core.window_state import WindowState
    from desktop.ui.language import install_language
    from desktop.ui.main_window import MainWindow
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
    window_state = WindowState(data_dir.window_state_file)
    window = MainWindow(window_state=window_state, settings=settings)
    if settings.load_problem:
        window.statusBar().showMessage(settings.load_problem, 15000)
    single = SingleInstance(instance_name, window) if screenshot is None else None
    if single is not None:
        single.raise_requested.connect(window.bring_to_front)
    window.show()
    log.info("main window shown after %.0f ms (log: %s)", (time.monotonic() - _started) * 1000,
             log_path)
    opened: list[Store] = []

    def after_first_paint() -> None:
        # The history opens once the window is on screen, so a big database cannot delay it.
        log.info("main window painted after %.0f ms", (time.monotonic() - _started) * 1000)
        window.tasks.start(open_history(window, data_dir, settings, window_state, opened),
                           name="open history",
                           on_failure=lambda exc: window.history_failed(str(exc)))

    QTimer.singleShot(0, after_first_paint)

    if screenshot:
        def shoot() -> None:
            ok = save_screenshot(window, Path(screenshot))
            log.info("screenshot %s: %s", screenshot, "saved" if ok else "FAILED")
            window.close()

        QTimer.singleShot(1500, shoot)

    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    with loop:
        loop.run_until_complete(quit_event.wait())
    window.tasks.cancel_all()
    for store in opened:
        store.close()
    log.info("%s stopped", APP_NAME)
    return 0
