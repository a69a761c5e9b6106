"""A small reader and writer for PCM WAV: enough to join speech chunks and to play them.

Speech endpoints stream their WAV, so the header's size fields are often 0xFFFFFFFF (or 0):
the reader then takes the data chunk to the end of the bytes. Written files always carry
exact sizes, which Qt's WAV decoder needs.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

PCM = 1
IEEE_FLOAT = 3
EXTENSIBLE = 0xFFFE
UNKNOWN_SIZE = (0, 0xFFFFFFFF)

# OpenAI's `pcm` response format: raw 24 kHz signed 16-bit little-endian mono.
RAW_PCM_RATE = 24_000


class WavError(ValueError):
    """The bytes are not a PCM WAV file this reader understands."""


@dataclass(frozen=True)
class WavFormat:
    channels: int
    sample_rate: int
    sample_width: int  # bytes per sample
    encoding: int = PCM  # PCM or IEEE_FLOAT

    @property
    def frame_size(self) -> int:
        return self.channels * self.sample_width


@dataclass(frozen=True)
class WavAudio:
    format: WavFormat
    frames: bytes

    @property
    def frame_count(self) -> int:
        return len(self.frames) // self.format.frame_size

    @property
    def duration(self) -> float:
        """Seconds of audio."""
        return self.frame_count / self.format.sample_rate


def is_wav(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WAVE"


def read_wav(data: bytes) -> WavAudio:
    """Parse a RIFF/WAVE file: its format chunk and its sample frames."""
    if not is_wav(data):
        raise WavError("not a RIFF/WAVE file")
    position = 12
    wav_format: WavFormat | None = None
    while position + 8 <= len(data):
        chunk_id = data[position:position + 4]
        (size,) = struct.unpack_from("<I", data, position + 4)
        body = position + 8
        if chunk_id == b"fmt ":
            if size < 16 or body + 16 > len(data):
                raise WavError("the format chunk is cut short")
            encoding, channels, rate, _byte_rate, _align, bits = struct.unpack_from(
                "<HHIIHH", data, body
            )
            if encoding == EXTENSIBLE and size >= 40:
                (encoding,) = struct.unpack_from("<H", data, body + 24)
            if encoding not in (PCM, IEEE_FLOAT) or not channels or not rate or bits % 8:
                raise WavError(f"unsupported WAV encoding {encoding} ({bits} bits)")
            wav_format = WavFormat(channels, rate, bits // 8, encoding)
        elif chunk_id == b"data":
            if wav_format is None:
                raise WavError("the data chunk comes before the format chunk")
            end = len(data) if size in UNKNOWN_SIZE else min(body + size, len(data))
            frames = data[body:end]
            usable = len(frames) - len(frames) % wav_format.frame_size
            return WavAudio(wav_format, frames[:usable])
        if size in UNKNOWN_SIZE and chunk_id != b"fmt ":
            break
        position = body + size + (size & 1)  # chunks are padded to even sizes
    raise WavError("no audio data in the WAV file")


def wav_bytes(audio: WavAudio) -> bytes:
    """A WAV file with exact sizes for `audio`."""
    fmt = audio.format
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF", 36 + len(audio.frames), b"WAVE",
        b"fmt ", 16, fmt.encoding, fmt.channels, fmt.sample_rate,
        fmt.sample_rate * fmt.frame_size, fmt.frame_size, fmt.sample_width * 8,
        b"data", len(audio.frames),
    )
    pad = b"\x00" if len(audio.frames) & 1 else b""
    return header + audio.frames + pad


def pcm_audio(data: bytes, sample_rate: int = RAW_PCM_RATE) -> WavAudio:
    """Raw 16-bit mono PCM (the `pcm` response format) as WavAudio."""
    return WavAudio(WavFormat(1, sample_rate, 2), data[: len(data) - len(data) % 2])


def join_wav(parts: list[WavAudio]) -> WavAudio:
    """One recording of parts that share a format (speech chunks read one after another)."""
    if not parts:
        raise WavError("nothing to join")
    first = parts[0].format
    for part in parts[1:]:
        if part.format != first:
            raise WavError(f"the parts differ in format ({first} and {part.format})")
    return WavAudio(first, b"".join(part.frames for part in parts))


def tone_wav(seconds: float = 0.2, sample_rate: int = 24_000, frequency: float = 440.0) -> bytes:
    """A sine tone as a 16-bit mono WAV file (the fake provider's speech, the self-test)."""
    count = int(seconds * sample_rate)
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * frequency * i / sample_rate)))
        for i in range(count)
    )
    return wav_bytes(WavAudio(WavFormat(1, sample_rate, 2), frames))
