"""Secret extra headers and a proxy password live in the keyring, never in providers.json."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.api.client import ApiClient
from desktop.core.provider_credentials import resolve_credentials
from desktop.core.providers import (
    STORED_SECRET,
    KeySource,
    ProviderError,
    ProviderProfile,
    ProviderRegistry,
    is_secret_header,
)
from desktop.core.redaction import REDACTED, SECRET_HEADERS
from desktop.core.secrets import SERVICE
from tests.helpers.fake_provider import FakeProvider, Reply
from tests.helpers.memory_keyring import RefusingKeyring, active_keyring

from .conftest import MemoryKeyring

SECRETS = {
    "Cookie": "session=cookie-secret-123",
    "x-goog-api-key": "goog-secret-456",
    "Proxy-Authorization": "Basic proxy-auth-secret",
}
PROXY = "http://alice:proxy-pass-789@proxy.example:3128"
PLAIN_VALUES = ["cookie-secret-123", "goog-secret-456", "proxy-auth-secret", "proxy-pass-789"]


def profile(base_url: str = "http://127.0.0.1:9/v1", **changes: object) -> ProviderProfile:
    fields: dict[str, object] = {
        "name": "Relay", "base_url": base_url, "key_source": KeySource.NONE,
        "extra_headers": {**SECRETS, "X-Title": "switchboard"}, "proxy": PROXY,
    }
    fields.update(changes)
    return ProviderProfile(**fields)  # type: ignore[arg-type]


def assert_no_plain_secret(path: Path) -> None:
    text = path.read_text()
    for value in PLAIN_VALUES:
        assert value not in text


def test_the_redactors_secret_headers_are_the_stored_ones() -> None:
    assert all(is_secret_header(name.upper()) for name in SECRET_HEADERS)


def test_adding_keeps_credentials_in_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    registry = ProviderRegistry(tmp_path)
    added = registry.add(profile())
    assert_no_plain_secret(registry.path)
    saved = json.loads(registry.path.read_text())["providers"][0]
    assert saved["extra_headers"]["Cookie"] == STORED_SECRET
    assert saved["extra_headers"]["X-Title"] == "switchboard"
    assert saved["proxy"] == "http://alice:%5Bkeyring%5D@proxy.example:3128"
    item = json.loads(memory_keyring.items[(SERVICE, added.credentials_item)])
    assert item == {"headers": SECRETS, "proxy_password": "proxy-pass-789"}
    reloaded = ProviderRegistry(tmp_path).get("Relay")
    resolved = resolve_credentials(reloaded)
    assert resolved.extra_headers == {**SECRETS, "X-Title": "switchboard"}
    assert resolved.proxy == PROXY
    # Saving again (an edit of another field) keeps them where they are.
    ProviderRegistry(tmp_path).update("Relay", read_timeout=60.0)
    assert resolve_credentials(ProviderRegistry(tmp_path).get("Relay")).proxy == PROXY
    ProviderRegistry(tmp_path).remove("Relay")
    assert (SERVICE, added.credentials_item) not in memory_keyring.items


def test_an_old_file_is_migrated_on_load(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    old = profile()
    path = tmp_path / "providers.json"
    path.write_text(json.dumps({"version": 1, "providers": [old.to_json()]}))
    registry = ProviderRegistry(tmp_path)
    assert not registry.warnings
    assert_no_plain_secret(path)
    assert resolve_credentials(registry.get("Relay")).extra_headers["Cookie"] == SECRETS["Cookie"]


def test_without_a_keyring_nothing_is_written_in_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "providers.json"
    with active_keyring(RefusingKeyring()):
        registry = ProviderRegistry(tmp_path)
        with pytest.raises(ProviderError, match="keyring"):
            registry.add(profile())
        assert not path.exists() or "cookie-secret" not in path.read_text()
        path.write_text(json.dumps({"version": 1, "providers": [profile().to_json()]}))
        registry = ProviderRegistry(tmp_path)
        assert any("plain text" in warning for warning in registry.warnings)


def test_requests_carry_the_real_headers(
    tmp_path: Path, memory_keyring: MemoryKeyring, fake_provider: FakeProvider
) -> None:
    registry = ProviderRegistry(tmp_path)
    registry.add(profile(fake_provider.url, proxy="direct"))
    fake_provider.script("/models", Reply.json({"object": "list", "data": [{"id": "m"}]}))

    async def models() -> None:
        async with ApiClient(ProviderRegistry(tmp_path).get("Relay"), None) as client:
            await client.list_models()

    asyncio.run(models())
    headers = fake_provider.requests[-1].headers
    assert headers["cookie"] == SECRETS["Cookie"]
    assert headers["x-goog-api-key"] == SECRETS["x-goog-api-key"]


def test_provider_list_json_shows_them_redacted(
    tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    path = tmp_path / "providers.json"
    path.write_text(json.dumps({"version": 1, "providers": [profile().to_json()]}))
    assert main(["--data-dir", str(tmp_path), "provider", "list", "--json"]) == 0
    out = capsys.readouterr().out
    for value in PLAIN_VALUES:
        assert value not in out
    shown = json.loads(out)[0]
    assert shown["extra_headers"]["Cookie"] == REDACTED
    assert shown["extra_headers"]["X-Title"] == "switchboard"
    assert shown["proxy"] == "http://alice:%5Bredacted%5D@proxy.example:3128"
    assert_no_plain_secret(path)  # listing migrated the old file too
