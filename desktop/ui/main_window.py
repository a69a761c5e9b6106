"""The main window: sidebar | chat | parameter panel, menus and shortcuts, state restored."""

from __future__ import annotations

import base64
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.settings import Settings
from desktop.core.window_state import WindowState
from desktop.ui.chat_pane import ChatPane
from desktop.ui.help_dialog import HelpDialog
from desktop.ui.language import install_language
from desktop.ui.notice_bridge import NoticeBridge
from desktop.ui.parameter_panel import ParameterPanel
from desktop.ui.resources import icon
from desktop.ui.settings_bridge import SettingsBridge
from desktop.ui.sidebar import Sidebar
from desktop.ui.task_runner import TaskRunner
from desktop.ui.theme import apply_theme

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


def _choice_group(menu: QMenu, values: tuple[str, ...], current: object) -> QActionGroup:
    """Exclusive checkable actions in `menu`, one per value (texts set by retranslate_ui)."""
    group = QActionGroup(menu)
    for value in values:
        action = menu.addAction("")
        action.setCheckable(True)
        action.setChecked(value == current)
        action.setData(value)
        group.addAction(action)
    return group


def _check(group: QActionGroup, value: str) -> None:
    for action in group.actions():
        if action.data() == value and not action.isChecked():
            action.setChecked(True)


class UndoBar(QFrame):
    """A status-bar offer to undo the last destructive step, for a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 4, 0)
        self.label = QLabel()
        layout.addWidget(self.label)
        self.button = QPushButton()
        self.button.setObjectName("undoButton")
        self.button.clicked.connect(self.undo)
        layout.addWidget(self.button)
        self._callback: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.button.setText(self.tr("Undo"))
        self.button.setAccessibleName(self.tr("Undo"))
        self.button.setToolTip(self.tr("Undo (Ctrl+Z)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

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
    """The window's widgets, menus and geometry; `window_assembly` connects them to the rest.

    It knows no controller: its menu actions are signals, and the composition root hands it
    the coroutine that shuts the history down on close.
    """

    new_conversation_requested = Signal()
    export_requested = Signal()
    saving_state = Signal()  # just before the window state file is written (drafts join it)

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
        self.settings = settings if settings is not None else Settings.in_memory()
        self.settings_bridge = SettingsBridge(self.settings, self)
        self.tasks = tasks if tasks is not None else TaskRunner(self)
        # Set by the composition root once the history is open: run before the window closes.
        self.shutdown: Callable[[], Coroutine[Any, Any, None]] | None = None
        self._ready_to_close = False
        self._closing = False
        self._history_problem = ""
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
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

        self.chat.toggle_sidebar.connect(self.toggle_sidebar)
        self.chat.toggle_parameters.connect(self.toggle_parameters)
        self.chat.send_requested.connect(self._on_send_before_ready)
        self.sidebar.new_chat_requested.connect(self._new_before_ready)
        self.notice_bridge = NoticeBridge(self)
        self.notice_bridge.notice.connect(self.show_notice)
        self._build_menus()
        self._follow_settings()
        self._build_shortcuts()
        # Follow the desktop's light/dark switch while the preference is "system".
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)
        self.resize(1280, 800)
        self._splitter_state: QByteArray | None = None
        self._restore_state()

    # ----------------------------------------------------------------- menus and keys

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        self.new_action = file_menu.addAction(icon("new-chat"), "")
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_conversation)
        file_menu.addSeparator()
        # The history tools are connected by the composition root once the history is open.
        self.import_action = file_menu.addAction("")
        self.import_action.setShortcut(QKeySequence("Ctrl+O"))
        self.export_action = file_menu.addAction("")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_requested)
        self.export_all_action = file_menu.addAction("")
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction("")
        self.restore_action = file_menu.addAction("")
        self.history_actions = (self.import_action, self.export_action,
                                self.export_all_action, self.backup_action,
                                self.restore_action)
        for action in self.history_actions:
            action.setEnabled(False)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction("")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

        self.view_menu = view_menu = bar.addMenu("")
        self.search_action = view_menu.addAction(icon("search"), "")
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.triggered.connect(self.focus_search)
        self.sidebar_action = view_menu.addAction("")
        self.sidebar_action.setShortcut(QKeySequence("Ctrl+B"))
        self.sidebar_action.triggered.connect(self.toggle_sidebar)
        self.parameters_action = view_menu.addAction("")
        self.parameters_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.parameters_action.triggered.connect(self.toggle_parameters)
        # Connected by the composition root (desktop/ui/usage/tools.py).
        self.usage_action = view_menu.addAction("")
        self.usage_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        view_menu.addSeparator()
        self.theme_menu = view_menu.addMenu("")
        self.theme_group = _choice_group(self.theme_menu, ("system", "light", "dark"),
                                         self.settings.get("ui.theme"))
        self.theme_group.triggered.connect(lambda a: self.set_theme(str(a.data())))

        self.settings_menu = settings_menu = bar.addMenu("")
        self.enter_sends_action = settings_menu.addAction("")
        self.enter_sends_action.setCheckable(True)
        self.enter_sends_action.setChecked(bool(self.settings.get("composer.enter_sends")))
        self.enter_sends_action.toggled.connect(self.set_enter_sends)
        # Connected by ProviderWiring (desktop/ui/provider_wiring.py) when history is open.
        self.providers_action = settings_menu.addAction("")
        self.tools_action = settings_menu.addAction("")  # connected by the composition root
        self.knowledge_action = settings_menu.addAction(icon("knowledge"), "")  # likewise
        # Connected by attach_read_aloud (desktop/ui/read_aloud.py) when history is open.
        self.speech_action = settings_menu.addAction("")
        self.language_menu = settings_menu.addMenu("")
        self.language_group = _choice_group(self.language_menu, ("system", "en", "zh_CN"),
                                            self.settings.get("ui.language"))
        self.language_group.triggered.connect(lambda a: self.set_language(str(a.data())))

        self.help_menu = help_menu = bar.addMenu("")
        self.shortcuts_action = help_menu.addAction(icon("help"), "")
        self.shortcuts_action.setShortcut(QKeySequence("F1"))
        self.shortcuts_action.triggered.connect(self.show_help)
        self.about_action = help_menu.addAction("")  # connected by the composition root
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every menu text in the current language (at start and on a language change)."""
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New conversation"))
        self.import_action.setText(self.tr("&Import conversations…"))
        self.export_action.setText(self.tr("&Export conversation…"))
        self.export_all_action.setText(self.tr("Export &all conversations…"))
        self.backup_action.setText(self.tr("&Back up now"))
        self.restore_action.setText(self.tr("&Restore from backup…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.search_action.setText(self.tr("&Search history"))
        self.sidebar_action.setText(self.tr("Show or hide the si&debar"))
        self.parameters_action.setText(self.tr("Show or hide the &parameters"))
        self.usage_action.setText(self.tr("&Usage and costs…"))
        self.theme_menu.setTitle(self.tr("&Theme"))
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"),
                  "dark": self.tr("Dark")}
        for action in self.theme_group.actions():
            action.setText(themes[str(action.data())])
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.enter_sends_action.setText(self.tr("&Enter sends the message"))
        self.providers_action.setText(self.tr("&Providers…"))
        self.tools_action.setText(self.tr("&Tools (MCP servers)…"))
        self.knowledge_action.setText(self.tr("&Knowledge bases…"))
        self.speech_action.setText(self.tr("Read &aloud…"))
        self.language_menu.setTitle(self.tr("&Language"))
        # Each language is named in itself, so that it can be found whatever is shown.
        languages = {"system": self.tr("Follow the system"), "en": "English", "zh_CN": "简体中文"}
        for action in self.language_group.actions():
            action.setText(languages[str(action.data())])
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.about_action.setText(self.tr("&About Switchboard"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _follow_settings(self) -> None:
        """Settings take effect when they change, whoever changes them (menus, dialogs)."""
        follow = self.settings_bridge.follow
        # Theme and language are applied before the window is built (desktop/app.py).
        follow("ui.theme", self, self._on_theme_setting, now=False)
        follow("ui.language", self, self._on_language_setting, now=False)
        follow("composer.enter_sends", self.chat.composer, self.chat.composer.set_enter_sends)
        follow("composer.enter_sends", self, self._on_enter_sends_setting, now=False)
        follow("attachments.max_image_side", self.chat.attachments,
               self.chat.attachments.set_max_side)
        follow("attachments.max_document_tokens", self.chat.attachments,
               self.chat.attachments.set_document_token_limit)

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo_bar.undo,
                  context=Qt.ShortcutContext.WindowShortcut)
        QShortcut(QKeySequence("Ctrl+L"), self, self.chat.composer.setFocus)

    # ----------------------------------------------------------------- wiring

    def history_ready(self) -> None:
        """The history is open: sends and "new" go to the controllers from now on."""
        self.chat.send_requested.disconnect(self._on_send_before_ready)
        self.sidebar.new_chat_requested.disconnect(self._new_before_ready)
        for action in self.history_actions:
            action.setEnabled(True)
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    def _on_send_before_ready(self, _text: str) -> None:
        if self._history_problem:
            self.chat.show_notice(self._history_problem)
            return
        self.statusBar().showMessage(
            self.tr("The history is still opening. Your message is kept in the composer."), 8000
        )

    def bring_to_front(self) -> None:
        """Another start of the app asked for this window (single instance)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_read_only(self, reason: str) -> None:
        """A permanent status-bar badge: the history cannot be written (`reason` on hover)."""
        badge = QLabel(self.tr("Read-only: nothing can be saved"))
        badge.setObjectName("readOnlyBadge")
        badge.setToolTip(reason)
        self.statusBar().addPermanentWidget(badge)

    @property
    def history_problem(self) -> str:
        """Why the history could not be opened ("" when it opened)."""
        return self._history_problem

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
        if self.shutdown is not None:
            self.new_conversation_requested.emit()
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

    def set_theme(self, preference: str) -> None:
        """The View → Theme choice: saved, and applied by `_on_theme_setting`."""
        self.settings.set("ui.theme", preference)

    def _on_theme_setting(self, preference: str) -> None:
        _check(self.theme_group, preference)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # The chat view restyles itself on the palette change (ChatView.changeEvent).
            apply_theme(app, preference)

    def _on_system_scheme(self) -> None:
        if self.settings.get("ui.theme") == "system":
            self._on_theme_setting("system")

    def set_enter_sends(self, enter_sends: bool) -> None:
        """The Settings menu's check box: saved; the composer follows the setting."""
        self.settings.set("composer.enter_sends", enter_sends)

    def _on_enter_sends_setting(self, enter_sends: bool) -> None:
        self.enter_sends_action.setChecked(enter_sends)

    def set_language(self, language: str) -> None:
        """The Settings → Language choice: saved, and applied at once by `_on_language_setting`."""
        self.settings.set("ui.language", language)

    def _on_language_setting(self, language: str) -> None:
        _check(self.language_group, language)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, language)  # every widget retranslates on LanguageChange

    # ----------------------------------------------------------------- state

    def _restore_state(self) -> None:
        if self.window_state is None:
            return
        geometry = _decode(self.window_state.get("geometry"))
        if geometry is not None:
            self.restoreGeometry(geometry)
        # The splitter's sizes go back at the first show, once the window has its restored
        # width: restored into the default width, they came back rescaled and a few px off.
        self._splitter_state = _decode(self.window_state.get("splitter"))
        panels = self.window_state.get("panels")
        if isinstance(panels, dict):
            self.sidebar.setVisible(bool(panels.get("sidebar", True)))
            self.parameters.setVisible(bool(panels.get("parameters", True)))

    def showEvent(self, event: QShowEvent) -> None:
        state, self._splitter_state = self._splitter_state, None
        if state is not None:
            self.splitter.restoreState(state)
        super().showEvent(event)

    def save_state(self) -> None:
        if self.window_state is None:
            return
        self.window_state.set("geometry", _encode(self.saveGeometry()))
        self.window_state.set("splitter", _encode(self.splitter.saveState()))
        self.window_state.set("panels", {"sidebar": not self.sidebar.isHidden(),
                                         "parameters": not self.parameters.isHidden()})
        self.saving_state.emit()  # drafts and the open conversation join the state
        self.window_state.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.shutdown is not None and not self._ready_to_close:
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

            self.tasks.start(self.shutdown(), name="shut down", on_success=finished,
                             on_failure=finished)
            return
        if self.shutdown is None:
            self.save_state()
        super().closeEvent(event)
