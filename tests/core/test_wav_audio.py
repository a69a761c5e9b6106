"""The WAV reader and writer: streamed headers, joining chunks, raw PCM."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from desktop.core.wav_audio import (
    WavAudio,
    WavError,
    WavFormat,
    join_wav,
    pcm_audio,
    read_wav,
    tone_wav,
    wav_bytes,
)


def _stdlib_wav(frames: bytes, rate: int = 16_000, channels: int = 2) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return out.getvalue()


def test_reads_a_wav_written_by_the_standard_library() -> None:
    frames = bytes(range(256)) * 4
    audio = read_wav(_stdlib_wav(frames))
    assert audio.format == WavFormat(channels=2, sample_rate=16_000, sample_width=2)
    assert audio.frames == frames
    assert audio.frame_count == len(frames) // 4
    assert audio.duration == pytest.approx(audio.frame_count / 16_000)


def test_written_wav_is_read_back_by_the_standard_library() -> None:
    data = tone_wav(0.1, sample_rate=8_000)
    with wave.open(io.BytesIO(data)) as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) == (1, 2, 8000)
        assert reader.getnframes() == 800
        assert reader.readframes(800) == read_wav(data).frames


def test_streamed_header_with_unknown_sizes_reads_to_the_end() -> None:
    data = tone_wav(0.05)
    streamed = data[:4] + b"\xff\xff\xff\xff" + data[8:40] + b"\xff\xff\xff\xff" + data[44:]
    assert read_wav(streamed).frames == data[44:]


def test_extra_chunks_before_data_are_skipped() -> None:
    data = tone_wav(0.01)
    extra = b"LIST" + struct.pack("<I", 5) + b"abcde\x00"  # odd size: padded
    with_list = data[:36] + extra + data[36:]
    assert read_wav(with_list).frames == data[44:]


def test_join_and_pcm() -> None:
    one, two = read_wav(tone_wav(0.1)), read_wav(tone_wav(0.2))
    joined = join_wav([one, two])
    assert joined.frame_count == one.frame_count + two.frame_count
    assert read_wav(wav_bytes(joined)) == joined
    raw = pcm_audio(one.frames + b"\x01")  # an odd trailing byte is dropped
    assert raw.format == WavFormat(1, 24_000, 2) and raw.frames == one.frames


def test_join_refuses_different_formats() -> None:
    with pytest.raises(WavError):
        join_wav([read_wav(tone_wav(0.01)), WavAudio(WavFormat(2, 44_100, 2), b"")])


@pytest.mark.parametrize("data", [b"", b"ID3\x04mp3", b"RIFF\x00\x00\x00\x00WAVEdata\x00\x00"])
def test_not_a_usable_wav(data: bytes) -> None:
    with pytest.raises(WavError):
        read_wav(data)
