"""The Providers dialog: add (from templates), edit, remove and reorder provider profiles.

The dialog shows and asks; every write goes through the `ProviderEditor` (profiles to the
registry, keys to the system keyring through `KeyAccess`, off the UI thread, with a timeout),
and the dialog follows the editor's `providers_changed` like every other view. When the
keyring cannot keep a key the user chooses between this session only and an environment
variable (`key_prompt.py`). "Test connection" fetches the model list in the background and
shows the typed error in words.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Iterator
from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.api.limits import ResponseLimits
from desktop.core.key_access import KeyAccess
from desktop.core.model_fetch import (
    EXPECTED_FAILURES,
    describe_failure,
    fetch_model_ids,
    resolve_key,
)
from desktop.core.provider_templates import (
    TEMPLATES,
    ProviderTemplate,
    template,
    unique_name,
)
from desktop.core.providers import KeySource, ProviderError, ProviderProfile, check_api_key
from desktop.core.secrets import KeyringUnavailableError
from desktop.ui.key_prompt import KeyFallback, KeyringProblemDialog
from desktop.ui.provider_balance import ProviderBalance
from desktop.ui.provider_editor import ProviderEditor, left_keyring
from desktop.ui.provider_form import ProviderForm
from desktop.ui.provider_list import NEW_MARK, ProfileRole, ProviderListPanel
from desktop.ui.studio.task_api_detect import TaskApiDetector
from desktop.ui.task_runner import TaskRunner

__all__ = ["NEW_MARK", "ProfileRole", "ProvidersDialog"]

log = logging.getLogger(__name__)
MAX_MODELS_LISTED = 6


class ProvidersDialog(QDialog):
    """Manages the provider profiles through the editor; shows what the editor reports."""

    def __init__(
        self,
        editor: ProviderEditor,
        keys: KeyAccess,
        tasks: TaskRunner,
        *,
        limits: ResponseLimits | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("providersDialog")
        self.resize(860, 600)
        self.limits = limits or ResponseLimits()  # caps on a tested model list
        self.editor = editor
        self.registry = editor.registry
        self.keys = keys
        self.tasks = tasks
        self._pending: ProviderProfile | None = None  # being added, not saved yet
        self._pending_note = ""
        self._current: str | None = None  # list data of the row shown in the form
        self._dirty = False
        self._writing = False  # our own write: the editor's report needs no reaction
        self._key_view = 0  # bumped when what the form says about the key may be outdated

        self.providers = ProviderListPanel()
        self.providers.template_chosen.connect(self.add_from_template)
        self.providers.remove_requested.connect(lambda: self.remove_current())
        self.providers.move_requested.connect(self.move_current)
        self.list_model, self.list_view = self.providers.model, self.providers.view
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.add_button = self.providers.add_button
        self.remove_button = self.providers.remove_button
        self.up_button, self.down_button = self.providers.up_button, self.providers.down_button
        self.form = ProviderForm()
        self.form.edited.connect(self._on_edited)
        self.form.test_requested.connect(lambda: self.test_connection())
        self.task_api_detector = TaskApiDetector(self.form, keys, tasks, self)  # Studio
        self.empty_hint = QLabel()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setObjectName("hint")
        self.balance = ProviderBalance(keys, tasks, editor.remember_balance_api, limits=self.limits)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton()
        self.save_button.setObjectName("primary")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save_current())
        self.close_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_box.rejected.connect(self.reject)
        self._lay_out()
        self.retranslate_ui()
        editor.providers_changed.connect(self._on_providers_changed)
        self._fill_list()
        self._update_buttons()

    def _lay_out(self) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.empty_hint)
        right.addWidget(self.balance)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for widget in (self.revert_button, self.save_button, self.close_box):
            bottom.addWidget(widget)
        right.addLayout(bottom)
        layout = QHBoxLayout(self)
        layout.addWidget(self.providers)
        layout.addLayout(right, 1)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Providers"))
        self.empty_hint.setText(
            self.tr(
                "No provider yet. Use “Add” to start from a template: cloud APIs, relay "
                "gateways such as MaxAPI, ModelMax or MaxToken, or a local server."
            )
        )
        self.revert_button.setText(self.tr("Revert"))
        self.save_button.setText(self.tr("&Save"))
        if self._pending is not None:
            self._fill_list(show=False)  # the "(new)" row

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @contextlib.contextmanager
    def _own_write(self) -> Iterator[None]:
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    # -- the list ----------------------------------------------------------------------------

    def _on_providers_changed(self) -> None:
        """Another part (the welcome view, the key prompt) changed the providers."""
        if self._writing:
            return
        current = self._current
        known = {p.name for p in self.registry}
        if current not in (None, NEW_MARK) and current not in known:
            self._dirty = False  # it is gone: nothing left to save
            current = self._current = None
        self._fill_list(select=current, show=not self._dirty)

    def _fill_list(self, select: str | None = None, *, show: bool = True) -> None:
        # Refilling moves the current row: that is no user's choice, so no question about edits.
        blocker = self.list_view.selectionModel().blockSignals(True)
        self.list_model.fill(self.registry.list(), self._pending)
        self.empty_hint.setVisible(self.list_model.rowCount() == 0)
        target = select if select is not None else self._current
        row = self.list_model.row_of(target) if target is not None else -1
        if row < 0 and self.list_model.rowCount():
            row = 0
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        self.list_view.selectionModel().blockSignals(blocker)
        if show:
            self._show(self.list_model.index(row, 0).data(ProfileRole) if row >= 0 else None)
        else:
            self._update_buttons()

    def select(self, name: str) -> None:
        """Show the provider called `name` in the form."""
        row = self.list_model.row_of(name)
        if row >= 0:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))

    def names(self) -> list[str]:
        """The names shown in the list, in order (a profile being added included)."""
        return self.list_model.names()

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
            keyring = profile.key_source is KeySource.KEYRING
            self.form.load(profile, key_stored=None if keyring else False)
            if keyring:
                self.tasks.start(
                    self.keys.read_key(profile),
                    name="check stored key",
                    on_success=functools.partial(self._key_checked, profile.name, self._key_view),
                    on_failure=functools.partial(
                        self._key_check_failed, profile.name, self._key_view
                    ),
                )
        self.balance.show_provider(self.registry.get(data) if data and data != NEW_MARK else None)
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
        row = self.list_model.row_of(self._current) if self._current else -1
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
            key = self.form.typed_key()
            if key and profile.key_source is KeySource.KEYRING:
                check_api_key(key, profile.name)
            old = None if self._current == NEW_MARK else self.registry.get(self._current or "")
            with self._own_write():
                saved = self.editor.add(profile) if old is None else self.editor.update(
                    old.name, profile
                )
        except ProviderError as exc:
            self.form.show_error(str(exc))
            return False
        self.form.show_error(None)
        if old is None:
            self._pending = None
        self._dirty = False
        self._current = saved.name
        self._fill_list(select=saved.name)
        self.status.setText(self.tr("Saved."))
        if old is not None and left_keyring(old, saved):
            # The key now comes from elsewhere: do not leave a copy in the keyring.
            self.tasks.start(self.editor.delete_key(old), name="delete old key")
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
            await self.editor.save_key(profile, key)
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
            self.editor.keep_for_session(profile, key)
            self.status.setText(self.tr("The key is kept in memory until Switchboard quits."))
        else:
            with self._own_write():
                self.editor.use_env(profile.name, variable)
            self.status.setText(
                self.tr("The key will be read from the environment variable %1.").replace(
                    "%1", variable
                )
            )
            self._fill_list(select=profile.name, show=self._current == profile.name)
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
        with self._own_write():
            self.editor.remove(profile.name)
        self._current = None
        self._dirty = False
        self._fill_list()
        if profile.key_source is not KeySource.KEYRING:
            return None
        return self.tasks.start(
            self.editor.delete_key(profile),
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
        row = self.list_model.row_of(self._current)
        with self._own_write():
            self.editor.move(self._current, max(0, row + delta))
        self._fill_list(select=self._current)

    def test_connection(self) -> asyncio.Task[list[str] | BaseException] | None:
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

        async def run() -> list[str] | BaseException:
            try:
                key = typed or None
                if key is None and profile.key_source is not KeySource.NONE:
                    key = await resolve_key(profile, self.keys, limit_s=self.keys.timeout)
                return await fetch_model_ids(replace(profile, max_retries=0), key,
                                             limits=self.limits)
            except EXPECTED_FAILURES as exc:  # said in words, no traceback in the log
                return exc

        return self.tasks.start(
            run(),
            name=f"test {profile.name}",
            on_success=lambda result: self._test_done(profile, result),
            on_failure=self._test_failed,
        )

    def _test_done(self, profile: ProviderProfile, result: list[str] | BaseException) -> None:
        if isinstance(result, BaseException):
            self._test_failed(result)
            return
        self.form.test_button.setEnabled(True)
        shown = ", ".join(result[:MAX_MODELS_LISTED]) + (
            " …" if len(result) > MAX_MODELS_LISTED else ""
        )
        text = self.tr("Connected. %n model(s) available", "", len(result))
        self.form.show_test_result(f"{text}: {shown}" if result else text + ".", ok=True)
        with self._own_write():
            self.editor.set_models(profile.name, result)

    def _test_failed(self, exc: BaseException) -> None:
        self.form.test_button.setEnabled(True)
        self.form.show_test_result(
            self.tr("Failed: %1").replace("%1", describe_failure(exc)), ok=False
        )
