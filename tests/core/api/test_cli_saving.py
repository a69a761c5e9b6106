"""`switchboard ask` saves each exchange in the history (issue #4), through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from tests.helpers.fake_provider import FakeProvider, Reply

REPO = Path(__file__).resolve().parents[3]
KEY_VAR = "SWITCHBOARD_TEST_SAVE_KEY"


def run(data: Path, *args: str, key: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), **{KEY_VAR: key})
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )


@pytest.fixture
def data(tmp_path: Path, fake_provider: FakeProvider, fake_key: str,
         monkeypatch: pytest.MonkeyPatch) -> Path:
    fake_provider.require_key = fake_key
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    code = main(["--data-dir", str(tmp_path), "provider", "add", "Fake", "--base-url",
                 fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"])
    assert code == 0
    return tmp_path


def conversations(data: Path, key: str) -> list[dict[str, Any]]:
    listed = run(data, "history", "list", "--json", key=key)
    assert listed.returncode == 0, listed.stderr
    result: list[dict[str, Any]] = json.loads(listed.stdout)
    return result


def shown(data: Path, conversation_id: int, key: str) -> dict[str, Any]:
    result = run(data, "history", "show", str(conversation_id), "--format", "json", key=key)
    assert result.returncode == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def texts(exported: dict[str, Any]) -> list[str]:
    """Message texts of an exported conversation, in tree order."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("role"), str) and "parts" in node:
                found.append("".join(p.get("text", "") for p in node["parts"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(exported)
    return found


def test_ask_saves_and_continues_a_conversation(
    data: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    fake_provider.default_text = "Paris is the capital."
    first = run(data, "ask", "-p", "Fake", "-m", "m", "-s", "Be terse.", "Capital of France?",
                key=fake_key)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "Paris is the capital."
    assert "saved in conversation" in first.stderr
    (listed,) = conversations(data, fake_key)
    conversation_id = int(listed["id"])
    fake_provider.default_text = "About 2.1 million."
    second = run(data, "ask", "-p", "Fake", "-m", "m", "-c", str(conversation_id),
                 "--json", "And its population?", key=fake_key)
    assert second.returncode == 0, second.stderr
    payload = json.loads(second.stdout)
    assert payload["conversation_id"] == conversation_id
    assert payload["choices"][0]["text"] == "About 2.1 million."
    sent = fake_provider.requests[-1].json["messages"]
    assert [m["role"] for m in sent] == ["system", "user", "assistant", "user"]
    assert sent[0]["content"] == "Be terse."  # the stored system prompt is reused
    assert texts(shown(data, conversation_id, fake_key)) == [
        "Capital of France?", "Paris is the capital.", "And its population?",
        "About 2.1 million."]
    assert len(conversations(data, fake_key)) == 1


def test_no_save_keeps_nothing_and_no_stream_is_saved(
    data: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    unsaved = run(data, "ask", "-p", "Fake", "-m", "m", "--no-save", "hello", key=fake_key)
    assert unsaved.returncode == 0, unsaved.stderr
    assert conversations(data, fake_key) == []
    whole = run(data, "ask", "-p", "Fake", "-m", "m", "--no-stream", "hello", key=fake_key)
    assert whole.returncode == 0, whole.stderr
    assert fake_provider.requests[-1].json.get("stream") in (None, False)
    assert len(conversations(data, fake_key)) == 1


def test_failed_exchange_is_saved_with_its_error(
    data: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    fake_provider.script("/chat/completions", Reply.error(403, "Insufficient balance"))
    failed = run(data, "ask", "-p", "Fake", "-m", "m", "question", key=fake_key)
    assert failed.returncode == 11, failed.stderr
    assert "Insufficient balance" in failed.stderr
    (listed,) = conversations(data, fake_key)
    exported = json.dumps(shown(data, int(listed["id"]), fake_key))
    assert "question" in exported and "Insufficient balance" in exported


def test_unknown_conversation_and_unknown_provider(data: Path, fake_key: str) -> None:
    missing = run(data, "ask", "-p", "Fake", "-m", "m", "-c", "999", "hi", key=fake_key)
    assert missing.returncode == 30 and "999" in missing.stderr
    nobody = run(data, "ask", "-p", "Nobody", "-m", "m", "hi", key=fake_key)
    assert nobody.returncode == 3
    assert conversations(data, fake_key) == []  # no empty conversation is left behind


def test_saved_json_reply_has_the_refusal_and_citations(
    data: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    from tests.helpers.reply_fields import REFUSAL, TOUR_URL, chat_cited, chat_refusal

    fake_provider.script("/chat/completions", chat_refusal(stream=True, text="Partly."),
                         chat_cited(stream=True))
    refused = run(data, "ask", "-p", "Fake", "-m", "m", "--json", "Q?", key=fake_key)
    assert refused.returncode == 0, refused.stderr
    assert json.loads(refused.stdout)["choices"][0]["refusal"] == REFUSAL
    cited = run(data, "ask", "-p", "Fake", "-m", "m", "--json", "Q?", key=fake_key)
    assert cited.returncode == 0, cited.stderr
    (first, _second) = json.loads(cited.stdout)["choices"][0]["citations"]
    assert first["url"] == TOUR_URL
    exported = shown(data, json.loads(cited.stdout)["conversation_id"], fake_key)
    reply = exported["conversations"][0]["messages"][-1]
    assert reply["citations"][0]["url"] == TOUR_URL
    assert reply["usage"]["details"]["prompt_tokens_details"]["cached_tokens"] == 1024
