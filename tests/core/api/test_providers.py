"""Provider profiles and their registry: URL normalisation, validation, atomic JSON storage,
a corrupt file moved aside, keys in the keyring (in-memory backend) or an env var."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.api.styles import ApiStyle
from desktop.core.providers import (
    KeySource,
    MissingKeyError,
    ProviderError,
    ProviderProfile,
    ProviderRegistry,
    normalize_base_url,
    resolve_api_key,
)
from desktop.core.secrets import SERVICE, SecretStore

from .conftest import MemoryKeyring


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://api.maxapi.ai", "https://api.maxapi.ai/v1"),
        ("https://api.maxapi.ai/", "https://api.maxapi.ai/v1"),
        ("https://api.maxapi.ai/v1", "https://api.maxapi.ai/v1"),
        ("https://api.maxapi.ai/v1/", "https://api.maxapi.ai/v1"),
        ("  https://API.example.com/v1//  ", "https://API.example.com/v1"),
        ("api.modelmax.io", "https://api.modelmax.io/v1"),
        ("http://localhost:11434/v1", "http://localhost:11434/v1"),
        ("http://127.0.0.1:1234", "http://127.0.0.1:1234/v1"),
        (
            "https://generativelanguage.googleapis.com/v1beta/openai/",
            "https://generativelanguage.googleapis.com/v1beta/openai",
        ),
        ("https://ark.cn-beijing.volces.com/api/v3", "https://ark.cn-beijing.volces.com/api/v3"),
        ("https://api.maxtoken.io/v1/chat/completions", "https://api.maxtoken.io/v1"),
        ("https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"),
        ("HTTPS://api.x.ai?x=1", "https://api.x.ai/v1"),
    ],
)
def test_base_url_normalised_once(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected
    assert normalize_base_url(expected) == expected


@pytest.mark.parametrize("bad", ["", "   ", "ftp://x.com", "https://", "file:///etc/passwd"])
def test_bad_base_urls(bad: str) -> None:
    with pytest.raises(ProviderError):
        normalize_base_url(bad)


def test_request_url_is_visible() -> None:
    profile = ProviderProfile("MaxAPI", "https://api.maxapi.ai")
    assert profile.request_url("chat/completions") == "https://api.maxapi.ai/v1/chat/completions"
    assert profile.request_url("/models") == "https://api.maxapi.ai/v1/models"
    assert profile.chat_url == "https://api.maxapi.ai/v1/chat/completions"
    anthropic = ProviderProfile(
        "A", "https://api.anthropic.com", api_style=ApiStyle.ANTHROPIC_MESSAGES
    )
    assert anthropic.chat_url == "https://api.anthropic.com/v1/messages"


def test_profile_defaults() -> None:
    profile = ProviderProfile("P", "https://x.com")
    assert profile.api_style is ApiStyle.OPENAI_CHAT
    assert profile.key_source is KeySource.KEYRING
    assert (profile.connect_timeout, profile.read_timeout) == (10.0, 300.0)
    assert profile.verify_tls and profile.ca_bundle is None and profile.proxy is None
    assert profile.include_usage and profile.max_retries == 2
    assert profile.image_size_separator == "x"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"name": ""},
        {"name": " padded"},
        {"name": "a/b"},
        {"key_source": KeySource.ENV},
        {"extra_headers": {"Authorization": "Bearer x"}},
        {"extra_headers": {"X-Api-Key": "x"}},
        {"max_retries": 99},
        {"read_timeout": 0},
        {"image_size_separator": "-"},
        {"api_style": "soap"},
    ],
)
def test_invalid_profiles(kwargs: dict[str, object]) -> None:
    options: dict[str, object] = {"name": "P", "base_url": "https://x.com", **kwargs}
    with pytest.raises(ValueError):
        ProviderProfile(**options)  # type: ignore[arg-type]


def test_registry_round_trip(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile("MaxAPI", "https://api.maxapi.ai", key_env=None))
    registry.add(
        ProviderProfile(
            "Local",
            "http://localhost:11434",
            api_style=ApiStyle.OPENAI_CHAT,
            key_source=KeySource.NONE,
            extra_headers={"X-Title": "Switchboard"},
            include_usage=False,
        )
    )
    again = ProviderRegistry(tmp_path)
    assert [p.name for p in again.list()] == ["Local", "MaxAPI"]
    assert again.get("local") == registry.get("Local")  # names are case-insensitive
    assert again.get("Local").extra_headers == {"X-Title": "Switchboard"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["providers.json"]  # no temp left


def test_registry_rejects_duplicates_and_unknown_names(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile("A", "https://a.com"))
    with pytest.raises(ProviderError, match="already exists"):
        registry.add(ProviderProfile("a", "https://b.com"))
    with pytest.raises(ProviderError, match="No provider named 'B'"):
        registry.get("B")


def test_update_keeps_the_id_and_so_the_key(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    old = registry.add(ProviderProfile("A", "https://a.com"))
    new = registry.update("A", name="B", base_url="https://b.com/v1/", id="other")
    assert new.id == old.id and new.keyring_item == old.keyring_item
    assert new.base_url == "https://b.com/v1"
    assert [p.name for p in ProviderRegistry(tmp_path).list()] == ["B"]


def test_file_never_holds_a_key(
    tmp_path: Path, memory_keyring: MemoryKeyring, fake_key: str
) -> None:
    registry = ProviderRegistry(tmp_path)
    profile = registry.add(ProviderProfile("A", "https://a.com"))
    SecretStore().set(profile.keyring_item, fake_key)
    assert fake_key not in (tmp_path / "providers.json").read_text()
    assert resolve_api_key(profile) == fake_key
    assert memory_keyring.items == {(SERVICE, profile.keyring_item): fake_key}


def test_remove_deletes_the_keyring_item(
    tmp_path: Path, memory_keyring: MemoryKeyring, fake_key: str
) -> None:
    registry = ProviderRegistry(tmp_path)
    profile = registry.add(ProviderProfile("A", "https://a.com"))
    SecretStore().set(profile.keyring_item, fake_key)
    registry.remove("A", SecretStore())
    assert memory_keyring.items == {}
    assert ProviderRegistry(tmp_path).list() == []


def test_missing_keyring_key(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(MissingKeyError, match="keyring"):
        resolve_api_key(ProviderProfile("A", "https://a.com"))


def test_key_from_environment(fake_key: str) -> None:
    profile = ProviderProfile("A", "https://a.com", key_source=KeySource.ENV, key_env="A_KEY")
    assert resolve_api_key(profile, environ={"A_KEY": fake_key}) == fake_key
    with pytest.raises(MissingKeyError, match="A_KEY"):
        resolve_api_key(profile, environ={})
    keyless = ProviderProfile("L", "http://localhost:1234", key_source=KeySource.NONE)
    assert resolve_api_key(keyless, environ={}) is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"providers": "nope"}',
        b'{"providers": [{"name": "A"}]}',
        b'{"providers": [{"name": "A", "base_url": "ftp://x"}]}',
        b"\xff\xfe garbage",
        b"[]",
    ],
)
def test_corrupt_file_is_moved_aside_not_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "providers.json"
    path.write_bytes(content)
    registry = ProviderRegistry(tmp_path)
    assert registry.list() == []
    assert len(registry.warnings) == 1 and "could not be read" in registry.warnings[0]
    kept = list(tmp_path.glob("providers.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert kept[0].name in registry.warnings[0]
    registry.add(ProviderProfile("New", "https://n.com"))
    assert kept[0].read_bytes() == content
    assert json.loads(path.read_text())["providers"][0]["name"] == "New"


def test_unknown_fields_from_a_newer_version_are_ignored(tmp_path: Path) -> None:
    entry = {"name": "A", "base_url": "https://a.com", "future_option": True}
    (tmp_path / "providers.json").write_text(json.dumps({"version": 9, "providers": [entry]}))
    registry = ProviderRegistry(tmp_path)
    assert registry.get("A").base_url == "https://a.com/v1"
    # Issue 12: it is used read-only (saving would drop the newer fields), and says so.
    assert len(registry.warnings) == 1 and "newer Switchboard" in registry.warnings[0]
