"""Image edits and variations, speech to text, base64 embeddings and the "content blocked"
503, against the fake provider (a real HTTP server)."""

from __future__ import annotations

import asyncio
import base64
import struct
from pathlib import Path
from typing import Any

import pytest

from desktop.core.api.endpoints import EmbeddingRequest, ImageRequest, SpeechRequest
from desktop.core.api.errors import ContentPolicyError, MalformedResponseError
from desktop.core.api.media_requests import (
    ImageEditRequest,
    ImageVariationRequest,
    TranscriptionRequest,
    Upload,
)
from desktop.core.api.requests_openai import ChatRequest, RequestValidationError
from desktop.core.wav_audio import tone_wav
from tests.helpers.fake_media import (
    CONTENT_BLOCKED,
    content_blocked,
    parse_multipart,
    png_size,
    rgba_png,
)
from tests.helpers.fake_provider import FakeProvider, Reply, tiny_png

from .conftest import ClientFactory, RecordingSleep

CHAT = ChatRequest("m", [{"role": "user", "content": "Hi"}])


def _png_upload(width: int, height: int, name: str = "photo.png") -> Upload:
    return Upload(rgba_png(width, height), name, "image/png")


async def _call(client: Any, name: str, *args: Any) -> Any:
    async with client:
        if name == "stream":
            async with client.stream_chat(*args) as stream:
                async for _event in stream:
                    pass
            return stream.result
        return await getattr(client, name)(*args)


CALLS: list[tuple[str, str, Any]] = [
    ("/chat/completions", "chat", CHAT),
    ("/chat/completions", "stream", CHAT),
    ("/images/generations", "generate_images", ImageRequest("img", "a cat")),
    ("/audio/speech", "speech", SpeechRequest("tts-1", "hello")),
    ("/embeddings", "embeddings", EmbeddingRequest("e", "hello")),
    ("/images/edits", "edit_image", ImageEditRequest(_png_upload(4, 4), "hat")),
    ("/images/variations", "image_variations", ImageVariationRequest(_png_upload(4, 4))),
    ("/audio/transcriptions", "transcribe",
     TranscriptionRequest(Upload(tone_wav(0.05), "a.wav", "audio/wav"))),
]


@pytest.mark.parametrize(("path", "method", "request_"), CALLS, ids=[c[1] for c in CALLS])
@pytest.mark.parametrize("status", [503, 500, 400])
def test_content_blocked_is_a_policy_error_sent_once(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep,
    path: str, method: str, request_: Any, status: int,
) -> None:
    fake_provider.script(path, content_blocked(status), content_blocked(status))
    with pytest.raises(ContentPolicyError) as caught:
        asyncio.run(_call(make_client(max_retries=3), method, request_))
    assert len(fake_provider.requests) == 1  # never sent again
    assert sleeps.delays == []
    assert CONTENT_BLOCKED in caught.value.details()


def test_plain_text_content_blocked_is_not_retried(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/chat/completions", content_blocked(plain=True), Reply.json({}))
    with pytest.raises(ContentPolicyError):
        asyncio.run(_call(make_client(max_retries=3), "chat", CHAT))
    assert len(fake_provider.requests) == 1


def test_a_plain_503_is_still_retried(
    fake_provider: FakeProvider, make_client: ClientFactory, sleeps: RecordingSleep
) -> None:
    fake_provider.script("/chat/completions", Reply.error(503, "overloaded"))
    asyncio.run(_call(make_client(max_retries=2), "chat", CHAT))
    assert len(fake_provider.requests) == 2 and len(sleeps.delays) == 1


def test_image_edit_sends_image_mask_prompt_and_the_profile_size_form(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    image, mask = rgba_png(8, 6), rgba_png(8, 6, (1, 1, 4, 4))
    request = ImageEditRequest(Upload(image, "photo.png", "image/png"), "add a hat",
                               model="gpt-image-1", mask=Upload(mask, "mask.png", "image/png"),
                               n=2, size="1024x1024")
    images = asyncio.run(_call(make_client(image_size_separator="*"), "edit_image", request))
    sent = fake_provider.requests[0]
    assert sent.path == "/v1/images/edits"
    parts = parse_multipart(sent)
    assert parts["image"].data == image and parts["image"].filename == "photo.png"
    assert parts["mask"].data == mask and parts["mask"].content_type == "image/png"
    assert {k: parts[k].text for k in ("prompt", "model", "n", "size")} == {
        "prompt": "add a hat", "model": "gpt-image-1", "n": "2", "size": "1024*1024"}
    assert len(images) == 2
    assert png_size(images[0].data) == (len(image) % 61 + 2, 8 % 61 + 2)


@pytest.mark.parametrize(
    ("image", "mask", "words"),
    [
        (rgba_png(8, 6), rgba_png(6, 8), "same size"),
        (rgba_png(8, 6), tiny_png(8, 6), "transparency"),
        (b"GIF89a not allowed", None, "PNG, JPEG or WebP"),
    ],
)
def test_bad_edit_uploads_are_refused_before_sending(
    fake_provider: FakeProvider, make_client: ClientFactory, image: bytes, mask: bytes | None,
    words: str,
) -> None:
    request = ImageEditRequest(Upload(image, "i.png", "image/png"), "x",
                               mask=Upload(mask, "m.png", "image/png") if mask else None)
    with pytest.raises(RequestValidationError, match=words):
        asyncio.run(_call(make_client(), "edit_image", request))
    assert fake_provider.requests == []


def test_upload_from_path_caps_the_size(tmp_path: Path) -> None:
    big = tmp_path / "big.wav"
    big.write_bytes(b"\0" * 2048)
    with pytest.raises(RequestValidationError, match="limit"):
        Upload.from_path(big, 1024)
    with pytest.raises(RequestValidationError, match="Cannot read"):
        Upload.from_path(tmp_path / "missing.wav", 1024)
    with pytest.raises(RequestValidationError, match="Cannot read"):
        Upload.from_path(tmp_path, 1 << 20)  # a folder
    assert Upload.from_path(big, 4096).content_type == "audio/wav"


def test_variations(fake_provider: FakeProvider, make_client: ClientFactory) -> None:
    request = ImageVariationRequest(_png_upload(4, 4), model="dall-e-2", n=3,
                                    response_format="url")
    images = asyncio.run(_call(make_client(), "image_variations", request))
    parts = parse_multipart(fake_provider.requests[0])
    assert set(parts) == {"image", "model", "n", "response_format"}
    assert len(images) == 3  # the URLs were fetched


@pytest.mark.parametrize("response_format", ["json", "text", "verbose_json"])
def test_transcription(
    fake_provider: FakeProvider, make_client: ClientFactory, response_format: str
) -> None:
    wav = tone_wav(0.1)
    request = TranscriptionRequest(Upload(wav, "talk.wav", "audio/wav"), language="de",
                                   response_format=response_format)
    result = asyncio.run(_call(make_client(), "transcribe", request))
    assert result.text == f"heard {len(wav)} bytes of talk.wav in de"
    parts = parse_multipart(fake_provider.requests[0])
    assert parts["model"].text == "whisper-1" and parts["file"].data == wav


def test_transcription_reply_without_text_is_malformed(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/audio/transcriptions", Reply.json({"nope": 1}))
    request = TranscriptionRequest(Upload(b"RIFF....", "a.wav", "audio/wav"))
    with pytest.raises(MalformedResponseError):
        asyncio.run(_call(make_client(), "transcribe", request))


def _b64(values: list[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode()


def test_base64_embeddings_are_decoded(
    fake_provider: FakeProvider, make_client: ClientFactory
) -> None:
    fake_provider.script("/embeddings", Reply.json({"data": [
        {"index": 1, "embedding": _b64([0.5, -2.0])}, {"index": 0, "embedding": _b64([1.0])}]}))
    request = EmbeddingRequest("e", ["a", "b"], encoding_format="base64", dimensions=2)
    result = asyncio.run(_call(make_client(), "embeddings", request))
    assert result.vectors == [[1.0], [0.5, -2.0]]
    assert fake_provider.bodies("/embeddings")[0]["encoding_format"] == "base64"


@pytest.mark.parametrize("bad", ["not base64!", base64.b64encode(b"abc").decode(),
                                 _b64([float("nan")]), [1, "x"], [True], None])
def test_bad_embeddings_are_malformed(
    fake_provider: FakeProvider, make_client: ClientFactory, bad: Any
) -> None:
    fake_provider.script("/embeddings", Reply.json({"data": [{"index": 0, "embedding": bad}]}))
    with pytest.raises(MalformedResponseError):
        asyncio.run(_call(make_client(), "embeddings", EmbeddingRequest("e", "a")))
