"""Choosing what to compare: 2-4 rows of model (from the picker's lists) and parameters.

Each row has its own temperature and max tokens (checked by the parameter schema, as the
parameter panel checks them); other parameters a row was given (the panel's, for the first
row) are kept as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.parameter_fields import format_value, parse_text
from desktop.core.parameters import PARAMETERS_BY_NAME, RequestValidationError
from desktop.core.store.compare_ops import MAX_TARGETS, MIN_TARGETS, CompareTarget
from desktop.ui.parameter_labels import field_hint, field_label
from desktop.ui.resources import icon

ROW_FIELDS = ("temperature", "max_tokens")


class _TargetRow:
    """The widgets of one row."""

    def __init__(self, dialog: CompareChooser, choices: Sequence[tuple[str, str]],
                 target: CompareTarget | None) -> None:
        self.model = QComboBox()
        self.model.setObjectName("compareTargetModel")
        self.model.setMinimumContentsLength(24)
        self.model.addItem(dialog.tr("Choose a model…"), None)
        for provider, model in choices:
            self.model.addItem(f"{model}  —  {provider}", (provider, model))
        self.extra: dict[str, Any] = {}
        self.fields: dict[str, QLineEdit] = {}
        for name in ROW_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(dialog.tr("default"))
            edit.setToolTip(field_hint(PARAMETERS_BY_NAME[name]))
            edit.setMaximumWidth(110)
            self.fields[name] = edit
        self.remove = QToolButton()
        self.remove.setObjectName("flat")
        self.remove.setIcon(icon("close"))
        self.remove.setToolTip(dialog.tr("Remove this model"))
        if target is not None:
            self.set_target(target)

    def set_target(self, target: CompareTarget) -> None:
        index = self.model.findData((target.provider, target.model))
        if index < 0:  # a model not in the lists (typed by hand once): offer it anyway
            self.model.addItem(f"{target.model}  —  {target.provider}",
                               (target.provider, target.model))
            index = self.model.count() - 1
        self.model.setCurrentIndex(index)
        self.extra = {k: v for k, v in target.params.items() if k not in ROW_FIELDS}
        for name, edit in self.fields.items():
            value = target.params.get(name)
            edit.setText("" if value is None else format_value(PARAMETERS_BY_NAME[name], value))

    def widgets(self) -> list[QWidget]:
        return [self.model, *self.fields.values(), self.remove]

    def target(self) -> tuple[CompareTarget | None, list[str]]:
        """The row's target, or None and what is wrong with it."""
        chosen = self.model.currentData()
        problems: list[str] = []
        params = dict(self.extra)
        for name, edit in self.fields.items():
            try:
                value = parse_text(PARAMETERS_BY_NAME[name], edit.text())
            except RequestValidationError as exc:
                problems.append(str(exc))
                continue
            if value is not None:
                params[name] = value
        if not isinstance(chosen, tuple):
            return None, problems
        return CompareTarget(chosen[0], chosen[1], params), problems


class CompareChooser(QDialog):
    """Pick 2-4 targets; `targets()` after it is accepted."""

    def __init__(self, choices: Sequence[tuple[str, str]], initial: Sequence[CompareTarget],
                 *, mode: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareChooser")
        self.setMinimumWidth(600)
        self.setWindowTitle(self.tr("Compare models") if not mode
                            else self.tr("Compare mode for this conversation"))
        self._choices = list(choices)
        self.rows: list[_TargetRow] = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Send this message to several models at once; their replies stream side by side.")
            if not mode else self.tr(
            "Every message of this conversation goes to each of these models, side by side, "
            "until you continue with one of them."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        for column, text in enumerate((self.tr("Model"),
                                       *(field_label(PARAMETERS_BY_NAME[n]) for n in ROW_FIELDS))):
            label = QLabel(text)
            label.setObjectName("muted")
            self.grid.addWidget(label, 0, column)
        layout.addLayout(self.grid)
        self.add_button = QPushButton(icon("plus"), self.tr("Add a model"))
        self.add_button.clicked.connect(lambda: self.add_row(None))
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.problem = QLabel()
        self.problem.setObjectName("errorText")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Compare") if not mode else self.tr("Turn on compare mode"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for target in list(initial)[:MAX_TARGETS]:
            self.add_row(target)
        while len(self.rows) < MIN_TARGETS:
            self.add_row(None)

    def add_row(self, target: CompareTarget | None) -> None:
        if len(self.rows) >= MAX_TARGETS:
            return
        row = _TargetRow(self, self._choices, target)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._lay_out()

    def remove_row(self, row: _TargetRow) -> None:
        if len(self.rows) <= MIN_TARGETS:
            return
        self.rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self._lay_out()

    def _lay_out(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
            row.remove.setEnabled(len(self.rows) > MIN_TARGETS)
        self.add_button.setEnabled(len(self.rows) < MAX_TARGETS)

    def targets(self) -> list[CompareTarget]:
        """The chosen targets (rows without a model left out)."""
        return [t for t, _p in (row.target() for row in self.rows) if t is not None]

    def accept(self) -> None:
        problems = [p for row in self.rows for p in row.target()[1]]
        if not problems and len(self.targets()) < MIN_TARGETS:
            problems.append(self.tr("Choose at least two models."))
        if problems:
            self.problem.setText(" ".join(problems))
            self.problem.show()
            return
        super().accept()
