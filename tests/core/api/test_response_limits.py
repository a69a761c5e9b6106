"""Caps on what a server sends (issue 12, class 1): decoded bytes per body, SSE line and
event, model list; a passed limit is a typed error that keeps the text received so far.

Memory-bound tests run the client in a child process (`tests/helpers/hostile_client.py`)
against the fake provider serving a gzip bomb or an endless line, and assert its peak RSS.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import (
    ResponseTooLargeError,
    StreamInterruptedError,
    StreamTooLargeError,
)
from desktop.core.api.limits import MIB, ResponseLimits
from desktop.core.api.requests_openai import ChatRequest
from desktop.core.model_catalog import ModelCatalog
from desktop.core.providers import KeySource, ProviderProfile
from desktop.core.settings import Settings
from tests.helpers.fake_provider import Chunk, FakeProvider, Reply
from tests.helpers.hostile_client import run_client
from tests.helpers.hostile_replies import endless_line, gzip_bomb, sse_bomb, text_event

T = TypeVar("T")
MEMORY_BUDGET_MB = 100
BOMB = 256 * MIB  # inflated size of the test bombs (the benchmark uses 1 GB)
REQUEST = ChatRequest(model="m", messages=[{"role": "user", "content": "Hi"}])


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def client_for(provider: FakeProvider, **limits: int) -> ApiClient:
    profile = ProviderProfile("Hostile", provider.base_url, key_source=KeySource.NONE,
                              max_retries=0)
    return ApiClient(profile, None, limits=ResponseLimits(**limits))


async def stream_all(client: ApiClient) -> str:
    async with client, client.stream_chat(REQUEST) as stream:
        async for _event in stream:
            pass
    return stream.result.choices[0].text


def test_limits_come_from_the_settings() -> None:
    settings = Settings.in_memory({"limits.response_mb": 3, "limits.model_list_entries": 500})
    limits = ResponseLimits.from_settings(settings)
    assert limits.response_bytes == 3 * MIB
    assert limits.model_list_entries == 500
    assert limits.sse_line_bytes == Settings.default("limits.sse_line_mb") * MIB
    assert ResponseLimits() == ResponseLimits.from_settings(Settings.in_memory())


# -- memory: the client in a child process -------------------------------------------------


def test_streamed_gzip_bomb_stops_at_the_line_limit_and_keeps_the_text(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.script("/chat/completions", sse_bomb(["Hello ", "partial"], BOMB))
    outcome = run_client("stream", fake_provider.base_url)
    assert outcome.error is not None
    assert outcome.error[0] == "StreamTooLargeError"
    assert "limits.sse_line_mb" in outcome.error[1]
    assert "text received so far is kept" in outcome.error[1]
    assert outcome.partial == "Hello partial"
    assert outcome.over_base_mb < MEMORY_BUDGET_MB


def test_gzip_bomb_as_a_whole_json_reply_stops_at_the_response_limit(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.script("/chat/completions",
                         gzip_bomb(b'{"choices": [', BOMB, content_type="application/json"))
    outcome = run_client("chat", fake_provider.base_url)
    assert outcome.error is not None
    assert outcome.error[0] == "ResponseTooLargeError"
    assert "limits.response_mb" in outcome.error[1]
    assert outcome.over_base_mb < MEMORY_BUDGET_MB


def test_a_100_mb_sse_line_is_refused_without_holding_it(fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", endless_line(["Hello"], 100 * MIB))
    outcome = run_client("stream", fake_provider.base_url)
    assert outcome.error is not None
    assert outcome.error[0] == "StreamTooLargeError"
    assert outcome.partial == "Hello"
    assert outcome.over_base_mb < MEMORY_BUDGET_MB


def test_a_gzip_bombed_model_list_is_refused(fake_provider: FakeProvider) -> None:
    fake_provider.script("/models",
                         gzip_bomb(b'{"data": [', BOMB, content_type="application/json"))
    outcome = run_client("models", fake_provider.base_url)
    assert outcome.error is not None
    assert outcome.error[0] == "ResponseTooLargeError"
    assert "limits.model_list_mb" in outcome.error[1]
    assert outcome.over_base_mb < MEMORY_BUDGET_MB


# -- limits in process ---------------------------------------------------------------------


def test_an_endless_event_of_short_lines_is_refused(fake_provider: FakeProvider) -> None:
    fake_provider.script("/chat/completions", endless_line(["Hi"], 4 * MIB, event_lines=True))
    with pytest.raises(StreamTooLargeError) as caught:
        run(stream_all(client_for(fake_provider, sse_line_bytes=MIB)))
    assert "an event" in caught.value.explanation
    assert isinstance(caught.value, StreamInterruptedError)  # saved as interrupted
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text == "Hi"
    assert caught.value.limit == MIB and caught.value.received > MIB


def test_a_stream_over_the_response_limit_is_stopped(fake_provider: FakeProvider) -> None:
    events = [text_event("word ") for _ in range(2000)]
    fake_provider.script("/chat/completions", Reply.sse(events))
    with pytest.raises(StreamTooLargeError) as caught:
        run(stream_all(client_for(fake_provider, response_bytes=64 * 1024)))
    assert "limits.response_mb" in caught.value.explanation
    assert caught.value.partial is not None
    assert caught.value.partial.choices[0].text.startswith("word word ")


def test_an_announced_length_over_the_limit_is_refused_before_reading(
    fake_provider: FakeProvider,
) -> None:
    huge = Reply(200, {"Content-Type": "application/json", "Content-Length": str(10**12)},
                 [Chunk(b'{"choices": [')], chunked=False, drop=True)
    fake_provider.script("/chat/completions", huge)

    async def ask() -> None:
        async with client_for(fake_provider) as client:
            await client.chat(REQUEST)

    with pytest.raises(ResponseTooLargeError) as caught:
        run(ask())
    assert caught.value.received == 10**12


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS | 16, zlib.MAX_WBITS, -zlib.MAX_WBITS],
                         ids=["gzip", "zlib-deflate", "raw-deflate"])
def test_compressed_replies_still_decode(fake_provider: FakeProvider, wbits: int) -> None:
    body = (b'{"id": "x", "object": "chat.completion", "model": "m", "choices": [{"index": 0, '
            b'"message": {"role": "assistant", "content": "' + b"ok " * 50_000 + b'"}, '
            b'"finish_reason": "stop"}]}')
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    packed = compressor.compress(body) + compressor.flush()
    encoding = "gzip" if wbits > zlib.MAX_WBITS else "deflate"
    fake_provider.script("/chat/completions", Reply(
        200, {"Content-Type": "application/json", "Content-Encoding": encoding},
        [Chunk(packed[i:i + 1000]) for i in range(0, len(packed), 1000)]))

    async def ask() -> str:
        async with client_for(fake_provider) as client:
            return (await client.chat(REQUEST)).choices[0].text

    assert run(ask()) == "ok " * 50_000


def test_a_model_list_over_the_entry_limit_is_refused(fake_provider: FakeProvider) -> None:
    fake_provider.script("/models", Reply.json({"data": [{"id": f"m{i}"} for i in range(300)]}))

    async def models() -> list[str]:
        async with client_for(fake_provider, model_list_entries=100) as client:
            return [m.id for m in await client.list_models()]

    with pytest.raises(ResponseTooLargeError) as caught:
        run(models())
    assert "limits.model_list_entries" in caught.value.explanation
    assert caught.value.received == 300


def test_a_list_of_tiny_values_is_refused_before_parsing(fake_provider: FakeProvider) -> None:
    fake_provider.script("/models", Reply.json(["a"] * 100_000))

    async def models() -> list[str]:
        async with client_for(fake_provider, model_list_entries=100) as client:
            return [m.id for m in await client.list_models()]

    with pytest.raises(ResponseTooLargeError):
        run(models())


# -- the model-list cache ------------------------------------------------------------------


def test_a_huge_cached_model_list_is_ignored_unread(tmp_path: Path) -> None:
    path = tmp_path / "models.json"
    with path.open("wb") as sparse:  # 40 MB on paper, nothing on disk: never read whole
        sparse.truncate(40 * MIB)
    catalog = ModelCatalog(tmp_path)
    assert catalog.load_problem is not None and "not read" in catalog.load_problem
    assert catalog.models("any") == []
    catalog.set_models("P", ["a", "b"])
    assert path.stat().st_size < 1024  # replaced by the small, fresh cache
    assert ModelCatalog(tmp_path).models("P") == ["a", "b"]


def test_the_cache_refuses_an_absurd_list(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.core.model_catalog.MAX_CACHED_MODELS", 10)
    catalog = ModelCatalog(tmp_path)
    catalog.set_models("P", ["a"])
    with pytest.raises(ValueError):
        catalog.set_models("P", [f"m{i}" for i in range(11)])
    assert ModelCatalog(tmp_path).models("P") == ["a"]


def test_the_model_fetch_refuses_a_bomb_and_says_why_in_one_line(
    fake_provider: FakeProvider, tmp_path: Path
) -> None:
    from desktop.core.model_fetch import describe_failure, fetch_model_ids

    fake_provider.script("/models",
                         gzip_bomb(b'{"data": [', BOMB, content_type="application/json"))
    profile = ProviderProfile("Hostile", fake_provider.base_url, key_source=KeySource.NONE,
                              max_retries=0)
    catalog = ModelCatalog(tmp_path)
    with pytest.raises(ResponseTooLargeError) as caught:
        catalog.set_models("Hostile", run(fetch_model_ids(
            profile, None, limits=ResponseLimits(model_list_bytes=MIB))))
    assert "limits.model_list_mb" in describe_failure(caught.value)
    assert "\n" not in describe_failure(caught.value)
    assert catalog.cached("Hostile") is None
    assert not (tmp_path / "models.json").exists()
