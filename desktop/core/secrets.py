"""API keys live in the OS keyring (service "Switchboard", one item per provider) and nowhere else.

There is no plain-text fallback: when no keyring backend works the caller is told
(`KeyringUnavailableError`) and can keep the key in memory for this session only.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.redaction import register_secret

if TYPE_CHECKING:  # keyring is imported when first used: it scans package metadata (~50 ms)
    import keyring.backend

SERVICE = "Switchboard"
log = logging.getLogger(__name__)


class KeyringUnavailableError(Exception):
    """No usable keyring backend, or the keyring is locked / refused access."""


@dataclass(frozen=True)
class BackendInfo:
    name: str
    priority: float
    usable: bool


def _is_failing(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    return module.startswith("keyring.backends.fail") or module.startswith(
        "keyring.backends.null"
    )


def backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def discover_backends() -> list[BackendInfo]:
    """Every backend keyring can find through package metadata, best first."""
    import keyring.backend

    found = []
    for backend in keyring.backend.get_all_keyring():
        try:
            priority = float(backend.priority)
        except Exception:
            priority = float("-inf")
        found.append(BackendInfo(backend_name(backend), priority, not _is_failing(backend)))
    return sorted(found, key=lambda info: info.priority, reverse=True)


class SecretStore:
    """Reads and writes provider keys in one keyring backend (the active one by default)."""

    def __init__(
        self, service: str = SERVICE, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        if self._backend is not None:
            return self._backend
        import keyring

        backend = keyring.get_keyring()
        # With several usable backends keyring chains them; we write to (and name) the best one.
        chained = getattr(backend, "backends", None)
        if type(backend).__module__ == "keyring.backends.chainer" and chained:
            first: keyring.backend.KeyringBackend = chained[0]
            return first
        return backend

    def describe_backend(self) -> str:
        return backend_name(self.backend)

    def is_available(self) -> bool:
        return not _is_failing(self.backend)

    def _check(self) -> keyring.backend.KeyringBackend:
        backend = self.backend
        if _is_failing(backend):
            raise KeyringUnavailableError(
                "No system keyring is available, so the key cannot be stored. "
                "Keep it for this session only, or read it from an environment variable."
            )
        return backend

    def get(self, item: str) -> str | None:
        import keyring.errors

        try:
            value = self._check().get_password(self.service, item)
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(f"The system keyring refused access: {exc}") from exc
        if value:
            register_secret(value)
        return value

    def set(self, item: str, value: str) -> None:
        import keyring.errors

        register_secret(value)
        try:
            self._check().set_password(self.service, item, value)
        except keyring.errors.KeyringError as exc:
            message = f"The system keyring refused to store the key: {exc}"
            raise KeyringUnavailableError(message) from exc

    def delete(self, item: str) -> bool:
        """Remove an item; False when there was none."""
        import keyring.errors

        try:
            self._check().delete_password(self.service, item)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            message = f"The system keyring refused to delete the key: {exc}"
            raise KeyringUnavailableError(message) from exc
        return True
