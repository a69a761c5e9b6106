"""Read aloud without Qt: speech settings, the audio cache and fetching a reply's speech.

Cache: `<data>/speech/<message id>-<key>.<ext>`, where the key hashes everything that changes
the audio (provider, model, voice, format and the spoken text), so an edited reply or another
voice makes a new entry. Entries are dropped when their message is deleted (`sweep`, run when
read aloud is first used) and, oldest first, when the folder grows past `speech.cache_mb`.
WAV (and raw PCM) replies are stored as one WAV with exact sizes, chunks joined; MP3 chunks
are concatenated (MP3 frames follow each other); other formats keep only the first chunk.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.api.endpoints import SpeechRequest
from desktop.core.settings import Settings
from desktop.core.speech_text import speakable_text, speech_chunks
from desktop.core.wav_audio import (
    WavAudio,
    WavError,
    is_wav,
    join_wav,
    pcm_audio,
    read_wav,
    wav_bytes,
)

if TYPE_CHECKING:
    from desktop.core.api.client import ApiClient

log = logging.getLogger(__name__)

SPEECH_FORMATS: tuple[str, ...] = Settings.spec("speech.format").choices
DEFAULT_CACHE_MB = int(Settings.default("speech.cache_mb"))

ClientSource = Callable[[str], Awaitable["ApiClient"]]


class NothingToReadError(ValueError):
    """The reply has no text worth speaking (only code, say)."""


@dataclass(frozen=True)
class SpeechSettings:
    provider: str
    model: str = Settings.default("speech.model")
    voice: str = Settings.default("speech.voice")
    format: str = Settings.default("speech.format")

    @classmethod
    def from_settings(cls, settings: Settings, chat_provider: str) -> SpeechSettings:
        """The user's speech settings now; an empty provider means the conversation's."""
        return cls(
            str(settings.get("speech.provider") or chat_provider),
            str(settings.get("speech.model")),
            str(settings.get("speech.voice")),
            str(settings.get("speech.format")),
        )

    def key(self, text: str) -> str:
        digest = hashlib.sha256()
        for part in (self.provider, self.model, self.voice, self.format, text):
            digest.update(part.encode("utf-8") + b"\x00")
        return digest.hexdigest()[:24]


def audio_extension(data: bytes) -> str:
    """The file extension for audio bytes, from their magic number (labels are unreliable)."""
    if is_wav(data):
        return ".wav"
    if data.startswith(b"ID3") or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return ".mp3"
    if data.startswith(b"OggS"):
        return ".ogg"
    if data.startswith(b"fLaC"):
        return ".flac"
    if data[:2] in (b"\xff\xf1", b"\xff\xf9"):
        return ".aac"
    return ".bin"


@dataclass(frozen=True)
class SpeechAudio:
    """A reply's speech on disk."""

    path: Path
    from_cache: bool
    truncated: bool  # the text was longer than what was read

    @property
    def is_wav(self) -> bool:
        return self.path.suffix == ".wav"


class SpeechCache:
    """Speech files per message in one folder, capped in size (oldest used dropped first)."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_CACHE_MB * 1_000_000) -> None:
        self.directory = directory
        self.max_bytes = max_bytes

    @staticmethod
    def entry_name(message_id: int, key: str) -> str:
        return f"{message_id}-{key}"

    def find(self, message_id: int, key: str) -> Path | None:
        """The cached file, marked as just used; None when there is none."""
        if not self.directory.is_dir():
            return None
        for path in self.directory.glob(f"{self.entry_name(message_id, key)}.*"):
            with contextlib.suppress(OSError):
                path.touch()
            return path
        return None

    def store(self, message_id: int, key: str, data: bytes, extension: str) -> Path:
        """Write an entry atomically, then trim the folder to its cap."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{self.entry_name(message_id, key)}{extension}"
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(temp).replace(path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        self.trim(keep=path)
        return path

    def _entries(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return [p for p in self.directory.iterdir() if p.is_file() and not p.name.startswith(".")]

    def trim(self, keep: Path | None = None) -> int:
        """Remove the least recently used entries until the folder fits its cap."""
        entries = []
        for path in self._entries():
            with contextlib.suppress(OSError):
                stat = path.stat()
                entries.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _mtime, size, path in sorted(entries, key=lambda entry: entry[0]):
            if total <= self.max_bytes:
                break
            if path == keep:
                continue
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed

    @staticmethod
    def _message_id(path: Path) -> int | None:
        head = path.name.split("-", 1)[0]
        return int(head) if head.isdigit() else None

    def remove_message(self, message_id: int) -> int:
        """Forget every entry of a message."""
        removed = 0
        for path in self._entries():
            if self._message_id(path) == message_id:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def sweep(self, message_exists: Callable[[int], bool]) -> int:
        """Remove entries whose message is gone (deleted messages and conversations)."""
        removed = 0
        for path in self._entries():
            message_id = self._message_id(path)
            if message_id is None or not message_exists(message_id):
                path.unlink(missing_ok=True)
                removed += 1
        return removed


async def synthesize(client: ApiClient, text: str, settings: SpeechSettings) -> tuple[bytes, bool]:
    """Speech for `text` (one request per chunk, joined) and whether the text was cut short."""
    chunks, truncated = speech_chunks(text)
    replies: list[bytes] = []
    for chunk in chunks:
        request = SpeechRequest(settings.model, chunk, voice=settings.voice,
                                response_format=settings.format)
        replies.append((await client.speech(request)).audio)
    if settings.format == "pcm" and not any(is_wav(reply) for reply in replies):
        return wav_bytes(join_wav([pcm_audio(reply) for reply in replies])), truncated
    if all(is_wav(reply) for reply in replies):
        try:
            parts: list[WavAudio] = [read_wav(reply) for reply in replies]
            return wav_bytes(join_wav(parts)), truncated
        except WavError as exc:
            log.warning("speech WAV could not be rewritten (%s); kept as sent", exc)
            return replies[0], truncated or len(replies) > 1
    if all(audio_extension(reply) == ".mp3" for reply in replies):
        return b"".join(replies), truncated
    return replies[0], truncated or len(replies) > 1


class SpeechSource:
    """A reply's speech: from the cache, else fetched from the provider and cached."""

    def __init__(self, cache: SpeechCache, client_for: ClientSource) -> None:
        self.cache = cache
        self.client_for = client_for

    async def audio_for(
        self, message_id: int, markdown: str, settings: SpeechSettings
    ) -> SpeechAudio:
        text = await asyncio.to_thread(speakable_text, markdown)
        if not text:
            raise NothingToReadError("This reply has no text to read aloud.")
        key = settings.key(text)
        cut = speech_chunks(text)[1]
        cached = await asyncio.to_thread(self.cache.find, message_id, key)
        if cached is not None:
            return SpeechAudio(cached, True, cut)
        client = await self.client_for(settings.provider)
        data, truncated = await synthesize(client, text, settings)
        path = await asyncio.to_thread(
            self.cache.store, message_id, key, data, audio_extension(data)
        )
        return SpeechAudio(path, False, truncated)
