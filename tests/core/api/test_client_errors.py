"""Each error class and each retry rule, over a real socket, with the fake clock."""

from __future__ import annotations

import asyncio
import email.utils
import socket
import ssl
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ContentPolicyError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamInterruptedError,
)
from desktop.core.api.events import ChatResult
from desktop.core.api.requests_openai import ChatRequest
from desktop.core.providers import KeySource, ProviderProfile
from tests.helpers.fake_provider import Chunk, FakeProvider, Reply, sse_event

from .conftest import FAKE_NOW, ClientFactory, RecordingSleep

T = TypeVar("T")
REQUEST = ChatRequest("m", [{"role": "user", "content": "Hi"}])


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def _chat(client: ApiClient) -> ChatResult:
    async with client:
        return await client.chat(REQUEST)


async def _stream(client: ApiClient) -> ChatResult:
    async with client, client.stream_chat(REQUEST) as stream:
        async for _event in stream:
            pass
    return stream.result


def _raises(client: ApiClient, streamed: bool = False) -> APIError:
    with pytest.raises(APIError) as caught:
        run(_stream(client) if streamed else _chat(client))
    return caught.value


@pytest.mark.parametrize(
    ("reply", "cls", "provider_message"),
    [
        (Reply.error(401, "Invalid token"), AuthenticationError, "Invalid token"),
        (Reply.error(403, "insufficient balance"), PermissionDeniedError, "insufficient balance"),
        (Reply.json({"error": "no credit"}, 402), PermissionDeniedError, "no credit"),
        (Reply.error(404, "model not found"), NotFoundError, "model not found"),
        (Reply.error(400, "bad temperature"), BadRequestError, "bad temperature"),
        (
            Reply.json({"detail": [{"loc": ["body", "n"], "msg": "too big"}]}, 422),
            BadRequestError,
            "n: too big",
        ),
        (Reply.json({"message": "slow down"}, 429), RateLimitError, "slow down"),
        (Reply.text("Internal Server Error", 500), InternalServerError, "Internal Server Error"),
        (
            Reply.text("<html><title>502 Bad Gateway</title></html>", 502, "text/html"),
            InternalServerError,
            "502 Bad Gateway",
        ),
        (
            Reply.error(503, "Content policy violation"),
            ContentPolicyError,
            "Content policy violation",
        ),
        (
            Reply.error(
                400, "Input data may contain inappropriate content", "data_inspection_failed"
            ),
            ContentPolicyError,
            "Input data may contain inappropriate content",
        ),
    ],
)
@pytest.mark.parametrize("streamed", [False, True])
def test_error_classes(
    fake_provider: FakeProvider,
    make_client: ClientFactory,
    reply: Reply,
    cls: type[APIStatusError],
    provider_message: str,
    streamed: bool,
) -> None:
    reply.headers["x-request-id"] = "req-42"
    fake_provider.route("/chat/completions", reply)
    error = _raises(make_client(max_retries=0), streamed)
    assert type(error) is cls
    assert error.status == reply.status
    assert error.provider_message == provider_message
    assert error.request_id == "req-42"
    assert error.explanation.startswith("FakeAPI")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_refused_is_retried_then_explained(
    make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    error = _raises(make_client(base_url=f"http://127.0.0.1:{_free_port()}"))
    assert type(error) is APIConnectionError
    assert "refused" in error.explanation
    assert sleeps.delays == [0.5, 1.0]


def test_tls_failure_says_tls(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    # Speaking TLS to a plain-HTTP server fails in the handshake.
    error = _raises(make_client(base_url=f"https://127.0.0.1:{fake_provider.port}", max_retries=0))
    assert type(error) is APIConnectionError
    assert "TLS" in error.explanation


def test_dns_failure_says_dns(make_client: ClientFactory) -> None:
    error = _raises(make_client(base_url="http://no-such-host.invalid", max_retries=0))
    assert type(error) is APIConnectionError
    assert "DNS" in error.explanation


def test_read_timeout(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    fake_provider.script("/chat/completions", Reply(delay=1.0))
    error = _raises(make_client(read_timeout=0.2, max_retries=2))
    assert type(error) is APITimeoutError
    assert len(fake_provider.requests) == 1  # a read timeout is not retried


def test_stream_stalls_after_text(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    chunk = sse_event({"choices": [{"index": 0, "delta": {"content": "so far"}}]})
    reply = Reply(200, {"Content-Type": "text/event-stream"}, [Chunk(chunk), Chunk(chunk, 0.6)])
    fake_provider.script("/chat/completions", reply)
    error = _raises(make_client(read_timeout=0.3), streamed=True)
    assert type(error) is StreamInterruptedError
    assert error.partial is not None and error.partial.choices[0].text == "so far"
    assert "0.3 s" in error.explanation
    assert len(fake_provider.requests) == 1


def test_stream_stalls_before_any_body_is_a_timeout(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    chunk = sse_event({"choices": [{"index": 0, "delta": {"content": "late"}}]})
    reply = Reply(200, {"Content-Type": "text/event-stream"}, [Chunk(chunk, 0.6)])
    fake_provider.script("/chat/completions", reply)
    error = _raises(make_client(read_timeout=0.3), streamed=True)
    assert isinstance(error, StreamInterruptedError | APITimeoutError)
    assert sleeps.delays == []  # a read timeout is never retried
    assert len(fake_provider.requests) == 1


# -- retries ----------------------------------------------------------------------------------


def test_429_with_retry_after_seconds(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script("/chat/completions", Reply.error(429, "slow", retry_after="3"))
    result = run(_chat(make_client()))
    assert result.choices[0].text == fake_provider.default_text
    assert sleeps.delays == [3.0]
    assert len(fake_provider.requests) == 2


def test_retry_after_ms(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script(
        "/chat/completions", Reply.error(503, "busy", retry_after_ms="1500", retry_after="9")
    )
    run(_chat(make_client()))
    assert sleeps.delays == [1.5]


def test_retry_after_http_date(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    date = email.utils.formatdate(FAKE_NOW + 20, usegmt=True)
    fake_provider.script("/chat/completions", Reply.error(429, "slow", retry_after=date))
    run(_chat(make_client()))
    assert sleeps.delays == [pytest.approx(20.0)]


def test_retry_after_beyond_120_seconds_gives_up_at_once(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script("/chat/completions", Reply.error(429, "daily quota", retry_after="3600"))
    error = _raises(make_client())
    assert type(error) is RateLimitError
    assert sleeps.delays == []
    assert len(fake_provider.requests) == 1


@pytest.mark.parametrize("status", [408, 409, 500, 502, 503, 504])
def test_retryable_statuses_back_off(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep, status: int
) -> None:
    fake_provider.script(
        "/chat/completions", Reply.error(status, "try again"), Reply.error(status, "again")
    )
    result = run(_chat(make_client()))
    assert result.choices[0].text == fake_provider.default_text
    assert sleeps.delays == [0.5, 1.0]
    assert len(fake_provider.requests) == 3


def test_gives_up_after_max_retries(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.route("/chat/completions", Reply.error(500, "down"))
    error = _raises(make_client(max_retries=3))
    assert type(error) is InternalServerError
    assert sleeps.delays == [0.5, 1.0, 2.0]
    assert len(fake_provider.requests) == 4


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_final_statuses_are_not_retried(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep, status: int
) -> None:
    fake_provider.script("/chat/completions", Reply.error(status, "no"))
    _raises(make_client())
    assert sleeps.delays == []
    assert len(fake_provider.requests) == 1


def test_content_policy_503_is_not_retried(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script("/chat/completions", Reply.error(503, "content_policy_violation"))
    assert type(_raises(make_client())) is ContentPolicyError
    assert sleeps.delays == []


def test_stream_retries_a_429_before_the_body(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script("/chat/completions", Reply.error(429, "slow", retry_after="1"))
    result = run(_stream(make_client()))
    assert result.choices[0].text == fake_provider.default_text
    assert sleeps.delays == [1.0]


# -- known 400s that are repaired once --------------------------------------------------------


def test_relay_rejecting_stream_options_is_asked_again_without(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.error(400, "Unrecognized request argument supplied: stream_options"),
    )
    result = run(_stream(make_client()))
    assert result.choices[0].text == fake_provider.default_text
    first, second = fake_provider.bodies("/chat/completions")
    assert first["stream_options"] == {"include_usage": True}
    assert "stream_options" not in second
    assert sleeps.delays == []


def test_model_wanting_max_completion_tokens(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.error(
            400,
            "Unsupported parameter: 'max_tokens' is not supported with this model. "
            "Use 'max_completion_tokens' instead.",
        ),
    )

    async def chat() -> ChatResult:
        async with make_client() as client:
            return await client.chat(ChatRequest("o3", REQUEST.messages, max_tokens=64))

    run(chat())
    first, second = fake_provider.bodies("/chat/completions")
    assert first["max_tokens"] == 64 and "max_completion_tokens" not in first
    assert second["max_completion_tokens"] == 64 and "max_tokens" not in second


def test_a_repair_is_tried_once_only(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.route("/chat/completions", Reply.error(400, "stream_options: not allowed"))
    assert type(_raises(make_client(), streamed=True)) is BadRequestError
    assert len(fake_provider.requests) == 2


# -- network settings -------------------------------------------------------------------------


def test_proxy_setting_is_used(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    # The fake provider doubles as a plain HTTP proxy: it gets the absolute URL.
    client = make_client(base_url="http://api.example.invalid", proxy=fake_provider.url)
    run(_chat(client))
    assert fake_provider.requests[0].path == "http://api.example.invalid/v1/chat/completions"


def test_tls_settings() -> None:
    import truststore

    from desktop.core.api.connection import tls_verify

    assert isinstance(tls_verify(ProviderProfile("P", "https://x.com")), truststore.SSLContext)
    assert tls_verify(ProviderProfile("P", "https://x.com", verify_tls=False)) is False
    bundle = ssl.get_default_verify_paths().cafile or ssl.get_default_verify_paths().openssl_cafile
    custom = tls_verify(ProviderProfile("P", "https://x.com", ca_bundle=bundle))
    assert isinstance(custom, ssl.SSLContext)
    assert not isinstance(custom, truststore.SSLContext)


def _make_ca_and_server_cert(directory: Path) -> tuple[Path, Path, Path]:
    """A private CA and a certificate for 127.0.0.1 signed by it (PEM files)."""
    pytest.importorskip("cryptography")
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Switchboard Test CA")])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    ca_file, cert_file, key_file = (
        directory / "ca.pem",
        directory / "cert.pem",
        directory / "key.pem",
    )
    ca_file.write_bytes(ca_cert.public_bytes(pem))
    cert_file.write_bytes(cert.public_bytes(pem))
    key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return ca_file, cert_file, key_file


def test_custom_ca_bundle_and_untrusted_certificate(tmp_path: Path) -> None:
    ca_file, cert_file, key_file = _make_ca_and_server_cert(tmp_path)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert_file, key_file)
    profile_args = {"key_source": KeySource.NONE, "max_retries": 0}
    with FakeProvider(tls=server_tls) as provider:
        trusted = ApiClient(
            ProviderProfile("Corp", provider.url, ca_bundle=str(ca_file), **profile_args), None
        )
        assert run(_chat(trusted)).choices[0].text == provider.default_text
        untrusted = ApiClient(ProviderProfile("Corp", provider.url, **profile_args), None)
        error = _raises(untrusted)
        assert type(error) is APIConnectionError
        assert "TLS" in error.explanation and "certificate" in error.explanation.lower()
        insecure = ApiClient(
            ProviderProfile("Corp", provider.url, verify_tls=False, **profile_args), None
        )
        assert run(_chat(insecure)).choices[0].text == provider.default_text


@pytest.mark.parametrize("bad", ["sk-test-abc def", "sk-test-abc\ndef", "sk-test-clé", " "])
def test_key_that_cannot_be_sent_is_refused_without_echoing_it(bad: str) -> None:
    from desktop.core.providers import InvalidKeyError

    with pytest.raises(InvalidKeyError) as caught:
        ApiClient(ProviderProfile("P", "https://x.com"), bad)
    assert bad.strip() not in str(caught.value) or not bad.strip()


def test_key_with_surrounding_whitespace_is_trimmed(
    fake_provider: FakeProvider, make_client: ClientFactory, fake_key: str
) -> None:
    run(_chat(make_client(key=f"  {fake_key}\n")))
    assert fake_provider.requests[0].headers["authorization"] == f"Bearer {fake_key}"


def test_quota_429_is_not_retried_and_says_billing(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script(
        "/chat/completions",
        Reply.error(429, "You exceeded your current quota.", "insufficient_quota"),
    )
    error = _raises(make_client())
    assert type(error) is RateLimitError
    assert "quota or balance is used up" in error.explanation
    assert sleeps.delays == []
    assert len(fake_provider.requests) == 1


@pytest.mark.parametrize("streamed", [False, True])
def test_server_hanging_up_without_answer_is_retried(
    fake_provider: FakeProvider,
    make_client: ClientFactory,
    sleeps: RecordingSleep,
    streamed: bool,
) -> None:
    fake_provider.script("/chat/completions", Reply.hang_up())
    result = run(_stream(make_client()) if streamed else _chat(make_client()))
    assert result.choices[0].text == fake_provider.default_text
    assert sleeps.delays == [0.5]
    assert len(fake_provider.requests) == 2


def test_server_always_hanging_up_is_a_connection_error(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.route("/chat/completions", Reply.hang_up())
    error = _raises(make_client())
    assert type(error) is APIConnectionError
    assert "broke before it answered" in error.explanation
    assert len(fake_provider.requests) == 3
