"""The main window: sidebar | chat | parameter panel, menus and shortcuts, state restored."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.settings import Settings
from desktop.core.window_state import WindowState
from desktop.ui.chat_pane import ChatPane
from desktop.ui.help_dialog import HelpDialog
from desktop.ui.notice_bridge import NoticeBridge
from desktop.ui.parameter_panel import ParameterPanel
from desktop.ui.resources import icon
from desktop.ui.sidebar import Sidebar
from desktop.ui.task_runner import TaskRunner
from desktop.ui.theme import apply_theme

if TYPE_CHECKING:
    from desktop.core.chat_service import ChatService
    from desktop.core.store.store import Store
    from desktop.ui.chat_controller import ChatController
    from desktop.ui.provider_wiring import ProviderWiring
    from desktop.ui.read_aloud import ReadAloud
    from desktop.ui.search_results import SearchBridge

DEFAULT_SIZES = [260, 760, 280]


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def _decode(text: object) -> QByteArray | None:
    if not isinstance(text, str):
        return None
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except ValueError:
        return None


class UndoBar(QFrame):
    """A status-bar offer to undo the last destructive step, for a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 4, 0)
        self.label = QLabel()
        layout.addWidget(self.label)
        self.button = QPushButton(self.tr("Undo"))
        self.button.setObjectName("undoButton")
        self.button.setAccessibleName(self.tr("Undo"))
        self.button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.button.clicked.connect(self.undo)
        layout.addWidget(self.button)
        self._callback: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def offer(self, text: str, callback: Callable[[], None], seconds: int) -> None:
        self.label.setText(text)
        self._callback = callback
        self._timer.start(seconds * 1000)
        self.show()

    def undo(self) -> None:
        callback, self._callback = self._callback, None
        self.dismiss()
        if callback is not None:
            callback()

    def dismiss(self) -> None:
        self._timer.stop()
        self._callback = None
        self.hide()


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        window_state: WindowState | None = None,
        settings: Settings | None = None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.window_state = window_state
        self.settings = settings
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        self.controller: ChatController | None = None
        self.search_bridge: SearchBridge | None = None
        self.read_aloud: ReadAloud | None = None
        self._ready_to_close = False
        self._closing = False
        self._history_problem = ""
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("switchboard"))
        self.setMinimumSize(720, 480)

        self.sidebar = Sidebar()
        self.chat = ChatPane()
        self.parameters = ParameterPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(True)
        self.splitter.setHandleWidth(1)
        for widget in (self.sidebar, self.chat, self.parameters):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(DEFAULT_SIZES)
        self.setCentralWidget(self.splitter)
        self.undo_bar = UndoBar()
        self.statusBar().addPermanentWidget(self.undo_bar)
        self.statusBar().showMessage(self.tr("Opening history…"))
        if settings is not None:
            self.chat.composer.set_enter_sends(bool(settings.get("composer.enter_sends")))

        self.chat.toggle_sidebar.connect(self.toggle_sidebar)
        self.chat.toggle_parameters.connect(self.toggle_parameters)
        self.chat.send_requested.connect(self._on_send_before_ready)
        self.sidebar.new_chat_requested.connect(self._new_before_ready)
        self.notice_bridge = NoticeBridge(self)
        self.notice_bridge.notice.connect(self.show_notice)
        self._build_menus()
        self._build_shortcuts()
        # Follow the desktop's light/dark switch while the preference is "system".
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        self.resize(1280, 800)
        self._restore_state()

    # ----------------------------------------------------------------- menus and keys

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = file_menu.addAction(icon("new-chat"), self.tr("&New conversation"))
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_conversation)
        export = file_menu.addAction(self.tr("&Export conversation…"))
        export.triggered.connect(self._export_current)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        view_menu = bar.addMenu(self.tr("&View"))
        search = view_menu.addAction(icon("search"), self.tr("&Search history"))
        search.setShortcut(QKeySequence("Ctrl+K"))
        search.triggered.connect(self.focus_search)
        sidebar = view_menu.addAction(self.tr("Show or hide the si&debar"))
        sidebar.setShortcut(QKeySequence("Ctrl+B"))
        sidebar.triggered.connect(self.toggle_sidebar)
        parameters = view_menu.addAction(self.tr("Show or hide the &parameters"))
        parameters.setShortcut(QKeySequence("Ctrl+Shift+P"))
        parameters.triggered.connect(self.toggle_parameters)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        self.theme_group = QActionGroup(self)
        current_theme = self.settings.get("ui.theme") if self.settings else "system"
        for value, label in (("system", self.tr("Follow the system")),
                             ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            action = theme_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == current_theme)
            action.setData(value)
            self.theme_group.addAction(action)
        self.theme_group.triggered.connect(lambda a: self.set_theme(str(a.data())))

        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.enter_sends_action = settings_menu.addAction(self.tr("&Enter sends the message"))
        self.enter_sends_action.setCheckable(True)
        self.enter_sends_action.setChecked(self.chat.composer.enter_sends)
        self.enter_sends_action.toggled.connect(self.set_enter_sends)
        # Connected by ProviderWiring (desktop/ui/provider_wiring.py) when history is open.
        self.providers_action = settings_menu.addAction(self.tr("&Providers…"))
        # Connected by attach_read_aloud (desktop/ui/read_aloud.py) when history is open.
        self.speech_action = settings_menu.addAction(self.tr("Read &aloud…"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        current_language = self.settings.get("ui.language") if self.settings else "system"
        for value, label in (("system", self.tr("Follow the system")), ("en", "English"),
                             ("zh_CN", "简体中文")):
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == current_language)
            action.setData(value)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(lambda a: self.set_language(str(a.data())))

        help_menu = bar.addMenu(self.tr("&Help"))
        shortcuts = help_menu.addAction(icon("help"), self.tr("&Keyboard shortcuts"))
        shortcuts.setShortcut(QKeySequence("F1"))
        shortcuts.triggered.connect(self.show_help)

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo_bar.undo,
                  context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+L"), self, self.chat.composer.setFocus)

    # ----------------------------------------------------------------- wiring

    def attach(self, store: Store, service: ChatService) -> ChatController:
        """Connect the opened history and the chat service; restores the open conversation."""
        from desktop.ui.chat_controller import ChatController
        from desktop.ui.search_results import SearchBridge

        self.chat.send_requested.disconnect(self._on_send_before_ready)
        self.sidebar.new_chat_requested.disconnect(self._new_before_ready)
        self.controller = ChatController(self, store, service)
        self.provider_wiring = self._wire_providers(store, service)
        self.search_bridge = SearchBridge(store.path, self)
        from desktop.ui.read_aloud import attach_read_aloud

        self.read_aloud = attach_read_aloud(self, store, service)
        self.sidebar.search_changed.connect(self.search_bridge.search)
        self.search_bridge.results_ready.connect(self.sidebar.show_results)
        self.search_bridge.failed.connect(self.sidebar.show_search_error)
        self.statusBar().showMessage(self.tr("Ready"), 3000)
        last = self.window_state.get("open_conversation") if self.window_state else None
        controller = self.controller

        def restore() -> None:
            if isinstance(last, int) and controller.sidebar.model.summary(last) is not None:
                controller.open_conversation(last)
            else:
                controller.new_conversation()

        self.controller.refresh_list(restore)
        return self.controller

    def _wire_providers(self, store: Store, service: ChatService) -> ProviderWiring:
        """The providers side's connections (moves to the composition root, window_assembly)."""
        from desktop.core.key_access import KeyAccess
        from desktop.core.model_catalog import ModelCatalog
        from desktop.ui.provider_wiring import ProviderWiring
        from desktop.ui.welcome_view import chat_or_welcome

        registry, controller = service.providers, self.controller
        assert controller is not None
        keys = service.secrets if isinstance(service.secrets, KeyAccess) else KeyAccess()
        wiring = ProviderWiring(
            picker=self.chat.model_picker, panel=self.parameters, registry=registry, keys=keys,
            catalog=ModelCatalog(registry.path.parent), store=store, tasks=self.tasks,
            settings=self.settings, dialog_parent=self, parent=self)
        wiring.status_message.connect(self.statusBar().showMessage)
        wiring.welcome_changed.connect(
            chat_or_welcome(self.splitter, self.chat, self.chat.composer))
        controller.conversation_opened.connect(wiring.conversation_opened)
        controller.streaming_changed.connect(wiring.streaming_changed)
        controller.key_missing.connect(wiring.ask_for_key)
        self.providers_action.triggered.connect(lambda: wiring.open_providers())
        wiring.update_welcome()
        return wiring

    def _on_send_before_ready(self, _text: str) -> None:
        if self._history_problem:
            self.chat.show_notice(self._history_problem)
            return
        self.statusBar().showMessage(
            self.tr("The history is still opening. Your message is kept in the composer."), 8000
        )

    def history_failed(self, reason: str) -> None:
        """The history database could not be opened: say so where the user looks."""
        self._history_problem = self.tr(
            "The history could not be opened: %1"
        ).replace("%1", reason)
        self.chat.show_notice(self._history_problem)
        self.statusBar().showMessage(self._history_problem)

    def _new_before_ready(self) -> None:
        self.chat.composer.setFocus()

    # ----------------------------------------------------------------- actions

    def show_notice(self, level: str, text: str, detail: str = "") -> None:
        """A core notice (warnings and errors stay longer) in the status bar."""
        self.statusBar().showMessage(text, 15000 if level != "info" else 6000)
        self.statusBar().setToolTip(detail)

    def toggle_sidebar(self) -> None:
        self.sidebar.setVisible(not self.sidebar.isVisible())

    def toggle_parameters(self) -> None:
        self.parameters.setVisible(not self.parameters.isVisible())

    def new_conversation(self) -> None:
        if self.controller is not None:
            self.controller.new_conversation()
        else:
            self.chat.composer.setFocus()

    def focus_search(self) -> None:
        self.sidebar.show()
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    def show_help(self) -> None:
        dialog = HelpDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    def _export_current(self) -> None:
        if self.controller is not None and self.controller.current_id is not None:
            self.controller.export_conversation(self.controller.current_id)

    def set_theme(self, preference: str) -> None:
        if self.settings is not None:
            self.settings.set("ui.theme", preference)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, preference)
        if self.controller is not None and self.controller.current_id is not None:
            self.controller.reload(self.controller.current_id)  # documents carry colours

    def _on_system_scheme(self) -> None:
        preference = self.settings.get("ui.theme") if self.settings else "system"
        if preference == "system":
            self.set_theme("system")

    def set_enter_sends(self, enter_sends: bool) -> None:
        self.chat.composer.set_enter_sends(enter_sends)
        if self.settings is not None:
            self.settings.set("composer.enter_sends", enter_sends)

    def set_language(self, language: str) -> None:
        if self.settings is not None:
            self.settings.set("ui.language", language)
        self.statusBar().showMessage(
            self.tr("The language changes the next time Switchboard starts."), 8000
        )

    # ----------------------------------------------------------------- state

    def _restore_state(self) -> None:
        if self.window_state is None:
            return
        geometry = _decode(self.window_state.get("geometry"))
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = _decode(self.window_state.get("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)
        panels = self.window_state.get("panels")
        if isinstance(panels, dict):
            self.sidebar.setVisible(bool(panels.get("sidebar", True)))
            self.parameters.setVisible(bool(panels.get("parameters", True)))

    def save_state(self) -> None:
        if self.window_state is None:
            return
        self.window_state.set("geometry", _encode(self.saveGeometry()))
        self.window_state.set("splitter", _encode(self.splitter.saveState()))
        self.window_state.set("panels", {"sidebar": not self.sidebar.isHidden(),
                                         "parameters": not self.parameters.isHidden()})
        if self.controller is not None:
            self.controller.save_draft()  # also records the open conversation
        self.window_state.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller is not None and not self._ready_to_close:
            # Streams are stopped (keeping what arrived) and pending deletes done first.
            # The window stays shown meanwhile: closing a hidden window would not quit.
            self.save_state()
            event.ignore()
            if self._closing:
                return
            self._closing = True
            self.statusBar().showMessage(self.tr("Saving…"))

            def finished(_result: object = None) -> None:
                self._ready_to_close = True
                self.close()

            self.tasks.start(self._shut_down(), name="shut down", on_success=finished,
                             on_failure=finished)
            return
        if self.controller is None:
            self.save_state()
        super().closeEvent(event)

    async def _shut_down(self) -> None:
        if self.search_bridge is not None:
            self.search_bridge.close()
        if self.read_aloud is not None:
            self.read_aloud.stop()
        if self.controller is not None:
            await self.controller.shutdown()
