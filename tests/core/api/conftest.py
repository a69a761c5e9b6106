"""Fixtures of the API client tests: the fake provider, clients pointed at it with a fake
clock, a fake key made at runtime, and an in-memory keyring."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.retry import RetryPolicy
from desktop.core.api.styles import ApiStyle
from desktop.core.providers import KeySource, ProviderProfile
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]

FAKE_NOW = 1_700_000_000.0


class RecordingSleep:
    """A fake `asyncio.sleep` for the retry policy: records the delays, waits for nothing."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring backend in a dict, so keyring paths run without a Secret Service."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def fake_key() -> str:
    return "sk-test-" + secrets.token_hex(8)


@pytest.fixture
def sleeps() -> RecordingSleep:
    return RecordingSleep()


ClientFactory = Callable[..., ApiClient]


@pytest.fixture
def make_client(
    fake_provider: FakeProvider, sleeps: RecordingSleep, fake_key: str
) -> ClientFactory:
    """Build a client for the fake provider; retries use the recording sleep, no jitter."""

    def factory(
        style: ApiStyle = ApiStyle.OPENAI_CHAT,
        *,
        base_url: str | None = None,
        key: str | None = fake_key,
        **profile_options: Any,
    ) -> ApiClient:
        profile = ProviderProfile(
            "FakeAPI",
            base_url or fake_provider.base_url,
            api_style=style,
            key_source=KeySource.NONE,
            **profile_options,
        )
        policy = RetryPolicy(
            max_retries=profile.max_retries,
            sleep=sleeps,
            clock=lambda: FAKE_NOW,
            random=lambda: 0.0,
        )
        return ApiClient(profile, key, retry=policy)

    return factory
