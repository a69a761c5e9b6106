"""The sidebar's Studio page: the task families to start from, and what is running."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.tasks import TaskFamily

FAMILIES = (TaskFamily.MIDJOURNEY, TaskFamily.SUNO, TaskFamily.LUMA, TaskFamily.FLUX)
NAMES = {TaskFamily.MIDJOURNEY: "Midjourney", TaskFamily.SUNO: "Suno",
         TaskFamily.LUMA: "Luma", TaskFamily.FLUX: "Flux"}


class StudioSidebarPage(QWidget):
    """Picking a family opens its form; `set_running` shows how many tasks run."""

    family_chosen = Signal(object)  # TaskFamily

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studioSidebar")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.setSpacing(6)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        column.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setObjectName("studioFamilies")
        self.list.setIconSize(QSize(0, 0))
        self.list.setSpacing(1)
        for family in FAMILIES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(family))
            item.setSizeHint(QSize(100, 48))
            self.list.addItem(item)
        self.list.itemClicked.connect(
            lambda item: self.family_chosen.emit(TaskFamily(item.data(Qt.ItemDataRole.UserRole))))
        column.addWidget(self.list, 1)
        self.running = QLabel()
        self.running.setObjectName("hint")
        self.running.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.running)
        self._running = 0
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("CREATE"))
        blurbs = {TaskFamily.MIDJOURNEY: self.tr("Images, blends, descriptions"),
                  TaskFamily.SUNO: self.tr("Songs and instrumentals"),
                  TaskFamily.LUMA: self.tr("Short videos"),
                  TaskFamily.FLUX: self.tr("Images")}
        for row, family in enumerate(FAMILIES):
            item = self.list.item(row)
            item.setText(f"{NAMES[family]}\n{blurbs[family]}")
            item.setToolTip(blurbs[family])
        self.set_running(self._running)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_running(self, count: int) -> None:
        self._running = count
        self.running.setText(self.tr("%n task(s) running", "", count) if count else "")
