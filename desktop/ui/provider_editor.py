"""The one writer of provider profiles, their keys and their cached model lists.

Widgets (the Providers dialog, the welcome view, the key prompt) ask; `ProviderEditor` writes
to the `ProviderRegistry`, the keyring (through `KeyAccess`) and the `ModelCatalog`, then says
what changed:

- `providers_changed`: the list changed (a provider added, removed, renamed, moved or edited,
  or a model list saved). The picker, the welcome view and the dialog follow it.
- `provider_changed(name)`: something a provider's model list depends on changed (its profile
  or its key). The picker drops what it knew about that provider and fetches its list again,
  so a fetch that started before the key was stored is never the last word.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.balance import BalanceApi, remember_balance_api
from desktop.core.key_access import KeyAccess
from desktop.core.local_servers import LocalServer
from desktop.core.model_catalog import ModelCatalog
from desktop.core.provider_templates import unique_name
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry

log = logging.getLogger(__name__)


class ProviderEditor(QObject):
    """Adds, edits, removes and orders providers, keeps their keys, and reports each change."""

    providers_changed = Signal()
    provider_changed = Signal(str)  # provider name: its profile or its key changed

    def __init__(
        self,
        registry: ProviderRegistry,
        keys: KeyAccess,
        catalog: ModelCatalog,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self.keys = keys
        self.catalog = catalog

    # -- profiles ----------------------------------------------------------------------------

    def add(self, profile: ProviderProfile) -> ProviderProfile:
        """Save a new provider (ProviderError when the name is taken)."""
        saved = self.registry.add(profile)
        self.providers_changed.emit()
        return saved

    def update(self, name: str, profile: ProviderProfile) -> ProviderProfile:
        """Replace the fields of provider `name` with `profile`'s (its id and key stay).

        A renamed provider keeps its cached models; a key that no longer comes from the
        keyring is deleted from it by the caller's `delete_key` (see `left_keyring`).
        """
        old = self.registry.get(name)
        saved = self.registry.update(old.name, **_fields(profile))
        if old.name != saved.name:
            self.catalog.rename_provider(old.name, saved.name)
        self.providers_changed.emit()
        self.provider_changed.emit(saved.name)
        return saved

    def use_env(self, name: str, variable: str) -> ProviderProfile:
        """Read the provider's key from the environment variable `variable` from now on."""
        saved = self.registry.update(name, key_source=KeySource.ENV, key_env=variable)
        self.providers_changed.emit()
        self.provider_changed.emit(saved.name)
        return saved

    def remove(self, name: str) -> ProviderProfile:
        """Forget a provider, its cached models and its session key (the keyring: `delete_key`)."""
        profile = self.registry.remove(name)
        self.catalog.forget_provider(profile.name)
        self.keys.session.discard(profile.keyring_item)
        self.providers_changed.emit()
        return profile

    def move(self, name: str, index: int) -> None:
        self.registry.move(name, index)
        self.providers_changed.emit()

    def add_local(self, server: LocalServer) -> ProviderProfile:
        """Save a provider for a local server that answered, with the models it listed."""
        name = unique_name(server.name, {p.name for p in self.registry})
        profile = self.registry.add(server.profile(name))
        if server.models:
            self.catalog.set_models(profile.name, list(server.models))
        self.providers_changed.emit()
        return profile

    def set_models(self, name: str, models: list[str]) -> None:
        """Keep a model list fetched elsewhere (the dialog's "Test connection")."""
        if name in {p.name for p in self.registry}:
            self.catalog.set_models(name, models)
            self.providers_changed.emit()

    def remember_balance_api(self, name: str, api: BalanceApi) -> None:
        """Keep which balance endpoint answered (core/balance.py), so it is asked directly."""
        if name in {p.name for p in self.registry}:
            remember_balance_api(self.registry, name, api)
            self.providers_changed.emit()

    # -- keys --------------------------------------------------------------------------------

    async def save_key(self, profile: ProviderProfile, key: str) -> None:
        """Store the key in the keyring (KeyringUnavailableError when it cannot), then report."""
        await self.keys.save_key(profile, key)
        self._key_changed(profile)

    def keep_for_session(self, profile: ProviderProfile, key: str) -> None:
        """Keep the key in memory until the app quits."""
        self.keys.keep_for_session(profile, key)
        self._key_changed(profile)

    async def delete_key(self, profile: ProviderProfile) -> bool:
        """Delete the keyring item of a profile (removed, or whose key now lives elsewhere)."""
        return await self.keys.delete_key(profile)

    def use_keyring(self, name: str) -> ProviderProfile:
        """Make the provider read its key from the keyring (a key is about to be given)."""
        profile = self.registry.get(name)
        if profile.key_source is KeySource.KEYRING:
            return profile
        saved = self.registry.update(name, key_source=KeySource.KEYRING)
        self.providers_changed.emit()
        return saved

    def _key_changed(self, profile: ProviderProfile) -> None:
        # The name may have changed while the key was being written: report the current one.
        for current in self.registry:
            if current.id == profile.id:
                self.provider_changed.emit(current.name)
                return


def left_keyring(old: ProviderProfile, new: ProviderProfile) -> bool:
    """Whether an edit moved the key out of the keyring (so the keyring copy should go)."""
    return old.key_source is KeySource.KEYRING and new.key_source is not KeySource.KEYRING


def _fields(profile: ProviderProfile) -> dict[str, Any]:
    data = {name: getattr(profile, name) for name in profile.__dataclass_fields__}
    data.pop("id")
    return data
