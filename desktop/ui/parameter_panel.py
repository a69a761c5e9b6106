"""The collapsible parameter panel: system prompt and sampling parameters.

Every field has an "unset" state (the provider's default): unset parameters are not sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def _unset_double(minimum: float, maximum: float, step: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    # One step below the minimum stands for "unset", shown as the special value text.
    box.setRange(minimum - step, maximum)
    box.setSingleStep(step)
    box.setDecimals(2)
    box.setSpecialValueText("default")
    box.setValue(box.minimum())
    return box


def _unset_int(minimum: int, maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum - 1, maximum)
    box.setSpecialValueText("default")
    box.setValue(box.minimum())
    return box


class ParameterPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameterPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(8)

        title = QLabel(self.tr("PARAMETERS"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)

        layout.addWidget(QLabel(self.tr("System prompt")))
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setPlaceholderText(self.tr("You are a helpful assistant."))
        self.system_prompt.setAccessibleName(self.tr("System prompt"))
        self.system_prompt.setFixedHeight(110)
        layout.addWidget(self.system_prompt)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(8)
        self.temperature = _unset_double(0.0, 2.0, 0.05)
        self.top_p = _unset_double(0.0, 1.0, 0.05)
        self.max_tokens = _unset_int(1, 1_000_000)
        self.presence_penalty = _unset_double(-2.0, 2.0, 0.1)
        self.frequency_penalty = _unset_double(-2.0, 2.0, 0.1)
        self.seed = _unset_int(0, 2_147_483_647)
        fields: list[tuple[str, QWidget]] = [
            (self.tr("Temperature"), self.temperature),
            (self.tr("Top P"), self.top_p),
            (self.tr("Max tokens"), self.max_tokens),
            (self.tr("Presence penalty"), self.presence_penalty),
            (self.tr("Frequency penalty"), self.frequency_penalty),
            (self.tr("Seed"), self.seed),
        ]
        for label, widget in fields:
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        layout.addLayout(form)
        hint = QLabel(self.tr("Fields left at “default” are not sent."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    def parameters(self) -> dict[str, Any]:
        """The parameters the user set; unset ones are left out entirely."""
        values: dict[str, Any] = {}
        for name in ("temperature", "top_p", "presence_penalty", "frequency_penalty"):
            box: QDoubleSpinBox = getattr(self, name)
            if box.value() != box.minimum():
                values[name] = round(box.value(), 4)
        for name in ("max_tokens", "seed"):
            ibox: QSpinBox = getattr(self, name)
            if ibox.value() != ibox.minimum():
                values[name] = ibox.value()
        return values
