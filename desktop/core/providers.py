"""Provider profiles (where and how to reach a gateway) and the registry that keeps them.

A profile never holds the key itself: it says where the key lives (an OS keyring item, or an
environment variable's name). Profiles are stored atomically in `<data_dir>/providers.json`; a
file that cannot be read is moved aside (kept, never overwritten). Other credentials (secret
headers, a proxy password) go to the keyring too: the file holds STORED_SECRET in their place.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import logging
import os
import re
import secrets
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from desktop.core.api.styles import ApiStyle
from desktop.core.pricing.overrides import PricingError, check_low_balance, check_pricing
from desktop.core.redaction import SECRET_HEADERS, register_secret
from desktop.core.secrets import KeyringUnavailableError, SecretStore

log = logging.getLogger(__name__)

PROVIDERS_FILE_NAME = "providers.json"
FILE_VERSION = 1

# Endpoint suffixes people paste together with the base URL; stripped when normalising.
_ENDPOINT_SUFFIXES = (
    "/chat/completions",
    "/completions",
    "/responses",
    "/messages",
    "/models",
    "/images/generations",
    "/embeddings",
    "/audio/speech",
)
# Where each API style sends a chat request, relative to the base URL.
CHAT_PATHS = {
    ApiStyle.OPENAI_CHAT: "chat/completions",
    ApiStyle.OPENAI_RESPONSES: "responses",
    ApiStyle.ANTHROPIC_MESSAGES: "messages",
    ApiStyle.OPENAI_COMPLETIONS: "completions",
}
_NAME_RE = re.compile(r"^[^\s/\\][^/\\]{0,63}$")


class ProviderError(ValueError):
    """A profile or the registry was given something it cannot accept (message says what)."""


class MissingKeyError(ProviderError):
    """The profile says where its key lives, but no key is there."""


class InvalidKeyError(ProviderError):
    """The key holds characters an HTTP header cannot carry (spaces, line breaks, non-ASCII)."""


def check_api_key(key: str, provider: str) -> str:
    """The key without surrounding whitespace; raises InvalidKeyError if it cannot be sent."""
    cleaned = key.strip()
    if not cleaned or any(not 33 <= ord(char) <= 126 for char in cleaned):
        raise InvalidKeyError(
            f"The key for {provider} contains spaces, line breaks or non-ASCII characters, so it "
            "cannot be sent. Paste it again under Providers."
        )
    return cleaned


class KeySource(StrEnum):
    """Where a provider's key comes from."""

    KEYRING = "keyring"
    ENV = "env"
    NONE = "none"  # local servers (Ollama, LM Studio, llama.cpp) that need no key


def normalize_base_url(url: str) -> str:
    """One canonical base URL: scheme and host checked, trailing slash and endpoint dropped,
    `/v1` added when the URL has no path at all (`https://api.x.ai` → `https://api.x.ai/v1`).

    A path other than `/v1` is kept as given (`/v1beta/openai`, `/api/v3`, `/compatible-mode/v1`).
    """
    text = url.strip()
    if not text:
        raise ProviderError("The base URL is empty.")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise ProviderError(f"The base URL must start with http:// or https:// (got {url!r}).")
    if not parts.hostname:
        raise ProviderError(f"The base URL has no host name: {url!r}.")
    path = parts.path.rstrip("/")
    for suffix in _ENDPOINT_SUFFIXES:
        if path.lower().endswith(suffix) and path[: -len(suffix)]:
            path = path[: -len(suffix)].rstrip("/")
            break
    if not path:
        path = "/v1"
    return urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))


@dataclass(frozen=True)
class ProviderProfile:
    """Everything needed to talk to one gateway, except the key itself."""

    name: str
    base_url: str
    api_style: ApiStyle = ApiStyle.OPENAI_CHAT
    key_source: KeySource = KeySource.KEYRING
    key_env: str | None = None  # the variable's NAME when key_source is ENV
    id: str = field(default_factory=lambda: secrets.token_hex(8))
    extra_headers: dict[str, str] = field(default_factory=dict)
    proxy: str | None = None  # None: system/environment proxy; "direct": none; else a URL
    verify_tls: bool = True
    ca_bundle: str | None = None  # PEM file; when unset the OS trust store is used
    connect_timeout: float = 10.0
    read_timeout: float = 300.0
    include_usage: bool = True  # send stream_options.include_usage (some relays reject it)
    max_retries: int = 2
    image_size_separator: str = "x"  # "x" sends 1024x1024, "*" sends 1024*1024
    send_pdfs_natively: bool = False  # attached PDFs as file parts, not their extracted text
    pricing: dict[str, Any] = field(default_factory=dict)  # see core/pricing/overrides.py
    balance_api: str | None = None  # which balance endpoint answered (core/balance.py)
    task_apis: dict[str, Any] = field(default_factory=dict)  # see core/tasks/capabilities.py
    low_balance: float | None = None  # warn when the balance falls below this; None: never

    def __post_init__(self) -> None:
        if not _NAME_RE.match(self.name.strip()) or self.name != self.name.strip():
            raise ProviderError(
                f"Invalid provider name {self.name!r}: 1-64 characters, no slashes, "
                "no leading or trailing spaces."
            )
        object.__setattr__(self, "base_url", normalize_base_url(self.base_url))
        object.__setattr__(self, "api_style", ApiStyle(self.api_style))
        object.__setattr__(self, "key_source", KeySource(self.key_source))
        if self.key_source is KeySource.ENV and not self.key_env:
            raise ProviderError("A key taken from the environment needs the variable's name.")
        if self.image_size_separator not in ("x", "*"):
            raise ProviderError("image_size_separator must be 'x' or '*'.")
        if not 0 <= self.max_retries <= 10:
            raise ProviderError("max_retries must be between 0 and 10.")
        if self.connect_timeout <= 0 or self.read_timeout <= 0:
            raise ProviderError("Timeouts must be positive numbers of seconds.")
        try:
            object.__setattr__(self, "pricing", check_pricing(self.pricing))
            object.__setattr__(self, "low_balance", check_low_balance(self.low_balance))
        except PricingError as exc:
            raise ProviderError(str(exc)) from exc
        for header in self.extra_headers:
            if header.lower() in ("authorization", "x-api-key", "api-key"):
                raise ProviderError(
                    f"Header {header!r} would hold a key; keys go in the keyring or an env var."
                )

    @property
    def keyring_item(self) -> str:
        """The keyring item name: stable across renames, as it uses the profile id."""
        return f"provider-{self.id}"

    @property
    def credentials_item(self) -> str:
        """The keyring item holding the secret headers and proxy password (one JSON object)."""
        return f"provider-{self.id}-credentials"

    def request_url(self, path: str) -> str:
        """The full URL a request for `path` (e.g. "chat/completions") goes to."""
        return f"{self.base_url}/{path.lstrip('/')}"

    @property
    def chat_url(self) -> str:
        """The URL chat requests go to, to show next to the base URL field."""
        return self.request_url(CHAT_PATHS[self.api_style])

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["api_style"] = str(self.api_style)
        data["key_source"] = str(self.key_source)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProviderProfile:
        """Build from stored JSON; unknown keys (from a newer version) are ignored."""
        known = {f.name for f in fields(cls)}
        kwargs = {key: value for key, value in data.items() if key in known}
        if "name" not in kwargs or "base_url" not in kwargs:
            raise ProviderError("A stored provider lacks its name or base URL.")
        try:
            return cls(**kwargs)
        except (TypeError, ValueError) as exc:
            raise ProviderError(
                f"Stored provider {kwargs.get('name')!r} is invalid: {exc}"
            ) from exc


def resolve_api_key(
    profile: ProviderProfile,
    store: SecretStore | None = None,
    environ: Mapping[str, str] | None = None,
) -> str | None:
    """The key for a profile from where it says it lives; None for keyless local servers."""
    if profile.key_source is KeySource.NONE:
        return None
    if profile.key_source is KeySource.ENV:
        env = os.environ if environ is None else environ
        assert profile.key_env is not None
        value = env.get(profile.key_env, "").strip()
        if not value:
            raise MissingKeyError(
                f"The key for {profile.name} should be in the environment variable "
                f"{profile.key_env}, which is not set."
            )
        register_secret(value)
        return value
    stored = (store or SecretStore()).get(profile.keyring_item)
    if not stored:
        raise MissingKeyError(
            f"No key for {profile.name} is stored in the system keyring. Add it under Providers."
        )
    return stored


class ProviderRegistry:
    """The saved provider profiles, kept in `<data_dir>/providers.json`."""

    def __init__(self, data_root: Path, secrets: SecretStore | None = None) -> None:
        self.path = Path(data_root) / PROVIDERS_FILE_NAME
        self.warnings: list[str] = []  # problems met while loading, for the UI or CLI to show
        self.newer_file: str | None = None  # why saving is refused (a newer format's file)
        self._profiles: dict[str, ProviderProfile] = {}
        self._order: list[str] = []  # profile ids in the user's order; empty: by name
        self._secrets = secrets  # where credentials go (the default keyring when None)
        self._load()
        self._migrate_credentials()

    def _move_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}.json")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.stem}.corrupt-{stamp}-{counter}.json")
            counter += 1
        try:
            self.path.replace(target)
            kept = f"It was kept as {target.name}"
        except OSError:  # a read-only directory: leave it where it is
            kept = "It was left as it is"
        message = (
            f"The provider list {self.path} could not be read ({reason}). "
            f"{kept}; starting with an empty list."
        )
        log.warning("%s", message)
        self.warnings.append(message)

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("providers"), list):
                raise ProviderError("no 'providers' list")
            profiles = [ProviderProfile.from_json(item) for item in data["providers"]]
        except RecursionError:
            self._move_aside("nested too deeply")
            return
        except (ValueError, TypeError, AttributeError) as exc:
            self._move_aside(str(exc) or type(exc).__name__)
            return
        version = data.get("version", FILE_VERSION)
        if not isinstance(version, int) or version > FILE_VERSION:
            # Saving would drop what the newer version wrote: keep the file as it is.
            self.newer_file = (
                f"The provider list {self.path} was written by a newer Switchboard (format "
                f"{version}); it is used read-only, update Switchboard to change providers."
            )
            self.warnings.append(self.newer_file)
        for profile in profiles:
            self._profiles[profile.name.casefold()] = profile
        order = data.get("order")
        if isinstance(order, list):
            self._order = [item for item in order if isinstance(item, str)]

    def _save(self) -> None:
        if self.newer_file:
            raise ProviderError(self.newer_file)
        self._stash_credentials()  # secret headers and proxy passwords go to the keyring
        try:
            self._write()
        except OSError as exc:
            raise ProviderError(
                f"The provider list {self.path} could not be saved ({exc.strerror or exc}); "
                "nothing was changed."
            ) from exc

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "version": FILE_VERSION,
            "providers": [p.to_json() for p in self._profiles.values()],
        }
        if self._order:
            payload["order"] = list(self._order)
        text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
        fd, tmp_name = tempfile.mkstemp(prefix=".providers-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(OSError):
                Path(tmp_name).chmod(0o600)
            Path(tmp_name).replace(self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(tmp_name).unlink()
            raise

    def __iter__(self) -> Iterator[ProviderProfile]:
        return iter(self.list())

    def __len__(self) -> int:
        return len(self._profiles)

    def list(self) -> list[ProviderProfile]:
        """The profiles in the user's order (see `move`), by name until they set one."""
        by_name = sorted(self._profiles.values(), key=lambda p: p.name.casefold())
        if not self._order:
            return by_name
        rank = {profile_id: index for index, profile_id in enumerate(self._order)}
        return sorted(by_name, key=lambda p: rank.get(p.id, len(rank)))

    def move(self, name: str, index: int) -> builtins.list[ProviderProfile]:
        """Put a profile at `index` of the list (clamped); returns the new order."""
        profile = self.get(name)
        ids = [p.id for p in self.list() if p.id != profile.id]
        ids.insert(max(0, min(index, len(ids))), profile.id)
        self._order = ids
        self._save()
        return self.list()

    def get(self, name: str) -> ProviderProfile:
        try:
            return self._profiles[name.casefold()]
        except KeyError:
            known = ", ".join(p.name for p in self.list()) or "none yet"
            raise ProviderError(f"No provider named {name!r} (known: {known}).") from None

    def add(self, profile: ProviderProfile) -> ProviderProfile:
        if profile.name.casefold() in self._profiles:
            raise ProviderError(f"A provider named {profile.name!r} already exists.")
        self._profiles[profile.name.casefold()] = profile
        if self._order:
            self._order.append(profile.id)
        self._save()
        return profile

    def update(self, name: str, /, **changes: Any) -> ProviderProfile:
        """Change fields of a profile (renames included); the id, and so the key, stays."""
        old = self.get(name)
        changes.pop("id", None)
        new = replace(old, **changes)
        if new.name.casefold() != old.name.casefold() and new.name.casefold() in self._profiles:
            raise ProviderError(f"A provider named {new.name!r} already exists.")
        del self._profiles[old.name.casefold()]
        self._profiles[new.name.casefold()] = new
        self._save()
        return new

    def remove(self, name: str, store: SecretStore | None = None) -> ProviderProfile:
        """Forget a profile and, when it kept its key in the keyring, delete that item too."""
        profile = self.get(name)
        del self._profiles[profile.name.casefold()]
        self._save()
        if profile.key_source is KeySource.KEYRING and store is not None:
            store.delete(profile.keyring_item)
        if has_stored_credentials(profile):
            with contextlib.suppress(KeyringUnavailableError):
                (store or self._secret_store()).delete(profile.credentials_item)
        return profile

    # -- credentials -------------------------------------------------------------------------

    def _secret_store(self) -> SecretStore:
        return self._secrets or SecretStore()

    def _stash_credentials(self) -> None:
        """Move plain credentials of every profile into the keyring before the file is written.

        There is no plain-text fallback: without a keyring the save is refused.
        """
        for key, profile in list(self._profiles.items()):
            stripped, found = split_credentials(profile)
            if not found:
                continue
            store = self._secret_store()
            try:
                stored = read_credentials(store, profile)
                stored["headers"].update(found["headers"])
                if "proxy_password" in found:
                    stored["proxy_password"] = found["proxy_password"]
                store.set(profile.credentials_item, json.dumps(stored, sort_keys=True))
            except KeyringUnavailableError as exc:
                raise ProviderError(
                    f"The credentials of {profile.name} (secret headers or the proxy password) "
                    f"can only be kept in the system keyring, which is not available: {exc}"
                ) from exc
            self._profiles[key] = stripped

    def _migrate_credentials(self) -> None:
        """A file from an older version may hold credentials in plain text: move them."""
        if not any(split_credentials(p)[1] for p in self._profiles.values()):
            return
        try:
            self._save()
        except (ProviderError, OSError) as exc:
            message = f"Credentials in {self.path} are still stored in plain text: {exc}"
            log.warning("%s", message)
            self.warnings.append(message)


# -- Credentials ----------------------------------------------------------------------------
# Extra headers that carry secrets (the redactor's list) and a proxy URL's password live in one
# keyring item per provider, a small JSON object {"headers": {...}, "proxy_password": "..."}:
# one read gives all of a provider's credentials (one unlock prompt at most), they are written
# and deleted together, and an added header needs no new item name. The file keeps the header
# names and the proxy URL with STORED_SECRET in place of the values.

STORED_SECRET = "[keyring]"
STORED_PROXY_PASSWORD = "%5Bkeyring%5D"  # the same, percent-encoded (a URL's brackets mean IPv6)


def is_secret_header(name: str) -> bool:
    return name.strip().lower() in SECRET_HEADERS


def proxy_with_password(proxy: str | None, password: str) -> str | None:
    if not proxy or proxy == "direct":
        return proxy
    parts = urlsplit(proxy)
    if parts.password is None or parts.hostname is None:
        return proxy
    user, _, rest = parts.netloc.rpartition("@")
    name = user.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{name}:{password}@{rest}"))


def split_credentials(profile: ProviderProfile) -> tuple[ProviderProfile, dict[str, Any]]:
    """The profile with STORED_SECRET in place of plain credentials, and those credentials."""
    found: dict[str, Any] = {"headers": {}}
    headers = dict(profile.extra_headers)
    for name, value in profile.extra_headers.items():
        if is_secret_header(name) and value != STORED_SECRET:
            found["headers"][name] = value
            headers[name] = STORED_SECRET
    proxy = profile.proxy
    password = urlsplit(proxy).password if proxy and proxy != "direct" else None
    if password is not None and password != STORED_PROXY_PASSWORD:
        found["proxy_password"] = password
        proxy = proxy_with_password(proxy, STORED_PROXY_PASSWORD)
    if not found["headers"] and "proxy_password" not in found:
        return profile, {}
    return replace(profile, extra_headers=headers, proxy=proxy), found


def has_stored_credentials(profile: ProviderProfile) -> bool:
    """Whether some credential of the profile is in the keyring (STORED_SECRET in the file)."""
    proxy = profile.proxy
    password = urlsplit(proxy).password if proxy and proxy != "direct" else None
    return STORED_SECRET in profile.extra_headers.values() or password == STORED_PROXY_PASSWORD


def read_credentials(store: SecretStore, profile: ProviderProfile) -> dict[str, Any]:
    raw = store.get(profile.credentials_item)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict) or not isinstance(data.get("headers"), dict):
        data = {"headers": {}, **(data if isinstance(data, dict) else {})}
        data["headers"] = {}
    for value in data["headers"].values():
        if isinstance(value, str):
            register_secret(value)
    if isinstance(data.get("proxy_password"), str):
        register_secret(data["proxy_password"])
    return data
