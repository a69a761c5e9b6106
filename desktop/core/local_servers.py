"""Finds the local model servers (Ollama, LM Studio, llama.cpp, vLLM, LiteLLM) on 127.0.0.1.

Every default port is asked for its model list at once, with a short timeout, so the welcome
view can offer what answers within about a second whether or not anything is running.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError, APIStatusError
from desktop.core.provider_templates import ProviderTemplate, local_templates
from desktop.core.providers import ProviderProfile

log = logging.getLogger(__name__)

PROBE_TIMEOUT_S = 1.5

ClientFactory = Callable[[ProviderProfile], ApiClient]


@dataclass(frozen=True)
class LocalServer:
    """A local server that answered: its template, the URL it answered on and its models."""

    template: ProviderTemplate
    base_url: str
    models: tuple[str, ...]
    needs_key: bool = False  # it answered 401/403: a LiteLLM proxy with a master key, say

    @property
    def name(self) -> str:
        return self.template.name

    def profile(self, name: str | None = None) -> ProviderProfile:
        """A profile for this server, as found (its URL, keyless unless it asked for a key)."""
        base = self.template.profile(name)
        if self.needs_key:
            from desktop.core.providers import KeySource

            base = replace(base, key_source=KeySource.KEYRING)
        return replace(base, base_url=self.base_url)


def _probe_profile(template: ProviderTemplate, base_url: str, timeout: float) -> ProviderProfile:
    # No proxy for loopback, no retries: a closed port must fail fast.
    return replace(
        template.profile(),
        base_url=base_url,
        proxy="direct",
        connect_timeout=timeout,
        read_timeout=timeout,
        max_retries=0,
    )


async def probe_server(
    template: ProviderTemplate,
    base_url: str | None = None,
    *,
    limit_s: float = PROBE_TIMEOUT_S,
    client_factory: ClientFactory | None = None,
) -> LocalServer | None:
    """The server at `base_url` (default: the template's) if it answers a model list, else None."""
    profile = _probe_profile(template, base_url or template.base_url, limit_s)
    factory = client_factory or (lambda p: ApiClient(p, None))
    client = factory(profile)
    try:
        async with asyncio.timeout(limit_s):
            models = await client.list_models()
    except APIStatusError as exc:
        if exc.status in (401, 403):
            return LocalServer(template, profile.base_url, (), needs_key=True)
        log.debug("local probe %s: %s", profile.base_url, exc.explanation)
        return None
    except (APIError, TimeoutError, OSError) as exc:
        log.debug("local probe %s: %s", profile.base_url, exc)
        return None
    finally:
        await client.aclose()
    return LocalServer(template, profile.base_url, tuple(m.id for m in models))


async def probe_local_servers(
    templates: Sequence[ProviderTemplate] | None = None,
    *,
    limit_s: float = PROBE_TIMEOUT_S,
    urls: dict[str, str] | None = None,
    client_factory: ClientFactory | None = None,
) -> list[LocalServer]:
    """Every local server that answers, in template order; probes run concurrently.

    `urls` maps a template id to another base URL (tests point it at their own server).
    """
    chosen = list(templates if templates is not None else local_templates())
    overrides = urls or {}
    results = await asyncio.gather(
        *(
            probe_server(t, overrides.get(t.id), limit_s=limit_s, client_factory=client_factory)
            for t in chosen
        )
    )
    return [server for server in results if server is not None]
