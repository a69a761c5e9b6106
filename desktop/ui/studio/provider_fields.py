"""The provider form's "Task APIs" row: which of Midjourney, Suno, Luma and Flux the
provider offers, the Midjourney speed (path prefix) and the Flux model.

Kept in `ProviderProfile.task_apis` through `TaskApis` (core); a change made here marks the
setting as set by hand, so probing does not overwrite it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.providers import ProviderProfile
from desktop.core.tasks import MjMode, TaskApis, TaskFamily
from desktop.core.tasks.capabilities import MAX_MODEL_CHARS

FAMILY_NAMES = {TaskFamily.MIDJOURNEY: "Midjourney", TaskFamily.SUNO: "Suno",
                TaskFamily.LUMA: "Luma", TaskFamily.FLUX: "Flux"}


class TaskApiFields(QWidget):
    """Check boxes per task API, the MJ mode and the Flux model; `edited` on any change."""

    edited = Signal()
    detect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskApiFields")
        self._loaded = TaskApis()
        self._loading = False
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.boxes: dict[TaskFamily, QCheckBox] = {}
        for column, family in enumerate(FAMILY_NAMES):
            box = QCheckBox(FAMILY_NAMES[family])
            box.toggled.connect(self._changed)
            grid.addWidget(box, 0, column)
            self.boxes[family] = box
        self.mode_label = QLabel()
        grid.addWidget(self.mode_label, 1, 0)
        self.mj_mode = QComboBox()
        for mode in MjMode:
            self.mj_mode.addItem("", str(mode))
        self.mj_mode.currentIndexChanged.connect(self._changed)
        self.mode_label.setBuddy(self.mj_mode)
        grid.addWidget(self.mj_mode, 1, 1, 1, 3)
        self.model_label = QLabel()
        grid.addWidget(self.model_label, 2, 0)
        self.flux_model = QLineEdit()
        self.flux_model.setMaxLength(MAX_MODEL_CHARS)
        self.flux_model.setPlaceholderText("flux-schnell")
        self.flux_model.textChanged.connect(self._changed)
        self.model_label.setBuddy(self.flux_model)
        grid.addWidget(self.flux_model, 2, 1, 1, 3)
        self.detect_button = QPushButton()
        self.detect_button.clicked.connect(self.detect_requested)
        grid.addWidget(self.detect_button, 3, 0)
        self.detect_result = QLabel()
        self.detect_result.setObjectName("hint")
        self.detect_result.setWordWrap(True)
        grid.addWidget(self.detect_result, 3, 1, 1, 3)
        self.retranslate_ui()
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.mode_label.setText(self.tr("Midjourney speed"))
        self.model_label.setText(self.tr("Flux model"))
        texts = {MjMode.DEFAULT: self.tr("The relay's default (no prefix)"),
                 MjMode.RELAX: self.tr("Relax (/mj-relax/)"),
                 MjMode.FAST: self.tr("Fast (/mj-fast/)"),
                 MjMode.TURBO: self.tr("Turbo (/mj-turbo/)")}
        for index in range(self.mj_mode.count()):
            self.mj_mode.setItemText(index, texts[MjMode(self.mj_mode.itemData(index))])
        self.setToolTip(self.tr("The aggregator task APIs this provider offers (Studio)"))
        self.detect_button.setText(self.tr("Detect"))
        self.detect_button.setToolTip(self.tr("Ask the provider which task APIs it answers"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def load(self, profile: ProviderProfile) -> None:
        apis = TaskApis.of(profile)
        self.detect_result.clear()
        self._loaded = apis
        self._loading = True
        try:
            for family, box in self.boxes.items():
                box.setChecked(apis.offers(family))
            self.mj_mode.setCurrentIndex(max(0, self.mj_mode.findData(str(apis.mj_mode))))
            self.flux_model.setText(apis.flux_model)
        finally:
            self._loading = False
        self._update_enabled()

    def show_detected(self, apis: TaskApis) -> None:
        """What probing found: shown, and kept as found (not "set by hand")."""
        self._loaded = apis
        self._loading = True
        try:
            for family, box in self.boxes.items():
                box.setChecked(apis.offers(family))
            self.flux_model.setText(apis.flux_model)
        finally:
            self._loading = False
        self._update_enabled()
        names = [FAMILY_NAMES[f] for f in apis.families]
        self.detect_result.setText(self.tr("Found: %1").replace("%1", ", ".join(names))
                                   if names else self.tr("No task API answered."))
        self.detect_button.setEnabled(True)
        self.edited.emit()

    def show_detect_failed(self, reason: str) -> None:
        self.detect_result.setText(self.tr("Detection failed: %1").replace("%1", reason))
        self.detect_button.setEnabled(True)

    def apis(self) -> TaskApis:
        """What the fields say (set by hand when they differ from what was loaded)."""
        shown = self._loaded.with_changes(
            midjourney=self.boxes[TaskFamily.MIDJOURNEY].isChecked(),
            suno=self.boxes[TaskFamily.SUNO].isChecked(),
            luma=self.boxes[TaskFamily.LUMA].isChecked(),
            flux=self.boxes[TaskFamily.FLUX].isChecked(),
            mj_mode=MjMode(self.mj_mode.currentData() or ""),
            flux_model=self.flux_model.text().strip(),
        )
        return shown if shown == self._loaded else shown.with_changes(by_hand=True)

    def apply(self, profile: ProviderProfile) -> ProviderProfile:
        return self.apis().apply(profile)

    def _changed(self) -> None:
        self._update_enabled()
        if not self._loading:
            self.edited.emit()

    def _update_enabled(self) -> None:
        self.mj_mode.setEnabled(self.boxes[TaskFamily.MIDJOURNEY].isChecked())
        self.flux_model.setEnabled(self.boxes[TaskFamily.FLUX].isChecked())
