"""The parameter panel: system prompt, sampling parameters, response format and presets.

Every field starts empty, meaning "unset — provider default": an unset parameter is not sent
at all. Invalid text gets its message right under the field and is left out of
`parameters()` (callers check `validation_errors()` before sending). The fields, their ranges
and their checks come from the schema in `desktop.core.parameters`, shared with the CLI.

The panel writes nothing: it shows values and says what the user asked for through its
signals. `ParameterPresets` (parameter_presets.py) keeps the saved presets and per-model
defaults, and the conversation's values are saved by whoever listens to `changed`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.parameter_fields import (
    ResponseFormat,
    response_format_value,
    split_response_format,
)
from desktop.core.parameters import BUILTIN_PRESETS, RequestValidationError, check_params
from desktop.core.store.models import Preset
from desktop.ui.parameter_rows import FieldRow, ParameterFields, error_label, show_message
from desktop.ui.parameter_rows import error_color as error_color

BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"
FORMATS = (
    ResponseFormat.DEFAULT,
    ResponseFormat.TEXT,
    ResponseFormat.JSON_OBJECT,
    ResponseFormat.JSON_SCHEMA,
)
SCHEMA_PLACEHOLDER = (
    '{\n  "name": "answer",\n  "schema": {"type": "object",\n'
    '    "properties": {"text": {"type": "string"}}}\n}'
)
DefaultsLookup = Callable[[str, str], tuple[dict[str, Any], str] | None]


def section_title(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    label.setContentsMargins(0, 8, 0, 0)
    return label


class ParameterPanel(QWidget):
    """Edits what is sent with each request of the current conversation."""

    changed = Signal()  # the user edited a value (not emitted by set_values)
    preset_save_requested = Signal(str, object, str)  # name, parameters (dict), system prompt
    preset_rename_requested = Signal(str, str)  # old name, new name
    preset_delete_requested = Signal(str)
    model_defaults_save_requested = Signal(str, str, object, str)  # provider, model, params, prompt
    model_defaults_clear_requested = Signal(str, str)  # provider, model

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parameterPanel")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._loading = False
        self._extra: dict[str, Any] = {}  # parameters set elsewhere (CLI -o) we pass through
        self._user_presets: dict[str, Preset] | None = None  # None: no list given yet
        self._defaults_lookup: DefaultsLookup | None = None
        self._model: tuple[str, str] | None = None  # (provider, model) the values are for

        body = self._build_scroll_body()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.setSpacing(6)
        layout.addLayout(self._build_header())
        layout.addWidget(self._build_presets())
        self.prompt_title = section_title()
        layout.addWidget(self.prompt_title)
        layout.addWidget(self._build_system_prompt())
        self.sampling_title = section_title()
        layout.addWidget(self.sampling_title)
        self.fields = ParameterFields(self)
        self.fields.edited.connect(self._on_edited)
        self.rows: dict[str, FieldRow] = self.fields.rows
        layout.addWidget(self.fields)
        self.format_title = section_title()
        layout.addWidget(self.format_title)
        self._build_response_format(layout)
        self.extra_label = QLabel()
        self.extra_label.setObjectName("hint")
        self.extra_label.setWordWrap(True)
        self.extra_label.hide()
        layout.addWidget(self.extra_label)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.retranslate_ui()

    # -- building ----------------------------------------------------------------------------

    def _build_scroll_body(self) -> QWidget:
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
        return body

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        row.addWidget(self.title)
        row.addStretch(1)
        self.reset_button = QToolButton()
        self.reset_button.setObjectName("flat")
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
        self.preset_box.activated.connect(self._on_preset_activated)
        row.addWidget(self.preset_box, 1)
        self.preset_menu_button = QToolButton()
        self.preset_menu_button.setText("…")
        self.preset_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.preset_menu_button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        menu = QMenu(self.preset_menu_button)
        self.save_action = menu.addAction("", self._ask_save_preset)
        self.rename_action = menu.addAction("", self._ask_rename_preset)
        self.delete_action = menu.addAction("", self._ask_delete_preset)
        menu.addSeparator()
        self.save_defaults_action = menu.addAction("", self.save_model_defaults)
        self.clear_defaults_action = menu.addAction("", self.clear_model_defaults)
        menu.aboutToShow.connect(self._update_preset_actions)
        self.preset_menu_button.setMenu(menu)
        row.addWidget(self.preset_menu_button)
        return box

    def _build_system_prompt(self) -> QPlainTextEdit:
        self.system_prompt = QPlainTextEdit()
        self.system_prompt.setObjectName("systemPrompt")
        self.system_prompt.setTabChangesFocus(True)
        self.system_prompt.setFixedHeight(96)
        self.system_prompt.textChanged.connect(self._on_edited)
        return self.system_prompt

    def _build_response_format(self, layout: QVBoxLayout) -> None:
        self.response_format = QComboBox()
        self.response_format.setObjectName("responseFormat")
        for kind in FORMATS:
            self.response_format.addItem("", str(kind))
        self.response_format.currentIndexChanged.connect(self._on_format_changed)
        layout.addWidget(self.response_format)
        self.schema_editor = QPlainTextEdit()
        self.schema_editor.setObjectName("schemaEditor")
        self.schema_editor.setTabChangesFocus(True)
        self.schema_editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.schema_editor.setPlaceholderText(SCHEMA_PLACEHOLDER)
        self.schema_editor.setFixedHeight(130)
        self.schema_editor.textChanged.connect(self._validate_format)
        self.schema_editor.hide()
        layout.addWidget(self.schema_editor)
        self.schema_error = error_label()
        layout.addWidget(self.schema_error)

    # -- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Every user-visible string, in the current language (also on a language change)."""
        self.title.setText(self.tr("PARAMETERS"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("Unset every parameter (provider defaults)"))
        self.reset_button.setAccessibleName(self.tr("Reset parameters"))
        self.preset_box.setAccessibleName(self.tr("Preset"))
        self.preset_box.setToolTip(self.tr("Load a preset"))
        self.preset_menu_button.setAccessibleName(self.tr("Preset actions"))
        self.preset_menu_button.setToolTip(self.tr("Save, rename or delete presets"))
        self.save_action.setText(self.tr("Save as preset…"))
        self.rename_action.setText(self.tr("Rename preset…"))
        self.delete_action.setText(self.tr("Delete preset"))
        self.save_defaults_action.setText(self.tr("Use as defaults for this model"))
        self.clear_defaults_action.setText(self.tr("Forget this model's defaults"))
        self.prompt_title.setText(self.tr("SYSTEM PROMPT"))
        self.system_prompt.setPlaceholderText(self.tr("You are a helpful assistant."))
        self.system_prompt.setAccessibleName(self.tr("System prompt"))
        self.sampling_title.setText(self.tr("SAMPLING"))
        self.fields.retranslate()
        self.format_title.setText(self.tr("RESPONSE FORMAT"))
        self.response_format.setAccessibleName(self.tr("Response format"))
        names = (self.tr("Provider default"), self.tr("Text"), self.tr("JSON object"),
                 self.tr("JSON schema"))
        for index, name in enumerate(names):
            self.response_format.setItemText(index, name)
        self.schema_editor.setAccessibleName(self.tr("JSON schema"))
        self.hint.setText(self.tr("Empty fields are not sent: the provider's default applies."))
        self._show_extra()
        self._fill_presets()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- values ------------------------------------------------------------------------------

    def parameters(self) -> dict[str, Any]:
        """The parameters the user set, by wire name; unset and invalid ones are left out."""
        values: dict[str, Any] = {**self._extra, **self.fields.values()}
        try:
            response_format = self._response_format()
        except RequestValidationError:
            response_format = None
        if response_format is not None:
            values["response_format"] = response_format
        return values

    def system_prompt_text(self) -> str:
        return self.system_prompt.toPlainText().strip()

    def validation_errors(self) -> dict[str, str]:
        """Field name → message for every field whose text cannot be sent."""
        errors = self.fields.errors()
        try:
            self._response_format()
        except RequestValidationError as exc:
            errors["response_format"] = str(exc)
        return errors

    def set_values(self, params: Mapping[str, Any], system_prompt: str) -> None:
        """Show a conversation's (or preset's) values; everything else becomes unset.

        Each value is checked as if typed (a stored value out of range shows its message),
        and the preset box then names the preset these values are, or none.
        """
        self._loading = True
        try:
            remaining = self.fields.show_values(params)
            kind, schema = split_response_format(remaining.pop("response_format", None))
            self.response_format.setCurrentIndex(self.response_format.findData(str(kind)))
            self.schema_editor.setPlainText(schema)
            self._validate_format()
            self.system_prompt.setPlainText(system_prompt)
            self._extra = remaining
            self._show_extra()
        finally:
            self._loading = False
        self._sync_preset_box()

    def clear(self) -> None:
        """Every parameter unset, no system prompt."""
        self.set_values({}, "")

    def _response_format(self) -> dict[str, Any] | None:
        kind = ResponseFormat(self.response_format.currentData() or "")
        return response_format_value(kind, self.schema_editor.toPlainText())

    def _on_format_changed(self) -> None:
        is_schema = self.response_format.currentData() == str(ResponseFormat.JSON_SCHEMA)
        self.schema_editor.setVisible(is_schema)
        self._validate_format()

    def _validate_format(self) -> None:
        try:
            self._response_format()
        except RequestValidationError as exc:
            message: str | None = str(exc)
        else:
            message = None
        show_message(self.schema_error, message)
        self.schema_editor.setAccessibleDescription(message or "")
        self._on_edited()

    def _show_extra(self) -> None:
        names = ", ".join(sorted(self._extra))
        self.extra_label.setText(self.tr("Also sent (set elsewhere): %1").replace("%1", names))
        self.extra_label.setVisible(bool(self._extra))

    def _on_edited(self) -> None:
        if not self._loading:
            self._sync_preset_box()
            self.changed.emit()

    def _reset_by_user(self) -> None:
        self.clear()
        self.changed.emit()

    # -- per-model defaults ------------------------------------------------------------------

    def set_defaults_lookup(self, lookup: DefaultsLookup) -> None:
        """Where the saved defaults of a provider and model are read (the model catalog)."""
        self._defaults_lookup = lookup

    def set_model(self, provider: str, model: str) -> None:
        """The provider and model the values are sent to (for their saved defaults)."""
        self._model = (provider, model)

    def model_defaults(self) -> tuple[dict[str, Any], str] | None:
        if self._defaults_lookup is None or self._model is None:
            return None
        return self._defaults_lookup(*self._model)

    def apply_model_defaults(self) -> bool:
        """Show the current model's saved defaults (a new conversation); False if none."""
        defaults = self.model_defaults()
        if defaults is None:
            return False
        self.set_values(*defaults)
        return True

    def save_model_defaults(self) -> None:
        """Ask that new conversations with the current model start from the values shown."""
        if self._model is not None:
            self.model_defaults_save_requested.emit(
                *self._model, self.parameters(), self.system_prompt_text()
            )

    def clear_model_defaults(self) -> None:
        if self._model is not None:
            self.model_defaults_clear_requested.emit(*self._model)

    # -- presets -----------------------------------------------------------------------------

    def set_presets(self, presets: Sequence[Preset]) -> None:
        """The saved presets to list (given by their keeper; saving is enabled from then on)."""
        self._user_presets = {p.name: p for p in presets}
        self._fill_presets()

    def preset_names(self) -> list[str]:
        """The saved (user) presets' names, as listed."""
        return sorted(self._user_presets or {}, key=str.casefold)

    def _fill_presets(self) -> None:
        box = self.preset_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("Presets…"), "")
        for name in self.preset_names():
            box.addItem(name, USER_PREFIX + name)
        if self._user_presets:
            box.insertSeparator(box.count())
        for builtin in BUILTIN_PRESETS:
            box.addItem(
                self.tr("%1 (built-in)").replace("%1", builtin.name), BUILTIN_PREFIX + builtin.name
            )
        box.blockSignals(False)
        self._sync_preset_box()

    def _preset_values(self) -> list[tuple[str, dict[str, Any], str]]:
        """(box data, params, system prompt) of every listed preset, saved ones first."""
        saved = [(USER_PREFIX + p.name, p.params, p.system_prompt) for p in
                 (self._user_presets or {}).values()]
        builtin = [(BUILTIN_PREFIX + p.name, p.params, p.system_prompt) for p in BUILTIN_PRESETS]
        return saved + builtin

    def _sync_preset_box(self) -> None:
        """Name the preset whose values are the ones shown, or none ("Presets…")."""
        shown = (self.parameters(), self.system_prompt_text())
        index = 0
        for data, params, prompt in self._preset_values():
            if _same_values(params, prompt, *shown):
                index = max(self.preset_box.findData(data), 0)
                break
        self.preset_box.setCurrentIndex(index)

    def selected_user_preset(self) -> str | None:
        data = self.preset_box.currentData() or ""
        return data[len(USER_PREFIX) :] if data.startswith(USER_PREFIX) else None

    def _update_preset_actions(self) -> None:
        selected = self.selected_user_preset()
        self.save_action.setEnabled(self._user_presets is not None)
        self.rename_action.setEnabled(selected is not None)
        self.delete_action.setEnabled(selected is not None)
        can_default = self._defaults_lookup is not None and self._model is not None
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
        preset = (self._user_presets or {})[name]
        self.set_values(preset.params, preset.system_prompt)
        self.changed.emit()

    def request_save_preset(self, name: str) -> None:
        """Ask that the values shown be saved as preset `name` (replacing one of that name)."""
        self.preset_save_requested.emit(name, self.parameters(), self.system_prompt_text())

    def _ask_name(self, title: str, current: str = "") -> str | None:
        name, accepted = QInputDialog.getText(self, title, self.tr("Preset name:"), text=current)
        name = name.strip()
        return name if accepted and name else None

    def _ask_save_preset(self) -> None:
        name = self._ask_name(self.tr("Save preset"))
        if name is None:
            return
        if name in (self._user_presets or {}):
            answer = QMessageBox.question(
                self,
                self.tr("Replace preset"),
                self.tr("A preset named “%1” exists. Replace it?").replace("%1", name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.request_save_preset(name)

    def _ask_rename_preset(self) -> None:
        old = self.selected_user_preset()
        if old is None:
            return
        new = self._ask_name(self.tr("Rename preset"), old)
        if new is not None and new != old:
            self.preset_rename_requested.emit(old, new)

    def _ask_delete_preset(self) -> None:
        name = self.selected_user_preset()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete preset"), self.tr("Delete the preset “%1”?").replace("%1", name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.preset_delete_requested.emit(name)


def _same_values(
    params: Mapping[str, Any], prompt: str, shown: Mapping[str, Any], shown_prompt: str
) -> bool:
    """Whether a preset's values are the ones shown (stored forms normalized by the schema)."""
    try:
        checked = check_params(params)
    except RequestValidationError:
        return False
    unknown = {k: v for k, v in params.items() if k not in checked and v is not None}
    return {**unknown, **checked} == dict(shown) and prompt.strip() == shown_prompt
