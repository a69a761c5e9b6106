"""The network side of a provider: its httpx client (proxy, TLS, timeouts) and the typed
error for each kind of network failure (DNS, refused, TLS, proxy, timeouts)."""

from __future__ import annotations

import functools
import logging
import socket
import ssl

import httpx

from desktop import APP_NAME, __version__
from desktop.core.api.errors import APIConnectionError, APITimeoutError
from desktop.core.providers import ProviderProfile
from desktop.core.redaction import redact

log = logging.getLogger(__name__)


def tls_verify(profile: ProviderProfile) -> ssl.SSLContext | bool:
    """TLS settings: off, a custom CA bundle, or the OS trust store (via truststore)."""
    if not profile.verify_tls:
        return False
    return _ssl_context(profile.ca_bundle)


@functools.lru_cache(maxsize=8)
def _ssl_context(ca_bundle: str | None) -> ssl.SSLContext | bool:
    """Built once per CA choice and shared: loading the OS trust store takes ~50 ms."""
    if ca_bundle:
        return ssl.create_default_context(cafile=ca_bundle)
    try:
        import truststore

        context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        return context
    except Exception:  # no usable OS store: fall back to certifi's bundle via httpx
        log.warning("OS trust store unavailable; using the bundled CA certificates")
        return True


def build_http_client(
    profile: ProviderProfile, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """The httpx client for one provider: its proxy, TLS and timeout settings."""
    timeout = httpx.Timeout(
        connect=profile.connect_timeout,
        read=profile.read_timeout,
        write=max(60.0, profile.connect_timeout),
        pool=profile.connect_timeout,
    )
    proxy = None if profile.proxy in (None, "", "direct") else profile.proxy
    return httpx.AsyncClient(
        timeout=timeout,
        verify=tls_verify(profile),
        proxy=proxy,
        trust_env=profile.proxy is None,
        transport=transport,
        # Only the codings body_reader inflates step by step (httpx would add br and zstd).
        headers={"User-Agent": f"{APP_NAME}/{__version__}", "Accept-Encoding": "gzip, deflate"},
        follow_redirects=False,
    )


def _exception_chain(exc: BaseException) -> list[BaseException]:
    """The exception and its causes/contexts (httpcore wraps the OSError that says why)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def connection_error(
    exc: httpx.HTTPError, url: str, profile: ProviderProfile
) -> APIConnectionError:
    """A typed error saying which kind of network failure happened."""
    host = httpx.URL(url).host
    who = profile.name
    text = redact(str(exc) or type(exc).__name__)
    causes = list(_exception_chain(exc))
    lowered = " ".join(f"{type(e).__name__} {e}" for e in causes).lower()
    if any(isinstance(e, ssl.SSLError) for e in causes):
        lowered += " ssl"
        text = redact(str(next(e for e in causes if isinstance(e, ssl.SSLError))))
    if any(isinstance(e, socket.gaierror) for e in causes):
        lowered += " name resolution"
    if any(isinstance(e, ConnectionRefusedError) for e in causes):
        lowered += " refused"
    if isinstance(exc, httpx.ConnectTimeout):
        return APITimeoutError(
            f"Connecting to {who} ({host}) timed out after {profile.connect_timeout:g} s. "
            "Check the network or the proxy settings.",
            provider=who,
        )
    if isinstance(exc, httpx.PoolTimeout):
        return APITimeoutError(f"Too many requests to {who} are open at once.", provider=who)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"{who} sent nothing for {profile.read_timeout:g} s. The model may be "
            "overloaded; try again or raise the read timeout.",
            provider=who,
        )
    if isinstance(exc, httpx.ProxyError):
        return APIConnectionError(
            f"The proxy refused the connection to {who}: {text}", provider=who
        )
    if isinstance(exc, httpx.ConnectError):
        if any(
            s in lowered
            for s in (
                "name or service not known",
                "nodename nor servname",
                "name resolution",
                "getaddrinfo",
                "no address associated",
                "no such host",
                "errno -2",
                "errno -3",
                "errno 8]",
            )
        ):
            return APIConnectionError(
                f"Could not find {host} (DNS lookup failed). Check {who}'s base URL and "
                "your network.",
                provider=who,
            )
        if "refused" in lowered:
            return APIConnectionError(
                f"{host} refused the connection. Is {who}'s server running, and is the "
                "port in the base URL right?",
                provider=who,
            )
        if any(s in lowered for s in ("ssl", "certificate", "tls", "handshake")):
            return APIConnectionError(
                f"The secure (TLS) connection to {host} failed: {text}. Behind a "
                f"TLS-inspecting proxy, set a CA bundle for {who}.",
                provider=who,
            )
        return APIConnectionError(f"Could not connect to {who} ({host}): {text}", provider=who)
    return APIConnectionError(
        f"The connection to {who} broke before it answered: {text}", provider=who
    )
