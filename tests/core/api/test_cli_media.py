"""`switchboard embed`, `transcribe`, `image edit` and `image variations` against the fake
provider, in process; and the content-blocked exit code."""

from __future__ import annotations

import base64
import io
import json
import struct
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.wav_audio import tone_wav
from tests.helpers.fake_media import content_blocked, parse_multipart, png_size, rgba_png
from tests.helpers.fake_provider import FakeProvider, Reply

KEY_VAR = "SWITCHBOARD_TEST_KEY"


@pytest.fixture
def run_cli(
    tmp_path: Path, fake_provider: FakeProvider, fake_key: str,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> Any:
    """`main([...])` in this process with provider "Fake" (3 retries allowed, so a retry
    would show); returns (exit code, stdout, stderr)."""
    monkeypatch.setenv(KEY_VAR, fake_key)
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    monkeypatch.setattr("desktop.core.api.retry.INITIAL_RETRY_DELAY", 0.001)

    def invoke(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(tmp_path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    add = ("provider", "add", "Fake", "--base-url", fake_provider.url, "--key-env", KEY_VAR,
           "--max-retries", "3", "--image-size-separator", "*")
    assert invoke(*add)[0] == 0
    fake_provider.requests.clear()
    return invoke


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_embed_texts_and_stdin_lines(run_cli: Any, fake_provider: FakeProvider) -> None:
    code, out, err = run_cli("embed", "-p", "Fake", "-m", "e", "one", "two")
    assert code == 0, err
    rows = _lines(out)
    assert [(r["index"], r["text"]) for r in rows] == [(0, "one"), (1, "two")]
    assert all(r["dimensions"] == len(r["embedding"]) > 0 for r in rows)
    code, out, _ = run_cli("embed", "-p", "Fake", "-m", "e", "-", stdin="a\n\nb\nc\n")
    assert [r["text"] for r in _lines(out)] == ["a", "b", "c"]
    assert fake_provider.bodies("/embeddings")[-1]["input"] == ["a", "b", "c"]
    code, out, _ = run_cli("embed", "-p", "Fake", "-m", "e", "--whole", "-", stdin="a\nb\n")
    assert [r["text"] for r in _lines(out)] == ["a\nb\n"]


def test_embed_base64_is_decoded(run_cli: Any, fake_provider: FakeProvider) -> None:
    packed = base64.b64encode(struct.pack("<3f", 0.25, -1.5, 3.0)).decode()
    fake_provider.script("/embeddings", Reply.json({"data": [{"index": 0, "embedding": packed}]}))
    code, out, err = run_cli("embed", "-p", "Fake", "-m", "e", "--encoding-format", "base64",
                             "--dimensions", "3", "hi")
    assert code == 0, err
    assert _lines(out)[0]["embedding"] == [0.25, -1.5, 3.0]
    body = fake_provider.bodies("/embeddings")[0]
    assert body["encoding_format"] == "base64" and body["dimensions"] == 3


def test_embed_refusals(run_cli: Any, fake_provider: FakeProvider) -> None:
    assert run_cli("embed", "-p", "Fake", "-m", "e", "-", stdin="\n\n")[0] == 4
    fake_provider.script("/embeddings", Reply.json({"data": [{"index": 0, "embedding": "%%"}]}))
    assert run_cli("embed", "-p", "Fake", "-m", "e", "x")[0] == 20
    fake_provider.script("/embeddings", Reply.json({"data": []}))
    assert run_cli("embed", "-p", "Fake", "-m", "e", "x", "y")[0] == 20


@pytest.mark.parametrize("command", [["embed", "-p", "Fake", "-m", "e", "x"],
                                     ["ask", "-p", "Fake", "-m", "m", "x"]])
def test_content_blocked_exits_15_after_one_request(
    run_cli: Any, fake_provider: FakeProvider, command: list[str]
) -> None:
    fake_provider.route("/embeddings" if command[0] == "embed" else "/chat/completions",
                        content_blocked())
    code, _out, err = run_cli(*command)
    assert code == 15, err
    assert "content filter" in err and len(fake_provider.requests) == 1


def test_transcribe(run_cli: Any, fake_provider: FakeProvider, tmp_path: Path) -> None:
    audio = tmp_path / "memo.wav"
    audio.write_bytes(tone_wav(0.1))
    code, out, err = run_cli("transcribe", str(audio), "--language", "fr", "--format", "text")
    assert code == 0, err
    assert out == f"heard {audio.stat().st_size} bytes of memo.wav in fr\n"
    parts = parse_multipart(fake_provider.requests[0])
    assert parts["model"].text == "whisper-1" and parts["response_format"].text == "text"
    assert run_cli("transcribe", str(tmp_path / "none.wav"))[0] == 4


def test_image_edit_and_variations(
    run_cli: Any, fake_provider: FakeProvider, tmp_path: Path
) -> None:
    image, mask = tmp_path / "in.png", tmp_path / "mask.png"
    image.write_bytes(rgba_png(10, 10))
    mask.write_bytes(rgba_png(10, 10, (0, 0, 5, 5)))
    out = tmp_path / "out" / "edited.png"
    code, stdout, err = run_cli("image", "edit", str(image), "a red hat", "--mask", str(mask),
                                "-p", "Fake", "-m", "gpt-image-1", "--size", "512x512",
                                "--out", str(out))
    assert code == 0, err
    assert stdout.strip() == str(out) and png_size(out.read_bytes())[1] == 10 % 61 + 2
    parts = parse_multipart(fake_provider.requests[0])
    assert parts["prompt"].text == "a red hat" and parts["size"].text == "512*512"
    assert parts["mask"].data == mask.read_bytes()
    code, stdout, err = run_cli("image", "variations", str(image), "-p", "Fake", "-n", "2",
                                "--out", str(tmp_path / "v.png"))
    assert code == 0, err
    assert stdout.split() == [str(tmp_path / "v-1.png"), str(tmp_path / "v-2.png")]
    assert fake_provider.requests[-1].path == "/v1/images/variations"
    mask.write_bytes(rgba_png(4, 4))
    code, _out, err = run_cli("image", "edit", str(image), "x", "--mask", str(mask), "-p",
                              "Fake", "-m", "m", "--out", str(out))
    assert code == 4 and "same size" in err


def test_image_generation_still_takes_a_prompt(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "g.png"
    code, _out, err = run_cli("image", "-p", "Fake", "-m", "m", "edit", "--out", str(out))
    assert code == 0, err
    assert out.exists()
