"""The composer's image mode: a toggle next to Send and a compact row of generation options.

`ImageMode` owns both widgets; ChatPane places them. The options (size, n, quality, style)
are remembered in the user settings (`images.*`); unset values are not sent.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from desktop.core.api.endpoints import parse_image_size
from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.settings import Settings
from desktop.ui.composer import Composer
from desktop.ui.resources import icon

SIZES = ("auto", "1024x1024", "1792x1024", "1024x1792", "512x512", "256x256")
CUSTOM = "custom"
QUALITIES = ("", "standard", "hd", "low", "medium", "high")
STYLES = ("", "vivid", "natural")
MAX_N = 4


@dataclass(frozen=True)
class ImageOptions:
    """The row's values; None is "not sent" (the provider's default)."""

    size: str | None
    n: int
    quality: str | None
    style: str | None


class ImageOptionsRow(QWidget):
    """Size (presets or custom WxH), number of images, quality and style, in one line."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageOptions")
        self.settings: Settings | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(6)

        self.size_box = QComboBox()
        for value in SIZES:
            self.size_box.addItem(value, value)
        self.size_box.addItem("", CUSTOM)
        self.custom_size = QLineEdit()
        self.custom_size.setMaximumWidth(110)
        self.custom_size.hide()
        self.n_box = QSpinBox()
        self.n_box.setRange(1, MAX_N)
        self.quality_box = QComboBox()
        for value in QUALITIES:
            self.quality_box.addItem(value, value)
        self.style_box = QComboBox()
        for value in STYLES:
            self.style_box.addItem(value, value)

        self.labels: list[QLabel] = []
        for widget in (self.size_box, self.custom_size, self.n_box, self.quality_box,
                       self.style_box):
            if widget is not self.custom_size:
                label = QLabel()
                label.setObjectName("hint")
                label.setBuddy(widget)
                layout.addWidget(label)
                self.labels.append(label)
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate_ui()

        self.size_box.currentIndexChanged.connect(self._on_size_changed)
        self.custom_size.editingFinished.connect(self._save)
        self.n_box.valueChanged.connect(self._save)
        self.quality_box.currentIndexChanged.connect(self._save)
        self.style_box.currentIndexChanged.connect(self._save)

    def retranslate_ui(self) -> None:
        self.size_box.setAccessibleName(self.tr("Image size"))
        self.size_box.setToolTip(self.tr("Image size (auto: the model's default, not sent)"))
        self.size_box.setItemText(self.size_box.findData("auto"), self.tr("auto"))
        self.size_box.setItemText(self.size_box.findData(CUSTOM), self.tr("custom…"))
        self.custom_size.setPlaceholderText(self.tr("WxH"))
        self.custom_size.setAccessibleName(self.tr("Custom image size"))
        self.custom_size.setToolTip(self.tr("Width x height in pixels, e.g. 1536x1024"))
        self.n_box.setAccessibleName(self.tr("Number of images"))
        self.n_box.setToolTip(self.tr("How many images to generate (1–4)"))
        self.quality_box.setAccessibleName(self.tr("Image quality"))
        self.style_box.setAccessibleName(self.tr("Image style"))
        for box in (self.quality_box, self.style_box):
            box.setItemText(box.findData(""), self.tr("default"))
        self.quality_box.setToolTip(self.tr("Quality (default: not sent)"))
        self.style_box.setToolTip(self.tr("Style, for models that take one (default: not sent)"))
        for label, text in zip(self.labels, (self.tr("Size"), self.tr("Images"),
                                             self.tr("Quality"), self.tr("Style")), strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def load(self, settings: Settings) -> None:
        """Show the remembered options; later changes are written back to `settings`."""
        self.settings = None  # no writes while loading
        size = str(settings.get("images.size"))
        if size in SIZES:
            self.size_box.setCurrentIndex(self.size_box.findData(size))
        else:
            self.custom_size.setText(size)
            self.size_box.setCurrentIndex(self.size_box.findData(CUSTOM))
        self.n_box.setValue(int(settings.get("images.n")))
        for box, name in ((self.quality_box, "images.quality"),
                          (self.style_box, "images.style")):
            box.setCurrentIndex(max(0, box.findData(settings.get(name))))
        self.settings = settings

    def options(self) -> ImageOptions:
        size = str(self.size_box.currentData())
        if size == CUSTOM:
            size = self.custom_size.text().strip()
        return ImageOptions(
            size=None if size in ("auto", "") else size,
            n=self.n_box.value(),
            quality=str(self.quality_box.currentData()) or None,
            style=str(self.style_box.currentData()) or None,
        )

    def problem(self) -> str | None:
        """Why the options cannot be sent (a custom size that is not WxH), else None."""
        if self.size_box.currentData() != CUSTOM:
            return None
        try:
            parse_image_size(self.custom_size.text())
        except RequestValidationError:
            return self.tr("The custom image size must look like 1024x1024.")
        return None

    def _on_size_changed(self) -> None:
        custom = self.size_box.currentData() == CUSTOM
        self.custom_size.setVisible(custom)
        if custom and self.settings is not None:
            self.custom_size.setFocus()
        self._save()

    def _save(self) -> None:
        settings = self.settings
        if settings is not None:
            size = str(self.size_box.currentData())
            if size == CUSTOM:
                size = self.custom_size.text().strip()
                if self.problem() is not None:
                    size = ""
            if size:
                settings.set("images.size", size)
            settings.set("images.n", self.n_box.value())
            settings.set("images.quality", str(self.quality_box.currentData()))
            settings.set("images.style", str(self.style_box.currentData()))
        self.changed.emit()


class ImageMode(QObject):
    """The toggle button and options row; while on, Send generates images from the prompt."""

    toggled = Signal(bool)

    def __init__(self, composer: Composer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.composer = composer
        self.button = QToolButton(parent)
        self.button.setObjectName("imageModeButton")
        self.button.setIcon(icon("image"))
        self.button.setCheckable(True)
        self.options = ImageOptionsRow(parent)
        self.options.hide()
        self.button.toggled.connect(self._on_toggled)
        self.button.installEventFilter(self)  # its LanguageChange retranslates the button
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.button.setAccessibleName(self.tr("Image mode"))
        self.button.setToolTip(self.tr("Image mode: Send generates images from the text "
                                       "(or type /image and a prompt)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.button and event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)

    @property
    def active(self) -> bool:
        return self.button.isChecked()

    def set_active(self, active: bool) -> None:
        self.button.setChecked(active)

    def _on_toggled(self, active: bool) -> None:
        self.options.setVisible(active)
        self.composer.set_image_mode(active)
        self.toggled.emit(active)
