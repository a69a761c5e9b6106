"""The parameter panel's text fields, one row per parameter of the schema.

`ParameterFields` builds a row for each parameter `panel_parameters()` lists, with the
editor its kind needs and the range the schema declares; nothing here names a parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.core.parameter_fields import MULTI_LINE, format_value, panel_parameters, parse_text
from desktop.core.parameters import Parameter, RequestValidationError
from desktop.ui.parameter_labels import (
    field_hint,
    field_label,
    field_tooltip,
    multi_line_placeholder,
    unset_placeholder,
)
from desktop.ui.theme import current_colors

LINE_EDIT_WIDTH = 110
MULTI_LINE_HEIGHT = 58


def error_color() -> str:
    """Red that reads on the current background (light or dark)."""
    return "#ff7b72" if current_colors()["bg"].lower() < "#808080" else "#cf222e"


def error_label(parent: QWidget | None = None) -> QLabel:
    """The small red line under a field that says why its text cannot be sent."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def show_message(label: QLabel, message: str | None) -> None:
    """Show `message` in an error label (hide it for None), red for the current theme."""
    label.setStyleSheet(f"color: {error_color()}; font-size: 8.5pt;")
    label.setText(message or "")
    label.setVisible(bool(message))


class FieldRow:
    """One parameter: its editor (empty = unset) and the message line under it."""

    def __init__(self, parameter: Parameter, parent: QWidget) -> None:
        self.parameter = parameter
        self.editor: QLineEdit | QPlainTextEdit
        if parameter.kind in MULTI_LINE:
            editor = QPlainTextEdit(parent)
            editor.setFixedHeight(MULTI_LINE_HEIGHT)
            editor.setTabChangesFocus(True)
            self.editor = editor
        else:
            line = QLineEdit(parent)
            line.setClearButtonEnabled(True)
            line.setFixedWidth(LINE_EDIT_WIDTH)
            self.editor = line
        self.editor.setObjectName(f"param_{parameter.name}")
        self.label = QLabel(parent)
        self.label.setBuddy(self.editor)
        self.error = error_label(parent)
        self.retranslate()

    def retranslate(self) -> None:
        label, hint = field_label(self.parameter), field_hint(self.parameter)
        self.label.setText(label)
        self.editor.setAccessibleName(label)
        self.editor.setToolTip(field_tooltip(label, hint))
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlaceholderText(multi_line_placeholder(hint))
        else:
            self.editor.setPlaceholderText(unset_placeholder())

    @property
    def multi_line(self) -> bool:
        return isinstance(self.editor, QPlainTextEdit)

    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(text)
        else:
            self.editor.setText(text)

    def value(self) -> Any:
        """The value to send, None if unset; raises RequestValidationError when invalid."""
        return parse_text(self.parameter, self.text())

    def validate(self) -> None:
        """Show (or hide) the message of the current text under the field."""
        try:
            self.value()
        except RequestValidationError as exc:
            self.show_error(str(exc))
        else:
            self.show_error(None)

    def show_error(self, message: str | None) -> None:
        show_message(self.error, message)
        self.editor.setAccessibleDescription(message or "")
        self.editor.setStyleSheet(f"border: 1px solid {error_color()};" if message else "")


class ParameterFields(QWidget):
    """The grid of the schema's text fields: label and editor, the message under them."""

    edited = Signal()  # any field's text changed (also while values are being set)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        self.rows: dict[str, FieldRow] = {}
        line = 0
        for parameter in panel_parameters():
            row = FieldRow(parameter, self)
            self.rows[parameter.name] = row
            if row.multi_line:
                grid.addWidget(row.label, line, 0, 1, 2)
                grid.addWidget(row.editor, line + 1, 0, 1, 2)
                line += 2
            else:
                grid.addWidget(row.label, line, 0)
                grid.addWidget(row.editor, line, 1)
                line += 1
            grid.addWidget(row.error, line, 0, 1, 2)
            line += 1
            row.editor.textChanged.connect(lambda *_args, r=row: self._on_text_changed(r))

    def _on_text_changed(self, row: FieldRow) -> None:
        row.validate()
        self.edited.emit()

    def retranslate(self) -> None:
        for row in self.rows.values():
            row.retranslate()

    def values(self) -> dict[str, Any]:
        """The valid values that are set, by name."""
        values: dict[str, Any] = {}
        for name, row in self.rows.items():
            try:
                value = row.value()
            except RequestValidationError:
                continue
            if value is not None:
                values[name] = value
        return values

    def errors(self) -> dict[str, str]:
        """Name → message for every field whose text cannot be sent."""
        errors: dict[str, str] = {}
        for name, row in self.rows.items():
            try:
                row.value()
            except RequestValidationError as exc:
                errors[name] = str(exc)
        return errors

    def show_values(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """Show `params` (every other field empty); returns the ones no field shows."""
        remaining = dict(params)
        for name, row in self.rows.items():
            row.set_text(format_value(row.parameter, remaining.pop(name, None)))
            row.validate()
        return remaining
