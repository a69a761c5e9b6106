"""The "Edit image…" and "Variations…" dialog opened from an image in a chat.

Edit: paint over what should change (brush, eraser, brush size, clear), describe the change,
pick the provider and model, then Edit. Variations: the same without mask and prompt. The
dialog only gathers the request (`submitted`); the controller runs it and the results arrive
in the conversation as a reply, like generated images.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.image_edits import ImageEdit
from desktop.core.image_generation import ImageSettings
from desktop.ui.image_edit.mask_painter import MaskPainter
from desktop.ui.parameter_panel import error_color

SIZES = ("auto", "256x256", "512x512", "1024x1024", "1536x1024", "1024x1536")
EDIT_MODELS = ("gpt-image-1", "dall-e-2")
VARIATION_MODELS = ("dall-e-2",)


class ImageEditDialog(QDialog):
    """Gathers an edit (or variations) of one image; `submitted(edit, settings)` on OK."""

    submitted = Signal(object, object)  # ImageEdit, ImageSettings

    def __init__(self, image: QImage, *, variations: bool, providers: list[str],
                 provider: str, model: str, name: str = "image.png",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageEditDialog")
        self.variations = variations
        self.name = name
        layout = QVBoxLayout(self)
        self.painter = MaskPainter(image, self)
        self.painter.setVisible(not variations)
        self.preview = QLabel()  # variations: the image alone, no painting
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setVisible(variations)
        if variations:
            from PySide6.QtGui import QPixmap

            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                360, 360, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        layout.addWidget(self.painter, 1)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self._tool_row())
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.prompt = QPlainTextEdit()
        self.prompt.setFixedHeight(64)
        self.prompt.setTabChangesFocus(True)
        self.prompt.setVisible(not variations)
        layout.addWidget(self.prompt)
        layout.addLayout(self._options(providers, provider, model))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_color()};")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("primary")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._submit)
        self.retranslate_ui()
        self.resize(640, 760 if not variations else 560)

    def _tool_row(self) -> QWidget:
        row = QWidget()
        row.setVisible(not self.variations)
        tools = QHBoxLayout(row)
        tools.setContentsMargins(0, 0, 0, 0)
        self.brush_button = QToolButton()
        self.eraser_button = QToolButton()
        group = QButtonGroup(row)
        for button in (self.brush_button, self.eraser_button):
            button.setObjectName("maskTool")
            button.setCheckable(True)
            group.addButton(button)
            tools.addWidget(button)
        self.brush_button.setChecked(True)
        self.eraser_button.toggled.connect(self.painter.set_erasing)
        self.size_label = QLabel()
        tools.addWidget(self.size_label)
        self.brush_size = QSlider(Qt.Orientation.Horizontal)
        self.brush_size.setRange(4, 160)
        self.brush_size.setValue(self.painter.brush_size)
        self.brush_size.setMaximumWidth(180)
        self.brush_size.valueChanged.connect(self.painter.set_brush_size)
        tools.addWidget(self.brush_size)
        tools.addStretch(1)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.painter.clear)
        tools.addWidget(self.clear_button)
        return row

    def _options(self, providers: list[str], provider: str, model: str) -> QFormLayout:
        form = QFormLayout()
        self.provider = QComboBox()
        self.provider.addItems(providers)
        self.provider.setCurrentText(provider)
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.addItems(VARIATION_MODELS if self.variations else EDIT_MODELS)
        self.model.setCurrentText(model)
        self.count = QSpinBox()
        self.count.setRange(1, 4)
        self.size_box = QComboBox()
        self.size_box.addItems(SIZES)
        self.labels = [QLabel() for _ in range(4)]
        fields: tuple[QWidget, ...] = (self.provider, self.model, self.count, self.size_box)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        return form

    def retranslate_ui(self) -> None:
        if self.variations:
            self.setWindowTitle(self.tr("Image variations"))
            self.ok_button.setText(self.tr("Make variations"))
            self.hint.setText(self.tr("New images like this one; they arrive in the "
                                      "conversation as a reply."))
        else:
            self.setWindowTitle(self.tr("Edit image"))
            self.ok_button.setText(self.tr("Edit"))
            self.hint.setText(self.tr("Paint over what should change, then describe the "
                                      "change. Without paint the whole image may change."))
        self.brush_button.setText(self.tr("Brush"))
        self.eraser_button.setText(self.tr("Eraser"))
        self.size_label.setText(self.tr("Size"))
        self.brush_size.setAccessibleName(self.tr("Brush size"))
        self.clear_button.setText(self.tr("Clear"))
        self.painter.setAccessibleName(self.tr("Image with the areas to change"))
        self.prompt.setPlaceholderText(self.tr("Describe the change, e.g. “a red hat”"))
        self.prompt.setAccessibleName(self.tr("Prompt"))
        for label, text in zip(self.labels, (self.tr("&Provider"), self.tr("&Model"),
                                             self.tr("&Images"), self.tr("Si&ze")), strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def request(self) -> tuple[ImageEdit, ImageSettings] | None:
        """The edit and the settings to send it with; None after saying what is missing."""
        prompt = self.prompt.toPlainText().strip()
        if not self.variations and not prompt:
            self.show_error(self.tr("Describe the change first."))
            return None
        if not self.provider.currentText() or not self.model.currentText().strip():
            self.show_error(self.tr("Pick a provider and a model."))
            return None
        size = self.size_box.currentText()
        settings = ImageSettings(self.provider.currentText(), self.model.currentText().strip(),
                                 size=None if size == "auto" else size, n=self.count.value())
        mask = self.painter.mask_png() if not self.variations and self.painter.has_mask() \
            else None
        edit = ImageEdit(self.painter.image_png(), prompt, mask, self.variations, self.name)
        return edit, settings

    def _submit(self) -> None:
        gathered = self.request()
        if gathered is not None:
            self.submitted.emit(*gathered)
            self.accept()
