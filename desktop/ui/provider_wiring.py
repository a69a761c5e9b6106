"""The providers side of the window, given its parts by the composition root.

The model picker gets the registry, model catalog and keys; the parameter panel gets presets
and per-model defaults; a conversation's parameters and model are saved on it when changed
and shown again when it is opened; the Providers dialog and the key prompt ask the
`ProviderEditor` (the one writer of profiles and keys); at start-up a model is chosen when
none is set; while no provider exists a welcome view is offered for the chat's place.

It knows no window. The composition root connects:
- `conversation_opened(id | None)` and `streaming_changed(id, streaming)` from the chat side;
- `ask_for_key(provider, reason)` from "a send found no key";
- `open_providers()` from the Settings → Providers… action;
- `status_message(text, ms)` to the status bar;
- `welcome_changed(widget | None)` to whatever holds the chat: put the given welcome view in
  the chat's place, or the chat back for None (see `studio.main_area.MainArea`).
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.core.api.limits import ResponseLimits
from desktop.core.conversation_settings import remember_settings
from desktop.core.key_access import KeyAccess
from desktop.core.local_servers import LocalServer
from desktop.core.model_catalog import ModelCatalog
from desktop.core.providers import KeySource, ProviderError, ProviderRegistry
from desktop.core.secrets import KeyringUnavailableError
from desktop.core.settings import Settings
from desktop.core.store.model_history import last_models
from desktop.core.store.store import Store
from desktop.ui.key_prompt import KeyPromptDialog
from desktop.ui.model_picker import ModelPicker
from desktop.ui.parameter_panel import ParameterPanel
from desktop.ui.parameter_presets import ParameterPresets
from desktop.ui.provider_editor import ProviderEditor
from desktop.ui.providers_dialog import ProvidersDialog
from desktop.ui.task_runner import TaskRunner
from desktop.ui.welcome_view import WelcomeView

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 400


SETTINGS_WRITES = "conversation settings"  # TaskRunner.write_in_order queue

class ProviderWiring(QObject):
    """Owns the providers dialog, the welcome view, the start-up model, per-conversation values."""

    status_message = Signal(str, int)  # text, milliseconds to show it
    welcome_changed = Signal(object)  # the WelcomeView to show instead of the chat, or None

    def __init__(
        self,
        *,
        picker: ModelPicker,
        panel: ParameterPanel,
        registry: ProviderRegistry,
        keys: KeyAccess,
        catalog: ModelCatalog,
        store: Store,
        tasks: TaskRunner,
        settings: Settings,
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.picker, self.panel, self.registry = picker, panel, registry
        self.keys, self.catalog, self.store = keys, catalog, store
        self.tasks, self.settings, self.dialog_parent = tasks, settings, dialog_parent
        self.editor = ProviderEditor(registry, keys, catalog, self)
        self.dialog: ProvidersDialog | None = None
        self.welcome: WelcomeView | None = None
        self._open_id: int | None = None
        self._loading = False
        self._choosing = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_parameters)

        self.presets = ParameterPresets(store, tasks, catalog, parent=self)
        self.presets.connect_panel(panel)
        panel.changed.connect(self._save_timer.start)
        picker.configure(
            providers=registry, catalog=catalog, keys=keys, tasks=tasks, settings=settings
        )
        picker.selection_changed.connect(self._on_model_selected)
        picker.models_refreshed.connect(self._choose_first_listed)
        self.editor.providers_changed.connect(self._on_providers_changed)
        self.editor.provider_changed.connect(picker.provider_changed)
        selection = picker.current_selection()
        if selection is not None:
            panel.set_model(*selection)
        self.choose_model_if_none()

    # -- slots the composition root connects -----------------------------------------------

    def conversation_opened(self, conversation_id: object) -> None:
        """A conversation was opened (its id), or a new one started (None)."""
        self._open_id = conversation_id if isinstance(conversation_id, int) else None
        self._save_timer.stop()
        self.update_welcome()
        if self._open_id is None:
            if not self.panel.apply_model_defaults():
                self.panel.clear()
            self.choose_model_if_none()
            return
        opened = self._open_id

        def show(conversation: Any) -> None:
            if self._open_id != opened:
                return
            self._loading = True
            try:
                self.panel.set_values(conversation.params or {}, conversation.system_prompt or "")
            finally:
                self._loading = False

        self.tasks.start(
            asyncio.to_thread(self.store.get_conversation, opened),
            name="load conversation parameters",
            on_success=show,
        )

    def open_id_changed(self, conversation_id: object) -> None:
        """The open conversation's id changed without a switch (a first send saved it, or a
        send that could not start dropped it): the panel's values stay, they now belong to it."""
        self._open_id = conversation_id if isinstance(conversation_id, int) else None

    def streaming_changed(self, conversation_id: int, streaming: bool) -> None:
        """A reply started: the open conversation keeps the values it was sent with."""
        if streaming and conversation_id == self._open_id:
            self.save_parameters()

    def open_providers(self, template_id: str = "") -> ProvidersDialog:
        """Show the Providers dialog (non-blocking), starting a new one from a template."""
        if self.dialog is None:
            self.dialog = ProvidersDialog(
                self.editor, self.keys, self.tasks,
                limits=ResponseLimits.from_settings(self.settings), parent=self.dialog_parent
            )
            self.dialog.finished.connect(lambda _result: self._dialog_closed())
        if template_id:
            self.dialog.add_from_template(template_id)
        self.dialog.open()
        return self.dialog

    def ask_for_key(self, provider: str, reason: str = "") -> KeyPromptDialog:
        """Ask for the key of `provider` (e.g. when a send found none); non-blocking.

        The key goes to the keyring, or when that fails (or the user unticks it) is kept for
        this session only.
        """
        dialog = KeyPromptDialog(provider, reason, parent=self.dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.store_key(provider, dialog.typed_key(), dialog.remember.isChecked())
        )
        dialog.open()
        return dialog

    # -- the providers dialog and the welcome view -------------------------------------------

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_providers_changed(self) -> None:
        self.picker.providers_changed()
        self.update_welcome()
        self.choose_model_if_none()

    def update_welcome(self) -> None:
        """The welcome view stands in for a new chat while no provider exists.

        A stored conversation is always shown: history stays browsable without providers.
        """
        wanted = len(self.registry) == 0 and self._open_id is None
        if wanted and self.welcome is None:
            self.welcome = WelcomeView(self.tasks)
            self.welcome.add_provider_requested.connect(self.open_providers)
            self.welcome.server_chosen.connect(self._use_local_server)
            self.welcome_changed.emit(self.welcome)
            self.welcome.start_probe()
        elif not wanted and self.welcome is not None:
            welcome, self.welcome = self.welcome, None
            welcome.stop_probe()
            self.welcome_changed.emit(None)
            welcome.deleteLater()

    def _use_local_server(self, server: LocalServer) -> None:
        try:
            profile = self.editor.add_local(server)
        except ProviderError as exc:
            self.status_message.emit(str(exc), 8000)
            return
        if profile.key_source is KeySource.KEYRING:
            self.open_providers().select(profile.name)  # it asked for a key: let the user enter it
        models = self.catalog.models(profile.name)
        if models:
            self.picker.pick(profile.name, models[0])

    # -- a model at start-up -----------------------------------------------------------------

    def choose_model_if_none(self) -> None:
        """With no model chosen, take the one last used with a provider (newest conversation),
        else the first model a provider lists (when its list arrives)."""
        if self.picker.current_selection() is not None or self._choosing:
            return
        names = self._provider_order()
        if not names:
            return
        self._choosing = True

        def chosen(found: dict[str, str]) -> None:
            self._choosing = False
            if self.picker.current_selection() is not None:
                return
            for name in names:
                if name in found:
                    self.picker.set_selection(name, found[name])
                    return
            self._choose_first_listed()

        def failed(exc: BaseException) -> None:
            self._choosing = False
            self._choose_first_listed()

        self.tasks.start(
            asyncio.to_thread(last_models, self.store.path, names),
            name="find the last used model",
            on_success=chosen,
            on_failure=failed,
        )

    def _choose_first_listed(self) -> None:
        if self.picker.current_selection() is not None or self._choosing:
            return
        for name in self._provider_order():
            models = self.catalog.models(name)
            if models:
                self.picker.set_selection(name, models[0])
                return

    def _provider_order(self) -> list[str]:
        names = [p.name for p in self.registry]
        default = str(self.settings.get("chat.default_provider"))
        if default in names:
            names.remove(default)
            names.insert(0, default)
        return names

    # -- a missing key -----------------------------------------------------------------------

    def store_key(self, provider: str, key: str, remember: bool) -> asyncio.Task[str] | None:
        """Keep a typed key: in the keyring when `remember`, else (or if that fails) in memory."""
        try:
            profile = self.editor.use_keyring(provider)
        except ProviderError as exc:
            self.status_message.emit(str(exc), 8000)
            return None
        editor = self.editor

        async def keep() -> str:
            if remember:
                try:
                    await editor.save_key(profile, key)
                    return self.tr("The key for %1 is in the system keyring.")
                except KeyringUnavailableError as exc:
                    editor.keep_for_session(profile, key)
                    return self.tr("%2 The key for %1 is kept for this session only.").replace(
                        "%2", str(exc)
                    )
            editor.keep_for_session(profile, key)
            return self.tr("The key for %1 is kept for this session only.")

        def done(message: str) -> None:
            self.status_message.emit(
                message.replace("%1", provider) + " " + self.tr("Send again to use it."), 10000
            )

        return self.tasks.start(
            keep(),
            name=f"keep key of {provider}",
            on_success=done,
            on_failure=lambda exc: self.status_message.emit(str(exc), 10000),
        )

    # -- per conversation --------------------------------------------------------------------

    def _on_model_selected(self, provider: str, model: str) -> None:
        self.panel.set_model(provider, model)
        conversation_id = self._open_id
        if conversation_id is None or self._loading:
            return
        # Opening a conversation shows its own model: nothing differs, nothing is written.
        # In order with the other settings writes: the model shown on opening must not land
        # after the user's pick a moment later.
        self.tasks.write_in_order(SETTINGS_WRITES, partial(
            remember_settings, self.store, conversation_id, provider=provider, model=model),
            name="remember the model")

    def save_parameters(self) -> asyncio.Task[Any] | None:
        """Store the panel's values on the open conversation (debounced after each edit)."""
        conversation_id = self._open_id
        if conversation_id is None:
            return None
        params, prompt = self.panel.parameters(), self.panel.system_prompt_text()
        return self.tasks.write_in_order(
            SETTINGS_WRITES,
            partial(remember_settings, self.store, conversation_id, params=params,
                    system_prompt=prompt),
            name="save conversation parameters",
        )
