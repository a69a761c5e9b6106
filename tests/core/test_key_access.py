"""Keys through KeyAccess: keyring round trip, session-only keys, locked and absent keyrings."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator

import pytest
from keyring.backends.fail import Keyring as FailKeyring

from desktop.core.key_access import KeyAccess, KeyringTimeoutError, SessionKeys
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry, resolve_api_key
from desktop.core.secrets import SERVICE, KeyringUnavailableError
from tests.helpers.memory_keyring import (
    LockedKeyring,
    MemoryKeyring,
    RefusingKeyring,
    active_keyring,
)


def fake_key() -> str:
    return "sk-test-" + secrets.token_hex(8)


def profile(name: str = "Relay") -> ProviderProfile:
    return ProviderProfile(name, "https://relay.example/v1")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    with active_keyring(backend):
        yield backend


def test_round_trip_through_the_active_keyring(memory_keyring: MemoryKeyring) -> None:
    access = KeyAccess()
    prof, key = profile(), fake_key()
    asyncio.run(access.save_key(prof, f"  {key}\n"))  # pasted with whitespace: trimmed
    assert memory_keyring.items == {(SERVICE, prof.keyring_item): key}
    assert asyncio.run(access.read_key(prof)) == key
    assert resolve_api_key(prof, access) == key  # what ChatService does with it
    assert asyncio.run(access.has_key(prof))
    assert asyncio.run(access.delete_key(prof)) is True
    assert memory_keyring.items == {}
    assert asyncio.run(access.delete_key(prof)) is False
    assert asyncio.run(access.read_key(prof)) is None


def test_removing_a_provider_removes_its_keyring_item(
    memory_keyring: MemoryKeyring, tmp_path: object
) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    registry = ProviderRegistry(tmp_path)
    keep, drop = registry.add(profile("Keep")), registry.add(profile("Drop"))
    access = KeyAccess()
    asyncio.run(access.save_key(keep, fake_key()))
    asyncio.run(access.save_key(drop, fake_key()))
    registry.remove("Drop", access)
    assert set(memory_keyring.items) == {(SERVICE, keep.keyring_item)}


def test_locked_keyring_times_out_without_blocking_the_loop() -> None:
    backend = LockedKeyring()
    access = KeyAccess(backend=backend, timeout=0.2)
    ticks = 0

    async def main() -> None:
        nonlocal ticks

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        tick_task = asyncio.create_task(ticker())
        with pytest.raises(KeyringTimeoutError, match=r"did not answer within 0\.2 s"):
            await access.read_key(profile())
        with pytest.raises(KeyringUnavailableError, match="locked"):
            await access.save_key(profile(), fake_key())
        tick_task.cancel()

    try:
        asyncio.run(main())
    finally:
        backend.release.set()
    assert ticks >= 10  # the loop kept running while the keyring hung


def test_session_key_when_the_keyring_refuses() -> None:
    access = KeyAccess(backend=RefusingKeyring(), timeout=2)
    prof, key = profile(), fake_key()
    with pytest.raises(KeyringUnavailableError, match="refused"):
        asyncio.run(access.save_key(prof, key))
    with pytest.raises(KeyringUnavailableError, match="refused access"):
        asyncio.run(access.read_key(prof))
    access.keep_for_session(prof, key)
    assert asyncio.run(access.read_key(prof)) == key  # the keyring is not asked
    assert resolve_api_key(prof, access) == key
    assert key not in repr(access.session)


def test_no_keyring_backend_is_reported_and_nothing_is_written(tmp_path: object) -> None:
    access = KeyAccess(backend=FailKeyring())  # type: ignore[no-untyped-call]
    with pytest.raises(KeyringUnavailableError, match="session only"):
        asyncio.run(access.save_key(profile(), fake_key()))
    assert not access.is_available()


def test_env_and_keyless_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    access = KeyAccess(backend=MemoryKeyring())
    env_profile = ProviderProfile(
        "Env", "https://x.example", key_source=KeySource.ENV, key_env="SB_TEST_KEY"
    )
    monkeypatch.delenv("SB_TEST_KEY", raising=False)
    assert not asyncio.run(access.has_key(env_profile))
    monkeypatch.setenv("SB_TEST_KEY", fake_key())
    assert asyncio.run(access.has_key(env_profile))
    local = ProviderProfile("Local", "http://127.0.0.1:1/v1", key_source=KeySource.NONE)
    assert asyncio.run(access.has_key(local))
    assert asyncio.run(access.read_key(local)) is None


def test_session_keys_are_independent() -> None:
    first, second = SessionKeys(), SessionKeys()
    first.set("a", "value-1")
    assert "a" in first and "a" not in second
    first.discard("a")
    first.discard("a")
    assert first.get("a") is None
