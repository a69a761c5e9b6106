"""The model picker in the chat header: a button naming the model and a searchable popup.

The popup lists favourites, recent picks and every provider's models (cached `/models`
lists, refreshed in the background), filtered as you type; a name that no list holds can be
used as typed (it is then remembered for that provider). Keyboard: type to filter, Up/Down,
Enter to pick, Ctrl+D to star, F5 to refresh, Escape to close.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import time

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from desktop.core.api.limits import ResponseLimits
from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import Capability, ModelCatalog, capability_names
from desktop.core.model_choices import PickerRow, RowKind, Section, arrange
from desktop.core.model_fetch import (
    EXPECTED_FAILURES,
    describe_failure,
    fetch_model_ids,
    resolve_key,
)
from desktop.core.providers import ProviderError, ProviderRegistry
from desktop.core.settings import Settings
from desktop.ui.model_list import BALANCE_SEPARATOR, RowRole
from desktop.ui.model_popup import ModelPopup
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

STALE_AFTER_S = 24 * 3600.0


class ModelPicker(QWidget):
    """Header control: shows "model · provider" with badges; opens the searchable popup.

    Model lists are fetched in the background. A fetch that fails is shown under its provider
    and tried again when that provider's profile or key changes (`provider_changed`), when
    the provider list changes, or when the popup opens; a fetch overtaken by such a change
    is dropped, whatever its outcome.
    """

    selection_changed = Signal(str, str)  # provider, model (a user pick or set_selection)
    models_refreshed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self._registry: ProviderRegistry | None = None
        self._catalog: ModelCatalog | None = None
        self._keys: KeyAccess | None = None
        self._tasks: TaskRunner | None = None
        self._settings: Settings | None = None
        self._selection: tuple[str, str] | None = None
        self.picks = 0  # the user's picks so far (a conversation's model shown later yields)
        self._failures: dict[str, str] = {}  # provider: why its last fetch failed
        self._refreshing: dict[str, int] = {}  # provider: the generation being fetched
        self._generation: dict[str, int] = {}  # bumped when a provider's profile or key changes
        self.balance_notes: dict[str, str] = {}  # provider: "$37.50 left" (BalanceWatch)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QToolButton()
        self.button.setObjectName("modelButton")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setMinimumWidth(220)
        self.button.clicked.connect(self.open_popup)
        layout.addWidget(self.button)
        shortcut = QAction(self)
        shortcut.setShortcut(QKeySequence("Ctrl+M"))
        shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.triggered.connect(self.open_popup)
        self.addAction(shortcut)
        self.popup = ModelPopup(self)
        self.popup.picked.connect(self._on_picked)
        self.popup.query_changed.connect(lambda _text: self.update_rows())
        self.popup.refresh_requested.connect(lambda: self.refresh_models(force=True))
        self.popup.favourite_toggled.connect(self._toggle_favourite)
        self.popup.override_requested.connect(self._set_override)
        self.popup.forget_requested.connect(self._forget_manual)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.button.setAccessibleName(self.tr("Model"))
        self._update_button()
        if self._catalog is not None:
            self.update_rows()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- wiring ------------------------------------------------------------------------------

    def configure(
        self,
        *,
        providers: ProviderRegistry,
        catalog: ModelCatalog,
        keys: KeyAccess,
        tasks: TaskRunner,
        settings: Settings | None = None,
    ) -> None:
        """Connect to the app's registry, catalog, keys and task runner; refreshes stale lists."""
        self._registry, self._catalog, self._keys = providers, catalog, keys
        self._tasks, self._settings = tasks, settings
        if self._selection is None and settings is not None:
            provider = settings.get("chat.default_provider")
            model = settings.get("chat.default_model")
            if provider and model:
                self._selection = (provider, model)
        self.providers_changed()

    def providers_changed(self) -> None:
        """The provider list changed: update rows, fetch missing lists, retry failed ones."""
        names = set(self.provider_names())
        for table in (self._failures, self._refreshing, self._generation):
            for gone in [name for name in table if name not in names]:
                del table[gone]
        self.update_rows()
        self._update_button()
        self.refresh_models(force=False)

    def provider_changed(self, name: str) -> None:
        """A provider's profile or key changed: forget its last fetch and fetch it again."""
        self._generation[name] = self._generation.get(name, 0) + 1
        self._refreshing.pop(name, None)  # the fetch under way is outdated: its result is dropped
        self._failures.pop(name, None)
        self.refresh_models(force=True, provider=name)

    def provider_names(self) -> list[str]:
        return [p.name for p in self._registry] if self._registry is not None else []

    # -- selection ---------------------------------------------------------------------------

    def current_selection(self) -> tuple[str, str] | None:
        """(provider, model) shown in the header, or None when nothing is chosen yet."""
        return self._selection

    def set_selection(self, provider: str, model: str) -> None:
        """Show a conversation's model (does not count as a use; emits selection_changed)."""
        if self._selection == (provider, model):
            return
        self._selection = (provider, model)
        self._update_button()
        self.selection_changed.emit(provider, model)

    def pick(self, provider: str, model: str) -> None:
        """What a user pick does: remember it (recent, default for new chats), then select."""
        self.picks += 1
        if self._catalog is not None:
            catalog = self._catalog
            if model not in catalog.models(provider):
                catalog.add_manual(provider, model)
            catalog.note_used(provider, model)
        if self._settings is not None:
            self._settings.set("chat.default_provider", provider)
            self._settings.set("chat.default_model", model)
        self.set_selection(provider, model)
        self.update_rows()

    def _on_picked(self, provider: str, model: str) -> None:
        self.popup.hide()
        self.pick(provider, model)
        self.button.setFocus()

    def _update_button(self) -> None:
        if self._selection is None:
            if self._registry is not None and len(self._registry) == 0:
                text = self.tr("No provider yet — add one")
            else:
                text = self.tr("Choose a model")
            self.button.setText(text + "  ▾")
            self.button.setToolTip(self.tr("Choose the model (Ctrl+M)"))
            self.button.setAccessibleDescription(text)
            return
        provider, model = self._selection
        caps = self._catalog.capabilities(model) if self._catalog else Capability.NONE
        badges = " ".join(f"[{name}]" for name in capability_names(caps))
        self.button.setText(f"{model}  ·  {provider}  ▾")
        self.button.setToolTip(
            self.tr("%1 on %2 %3 — click to change (Ctrl+M)")
            .replace("%1", model)
            .replace("%2", provider)
            .replace("%3", badges)
        )
        self.button.setAccessibleDescription(f"{model} on {provider}")

    # -- popup -------------------------------------------------------------------------------

    def open_popup(self) -> None:
        """Open the searchable list under the button, focus in the search field.

        Public: "Choose a model" notices open it too. Lists that failed are tried again.
        """
        self.popup.search.clear()
        self.refresh_models(force=False, only_failed=True)
        self.update_rows()
        below = self.button.mapToGlobal(
            QPoint(self.button.width() - self.popup.width(), self.button.height() + 2)
        )
        self.popup.move(below)
        self.popup.show()
        self.popup.search.setFocus()

    def update_rows(self) -> None:
        if self._catalog is None:
            self.popup.set_rows([])
            return
        rows = arrange(
            self.provider_names(), self._catalog, self.popup.search.text(), status=self._statuses()
        )
        self.popup.set_rows([self._with_balance(row) for row in rows])

    def set_balance_notes(self, notes: dict[str, str]) -> None:
        """Each provider's balance, shown beside its name in the list (desktop/ui/balance_watch)."""
        self.balance_notes = dict(notes)
        self.update_rows()

    def _with_balance(self, row: PickerRow) -> PickerRow:
        note = self.balance_notes.get(row.provider) if row.kind is RowKind.HEADER else None
        if not note or row.section is not Section.PROVIDER:
            return row
        return dataclasses.replace(row, text=f"{row.text}{BALANCE_SEPARATOR}{note}")

    def _statuses(self) -> dict[str, str]:
        status = {
            name: self.tr("Could not load models: %1").replace("%1", why) + self._cached_note(name)
            for name, why in self._failures.items()
        }
        status.update((name, self.tr("Loading models…")) for name in self._refreshing)
        return status

    def _cached_note(self, name: str) -> str:
        cached = self._catalog.cached(name) if self._catalog else None
        if cached is None or not cached.models:
            return ""
        hours = (time.time() - cached.fetched_at) / 3600
        return self.tr(" Showing the list from %1 h ago.").replace("%1", f"{hours:.0f}")

    def _toggle_favourite(self, provider: str, model: str) -> None:
        if self._catalog is not None:
            self._catalog.set_favourite(
                provider, model, not self._catalog.is_favourite(provider, model)
            )
            self.update_rows()

    def _set_override(self, model: str, caps: object) -> None:
        if self._catalog is not None:
            self._catalog.set_override(model, caps if isinstance(caps, Capability) else None)
            self.update_rows()
            self._update_button()

    def _forget_manual(self, provider: str, model: str) -> None:
        if self._catalog is not None:
            self._catalog.remove_manual(provider, model)
            self.update_rows()

    # -- refreshing --------------------------------------------------------------------------

    def refresh_models(
        self, *, force: bool, provider: str | None = None, only_failed: bool = False
    ) -> list[asyncio.Task[None]]:
        """Fetch model lists (all providers, or one) in the background.

        Stale or failed ones unless `force`; `only_failed` limits it to lists that failed.
        """
        if self._registry is None or self._catalog is None or self._tasks is None:
            return []
        started: list[asyncio.Task[None]] = []
        for profile in self._registry:
            name = profile.name
            if provider is not None and name != provider:
                continue
            if name in self._refreshing or (only_failed and name not in self._failures):
                continue
            failed = name in self._failures
            if not force and not failed and not self._catalog.is_stale(name, STALE_AFTER_S):
                continue
            generation = self._generation.get(name, 0)
            self._refreshing[name] = generation
            self._failures.pop(name, None)
            started.append(
                self._tasks.start(
                    self._refresh_one(name, generation),
                    name=f"models of {name}",
                    on_failure=functools.partial(self._refresh_failed, name, generation),
                )
            )
        self.update_rows()
        return started

    def _limits(self) -> ResponseLimits:
        """Caps on a model list, from the settings (defaults until configured)."""
        return (ResponseLimits.from_settings(self._settings) if self._settings is not None
                else ResponseLimits())

    async def _refresh_one(self, name: str, generation: int) -> None:
        assert self._registry is not None and self._catalog is not None and self._keys is not None
        try:
            profile = self._registry.get(name)
            key = await resolve_key(profile, self._keys, limit_s=self._keys.timeout)
            models = await fetch_model_ids(profile, key, limits=self._limits())
        except EXPECTED_FAILURES as exc:
            # A missing key, a refused key, a server down: said under the provider, no traceback.
            log.info("the model list of %s could not be loaded: %s", name, exc)
            self._refresh_failed(name, generation, exc)
            return
        except BaseException:
            if self._is_current(name, generation):
                del self._refreshing[name]
            raise
        if not self._is_current(name, generation):
            return  # the profile or key changed meanwhile: a newer fetch has the last word
        await asyncio.to_thread(self._catalog.set_models, name, models)
        if self._is_current(name, generation):
            del self._refreshing[name]
        self.update_rows()
        self._update_button()
        self.models_refreshed.emit()

    def _is_current(self, name: str, generation: int) -> bool:
        return self._refreshing.get(name) == generation

    def _refresh_failed(self, name: str, generation: int, exc: BaseException) -> None:
        if self._refreshing.get(name, generation) != generation:
            return  # outdated: a newer fetch of this provider is under way
        self._refreshing.pop(name, None)
        if generation != self._generation.get(name, 0):
            return
        self._failures[name] = str(exc) if isinstance(exc, ProviderError) else describe_failure(exc)
        self.update_rows()
        self.models_refreshed.emit()

    def status_of(self, provider: str) -> str | None:
        """The notice shown under a provider (loading, or why its refresh failed)."""
        return self._statuses().get(provider)

    def shown_rows(self) -> list[PickerRow]:
        return self.popup.list_model.rows()

    def row_for(self, provider: str, model: str) -> PickerRow | None:
        for row in self.shown_rows():
            if row.provider == provider and row.model == model and row.kind is RowKind.MODEL:
                return row
        return None

    def data_row(self, index: QModelIndex) -> PickerRow | None:
        value = index.data(RowRole)
        return value if isinstance(value, PickerRow) else None
