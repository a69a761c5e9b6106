"""Local server probing: answers, closed ports and servers asking for a key, concurrently."""

from __future__ import annotations

import asyncio
import socket

from desktop.core.local_servers import probe_local_servers
from desktop.core.provider_templates import local_templates, template
from desktop.core.providers import KeySource
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def test_probe_finds_what_answers_and_skips_the_rest(fake_provider: FakeProvider) -> None:
    urls = {t.id: _closed_port_url() for t in local_templates()}
    urls["ollama"] = fake_provider.base_url
    found = asyncio.run(probe_local_servers(urls=urls, limit_s=1.0))
    assert [server.name for server in found] == ["Ollama"]
    assert found[0].models == ("fake-chat", "fake-image")
    profile = found[0].profile()
    assert profile.base_url == fake_provider.base_url
    assert profile.key_source is KeySource.NONE
    assert any(r.path.endswith("/models") for r in fake_provider.requests)


def test_a_server_that_asks_for_a_key_is_offered_with_a_keyring_key(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.script("/models", Reply.error(401, "master key required"))
    urls = {"litellm": fake_provider.base_url}
    found = asyncio.run(probe_local_servers([template("litellm")], urls=urls, limit_s=1.0))
    assert len(found) == 1 and found[0].needs_key
    assert found[0].profile().key_source is KeySource.KEYRING


def test_other_errors_and_silence_count_as_absent(fake_provider: FakeProvider) -> None:
    fake_provider.script("/models", Reply.error(404, "no such route"))
    # A listener that accepts but never answers: the probe gives up at its limit.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    try:
        urls = {
            "ollama": fake_provider.base_url,
            "vllm": f"http://127.0.0.1:{silent.getsockname()[1]}/v1",
        }
        chosen = [template("ollama"), template("vllm")]
        found = asyncio.run(probe_local_servers(chosen, urls=urls, limit_s=0.5))
    finally:
        silent.close()
    assert found == []
