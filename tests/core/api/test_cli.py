"""The `switchboard provider|ask|image` commands: the real CLI in a subprocess against the fake
provider, plus in-process `main([...])` runs for the exit-code matrix and the keyring path."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.core.secrets import SERVICE
from tests.helpers.fake_provider import FakeProvider, Reply, tiny_png

from .conftest import MemoryKeyring

REPO = Path(__file__).resolve().parents[3]
KEY_VAR = "SWITCHBOARD_TEST_KEY"


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {"id": "c", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def cli(
    data_dir: Path, *args: str, key: str | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the real CLI as a user would, in its own process."""
    env = {k: v for k, v in os.environ.items() if k != KEY_VAR}
    env["PYTHONPATH"] = str(REPO)
    if key is not None:
        env[KEY_VAR] = key
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )


@pytest.fixture
def added(
    tmp_path: Path,
    fake_provider: FakeProvider,
    fake_key: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Path:
    """A data dir with provider "Fake" (key from $SWITCHBOARD_TEST_KEY, no retries), added
    in-process to save a process start; the tests then run the CLI as a subprocess."""
    fake_provider.require_key = fake_key
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    args = ["--data-dir", str(tmp_path), "provider", "add", "Fake", "--base-url"]
    code = main([*args, fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"])
    assert code == 0
    assert f"{fake_provider.base_url}/chat/completions" in capsys.readouterr().out
    return tmp_path


def test_provider_list_models_remove(
    added: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    other = cli(added, "provider", "add", "Other", "--base-url", fake_provider.url + "/v1/")
    assert other.returncode == 0, other.stderr
    assert f"{fake_provider.base_url}/chat/completions" in other.stdout
    assert cli(added, "provider", "remove", "Other").returncode == 0
    listed = cli(added, "provider", "list")
    assert "Fake" in listed.stdout and fake_provider.base_url in listed.stdout
    as_json = json.loads(cli(added, "provider", "list", "--json").stdout)
    assert as_json[0]["key_env"] == KEY_VAR and as_json[0]["max_retries"] == 0
    models = cli(added, "provider", "models", "Fake", key=fake_key)
    assert models.returncode == 0, models.stderr
    assert models.stdout.split() == ["fake-chat", "fake-image"]
    assert cli(added, "provider", "remove", "Fake").returncode == 0
    assert json.loads(cli(added, "provider", "list", "--json").stdout) == []
    assert fake_key not in (added / "providers.json").read_text()


def test_ask_streams_and_sends_the_options(
    added: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    result = cli(
        added,
        "ask",
        "-p",
        "Fake",
        "-m",
        "fake-chat",
        "-s",
        "Be brief.",
        "-o",
        "temperature=0.2",
        "-o",
        'stop=["\\n"]',
        "-o",
        "user=me",
        "-o",
        "seed=0",
        "Hello there",
        key=fake_key,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == fake_provider.default_text + "\n"
    body = fake_provider.bodies("/chat/completions")[0]
    assert body == {
        "model": "fake-chat",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hello there"},
        ],
        "temperature": 0.2,
        "stop": ["\n"],
        "user": "me",
        "seed": 0,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def test_ask_prompt_from_stdin_and_image(
    added: Path, fake_provider: FakeProvider, fake_key: str, tmp_path: Path
) -> None:
    picture = tmp_path / "pic.png"
    picture.write_bytes(tiny_png())
    result = cli(
        added,
        "ask",
        "-p",
        "Fake",
        "-m",
        "m",
        "--image",
        str(picture),
        "--no-stream",
        "-",
        key=fake_key,
        stdin="What is in the picture?\n",
    )
    assert result.returncode == 0, result.stderr
    content = fake_provider.bodies("/chat/completions")[0]["messages"][0]["content"]
    assert content[0] == {"type": "text", "text": "What is in the picture?\n"}
    assert content[1]["image_url"]["url"].startswith("data:image/png;base64,")


def test_ask_images_are_prepared_like_the_windows(
    added: Path, fake_provider: FakeProvider, fake_key: str, tmp_path: Path
) -> None:
    """--image: downscaled to the longest side, EXIF dropped, stored once; a non-image refused."""
    import base64
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    picture = QImage(3000, 1000, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert picture.save(buffer, "JPEG")
    jpeg = bytes(array.data())
    exif = b"Exif\x00\x00MM\x00\x2a" + struct.pack(">I", 8) + b"\x00\x00GPS 59.3N 18.0E"
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:])
    result = cli(added, "ask", "-p", "Fake", "-m", "m", "--image", str(photo),
                 "--max-image-side", "1500", "--no-stream", "What colour?", key=fake_key)
    assert result.returncode == 0, result.stderr
    part = fake_provider.bodies("/chat/completions")[0]["messages"][0]["content"][1]
    url = part["image_url"]["url"]
    assert url.startswith("data:image/jpeg;base64,")
    sent = base64.b64decode(url.split(",", 1)[1])
    assert b"GPS" not in sent
    shown = QImage()
    assert shown.loadFromData(sent)
    assert (shown.width(), shown.height()) == (1500, 500)
    stored = list((added / "attachments").rglob("*")) if (added / "attachments").exists() else []
    assert any(path.is_file() and path.read_bytes() == sent for path in stored)

    too_small = cli(added, "ask", "-p", "Fake", "-m", "m", "--image", str(photo),
                    "--max-image-side", "0", "hi", key=fake_key)
    assert too_small.returncode == 4
    assert "--max-image-side" in too_small.stderr and "256" in too_small.stderr
    assert len(fake_provider.bodies("/chat/completions")) == 1

    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    refused = cli(added, "ask", "-p", "Fake", "-m", "m", "--image", str(text), "hi", key=fake_key)
    assert refused.returncode == 4
    assert "notes.png cannot be attached" in refused.stderr
    assert len(fake_provider.bodies("/chat/completions")) == 1


def test_ask_reasoning_goes_to_stderr_or_json(
    added: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    events = [
        _chunk({"reasoning_content": "Thinking..."}),
        _chunk({"content": "Answer"}),
        _chunk({}, "stop"),
    ]
    fake_provider.script("/chat/completions", Reply.sse(events), Reply.sse(events))
    plain = cli(added, "ask", "-p", "Fake", "-m", "m", "q", key=fake_key)
    assert plain.stdout == "Answer\n"
    assert "Thinking..." in plain.stderr
    as_json = cli(added, "ask", "-p", "Fake", "-m", "m", "--json", "q", key=fake_key)
    reply = json.loads(as_json.stdout)
    assert reply["choices"][0]["text"] == "Answer"
    assert reply["choices"][0]["reasoning"] == "Thinking..."
    assert reply["choices"][0]["finish_reason"] == "stop"


def test_interrupted_stream_keeps_text_and_exits_19(
    added: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    fake_provider.script(
        "/chat/completions", Reply.sse([_chunk({"content": "Half an ans"})], done=False, drop=True)
    )
    result = cli(added, "ask", "-p", "Fake", "-m", "m", "q", key=fake_key)
    assert result.returncode == 19
    assert result.stdout.startswith("Half an ans")
    assert "interrupted" in result.stderr


def test_key_never_in_output_or_logs(
    added: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    fake_provider.script(
        "/chat/completions", Reply.error(401, f"Incorrect API key provided: {fake_key}")
    )
    result = cli(added, "--debug", "ask", "-p", "Fake", "-m", "m", "q", key=fake_key)
    assert result.returncode == 10
    assert "rejected the key (401)" in result.stderr
    ok = cli(added, "--debug", "ask", "-p", "Fake", "-m", "m", "--json", "q", key=fake_key)
    assert ok.returncode == 0
    logs = "".join(p.read_text() for p in (added / "logs").iterdir())
    assert "POST" in logs  # debug logging did happen
    for text in (result.stdout, result.stderr, ok.stdout, ok.stderr, logs):
        assert fake_key not in text


def test_image_command_writes_numbered_files(
    added: Path, fake_provider: FakeProvider, fake_key: str, tmp_path: Path
) -> None:
    out = tmp_path / "art" / "cat.png"
    result = cli(
        added,
        "image",
        "-p",
        "Fake",
        "-m",
        "fake-image",
        "--size",
        "1024*1024",
        "-n",
        "2",
        "a cat",
        "--out",
        str(out),
        key=fake_key,
    )
    assert result.returncode == 0, result.stderr
    files = [out.with_name("cat-1.png"), out.with_name("cat-2.png")]
    assert result.stdout.split() == [str(f) for f in files]
    assert all(f.read_bytes() == tiny_png() for f in files)
    assert fake_provider.bodies("/images/generations")[0] == {
        "model": "fake-image",
        "prompt": "a cat",
        "n": 2,
        "size": "1024x1024",
    }


# -- in process: the exit-code matrix and the keyring path -----------------------------------


@pytest.fixture
def inproc(
    tmp_path: Path,
    fake_provider: FakeProvider,
    fake_key: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Any:
    """Run `main([...])` in this process, with provider "Fake" added the same way;
    returns (exit code, stdout, stderr)."""
    monkeypatch.setenv(KEY_VAR, fake_key)
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)

    def invoke(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(["--data-dir", str(tmp_path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    add = ("provider", "add", "Fake", "--base-url", fake_provider.url, "--key-env", KEY_VAR)
    assert invoke(*add, "--max-retries", "0")[0] == 0
    return invoke


@pytest.mark.parametrize(
    ("reply", "code"),
    [
        (Reply.error(401, "bad key"), 10),
        (Reply.error(403, "insufficient balance"), 11),
        (Reply.error(404, "no such model"), 12),
        (Reply.error(400, "bad"), 13),
        (Reply.error(429, "slow"), 14),
        (Reply.error(400, "blocked", "content_filter"), 15),
        (Reply.text("oops", 502), 16),
        (Reply.text("<html>hello</html>", 200, "text/html"), 20),
    ],
)
@pytest.mark.parametrize("stream", [True, False])
def test_exit_code_per_error_class(
    inproc: Any, fake_provider: FakeProvider, reply: Reply, code: int, stream: bool
) -> None:
    fake_provider.script("/chat/completions", reply)
    args = ["ask", "-p", "Fake", "-m", "m", "q"] + ([] if stream else ["--no-stream"])
    exit_code, _out, err = inproc(*args)
    assert exit_code == code, err
    assert err.startswith("switchboard: ")


def test_configuration_and_validation_exit_codes(
    inproc: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert inproc("ask", "-p", "Nope", "-m", "m", "q")[0] == 3
    assert inproc("ask", "-p", "Fake", "-m", "m", "-o", "n=11", "q")[0] == 4
    assert inproc("ask", "-p", "Fake", "-m", "m", "-o", "oops", "q")[0] == 4
    assert inproc("image", "-p", "Fake", "-m", "m", "--size", "big", "x", "--out", "o.png")[0] == 4
    monkeypatch.delenv(KEY_VAR)
    code, _out, err = inproc("ask", "-p", "Fake", "-m", "m", "q")
    assert code == 3 and KEY_VAR in err


def test_connection_refused_exit_code(inproc: Any) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert (
        inproc(
            "provider",
            "add",
            "Dead",
            "--base-url",
            f"http://127.0.0.1:{port}",
            "--max-retries",
            "0",
        )[0]
        == 0
    )
    code, _out, err = inproc("ask", "-p", "Dead", "-m", "m", "q")
    assert code == 18 and "refused" in err


def test_key_stdin_goes_to_the_keyring_and_remove_deletes_it(
    inproc: Any, memory_keyring: MemoryKeyring, fake_provider: FakeProvider, fake_key: str
) -> None:
    code, _out, err = inproc(
        "provider",
        "add",
        "Kr",
        "--base-url",
        fake_provider.base_url,
        "--key-stdin",
        stdin=fake_key + "\n",
    )
    assert code == 0, err
    assert list(memory_keyring.items.values()) == [fake_key]
    assert [service for service, _item in memory_keyring.items] == [SERVICE]
    code, _out, err = inproc("ask", "-p", "Kr", "-m", "m", "q")
    assert code == 0, err
    assert fake_provider.requests[-1].headers["authorization"] == f"Bearer {fake_key}"
    assert inproc("provider", "remove", "Kr")[0] == 0
    assert memory_keyring.items == {}


def test_fake_provider_runs_as_a_separate_process(tmp_path: Path, fake_key: str) -> None:
    script = {
        "routes": {
            "/chat/completions": [
                {"sse": [_chunk({"content": "From "}), _chunk({"content": "a script"}, "stop")]},
                {
                    "status": 429,
                    "json": {"error": {"message": "slow"}},
                    "headers": {"Retry-After": "0"},
                },
            ]
        }
    }
    script_file = tmp_path / "script.json"
    script_file.write_text(json.dumps(script))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.helpers.fake_provider",
            "--port",
            "0",
            "--script",
            str(script_file),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        ready = server.stdout.readline().split()
        assert ready[0] == "READY"
        data = tmp_path / "data"
        base_url = ready[1]
        assert (
            cli(
                data, "provider", "add", "Proc", "--base-url", base_url, "--key-env", KEY_VAR
            ).returncode
            == 0
        )
        first = cli(data, "ask", "-p", "Proc", "-m", "m", "q", key=fake_key)
        assert first.stdout == "From a script\n"
        second = cli(data, "ask", "-p", "Proc", "-m", "m", "q", key=fake_key)
        assert second.returncode == 0  # the 429 was retried, then the default reply came
        assert second.stdout == "Hello from the fake provider.\n"
    finally:
        server.terminate()
        server.wait(timeout=10)
