"""Provider keys for the UI: keyring reads and writes off the UI thread, with a timeout.

A locked keyring may pop up an unlock prompt and block the calling thread until the user
answers; so every keyring call runs in its own daemon thread and the caller waits at most
`timeout` seconds. When the keyring is absent, locked or refuses, the user can keep the key in
memory for this session only (`SessionKeys`, never written anywhere) or point the provider at
an environment variable. There is no plain-text fallback.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from desktop.core.providers import KeySource, ProviderProfile, check_api_key
from desktop.core.redaction import register_secret
from desktop.core.secrets import SERVICE, KeyringUnavailableError, SecretStore

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

KEYRING_TIMEOUT_S = 8.0
T = TypeVar("T")


class KeyringTimeoutError(KeyringUnavailableError):
    """The keyring did not answer in time (locked, waiting on an unlock prompt)."""


class SessionKeys:
    """Keys kept in memory for this run only; nothing here is ever written to disk."""

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._lock = threading.Lock()

    def __contains__(self, item: object) -> bool:
        with self._lock:
            return item in self._keys

    def __repr__(self) -> str:  # never show the values
        return f"<SessionKeys {len(self._keys)} item(s)>"

    def get(self, item: str) -> str | None:
        with self._lock:
            return self._keys.get(item)

    def set(self, item: str, value: str) -> None:
        register_secret(value)
        with self._lock:
            self._keys[item] = value

    def discard(self, item: str) -> None:
        with self._lock:
            self._keys.pop(item, None)

    def clear(self) -> None:
        with self._lock:
            self._keys.clear()


async def run_with_timeout(function: Callable[[], T], limit_s: float, what: str) -> T:
    """`function()` in a daemon thread; KeyringTimeoutError if it takes longer than `limit_s`.

    A daemon thread rather than the default executor: a thread stuck on an unlock prompt must
    neither hold an executor slot nor keep the app from exiting. The timeout is a loop timer
    rather than `asyncio.wait_for`, which needs `get_running_loop()`: qasync steps tasks from
    Qt's event loop, where asyncio may not consider the loop running.
    """
    loop = asyncio.get_event_loop()
    future: asyncio.Future[T] = loop.create_future()

    def deliver(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        try:
            result = function()
        except BaseException as exc:  # handed to the waiting coroutine
            outcome: tuple[T | None, BaseException | None] = (None, exc)
        else:
            outcome = (result, None)
        # RuntimeError: the loop closed while we waited on the keyring.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(deliver, *outcome)

    timeout = KeyringTimeoutError(
        f"The system keyring did not answer within {limit_s:g} s while trying to {what} "
        "(is it locked?). Unlock it and try again, keep the key for this session only, "
        "or read it from an environment variable."
    )
    timer = loop.call_later(limit_s, deliver, None, timeout)
    threading.Thread(target=work, name=f"keyring-{what}", daemon=True).start()
    try:
        return await future
    finally:
        timer.cancel()


class KeyAccess(SecretStore):
    """A SecretStore that also sees the session keys, with async, time-limited keyring calls.

    Hand it to ChatService as `secrets=`: its blocking `get` looks in the session keys first,
    so a key kept for this session is used without touching the keyring.
    """

    def __init__(
        self,
        service: str = SERVICE,
        backend: keyring.backend.KeyringBackend | None = None,
        *,
        session: SessionKeys | None = None,
        timeout: float = KEYRING_TIMEOUT_S,
    ) -> None:
        super().__init__(service, backend)
        self.session = session if session is not None else SessionKeys()
        self.timeout = timeout

    def get(self, item: str) -> str | None:
        in_memory = self.session.get(item)
        if in_memory is not None:
            return in_memory
        return super().get(item)

    async def read_key(self, profile: ProviderProfile) -> str | None:
        """The stored key of a keyring profile (session key first); None when none is stored."""
        if profile.key_source is not KeySource.KEYRING:
            return None
        item = profile.keyring_item
        return await run_with_timeout(lambda: self.get(item), self.timeout, "read the key")

    async def save_key(self, profile: ProviderProfile, key: str) -> None:
        """Store the key in the keyring; raises KeyringUnavailableError (incl. timeout)."""
        cleaned = check_api_key(key, profile.name)
        item = profile.keyring_item
        await run_with_timeout(lambda: self.set(item, cleaned), self.timeout, "store the key")
        self.session.discard(item)  # the keyring copy is now the one to use

    def keep_for_session(self, profile: ProviderProfile, key: str) -> None:
        """Keep the key in memory only, until the app quits."""
        self.session.set(profile.keyring_item, check_api_key(key, profile.name))

    async def delete_key(self, profile: ProviderProfile) -> bool:
        """Drop the session copy and the keyring item; False when the keyring had none."""
        item = profile.keyring_item
        self.session.discard(item)
        return await run_with_timeout(lambda: self.delete(item), self.timeout, "delete the key")

    async def has_key(self, profile: ProviderProfile) -> bool:
        """Whether a key is available without asking the user (env, session or keyring)."""
        if profile.key_source is KeySource.NONE:
            return True
        if profile.key_source is KeySource.ENV:
            import os

            return bool(os.environ.get(profile.key_env or "", "").strip())
        return bool(await self.read_key(profile))
