"""Which view fills the window's main slot: the chat (or the welcome view that stands in for
it while no provider is set up) or the Studio, as the sidebar's tabs choose.

A welcome change that arrives while the Studio is shown is remembered and applied when the
chats come back.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

CHATS, STUDIO = "chats", "studio"
SLOT = 1  # sidebar | main | parameter panel


class MainArea(QObject):
    """Owns the splitter slot that holds the chat; the parameter panel hides in the Studio."""

    section_changed = Signal(str)

    def __init__(self, splitter: QSplitter, chat: QWidget, focus: QWidget, studio: QWidget,
                 side_panel: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.splitter = splitter
        self.chat = chat
        self.focus = focus
        self.studio = studio
        self.side_panel = side_panel
        self.section = CHATS
        self._welcome: QWidget | None = None
        self._panel_was_shown = True
        self._keep(studio)

    def welcome_changed(self, welcome: object) -> None:
        """A slot for `ProviderWiring.welcome_changed` (the WelcomeView, or None)."""
        self._welcome = welcome if isinstance(welcome, QWidget) else None
        if self.section == CHATS:
            self._place(self._welcome or self.chat)

    def show_section(self, section: str) -> None:
        if section == self.section or section not in (CHATS, STUDIO):
            return
        self.section = section
        if section == STUDIO:
            self._panel_was_shown = not self.side_panel.isHidden()
            self.side_panel.hide()
            self._place(self.studio)
        else:
            self._place(self._welcome or self.chat)
            self.side_panel.setVisible(self._panel_was_shown)
        self.section_changed.emit(section)

    def _keep(self, widget: QWidget) -> None:
        """A view out of the slot stays a hidden child of the window (replaceWidget leaves it
        without a parent: a top-level that would outlive the window with all its popups)."""
        owner = self.splitter.window()
        widget.setParent(None if owner is self.splitter else owner)
        widget.hide()

    def _shown(self) -> QWidget | None:
        return self.splitter.widget(SLOT)

    def _place(self, new: QWidget) -> None:
        current = self._shown()
        if current is None or current is new:
            return
        self.splitter.replaceWidget(SLOT, new)
        self._keep(current)
        new.show()
        if new is self.chat:
            self.focus.setFocus(Qt.FocusReason.OtherFocusReason)
