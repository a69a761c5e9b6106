"""The main window: sidebar | chat | parameter panel, with state restored across starts."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from desktop import APP_NAME
from desktop.core.window_state import WindowState
from desktop.ui.chat_pane import ChatPane
from desktop.ui.parameter_panel import ParameterPanel
from desktop.ui.resources import icon
from desktop.ui.sidebar import Sidebar
from desktop.ui.task_runner import TaskRunner

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


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        window_state: WindowState | None = None,
        tasks: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.window_state = window_state
        self.tasks = tasks if tasks is not None else TaskRunner(self)
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
        self.statusBar().showMessage(self.tr("Ready"))

        self.chat.toggle_sidebar.connect(lambda: self._toggle(self.sidebar))
        self.chat.toggle_parameters.connect(lambda: self._toggle(self.parameters))
        self.chat.send_requested.connect(self._on_send_requested)
        self.sidebar.new_chat_requested.connect(self.new_conversation)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_conversation)
        QShortcut(QKeySequence("Ctrl+K"), self, self.focus_search)
        self.resize(1280, 800)
        self._restore_state()

    def _toggle(self, widget: QWidget) -> None:
        widget.setVisible(not widget.isVisible())

    def new_conversation(self) -> None:
        self.chat.title.setText(self.tr("New conversation"))
        self.chat.composer.clear()
        self.chat.composer.setFocus()

    def focus_search(self) -> None:
        self.sidebar.show()
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    def _on_send_requested(self, text: str) -> None:
        # Providers arrive with issue #6; until then say so instead of failing silently.
        self.statusBar().showMessage(
            self.tr("No provider is configured yet. Your message is kept in the composer."), 8000
        )

    def _restore_state(self) -> None:
        if self.window_state is None:
            return
        geometry = _decode(self.window_state.get("geometry"))
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = _decode(self.window_state.get("splitter"))
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        if self.window_state is None:
            return
        self.window_state.set("geometry", _encode(self.saveGeometry()))
        self.window_state.set("splitter", _encode(self.splitter.saveState()))
        self.window_state.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
