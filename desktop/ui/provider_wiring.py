"""Connects the providers side of the window once the history is open.

The model picker gets the registry, model catalog and keys; the parameter panel gets presets
and per-model defaults; a conversation's parameters and model are saved on it when changed
and shown again when it is opened; "Providers…" opens the dialog; while no provider exists
the welcome view takes the chat's place.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import ModelCatalog
from desktop.core.providers import KeySource, ProviderError
from desktop.core.secrets import KeyringUnavailableError
from desktop.ui.key_prompt import KeyPromptDialog
from desktop.ui.model_picker import ModelPicker
from desktop.ui.parameter_presets import ParameterPresets
from desktop.ui.providers_dialog import ProvidersDialog
from desktop.ui.welcome_view import WelcomeView

if TYPE_CHECKING:
    from desktop.core.chat_service import ChatService
    from desktop.core.store.store import Store
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 400


class ProviderWiring(QObject):
    """Owns the providers dialog, the welcome view and the per-conversation saving."""

    def __init__(self, window: MainWindow, store: Store, service: ChatService) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.registry = service.providers
        secrets = service.secrets
        self.keys = secrets if isinstance(secrets, KeyAccess) else KeyAccess()
        self.catalog = ModelCatalog(self.registry.path.parent)
        self.dialog: ProvidersDialog | None = None
        self.welcome: WelcomeView | None = None
        self._loading = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_parameters)

        panel = window.parameters
        self.presets = ParameterPresets(store, window.tasks, self.catalog, parent=self)
        self.presets.connect_panel(panel)
        panel.changed.connect(self._save_timer.start)
        picker = self.picker
        if picker is not None:
            picker.configure(
                providers=self.registry,
                catalog=self.catalog,
                keys=self.keys,
                tasks=window.tasks,
                settings=window.settings,
            )
            picker.selection_changed.connect(self._on_model_selected)
            selection = picker.current_selection()
            if selection is not None:
                panel.set_model(*selection)
        self.current_id: Callable[[], int | None] = lambda: None  # set by the assembly
        action = getattr(window, "providers_action", None)
        if action is not None:
            action.triggered.connect(lambda: self.open_providers())
        self.update_welcome()

    @property
    def picker(self) -> ModelPicker | None:
        picker = getattr(self.window.chat, "model_picker", None)
        return picker if isinstance(picker, ModelPicker) else None

    def _current_id(self) -> int | None:
        return self.current_id()

    # -- the providers dialog and the welcome view -------------------------------------------

    def open_providers(self, template_id: str = "") -> ProvidersDialog:
        """Show the Providers dialog (non-blocking), starting a new one from a template."""
        if self.dialog is None:
            self.dialog = ProvidersDialog(
                self.registry,
                self.keys,
                self.window.tasks,
                catalog=self.catalog,
                parent=self.window,
            )
            self.dialog.providers_changed.connect(self.providers_changed)
            self.dialog.finished.connect(lambda _result: self._dialog_closed())
        if template_id:
            self.dialog.add_from_template(template_id)
        self.dialog.open()
        return self.dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def providers_changed(self) -> None:
        picker = self.picker
        if picker is not None:
            picker.providers_changed()
        self.update_welcome()

    def update_welcome(self) -> None:
        """The welcome view stands in for a new chat while no provider exists.

        A stored conversation is always shown: history stays browsable without providers.
        """
        splitter = self.window.splitter
        chat = self.window.chat
        wanted = len(self.registry) == 0 and self._current_id() is None
        if wanted and self.welcome is None:
            self.welcome = WelcomeView(self.registry, self.window.tasks, catalog=self.catalog)
            self.welcome.add_provider_requested.connect(self.open_providers)
            self.welcome.provider_added.connect(self._provider_added_from_welcome)
            splitter.replaceWidget(splitter.indexOf(chat), self.welcome)
            self.welcome.start_probe()
        elif not wanted and self.welcome is not None:
            welcome, self.welcome = self.welcome, None
            splitter.replaceWidget(splitter.indexOf(welcome), chat)
            chat.show()
            welcome.deleteLater()
            chat.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def _provider_added_from_welcome(self, name: str) -> None:
        picker = self.picker
        self.providers_changed()
        if self.registry.get(name).key_source is KeySource.KEYRING:
            self.open_providers().select(name)  # it asked for a key: let the user enter it
        models = self.catalog.models(name)
        if picker is not None and models:
            picker.pick(name, models[0])

    # -- a missing key -----------------------------------------------------------------------

    def ask_for_key(self, provider: str, reason: str = "") -> KeyPromptDialog:
        """Ask for the key of `provider` (e.g. when a send found none); non-blocking.

        Connect a "key missing" signal of the chat controller here. The key goes to the
        keyring, or when that fails (or the user unticks it) is kept for this session only.
        """
        dialog = KeyPromptDialog(provider, reason, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.store_key(provider, dialog.typed_key(), dialog.remember.isChecked())
        )
        dialog.open()
        return dialog

    def store_key(self, provider: str, key: str, remember: bool) -> asyncio.Task[str] | None:
        """Keep a typed key: in the keyring when `remember`, else (or if that fails) in memory."""
        try:
            profile = self.registry.get(provider)
        except ProviderError as exc:
            self.window.statusBar().showMessage(str(exc), 8000)
            return None
        if profile.key_source is not KeySource.KEYRING:
            profile = self.registry.update(provider, key_source=KeySource.KEYRING)

        async def keep() -> str:
            if remember:
                try:
                    await self.keys.save_key(profile, key)
                    return self.tr("The key for %1 is in the system keyring.")
                except KeyringUnavailableError as exc:
                    self.keys.keep_for_session(profile, key)
                    return self.tr("%2 The key for %1 is kept for this session only.").replace(
                        "%2", str(exc)
                    )
            self.keys.keep_for_session(profile, key)
            return self.tr("The key for %1 is kept for this session only.")

        def done(message: str) -> None:
            self.window.statusBar().showMessage(
                message.replace("%1", provider) + " " + self.tr("Send again to use it."), 10000
            )
            self.providers_changed()

        return self.window.tasks.start(
            keep(),
            name=f"keep key of {provider}",
            on_success=done,
            on_failure=lambda exc: self.window.statusBar().showMessage(str(exc), 10000),
        )

    # -- per conversation --------------------------------------------------------------------

    def _on_model_selected(self, provider: str, model: str) -> None:
        self.window.parameters.set_model(provider, model)
        conversation_id = self._current_id()
        if conversation_id is None or self._loading:
            return
        store = self.store

        def remember() -> None:
            # Opening a conversation shows its own model: no write for that.
            conversation = store.get_conversation(conversation_id)
            if (conversation.provider, conversation.model) != (provider, model):
                store.update_conversation(conversation_id, provider=provider, model=model)

        self.window.tasks.start(asyncio.to_thread(remember), name="remember the model")

    def conversation_opened(self, conversation_id: object) -> None:
        self._save_timer.stop()
        self.update_welcome()
        panel = self.window.parameters
        if not isinstance(conversation_id, int):
            if not panel.apply_model_defaults():
                panel.clear()
            return

        def show(conversation: Any) -> None:
            if self._current_id() != conversation_id:
                return
            self._loading = True
            try:
                panel.set_values(conversation.params or {}, conversation.system_prompt or "")
            finally:
                self._loading = False

        self.window.tasks.start(
            asyncio.to_thread(self.store.get_conversation, conversation_id),
            name="load conversation parameters",
            on_success=show,
        )

    def streaming_changed(self, conversation_id: int, streaming: bool) -> None:
        if streaming and conversation_id == self._current_id():
            self.save_parameters()

    def save_parameters(self) -> asyncio.Task[Any] | None:
        """Store the panel's values on the open conversation (debounced after each edit)."""
        conversation_id = self._current_id()
        if conversation_id is None:
            return None
        panel = self.window.parameters
        params, prompt = panel.parameters(), panel.system_prompt_text()
        return self.window.tasks.start(
            asyncio.to_thread(
                self.store.update_conversation,
                conversation_id,
                params=params,
                system_prompt=prompt,
            ),
            name="save conversation parameters",
        )
