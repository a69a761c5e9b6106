"""The composer's Knowledge button: which knowledge bases this conversation searches.

A checkable menu of the knowledge bases (name and chunk count); the button is an icon until
bases are attached, then shows the one base's name (or how many) and names them in its
tooltip. It only shows and asks: `menu_opening` lets the
controller hand it the current list, `choice_changed` carries the user's new choice.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from desktop.ui.chat_view.kb_sources import plain_tooltip
from desktop.ui.resources import icon

_STYLE = """
QToolButton#kbChoiceButton {
    background: transparent; border: 1px solid transparent; border-radius: 6px;
    padding: 3px 8px; color: palette(text);
}
QToolButton#kbChoiceButton:hover, QToolButton#kbChoiceButton:focus {
    border-color: palette(mid);
}
QToolButton#kbChoiceButton[active="true"] {
    color: palette(highlight); border-color: palette(highlight); font-weight: 600;
}
QToolButton#kbChoiceButton::menu-indicator { image: none; width: 0px; }
"""
BaseList = list[tuple[str, int]]  # (name, chunks)
MAX_NAMES_IN_TOOLTIP = 8
MAX_NAME_PX = 110  # the one attached base's name on the button, elided to this width


class KbChoiceButton(QToolButton):
    """The composer's knowledge-base button with a checkable menu of the bases."""

    choice_changed = Signal(object)  # tuple[str, ...]: the attached knowledge bases, in order
    menu_opening = Signal()  # about to show the menu: hand it the knowledge bases now
    manage_requested = Signal()  # "Manage knowledge bases…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kbChoiceButton")
        self.setIcon(icon("knowledge"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setStyleSheet(_STYLE)
        self.attached: tuple[str, ...] = ()
        self.bases: BaseList = []
        self.kb_menu = QMenu(self)
        self.kb_menu.setObjectName("kbChoiceMenu")
        self.kb_menu.aboutToShow.connect(self._about_to_show)
        self.setMenu(self.kb_menu)
        self.retranslate_ui()

    def attached_names(self) -> list[str]:
        """The attached knowledge bases that exist (a deleted one is not counted)."""
        known = {name for name, _chunks in self.bases}
        return [name for name in self.attached if not self.bases or name in known]

    def retranslate_ui(self) -> None:
        """Only the icon (the composer is narrow) until bases are attached: then the one
        base's name, or the number of bases; the tooltip names them."""
        names = self.attached_names()
        count = len(names)
        if count == 1:
            self.setText(self.fontMetrics().elidedText(names[0], Qt.TextElideMode.ElideRight,
                                                       MAX_NAME_PX))
        else:
            self.setText(str(count) if count else "")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if count
                                else Qt.ToolButtonStyle.ToolButtonIconOnly)
        if names:
            shown = ", ".join(names[:MAX_NAMES_IN_TOOLTIP]) + (
                "…" if len(names) > MAX_NAMES_IN_TOOLTIP else "")
            self.setToolTip(plain_tooltip(self.tr(
                "Knowledge bases searched for each message: {0}").format(shown)))
        else:
            self.setToolTip(self.tr("Knowledge bases: none attached to this conversation"))
        self.setAccessibleName(self.tr("Knowledge bases") if not count
                               else self.tr("Knowledge bases: {0} attached").format(count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_attached(self, attached: tuple[str, ...]) -> None:
        self.attached = tuple(attached)
        self._restyle()

    def _restyle(self) -> None:
        self.setProperty("active", bool(self.attached_names()))
        self.style().unpolish(self)
        self.style().polish(self)
        self.retranslate_ui()

    def set_bases(self, bases: BaseList) -> None:
        self.bases = list(bases)
        self._restyle()
        if self.kb_menu.isVisible():
            self.build_menu()

    def _about_to_show(self) -> None:
        self.menu_opening.emit()
        self.build_menu()

    def build_menu(self) -> None:
        """The menu for the knowledge bases and choice as they are now."""
        menu = self.kb_menu
        menu.clear()
        if not self.bases:
            empty = menu.addAction(self.tr("No knowledge bases yet"))
            empty.setEnabled(False)
        for name, chunks in self.bases:
            text = self.tr("{0}  ({1} chunks)").format(name.replace("&", "&&"), chunks)
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name in self.attached)
            action.setData(name)
            action.toggled.connect(lambda on, name=name: self._change(name, on))
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage knowledge bases…"))
        manage.triggered.connect(self.manage_requested)

    def _change(self, name: str, on: bool) -> None:
        kept = tuple(n for n in self.attached if n != name)
        self.set_attached((*kept, name) if on else kept)
        self.choice_changed.emit(self.attached)
