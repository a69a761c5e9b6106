"""A provider's credentials for requests and for showing: filled in from, or hidden as in, the
keyring (where `ProviderRegistry` keeps them; see "Credentials" in providers.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import quote, urlsplit

from desktop.core.providers import (
    STORED_PROXY_PASSWORD,
    STORED_SECRET,
    MissingKeyError,
    ProviderProfile,
    has_stored_credentials,
    is_secret_header,
    proxy_with_password,
    read_credentials,
)
from desktop.core.redaction import REDACTED
from desktop.core.secrets import SecretStore


def resolve_credentials(
    profile: ProviderProfile, store: SecretStore | None = None
) -> ProviderProfile:
    """The profile with its keyring-held credentials filled in, for making requests only
    (never saved). Raises MissingKeyError when the keyring lacks one."""
    if not has_stored_credentials(profile):
        return profile
    stored = read_credentials(store or SecretStore(), profile)
    headers = dict(profile.extra_headers)
    for name, value in profile.extra_headers.items():
        if value == STORED_SECRET:
            found = stored["headers"].get(name)
            if not isinstance(found, str):
                raise MissingKeyError(
                    f"The header {name} of {profile.name} is missing from the system keyring. "
                    "Enter it again under Providers."
                )
            headers[name] = found
    proxy = profile.proxy
    if proxy and proxy != "direct" and urlsplit(proxy).password == STORED_PROXY_PASSWORD:
        password = stored.get("proxy_password")
        if not isinstance(password, str):
            raise MissingKeyError(
                f"The proxy password of {profile.name} is missing from the system keyring."
            )
        proxy = proxy_with_password(proxy, password)
    return replace(profile, extra_headers=headers, proxy=proxy)


def redacted_profile_json(profile: ProviderProfile) -> dict[str, Any]:
    """The profile as JSON for showing (`provider list --json`): no credential in clear."""
    data = profile.to_json()
    data["extra_headers"] = {
        name: (REDACTED if is_secret_header(name) else value)
        for name, value in profile.extra_headers.items()
    }
    proxy = profile.proxy
    if proxy and proxy != "direct" and urlsplit(proxy).password is not None:
        data["proxy"] = proxy_with_password(proxy, quote(REDACTED, safe=""))
    return data
