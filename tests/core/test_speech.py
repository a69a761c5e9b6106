"""Read aloud's core against the fake provider: request bodies, the cache, joined chunks."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIStatusError
from desktop.core.providers import ProviderProfile
from desktop.core.speech import (
    NothingToReadError,
    SpeechAudio,
    SpeechCache,
    SpeechSettings,
    SpeechSource,
    audio_extension,
)
from desktop.core.wav_audio import read_wav
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider

__all__ = ["fake_provider"]

REPLY = "The **answer** is [here](https://example.com/a).\n\n```\ncode()\n```\n"
SPOKEN = "The answer is here."


@pytest.fixture
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    """One loop for the whole test: the client's connections belong to it."""
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture
def source(
    fake_provider: FakeProvider, tmp_path: Path, loop: asyncio.AbstractEventLoop
) -> Iterator[SpeechSource]:
    profile = ProviderProfile(name="fake", base_url=fake_provider.base_url, max_retries=0)
    client = ApiClient(profile, "sk-test-" + secrets.token_hex(8))
    requested: list[str] = []

    async def client_for(provider: str) -> ApiClient:
        requested.append(provider)
        return client

    yield SpeechSource(SpeechCache(tmp_path / "speech"), client_for)
    loop.run_until_complete(client.aclose())
    assert set(requested) <= {"fake"}


Read = Callable[[int, str, SpeechSettings], SpeechAudio]


@pytest.fixture
def read(source: SpeechSource, loop: asyncio.AbstractEventLoop) -> Read:
    """Fetch a reply's speech (through the cache) on the test's loop."""

    def run(message_id: int, text: str, settings: SpeechSettings) -> SpeechAudio:
        return loop.run_until_complete(source.audio_for(message_id, text, settings))

    return run


def test_request_body_and_wav_on_disk(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    audio = read(7, REPLY, SpeechSettings("fake", "tts-1", "nova", "wav"))
    assert fake_provider.bodies("/audio/speech") == [
        {"model": "tts-1", "input": SPOKEN, "voice": "nova", "response_format": "wav"}
    ]
    assert audio.is_wav and not audio.from_cache and not audio.truncated
    assert audio.path.parent == source.cache.directory and audio.path.name.startswith("7-")
    wav = read_wav(audio.path.read_bytes())  # rewritten with exact sizes
    assert wav.format.sample_rate == 24_000 and wav.frame_count > 1000
    assert audio.path.read_bytes()[4:8] != b"\xff\xff\xff\xff"


def test_second_read_is_served_from_the_cache(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    settings = SpeechSettings("fake")
    first = read(1, REPLY, settings)
    second = read(1, REPLY, settings)
    assert second.from_cache and second.path == first.path
    assert len(fake_provider.bodies("/audio/speech")) == 1


def test_cache_key_changes_with_voice_and_text(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    first = read(1, REPLY, SpeechSettings("fake", voice="alloy"))
    other_voice = read(1, REPLY, SpeechSettings("fake", voice="echo"))
    edited = read(1, REPLY + "\nOne more line.", SpeechSettings("fake", voice="alloy"))
    assert len({first.path, other_voice.path, edited.path}) == 3
    assert not other_voice.from_cache and not edited.from_cache
    assert [b["voice"] for b in fake_provider.bodies("/audio/speech")] == ["alloy", "echo", "alloy"]


def test_long_reply_is_read_in_chunks_joined_into_one_wav(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    text = "A sentence that is read aloud. " * 300  # about 9,300 characters
    audio = read(2, text, SpeechSettings("fake"))
    bodies = fake_provider.bodies("/audio/speech")
    assert len(bodies) == 3 and all(len(b["input"]) <= 4096 for b in bodies)
    parts = [min(0.05 + len(b["input"]) / 2000, 1.0) for b in bodies]  # the fake's durations
    assert read_wav(audio.path.read_bytes()).duration == pytest.approx(sum(parts), abs=0.01)


def test_pcm_is_wrapped_as_wav(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    audio = read(3, "Hello.", SpeechSettings("fake", format="pcm"))
    assert fake_provider.bodies("/audio/speech")[0]["response_format"] == "pcm"
    assert audio.is_wav
    assert read_wav(audio.path.read_bytes()).format.sample_rate == 24_000


def test_mp3_is_kept_as_sent(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    audio = read(4, "Hello.", SpeechSettings("fake", format="mp3"))
    assert audio.path.suffix == ".mp3" and not audio.is_wav
    assert audio.path.read_bytes().startswith(b"ID3")


def test_gateway_that_ignores_the_format(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    fake_provider.script("/audio/speech", Reply.text(b"ID3\x04mp3", content_type="audio/mpeg"))
    audio = read(5, "Hello.", SpeechSettings("fake", format="wav"))
    assert audio.path.suffix == ".mp3"


def test_errors_are_the_typed_api_errors(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    fake_provider.script("/audio/speech", Reply.error(403, "Insufficient balance"))
    with pytest.raises(APIStatusError) as caught:
        read(6, "Hello.", SpeechSettings("fake"))
    assert caught.value.status == 403 and "Insufficient balance" in caught.value.explanation
    assert not list(source.cache.directory.glob("6-*"))


def test_nothing_to_read(
    fake_provider: FakeProvider, source: SpeechSource, read: Read
) -> None:
    with pytest.raises(NothingToReadError):
        read(8, "```\nonly code\n```", SpeechSettings("fake"))
    assert fake_provider.bodies("/audio/speech") == []


def test_cache_trim_and_sweep(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path / "speech", max_bytes=250)
    old = cache.store(1, "a" * 24, b"x" * 100, ".wav")
    os.utime(old, (1, 1))  # least recently used
    kept = cache.store(2, "b" * 24, b"y" * 100, ".wav")
    newest = cache.store(3, "c" * 24, b"z" * 100, ".wav")
    assert not old.exists() and kept.exists() and newest.exists()
    assert cache.find(2, "b" * 24) == kept
    assert cache.sweep(lambda message_id: message_id != 3) == 1
    assert not newest.exists() and kept.exists()
    assert cache.remove_message(2) == 1 and cache.find(2, "b" * 24) is None


@pytest.mark.parametrize(("data", "ext"), [
    (b"RIFF\x00\x00\x00\x00WAVEfmt ", ".wav"), (b"ID3\x04", ".mp3"), (b"\xff\xfb\x90", ".mp3"),
    (b"OggS\x00", ".ogg"), (b"fLaC", ".flac"), (b"\xff\xf1\x50", ".aac"), (b"??", ".bin"),
])
def test_audio_extension(data: bytes, ext: str) -> None:
    assert audio_extension(data) == ext
