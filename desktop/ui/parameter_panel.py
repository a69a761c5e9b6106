"""The parameter panel: system prompt, sampling parameters, response format and presets.

Every field starts empty, meaning "unset — provider default": an unset parameter is not sent
at all. Invalid text gets its message right under the field and is left out of
`parameters()` (callers check `validation_errors()` before sending). The parsing rules live
in `desktop.core.parameter_fields`, so the CLI and the tests share them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model_catalog import ModelCatalog
from desktop.core.parameter_fields import (
    BUILTIN_PRESETS,
    FIELDS,
    FieldError,
    FieldKind,
    ParameterField,
    ResponseFormat,
    response_format_value,
    split_response_format,
)
from desktop.core.store import Store
from desktop.core.store.models import Preset
from desktop.ui.parameter_labels import (
    field_hint,
    field_label,
    field_tooltip,
    multi_line_placeholder,
    unset_placeholder,
)
from desktop.ui.task_runner import TaskRunner
from desktop.ui.theme import current_colors

BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"


def error_color() -> str:
    """Red that reads on the current background (light or dark)."""
    return "#ff7b72" if current_colors()["bg"].lower() < "#808080" else "#cf222e"


class FieldRow:
    """One parameter: its editor (empty = unset) and the message line under it."""

    def __init__(self, field: ParameterField, parent: QWidget) -> None:
        self.field = field
        multi_line = field.kind in (FieldKind.STOP, FieldKind.LOGIT_BIAS)
        label, hint = field_label(field), field_hint(field)
        self.editor: QLineEdit | QPlainTextEdit
        if multi_line:
            editor = QPlainTextEdit(parent)
            editor.setFixedHeight(58)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(multi_line_placeholder(hint))
            self.editor = editor
        else:
            line = QLineEdit(parent)
            line.setPlaceholderText(unset_placeholder())
            line.setClearButtonEnabled(True)
            self.editor = line
        self.editor.setObjectName(f"param_{field.name}")
        self.editor.setAccessibleName(label)
        self.editor.setToolTip(field_tooltip(label, hint))
        self.label = QLabel(label, parent)
        self.label.setBuddy(self.editor)
        self.error = QLabel(parent)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {error_color()}; font-size: 8.5pt;")
        self.error.hide()

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
        """The value to send, None if unset; raises FieldError when invalid."""
        return self.field.parse(self.text())

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setAccessibleDescription(message or "")
        self.editor.setStyleSheet(f"border: 1px solid {error_color()};" if message else "")


class ParameterPanel(QWidget):
    """Edits what is sent with each request of the current conversation."""

    changed = Signal()  # the user edited a value (not emitted by set_values)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        store: Store | None = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("parameterPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._store = store
        self._tasks = tasks
        self._loading = False
        self._extra: dict[str, Any] = {}  # parameters set elsewhere (CLI -o) we pass through
        self._user_presets: dict[str, Preset] = {}
        self._catalog: ModelCatalog | None = None
        self._model: tuple[str, str] | None = None  # (provider, model) the values are for

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.viewport().setAutoFillBackground(False)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("parameterBody")
        body.setAutoFillBackground(False)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(6)

        layout.addLayout(self._build_header())
        layout.addWidget(self._build_presets())

        layout.addWidget(self._section(self.tr("SYSTEM PROMPT")))
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setObjectName("systemPrompt")
        self.system_prompt.setPlaceholderText(self.tr("You are a helpful assistant."))
        self.system_prompt.setAccessibleName(self.tr("System prompt"))
        self.system_prompt.setTabChangesFocus(True)
        self.system_prompt.setFixedHeight(96)
        self.system_prompt.textChanged.connect(self._on_edited)
        layout.addWidget(self.system_prompt)

        layout.addWidget(self._section(self.tr("SAMPLING")))
        self.rows: dict[str, FieldRow] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        line = 0
        for field in FIELDS:
            row = FieldRow(field, self)
            self.rows[field.name] = row
            if row.multi_line:
                grid.addWidget(row.label, line, 0, 1, 2)
                grid.addWidget(row.editor, line + 1, 0, 1, 2)
                line += 2
            else:
                row.editor.setFixedWidth(110)
                grid.addWidget(row.label, line, 0)
                grid.addWidget(row.editor, line, 1)
                line += 1
            grid.addWidget(row.error, line, 0, 1, 2)
            line += 1
            row.editor.textChanged.connect(lambda *_args, r=row: self._validate_row(r))
        layout.addLayout(grid)

        layout.addWidget(self._section(self.tr("RESPONSE FORMAT")))
        self.response_format = QComboBox()
        self.response_format.setObjectName("responseFormat")
        self.response_format.setAccessibleName(self.tr("Response format"))
        for label, kind in (
            (self.tr("Provider default"), ResponseFormat.DEFAULT),
            (self.tr("Text"), ResponseFormat.TEXT),
            (self.tr("JSON object"), ResponseFormat.JSON_OBJECT),
            (self.tr("JSON schema"), ResponseFormat.JSON_SCHEMA),
        ):
            self.response_format.addItem(label, str(kind))
        self.response_format.currentIndexChanged.connect(self._on_format_changed)
        layout.addWidget(self.response_format)
        self.schema_editor = QPlainTextEdit()
        self.schema_editor.setObjectName("schemaEditor")
        self.schema_editor.setAccessibleName(self.tr("JSON schema"))
        self.schema_editor.setTabChangesFocus(True)
        self.schema_editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.schema_editor.setPlaceholderText(
            '{\n  "name": "answer",\n  "schema": {"type": "object",\n'
            '    "properties": {"text": {"type": "string"}}}\n}'
        )
        self.schema_editor.setFixedHeight(130)
        self.schema_editor.textChanged.connect(self._validate_format)
        self.schema_editor.hide()
        layout.addWidget(self.schema_editor)
        self.schema_error = QLabel()
        self.schema_error.setObjectName("fieldError")
        self.schema_error.setWordWrap(True)
        self.schema_error.setStyleSheet(f"color: {error_color()}; font-size: 8.5pt;")
        self.schema_error.hide()
        layout.addWidget(self.schema_error)

        self.extra_label = QLabel()
        self.extra_label.setObjectName("hint")
        self.extra_label.setWordWrap(True)
        self.extra_label.hide()
        layout.addWidget(self.extra_label)
        hint = QLabel(self.tr("Empty fields are not sent: the provider's default applies."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(1)

    # -- building ----------------------------------------------------------------------------

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        label.setContentsMargins(0, 8, 0, 0)
        return label

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(self.tr("PARAMETERS"))
        title.setObjectName("sectionTitle")
        row.addWidget(title)
        row.addStretch(1)
        self.reset_button = QToolButton()
        self.reset_button.setObjectName("flat")
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Unset every parameter (provider defaults)"))
        self.reset_button.setAccessibleName(self.tr("Reset parameters"))
        self.reset_button.clicked.connect(self._reset_by_user)
        row.addWidget(self.reset_button)
        return row

    def _build_presets(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("presetBox")
        self.preset_box.setAccessibleName(self.tr("Preset"))
        self.preset_box.setToolTip(self.tr("Load a preset"))
        self.preset_box.activated.connect(self._on_preset_activated)
        row.addWidget(self.preset_box, 1)
        self.preset_menu_button = QToolButton()
        self.preset_menu_button.setText("…")
        self.preset_menu_button.setAccessibleName(self.tr("Preset actions"))
        self.preset_menu_button.setToolTip(self.tr("Save, rename or delete presets"))
        self.preset_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.preset_menu_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        menu = QMenu(self.preset_menu_button)
        self.save_action = menu.addAction(self.tr("Save as preset…"), self._ask_save_preset)
        self.rename_action = menu.addAction(self.tr("Rename preset…"), self._ask_rename_preset)
        self.delete_action = menu.addAction(self.tr("Delete preset"), self._ask_delete_preset)
        menu.addSeparator()
        self.save_defaults_action = menu.addAction(
            self.tr("Use as defaults for this model"), self.save_model_defaults
        )
        self.clear_defaults_action = menu.addAction(
            self.tr("Forget this model's defaults"), self.clear_model_defaults
        )
        menu.aboutToShow.connect(self._update_preset_actions)
        self.preset_menu_button.setMenu(menu)
        row.addWidget(self.preset_menu_button)
        self._fill_presets()
        return box

    # -- public API --------------------------------------------------------------------------

    def attach_store(self, store: Store, tasks: TaskRunner) -> None:
        """Enable saved presets (kept in the Store); loads their list in the background."""
        self._store = store
        self._tasks = tasks
        self.reload_presets()

    def attach_catalog(self, catalog: ModelCatalog) -> None:
        """Enable defaults per provider and model (kept in the model catalog)."""
        self._catalog = catalog

    def set_model(self, provider: str, model: str) -> None:
        """The provider and model the values are sent to (for their saved defaults)."""
        self._model = (provider, model)

    def model_defaults(self) -> tuple[dict[str, Any], str] | None:
        if self._catalog is None or self._model is None:
            return None
        return self._catalog.defaults(*self._model)

    def apply_model_defaults(self) -> bool:
        """Show the current model's saved defaults (a new conversation); False if none."""
        defaults = self.model_defaults()
        if defaults is None:
            return False
        self.set_values(*defaults)
        return True

    def save_model_defaults(self) -> None:
        """New conversations with the current model start from the values shown now."""
        if self._catalog is not None and self._model is not None:
            self._catalog.set_defaults(*self._model, self.parameters(), self.system_prompt_text())

    def clear_model_defaults(self) -> None:
        if self._catalog is not None and self._model is not None:
            self._catalog.set_defaults(*self._model, None)

    def parameters(self) -> dict[str, Any]:
        """The parameters the user set, by wire name; unset and invalid ones are left out."""
        values: dict[str, Any] = dict(self._extra)
        for name, row in self.rows.items():
            try:
                value = row.value()
            except FieldError:
                continue
            if value is not None:
                values[name] = value
        try:
            response_format = self._response_format()
        except FieldError:
            response_format = None
        if response_format is not None:
            values["response_format"] = response_format
        return values

    def system_prompt_text(self) -> str:
        return self.system_prompt.toPlainText().strip()

    def validation_errors(self) -> dict[str, str]:
        """Field name → message for every field whose text cannot be sent."""
        errors: dict[str, str] = {}
        for name, row in self.rows.items():
            try:
                row.value()
            except FieldError as exc:
                errors[name] = str(exc)
        try:
            self._response_format()
        except FieldError as exc:
            errors["response_format"] = str(exc)
        return errors

    def set_values(self, params: Mapping[str, Any], system_prompt: str) -> None:
        """Show a conversation's (or preset's) values; everything else becomes unset."""
        self._loading = True
        try:
            remaining = dict(params)
            for name, row in self.rows.items():
                row.set_text(row.field.format(remaining.pop(name, None)))
                self._validate_row(row)
            kind, schema = split_response_format(remaining.pop("response_format", None))
            self.response_format.setCurrentIndex(self.response_format.findData(str(kind)))
            self.schema_editor.setPlainText(schema)
            self._validate_format()
            self.system_prompt.setPlainText(system_prompt)
            self._extra = remaining
            self._show_extra()
        finally:
            self._loading = False

    def clear(self) -> None:
        """Every parameter unset, no system prompt."""
        self.set_values({}, "")

    # -- validation --------------------------------------------------------------------------

    def _response_format(self) -> dict[str, Any] | None:
        kind = ResponseFormat(self.response_format.currentData() or "")
        return response_format_value(kind, self.schema_editor.toPlainText())

    def _validate_row(self, row: FieldRow) -> None:
        try:
            row.value()
        except FieldError as exc:
            row.show_error(str(exc))
        else:
            row.show_error(None)
        self._on_edited()

    def _on_format_changed(self) -> None:
        is_schema = self.response_format.currentData() == str(ResponseFormat.JSON_SCHEMA)
        self.schema_editor.setVisible(is_schema)
        self._validate_format()

    def _validate_format(self) -> None:
        try:
            self._response_format()
        except FieldError as exc:
            self.schema_error.setText(str(exc))
            self.schema_error.show()
            self.schema_editor.setAccessibleDescription(str(exc))
        else:
            self.schema_error.hide()
            self.schema_editor.setAccessibleDescription("")
        self._on_edited()

    def _show_extra(self) -> None:
        names = ", ".join(sorted(self._extra))
        self.extra_label.setText(self.tr("Also sent (set elsewhere): %1").replace("%1", names))
        self.extra_label.setVisible(bool(self._extra))

    def _on_edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _reset_by_user(self) -> None:
        self.clear()
        self.changed.emit()

    # -- presets -----------------------------------------------------------------------------

    def _fill_presets(self) -> None:
        box = self.preset_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Presets…"), "")
        for name in sorted(self._user_presets, key=str.casefold):
            box.addItem(name, USER_PREFIX + name)
        if self._user_presets:
            box.insertSeparator(box.count())
        for builtin in BUILTIN_PRESETS:
            box.addItem(
                self.tr("%1 (built-in)").replace("%1", builtin.name), BUILTIN_PREFIX + builtin.name
            )
        box.setCurrentIndex(0)
        box.blockSignals(False)

    def preset_names(self) -> list[str]:
        """The saved (user) presets' names, as listed."""
        return sorted(self._user_presets, key=str.casefold)

    def _selected_user_preset(self) -> str | None:
        data = self.preset_box.currentData() or ""
        return data[len(USER_PREFIX) :] if data.startswith(USER_PREFIX) else None

    def _update_preset_actions(self) -> None:
        has_store = self._store is not None and self._tasks is not None
        selected = self._selected_user_preset()
        self.save_action.setEnabled(has_store)
        self.rename_action.setEnabled(has_store and selected is not None)
        self.delete_action.setEnabled(has_store and selected is not None)
        can_default = self._catalog is not None and self._model is not None
        self.save_defaults_action.setEnabled(can_default)
        self.clear_defaults_action.setEnabled(can_default and self.model_defaults() is not None)
        if self._model is not None:
            self.save_defaults_action.setText(
                self.tr("Use as defaults for %1").replace("%1", self._model[1])
            )

    def _on_preset_activated(self, index: int) -> None:
        data = self.preset_box.itemData(index) or ""
        if data.startswith(BUILTIN_PREFIX):
            self.load_builtin(data[len(BUILTIN_PREFIX) :])
        elif data.startswith(USER_PREFIX):
            self.load_preset(data[len(USER_PREFIX) :])

    def load_builtin(self, name: str) -> None:
        preset = next(p for p in BUILTIN_PRESETS if p.name == name)
        self.set_values(preset.params, preset.system_prompt)
        self.changed.emit()

    def load_preset(self, name: str) -> None:
        preset = self._user_presets[name]
        self.set_values(preset.params, preset.system_prompt)
        self.changed.emit()
        index = self.preset_box.findData(USER_PREFIX + name)
        self.preset_box.setCurrentIndex(max(index, 0))

    def reload_presets(self) -> asyncio.Task[list[Preset]] | None:
        if self._store is None or self._tasks is None:
            return None
        return self._tasks.start(
            asyncio.to_thread(self._store.presets.list),
            name="load presets",
            on_success=self._presets_loaded,
        )

    def _presets_loaded(self, presets: list[Preset]) -> None:
        self._user_presets = {p.name: p for p in presets}
        self._fill_presets()

    def _require_store(self) -> tuple[Store, TaskRunner]:
        if self._store is None or self._tasks is None:
            raise RuntimeError("Presets need a Store: call attach_store first.")
        return self._store, self._tasks

    def save_preset(self, name: str) -> asyncio.Task[list[Preset]]:
        """Save the current values as preset `name` (replacing one of that name)."""
        store, tasks = self._require_store()
        params, prompt = self.parameters(), self.system_prompt_text()

        def work() -> list[Preset]:
            store.presets.save(name, params=params, system_prompt=prompt)
            return store.presets.list()

        return tasks.start(
            asyncio.to_thread(work), name="save preset", on_success=self._presets_loaded
        )

    def rename_preset(self, old: str, new: str) -> asyncio.Task[list[Preset]]:
        store, tasks = self._require_store()

        def work() -> list[Preset]:
            preset = store.presets.get(old)
            store.presets.save(
                new, params=preset.params, model=preset.model, system_prompt=preset.system_prompt
            )
            if new != old:
                store.presets.delete(old)
            return store.presets.list()

        return tasks.start(
            asyncio.to_thread(work), name="rename preset", on_success=self._presets_loaded
        )

    def delete_preset(self, name: str) -> asyncio.Task[list[Preset]]:
        store, tasks = self._require_store()

        def work() -> list[Preset]:
            store.presets.delete(name)
            return store.presets.list()

        return tasks.start(
            asyncio.to_thread(work), name="delete preset", on_success=self._presets_loaded
        )

    def _ask_name(self, title: str, current: str = "") -> str | None:
        name, accepted = QInputDialog.getText(self, title, self.tr("Preset name:"), text=current)
        name = name.strip()
        return name if accepted and name else None

    def _ask_save_preset(self) -> None:
        name = self._ask_name(self.tr("Save preset"))
        if name is None:
            return
        if name in self._user_presets:
            answer = QMessageBox.question(
                self,
                self.tr("Replace preset"),
                self.tr("A preset named “%1” exists. Replace it?").replace("%1", name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_preset(name)

    def _ask_rename_preset(self) -> None:
        old = self._selected_user_preset()
        if old is None:
            return
        new = self._ask_name(self.tr("Rename preset"), old)
        if new is not None and new != old:
            self.rename_preset(old, new)

    def _ask_delete_preset(self) -> None:
        name = self._selected_user_preset()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete preset"), self.tr("Delete the preset “%1”?").replace("%1", name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_preset(name)
