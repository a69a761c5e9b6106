"""Fetching a provider's model list: the key from where the profile says, then `/models`.

Shared by the model picker's refresh and the Providers dialog's "Test connection"; errors are
turned into one line of words for the UI (`describe_failure`).
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError
from desktop.core.api.limits import ResponseLimits
from desktop.core.key_access import KEYRING_TIMEOUT_S, run_with_timeout
from desktop.core.providers import KeySource, ProviderError, ProviderProfile, resolve_api_key
from desktop.core.secrets import KeyringUnavailableError, SecretStore

ClientFactory = Callable[[ProviderProfile, str | None], ApiClient]
# What fetching a model list can meet that is no bug (no key, a refused key, a server down):
# said in words where the list would be, without a traceback in the log.
EXPECTED_FAILURES = (APIError, ProviderError, KeyringUnavailableError)


async def resolve_key(
    profile: ProviderProfile, secrets: SecretStore, *, limit_s: float = KEYRING_TIMEOUT_S
) -> str | None:
    """The profile's key (keyring read in a thread, at most `limit_s`); None when keyless."""
    if profile.key_source is KeySource.NONE:
        return None
    return await run_with_timeout(
        lambda: resolve_api_key(profile, secrets), limit_s, "read the key"
    )


async def fetch_model_ids(
    profile: ProviderProfile, api_key: str | None, *, client_factory: ClientFactory | None = None,
    limits: ResponseLimits | None = None,
) -> list[str]:
    """The model ids the provider lists, in its order. A list over `limits` (the defaults
    when None) raises `ResponseTooLargeError`, so a caller never caches it."""
    if client_factory is None:
        client = ApiClient(profile, api_key, limits=limits)
    else:
        client = client_factory(profile, api_key)
    try:
        models = await client.list_models()
    finally:
        await client.aclose()
    return [model.id for model in models]


def describe_failure(exc: BaseException) -> str:
    """One line saying what went wrong, for a status line or a field message."""
    if isinstance(exc, APIError):
        return exc.details().replace("\n", " — ")
    if isinstance(exc, ProviderError | KeyringUnavailableError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
