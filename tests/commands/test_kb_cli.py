"""`switchboard kb …` and `ask --kb` end to end: the real CLI in a child process, the fake
provider's deterministic embeddings, a real data directory."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from tests.helpers.fake_embeddings import FakeEmbeddings
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.pty_run import run_in_terminal

__all__ = ["fake_provider"]
REPO = Path(__file__).resolve().parents[2]
KEY_VAR = "SWITCHBOARD_TEST_KB_CLI_KEY"
MODEL = "fake-embed-128"


@pytest.fixture
def key() -> str:
    return "sk-test-" + secrets.token_hex(8)


def _env(key: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO), **{KEY_VAR: key})


def cli(data: Path, *args: str, key: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=_env(key), cwd=REPO, timeout=120)


@pytest.fixture
def data(tmp_path: Path, fake_provider: FakeProvider, key: str,
         monkeypatch: pytest.MonkeyPatch) -> Path:
    fake_provider.require_key = key
    fake_provider.embeddings = FakeEmbeddings()
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "provider", "add", "Fake", "--base-url",
                 fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"]) == 0
    return folder


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "kettle.md").write_text("The kettle boils water in ninety seconds.", "utf-8")
    (docs / "lamp.txt").write_text("The desk lamp uses a warm LED bulb.", "utf-8")
    (docs / "evil\x1b]0;pwned\x07.md").write_text(
        "Terminal trick \u009b2J and \u202e inside a passage.", "utf-8")
    return docs


def _listed(data: Path, key: str) -> list[dict[str, Any]]:
    listed = cli(data, "kb", "list", "--json", key=key)
    assert listed.returncode == 0, listed.stderr
    result: list[dict[str, Any]] = json.loads(listed.stdout)
    return result


def test_create_add_search_ask_and_remove(data: Path, tmp_path: Path, key: str,
                                          fake_provider: FakeProvider) -> None:
    docs = _docs(tmp_path)
    made = cli(data, "kb", "create", "home", "--provider", "Fake", "--model", MODEL,
               "--chunk-size", "200", "--overlap", "20", key=key)
    assert made.returncode == 0, made.stderr
    assert cli(data, "kb", "create", "home", "--provider", "Fake", "--model", MODEL,
               key=key).returncode == 35
    assert cli(data, "kb", "create", "x", "--provider", "Nope", "--model", MODEL,
               key=key).returncode == 3
    added = cli(data, "kb", "add", "home", str(docs), key=key)
    assert added.returncode == 0, added.stderr
    assert "3 files read" in added.stderr and "3 chunks searchable" in added.stderr
    (info,) = _listed(data, key)
    assert (info["name"], info["chunks"], info["dimension"], info["chunk_size"]) == (
        "home", 3, 128, 200)
    found = cli(data, "kb", "search", "home", "how fast does the kettle boil water", "-k", "1",
                "--json", key=key)
    assert found.returncode == 0, found.stderr
    (hit,) = json.loads(found.stdout)
    assert hit["path"] == str(docs / "kettle.md") and hit["kb"] == "home"
    assert cli(data, "kb", "search", "nothing", "q", key=key).returncode == 30

    asked = cli(data, "ask", "-p", "Fake", "-m", "chat", "--kb", "home",
                "What bulb does the desk lamp use?", key=key)
    assert asked.returncode == 0, asked.stderr
    sent = fake_provider.bodies("/chat/completions")[-1]["messages"][-1]["content"]
    assert "[1] lamp.txt (knowledge base: home)" in sent
    assert "switchboard: sources:" in asked.stderr and "lamp.txt" in asked.stderr
    unsaved = cli(data, "ask", "-p", "Fake", "-m", "chat", "--kb", "home", "--no-save",
                  "--json", "kettle boils water", key=key)
    assert unsaved.returncode == 0, unsaved.stderr
    sent = fake_provider.bodies("/chat/completions")[-1]["messages"][-1]["content"]
    assert "[1] kettle.md" in sent
    assert cli(data, "ask", "-p", "Fake", "-m", "chat", "--kb", "nope", "q",
               key=key).returncode == 30

    assert cli(data, "kb", "remove", "home", str(docs / "lamp.txt"), key=key).returncode == 0
    assert _listed(data, key)[0]["files"] == 2
    (docs / "kettle.md").write_text("The kettle now whistles loudly.", "utf-8")
    os.utime(docs / "kettle.md", ns=(5, 5))
    refreshed = cli(data, "kb", "refresh", "home", key=key)
    assert refreshed.returncode == 0 and "1 files read" in refreshed.stderr
    assert cli(data, "kb", "remove", "home", key=key).returncode == 0
    assert _listed(data, key) == []


def test_terminal_output_is_escaped(data: Path, tmp_path: Path, key: str) -> None:
    docs = _docs(tmp_path)
    assert cli(data, "kb", "create", "t", "--provider", "Fake", "--model", MODEL,
               key=key).returncode == 0
    assert cli(data, "kb", "add", "t", str(docs), key=key).returncode == 0
    shown = run_in_terminal(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "kb", "search", "t",
         "terminal trick", "-k", "1"], env=_env(key), cwd=str(REPO))
    assert shown.returncode == 0
    assert b"\x1b]0;pwned" not in shown.output and b"\\x1b]0;pwned" in shown.output
    assert "\u009b".encode() not in shown.output and b"\\x9b2J" in shown.output
    assert b"\\u202e" in shown.output


def test_an_embedding_error_exits_with_its_code_and_refresh_resumes(
        data: Path, tmp_path: Path, key: str, fake_provider: FakeProvider) -> None:
    docs = _docs(tmp_path)
    assert fake_provider.embeddings is not None
    assert cli(data, "kb", "create", "r", "--provider", "Fake", "--model", MODEL,
               key=key).returncode == 0
    fake_provider.embeddings.fail_request(2, 401)
    failed = cli(data, "kb", "add", "r", str(docs), "--batch-size", "1", key=key)
    assert failed.returncode == 10, failed.stderr
    assert "2 chunks wait" in failed.stderr
    assert _listed(data, key)[0]["chunks"] == 1
    resumed = cli(data, "kb", "refresh", "r", key=key)
    assert resumed.returncode == 0, resumed.stderr
    assert _listed(data, key)[0]["chunks"] == 3


def _ctrl_c_default() -> None:
    """In the child: Ctrl+C as in a terminal, even when the tests run in a background job
    (which inherits SIGINT ignored, and Python then installs no handler for it)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_indexing_and_keeps_the_work(data: Path, tmp_path: Path, key: str,
                                                  fake_provider: FakeProvider) -> None:
    docs = tmp_path / "many"
    docs.mkdir()
    for n in range(30):
        (docs / f"note{n}.md").write_text(f"note {n} about subject{n}", "utf-8")
    assert fake_provider.embeddings is not None
    fake_provider.embeddings.delay = 0.1
    assert cli(data, "kb", "create", "c", "--provider", "Fake", "--model", MODEL,
               key=key).returncode == 0
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "kb", "add", "c", str(docs),
         "--batch-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=_env(key), cwd=REPO, preexec_fn=_ctrl_c_default)
    deadline = time.monotonic() + 60
    while fake_provider.embeddings.requests < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGINT)
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert "indexing stopped" in err and "Traceback" not in err
    (info,) = _listed(data, key)
    assert 2 <= info["chunks"] < 30 and info["chunks"] + info["waiting_chunks"] == 30
    fake_provider.embeddings.delay = 0.0
    assert cli(data, "kb", "refresh", "c", key=key).returncode == 0
    assert _listed(data, key)[0]["chunks"] == 30
