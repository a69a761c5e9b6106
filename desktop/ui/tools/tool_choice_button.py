"""The composer's Tools button: which MCP servers (and tools) this conversation offers.

A checkable menu of the enabled servers; a server's tools, once listed, are a submenu under
it. The button shows how many servers are on. It only shows and asks: `menu_opening` lets
the controller hand it the current servers, `choice_changed` carries the user's new choice.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop.core.tools.choice import ToolChoice
from desktop.ui.resources import icon

_STYLE = """
QToolButton#toolChoiceButton {
    background: transparent; border: 1px solid transparent; border-radius: 6px;
    padding: 3px 8px; color: palette(text);
}
QToolButton#toolChoiceButton:hover, QToolButton#toolChoiceButton:focus {
    border-color: palette(mid);
}
QToolButton#toolChoiceButton[active="true"] {
    color: palette(highlight); border-color: palette(highlight); font-weight: 600;
}
QToolButton#toolChoiceButton::menu-indicator { image: none; width: 0px; }
"""
ServerList = list[tuple[str, list[str] | None]]  # (server, its enabled tools or None)


class ToolChoiceButton(QToolButton):
    """A "Tools" button with a checkable menu of servers and tools and a count badge."""

    choice_changed = Signal(object)  # ToolChoice
    menu_opening = Signal()  # about to show the menu: hand it the servers now
    manage_requested = Signal()  # "Manage servers…": Settings → Tools

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolChoiceButton")
        self.setIcon(icon("tools"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setStyleSheet(_STYLE)
        self.choice = ToolChoice()
        self.servers: ServerList = []
        self.tool_menu = QMenu(self)
        self.tool_menu.setObjectName("toolChoiceMenu")
        self.tool_menu.aboutToShow.connect(self._about_to_show)
        self.setMenu(self.tool_menu)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        count = self.choice.count
        self.setText(self.tr("Tools") if not count else self.tr("Tools · {0}").format(count))
        self.setToolTip(self.tr("Tools the model may call in this conversation"))
        self.setAccessibleName(self.tr("Tools") if not count
                               else self.tr("Tools: {0} servers on").format(count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_choice(self, choice: ToolChoice) -> None:
        self.choice = choice
        self.setProperty("active", not choice.is_empty)
        self.style().unpolish(self)
        self.style().polish(self)
        self.retranslate_ui()  # the menu closes on a click: it is built again when next shown

    def set_servers(self, servers: ServerList) -> None:
        self.servers = servers
        if self.tool_menu.isVisible():
            self.build_menu()

    def _about_to_show(self) -> None:
        self.menu_opening.emit()
        self.build_menu()

    def build_menu(self) -> None:
        """The menu for the servers and choice as they are now."""
        menu = self.tool_menu
        menu.clear()
        if not self.servers:
            empty = menu.addAction(self.tr("No MCP servers yet"))
            empty.setEnabled(False)
        for server, tools in self.servers:
            action = menu.addAction(server)
            action.setCheckable(True)
            action.setChecked(server in self.choice.servers)
            action.toggled.connect(
                lambda on, server=server: self._change(self.choice.with_server(server, on)))
            if tools:
                self._add_tools(menu, server, tools)
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage servers…"))
        manage.triggered.connect(self.manage_requested)

    def _add_tools(self, menu: QMenu, server: str, tools: list[str]) -> None:
        sub = menu.addMenu(self.tr("Tools of {0}").format(server))
        chosen = self.choice.servers.get(server, frozenset())
        on_server = server in self.choice.servers
        for tool in tools[:200]:
            action = sub.addAction(tool)
            action.setCheckable(True)
            action.setChecked(on_server and (chosen is None or tool in chosen))
            action.toggled.connect(
                lambda on, server=server, tool=tool, tools=tools: self._change(
                    self.choice.with_tool(server, tool, on, tools)))

    def _change(self, choice: ToolChoice) -> None:
        self.set_choice(choice)
        self.choice_changed.emit(choice)
