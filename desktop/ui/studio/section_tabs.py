"""The sidebar's two tabs, Chats and Studio: a segmented control under the app's title."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QToolButton, QWidget

SECTIONS = ("chats", "studio")


class SectionTabs(QFrame):
    """Emits `chosen(section)` when the user picks a tab; `set_current` only shows it."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionTabs")
        row = QHBoxLayout(self)
        row.setContentsMargins(2, 2, 2, 2)
        row.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for section in SECTIONS:
            button = QToolButton()
            button.setObjectName("sectionTab")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, s=section: self.chosen.emit(s))
            self.group.addButton(button)
            row.addWidget(button, 1)
            self.buttons[section] = button
        self.buttons["chats"].setChecked(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.buttons["chats"].setText(self.tr("Chats"))
        self.buttons["studio"].setText(self.tr("Studio"))
        self.buttons["studio"].setToolTip(
            self.tr("Midjourney, Suno, Luma and Flux tasks (Ctrl+Shift+S)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_current(self, section: str) -> None:
        button = self.buttons.get(section)
        if button is not None and not button.isChecked():
            button.setChecked(True)
