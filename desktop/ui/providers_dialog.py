"""The Providers dialog: add (from templates), edit, remove and reorder provider profiles.

Profiles go to the ProviderRegistry; keys go to the system keyring only, through `KeyAccess`
(off the UI thread, with a timeout). When the keyring cannot keep a key the user chooses
between this session only and an environment variable (`key_prompt.py`). "Test connection"
fetches the model list in the background and shows the typed error in words.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import ModelCatalog
from desktop.core.model_fetch import describe_failure, fetch_model_ids, resolve_key
from desktop.core.provider_templates import (
    TEMPLATES,
    ProviderTemplate,
    TemplateKind,
    template,
    unique_name,
)
from desktop.core.providers import KeySource, ProviderError, ProviderProfile, ProviderRegistry
from desktop.core.secrets import KeyringUnavailableError
from desktop.ui.key_prompt import KeyFallback, KeyringProblemDialog
from desktop.ui.provider_form import ProviderForm
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

ProfileRole = Qt.ItemDataRole.UserRole + 1
NEW_MARK = "\x00new"  # list data of the profile being added (not in the registry yet)
MAX_MODELS_LISTED = 6


class ProvidersDialog(QDialog):
    """Manages the provider profiles; emits providers_changed after every saved change."""

    providers_changed = Signal()

    def __init__(
        self,
        registry: ProviderRegistry,
        keys: KeyAccess,
        tasks: TaskRunner,
        *,
        catalog: ModelCatalog | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Providers"))
        self.setObjectName("providersDialog")
        self.resize(860, 600)
        self.registry = registry
        self.keys = keys
        self.tasks = tasks
        self.catalog = catalog
        self._pending: ProviderProfile | None = None  # being added, not saved yet
        self._pending_note = ""
        self._current: str | None = None  # list data of the row shown in the form
        self._dirty = False
        self._key_view = 0  # bumped when what the form says about the key may be outdated

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        title = QLabel(self.tr("PROVIDERS"))
        title.setObjectName("sectionTitle")
        left.addWidget(title)
        self.list_model = QStandardItemModel(self)
        self.list_view = QListView()
        self.list_view.setObjectName("providerList")
        self.list_view.setAccessibleName(self.tr("Providers"))
        self.list_view.setModel(self.list_model)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list_view.setMinimumWidth(210)
        self.list_view.setSpacing(1)
        self.list_view.setStyleSheet("QListView#providerList::item { padding: 6px 6px; }")
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        left.addWidget(self.list_view, 1)
        buttons = QHBoxLayout()
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add a provider"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(self._template_menu())
        buttons.addWidget(self.add_button)
        self.remove_button = self._tool(self.tr("Remove"), self.tr("Remove the provider"))
        self.remove_button.clicked.connect(lambda: self.remove_current())
        self.up_button = self._tool("↑", self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = self._tool("↓", self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        layout.addLayout(left)

        right = QVBoxLayout()
        self.form = ProviderForm()
        self.form.edited.connect(self._on_edited)
        self.form.test_requested.connect(lambda: self.test_connection())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right.addWidget(scroll, 1)
        self.empty_hint = QLabel(
            self.tr(
                "No provider yet. Use “Add” to start from a template: cloud APIs, relay "
                "gateways such as MaxAPI, ModelMax or MaxToken, or a local server."
            )
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("hint")
        right.addWidget(self.empty_hint)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        bottom.addWidget(self.revert_button)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_current())
        bottom.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        bottom.addWidget(close)
        right.addLayout(bottom)
        layout.addLayout(right, 1)
        self._fill_list()
        self._update_buttons()

    def _tool(self, text: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        return button

    def _template_menu(self) -> QMenu:
        menu = QMenu(self)
        titles = {
            TemplateKind.CLOUD: self.tr("Cloud APIs"),
            TemplateKind.GATEWAY: self.tr("Relay gateways"),
            TemplateKind.LOCAL: self.tr("Local servers"),
        }
        for kind, title in titles.items():
            section = menu.addSection(title)
            section.setEnabled(False)
            for item in TEMPLATES:
                if item.kind is kind:
                    action = menu.addAction(item.name)
                    action.triggered.connect(lambda _=False, t=item.id: self.add_from_template(t))
        return menu

    # -- the list ----------------------------------------------------------------------------

    def _fill_list(self, select: str | None = None) -> None:
        self.list_model.clear()
        for profile in self.registry.list():
            item = QStandardItem(profile.name)
            item.setData(profile.name, ProfileRole)
            item.setToolTip(profile.base_url)
            item.setData(f"{profile.name}, {profile.base_url}", Qt.ItemDataRole.AccessibleTextRole)
            self.list_model.appendRow(item)
        if self._pending is not None:
            item = QStandardItem(self.tr("%1 (new)").replace("%1", self._pending.name))
            item.setData(NEW_MARK, ProfileRole)
            self.list_model.appendRow(item)
        self.empty_hint.setVisible(self.list_model.rowCount() == 0)
        target = select if select is not None else self._current
        row = self._row_of(target) if target is not None else -1
        if row < 0 and self.list_model.rowCount():
            row = 0
        blocker = self.list_view.selectionModel().blockSignals(True)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        self.list_view.selectionModel().blockSignals(blocker)
        self._show(self.list_model.index(row, 0).data(ProfileRole) if row >= 0 else None)

    def _row_of(self, data: str) -> int:
        for row in range(self.list_model.rowCount()):
            if self.list_model.index(row, 0).data(ProfileRole) == data:
                return row
        return -1

    def select(self, name: str) -> None:
        """Show the provider called `name` in the form."""
        row = self._row_of(name)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def names(self) -> list[str]:
        """The names shown in the list, in order (a profile being added included)."""
        return [
            self.list_model.index(r, 0).data(ProfileRole) for r in range(self.list_model.rowCount())
        ]

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        data = current.data(ProfileRole) if current.isValid() else None
        if data == self._current:
            return
        if self._dirty and not self._resolve_unsaved():
            blocker = self.list_view.selectionModel().blockSignals(True)
            self.list_view.setCurrentIndex(previous)
            self.list_view.selectionModel().blockSignals(blocker)
            return
        self._show(data)

    def _resolve_unsaved(self) -> bool:
        """Ask about unsaved edits; True when it is fine to move on."""
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save_current() is not False
        if answer == "discard":
            if self._current == NEW_MARK:
                self._pending = None
            self._dirty = False
            return True
        return False

    def ask_unsaved(self) -> str:
        """ "save", "discard" or "cancel" (a hook, so tests can answer)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this provider?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def _show(self, data: str | None) -> None:
        self._current = data
        self._dirty = False
        self.status.clear()
        if data is None:
            self.form.clear_form()
        elif data == NEW_MARK:
            assert self._pending is not None
            self.form.load(self._pending, key_stored=False, note=self._pending_note)
            self._dirty = True  # a new provider is unsaved until Save
        else:
            profile = self.registry.get(data)
            self.form.load(
                profile, key_stored=None if profile.key_source is KeySource.KEYRING else False
            )
            if profile.key_source is KeySource.KEYRING:
                self.tasks.start(
                    self.keys.read_key(profile),
                    name="check stored key",
                    on_success=functools.partial(self._key_checked, profile.name, self._key_view),
                    on_failure=functools.partial(
                        self._key_check_failed, profile.name, self._key_view
                    ),
                )
        self._update_buttons()

    def _key_checked(self, name: str, view: int, key: str | None) -> None:
        if self._current == name and view == self._key_view:
            self.form.set_key_stored(bool(key))

    def _key_check_failed(self, name: str, view: int, exc: BaseException) -> None:
        if self._current == name and view == self._key_view:
            self.form.set_key_stored(False)
            self.form.key_status.setText(describe_failure(exc))

    def _on_edited(self) -> None:
        self._dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        saved = self._current is not None and self._current != NEW_MARK
        row = self._row_of(self._current) if self._current else -1
        self.remove_button.setEnabled(self._current is not None)
        self.up_button.setEnabled(saved and row > 0)
        self.down_button.setEnabled(saved and 0 <= row < len(self.registry) - 1)
        self.save_button.setEnabled(self._current is not None and self._dirty)
        self.revert_button.setEnabled(self._current is not None and self._dirty)

    # -- actions -----------------------------------------------------------------------------

    def add_from_template(self, template_id: str) -> None:
        """Start a new provider from a template (saved when the user presses Save)."""
        if self._dirty and not self._resolve_unsaved():
            return
        chosen: ProviderTemplate = template(template_id)
        taken = {p.name for p in self.registry}
        self._pending = chosen.profile(unique_name(chosen.name, taken))
        notes = [chosen.note] if chosen.note else []
        if chosen.url_is_placeholder:
            notes.append(self.tr("Replace the example base URL with your gateway's."))
        self._pending_note = " ".join(notes)
        self._current = None
        self._fill_list(select=NEW_MARK)
        self.form.base_url.setFocus() if chosen.url_is_placeholder else self.form.key.setFocus()
        if chosen.url_is_placeholder:
            self.form.base_url.selectAll()

    def revert(self) -> None:
        if self._current == NEW_MARK:
            self._pending = None
            self._current = None
            self._fill_list()
            return
        self._show(self._current)

    def save_current(self) -> asyncio.Task[None] | bool:
        """Save the form: False (message shown) when invalid, else True or the key-saving task."""
        try:
            profile = self.form.profile()
        except ProviderError as exc:
            self.form.show_error(str(exc))
            return False
        self.form.show_error(None)
        key = self.form.typed_key()
        if key and profile.key_source is KeySource.KEYRING:
            try:
                from desktop.core.providers import check_api_key

                check_api_key(key, profile.name)
            except ProviderError as exc:
                self.form.show_error(str(exc))
                return False
        was_new = self._current == NEW_MARK
        old: ProviderProfile | None = None
        try:
            if was_new:
                saved = self.registry.add(profile)
            else:
                assert self._current is not None
                old = self.registry.get(self._current)
                saved = self.registry.update(old.name, **_changes(profile))
        except ProviderError as exc:
            self.form.show_error(str(exc))
            return False
        if was_new:
            self._pending = None
        if old is not None and self.catalog is not None and old.name != saved.name:
            self.catalog.rename_provider(old.name, saved.name)
        self._dirty = False
        self._current = saved.name
        self._fill_list(select=saved.name)
        self.status.setText(self.tr("Saved."))
        self.providers_changed.emit()
        if (
            old is not None
            and old.key_source is KeySource.KEYRING
            and saved.key_source is not KeySource.KEYRING
        ):
            # The key now comes from elsewhere: do not leave a copy in the keyring.
            self.tasks.start(self.keys.delete_key(old), name="delete old key")
        if key and saved.key_source is KeySource.KEYRING:
            return self.tasks.start(
                self._store_key(saved, key),
                name=f"store key of {saved.name}",
                on_failure=lambda exc: self.status.setText(describe_failure(exc)),
            )
        return True

    async def _store_key(self, profile: ProviderProfile, key: str) -> None:
        self.status.setText(self.tr("Storing the key in the system keyring…"))
        try:
            await self.keys.save_key(profile, key)
        except KeyringUnavailableError as exc:
            self._keyring_failed(profile, key, str(exc))
            return
        self._key_view += 1  # a keyring read started before this write is outdated
        if self._current == profile.name:
            self.form.set_key_stored(True)
            self.form.key.clear()
        self.status.setText(self.tr("Saved; the key is in the system keyring."))

    def _keyring_failed(self, profile: ProviderProfile, key: str, reason: str) -> None:
        suggestion = ""
        for item in TEMPLATES:
            if item.key_env and item.base_url == profile.base_url:
                suggestion = item.key_env
        answer = self.ask_keyring_fallback(profile.name, reason, suggestion)
        if answer is None:
            self.status.setText(self.tr("The key was not kept: %1").replace("%1", reason))
            return
        choice, variable = answer
        if choice is KeyFallback.SESSION:
            self.keys.keep_for_session(profile, key)
            self.status.setText(self.tr("The key is kept in memory until Switchboard quits."))
        else:
            self.registry.update(profile.name, key_source=KeySource.ENV, key_env=variable)
            self.status.setText(
                self.tr("The key will be read from the environment variable %1.").replace(
                    "%1", variable
                )
            )
            self._fill_list(select=profile.name)
            self.providers_changed.emit()
        if self._current == profile.name:
            self.form.key.clear()

    def ask_keyring_fallback(
        self, provider: str, reason: str, suggestion: str
    ) -> tuple[KeyFallback, str] | None:
        """The user's choice when the keyring failed (a hook, so tests can answer)."""
        dialog = KeyringProblemDialog(provider, reason, env_suggestion=suggestion, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice, dialog.variable()

    def confirm(self, title: str, text: str) -> bool:
        """A yes/no question (a hook, so tests can answer)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def remove_current(self) -> asyncio.Task[bool] | None:
        """Remove the selected provider and its keyring item (after asking)."""
        if self._current is None:
            return None
        if self._current == NEW_MARK:
            self._pending = None
            self._current = None
            self._dirty = False
            self._fill_list()
            return None
        profile = self.registry.get(self._current)
        question = self.tr("Remove %1? Its key is deleted from the system keyring.").replace(
            "%1", profile.name
        )
        if not self.confirm(self.tr("Remove provider"), question):
            return None
        self.registry.remove(profile.name)
        if self.catalog is not None:
            self.catalog.forget_provider(profile.name)
        self.keys.session.discard(profile.keyring_item)
        self._current = None
        self._dirty = False
        self._fill_list()
        self.providers_changed.emit()
        if profile.key_source is not KeySource.KEYRING:
            return None
        return self.tasks.start(
            self.keys.delete_key(profile),
            name=f"delete key of {profile.name}",
            on_failure=lambda exc: self.status.setText(
                self.tr("The provider was removed, but its key could not be deleted: %1").replace(
                    "%1", describe_failure(exc)
                )
            ),
        )

    def move_current(self, delta: int) -> None:
        if self._current is None or self._current == NEW_MARK:
            return
        row = self._row_of(self._current)
        self.registry.move(self._current, max(0, row + delta))
        self._fill_list(select=self._current)
        self.providers_changed.emit()

    def test_connection(self) -> asyncio.Task[list[str]] | None:
        """Fetch the model list with the form's settings (saved or not) in the background."""
        try:
            profile = self.form.profile()
        except ProviderError as exc:
            self.form.show_error(str(exc))
            return None
        self.form.show_error(None)
        typed = self.form.typed_key()
        self.form.show_test_result(
            self.tr("Connecting to %1…").replace("%1", profile.base_url), ok=True
        )
        self.form.test_button.setEnabled(False)

        async def run() -> list[str]:
            key = typed or None
            if key is None and profile.key_source is not KeySource.NONE:
                key = await resolve_key(profile, self.keys, limit_s=self.keys.timeout)
            return await fetch_model_ids(replace(profile, max_retries=0), key)

        return self.tasks.start(
            run(),
            name=f"test {profile.name}",
            on_success=lambda models: self._test_done(profile, models),
            on_failure=self._test_failed,
        )

    def _test_done(self, profile: ProviderProfile, models: list[str]) -> None:
        self.form.test_button.setEnabled(True)
        shown = ", ".join(models[:MAX_MODELS_LISTED]) + (
            " …" if len(models) > MAX_MODELS_LISTED else ""
        )
        text = self.tr("Connected. %n model(s) available", "", len(models))
        self.form.show_test_result(f"{text}: {shown}" if models else text + ".", ok=True)
        if self.catalog is not None and profile.name in {p.name for p in self.registry}:
            self.catalog.set_models(profile.name, models)
            self.providers_changed.emit()

    def _test_failed(self, exc: BaseException) -> None:
        self.form.test_button.setEnabled(True)
        self.form.show_test_result(
            self.tr("Failed: %1").replace("%1", describe_failure(exc)), ok=False
        )


def _changes(profile: ProviderProfile) -> dict[str, object]:
    data = {name: getattr(profile, name) for name in profile.__dataclass_fields__}
    data.pop("id")
    return data
