"""Models, legacy completions, images, speech and embeddings against the fake provider."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import (
    EmbeddingRequest,
    ImageRequest,
    ModelInfo,
    SpeechRequest,
    parse_image_size,
    parse_models,
)
from desktop.core.api.errors import MalformedResponseError
from desktop.core.api.events import TextDelta
from desktop.core.api.requests_openai import CompletionRequest, RequestValidationError
from desktop.core.api.styles import ApiStyle
from tests.helpers.fake_provider import FakeProvider, Reply, tiny_png

from .conftest import ClientFactory

T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


async def _with(client: ApiClient, name: str, *args: Any) -> Any:
    async with client:
        return await getattr(client, name)(*args)


# -- models -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"object": "list", "data": [{"id": "a", "owned_by": "x", "extra": 1}, {"id": "b"}]},
        [{"id": "a", "owned_by": "x"}, {"id": "b"}],
        ["a", "b"],
        {"data": [{"id": "a", "owned_by": "x"}, {"id": "b"}, {"id": "a"}, {"nope": 1}, 7]},
    ],
)
def test_model_list_shapes(
    fake_provider: FakeProvider, make_client: ClientFactory, body: Any
) -> None:
    fake_provider.script("/models", Reply.json(body))
    models = run(_with(make_client(), "list_models"))
    assert [m.id for m in models] == ["a", "b"]
    assert fake_provider.requests[0].path == "/v1/models"


def test_anthropic_model_list(
    fake_provider: FakeProvider, make_client: ClientFactory, fake_key: str
) -> None:
    body = {
        "data": [
            {
                "type": "model",
                "id": "claude-sonnet-4-5",
                "display_name": "Claude Sonnet 4.5",
                "created_at": "2025-09-29T00:00:00Z",
            }
        ],
        "has_more": False,
        "first_id": "claude-sonnet-4-5",
    }
    fake_provider.script("/models", Reply.json(body))
    models = run(_with(make_client(ApiStyle.ANTHROPIC_MESSAGES), "list_models"))
    assert models == [ModelInfo("claude-sonnet-4-5", display_name="Claude Sonnet 4.5")]
    assert fake_provider.requests[0].headers["x-api-key"] == fake_key


def test_model_list_that_is_not_one(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/models", Reply.json({"status": "ok"}))
    with pytest.raises(MalformedResponseError):
        run(_with(make_client(), "list_models"))


def test_parse_models_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="list"):
        parse_models("nope")


# -- legacy completions -----------------------------------------------------------------------


def test_completion_whole_and_streamed(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    request = CompletionRequest("davinci", "Say this is a test", max_tokens=7, stop="\n")

    async def both() -> tuple[str, str]:
        async with make_client() as client:
            whole = await client.complete(request)
            async with client.stream_complete(request) as stream:
                texts = [e.text async for e in stream if isinstance(e, TextDelta)]
        return whole.choices[0].text, "".join(texts)

    whole, streamed = run(both())
    assert whole == streamed == fake_provider.default_text
    bodies = fake_provider.bodies("/completions")
    assert bodies[0] == {
        "model": "davinci",
        "prompt": "Say this is a test",
        "max_tokens": 7,
        "stop": "\n",
        "stream": False,
    }
    assert bodies[1]["stream"] is True


# -- images -----------------------------------------------------------------------------------


def test_images_b64(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    request = ImageRequest("img", "a cat", n=2, size="1024*1024")
    images = run(_with(make_client(), "generate_images", request))
    assert [i.data for i in images] == [tiny_png(), tiny_png()]
    assert images[0].extension == ".png"
    assert fake_provider.requests[0].json == {
        "model": "img",
        "prompt": "a cat",
        "n": 2,
        "size": "1024x1024",
    }


def test_images_size_in_star_form_when_the_profile_says(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    request = ImageRequest("img", "a cat", size="512x768")
    run(_with(make_client(image_size_separator="*"), "generate_images", request))
    assert fake_provider.requests[0].json["size"] == "512*768"


def test_images_by_url_are_downloaded_without_the_key(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    request = ImageRequest("img", "a dog", n=2, response_format="url")
    images = run(_with(make_client(), "generate_images", request))
    assert [i.data for i in images] == [tiny_png(), tiny_png()]
    downloads = [r for r in fake_provider.requests if r.path.startswith("/files/")]
    assert len(downloads) == 2
    assert all("authorization" not in r.headers for r in downloads)


def test_images_data_url(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    encoded = base64.b64encode(tiny_png()).decode()
    fake_provider.script(
        "/images/generations", Reply.json({"data": [{"url": f"data:image/png;base64,{encoded}"}]})
    )
    images = run(_with(make_client(), "generate_images", ImageRequest("img", "x")))
    assert images[0].data == tiny_png()


def test_images_empty_reply(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    fake_provider.script("/images/generations", Reply.json({"data": []}))
    with pytest.raises(MalformedResponseError):
        run(_with(make_client(), "generate_images", ImageRequest("img", "x")))


@pytest.mark.parametrize(
    ("text", "size"),
    [("1024x1024", (1024, 1024)), ("1024*768", (1024, 768)), (" 512X512 ", (512, 512))],
)
def test_image_size_forms(text: str, size: tuple[int, int]) -> None:
    assert parse_image_size(text) == size


@pytest.mark.parametrize("text", ["big", "1024", "1024x", "x1024", "1024-1024"])
def test_bad_image_sizes(text: str) -> None:
    with pytest.raises(RequestValidationError):
        parse_image_size(text)


def test_image_n_out_of_range() -> None:
    with pytest.raises(RequestValidationError):
        ImageRequest("img", "x", n=11).body()


# -- speech and embeddings --------------------------------------------------------------------


def test_speech(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    result = run(_with(make_client(), "speech", SpeechRequest("tts-1", "Hello", voice="nova")))
    assert result.audio.startswith(b"ID3")
    assert result.content_type == "audio/mpeg"
    assert fake_provider.requests[0].json == {"model": "tts-1", "input": "Hello", "voice": "nova"}


def test_speech_that_returns_json_is_malformed(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/audio/speech", Reply.json({"ok": True}))
    with pytest.raises(MalformedResponseError):
        run(_with(make_client(), "speech", SpeechRequest("tts-1", "Hello")))


def test_embeddings_in_input_order(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    request = EmbeddingRequest("emb", ["one", "two"], dimensions=3)
    result = run(_with(make_client(), "embeddings", request))
    assert [v[0] for v in result.vectors] == [pytest.approx(0.1), pytest.approx(0.2)]
    assert result.total_tokens == 3
    assert fake_provider.requests[0].json == {
        "model": "emb",
        "input": ["one", "two"],
        "dimensions": 3,
    }


def test_image_size_auto_passes_through() -> None:
    assert ImageRequest("img", "x", size="auto").body("*")["size"] == "auto"
