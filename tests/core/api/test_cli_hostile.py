"""`ask`, `history` and `search` against hostile text: relay quirks never cost the reply, and
escape sequences from a model or a title never reach the user's terminal (issue 12, 3 and 12)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from desktop.core.store import Role, Store
from tests.helpers.fake_provider import FakeProvider, Reply
from tests.helpers.pty_run import run_in_terminal

from .test_cli import KEY_VAR, REPO, added, cli

__all__ = ["added"]  # the fixture, imported for its use below

ESCAPES = "\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b]0;pwned\x07\x9b31m\u202e"
"""OSC 52 clipboard write, clear screen, window title, a C1 CSI and a bidi override."""


def _chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"id": "c", "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}


def _quirky_stream() -> Reply:
    """What relays were seen sending: split and lone surrogates, a count above 2^63, deep JSON."""
    deep = "[" * 5000 + "]" * 5000
    return Reply.sse([
        _chunk({"content": "Hi " + ESCAPES}),
        _chunk({"content": " \ud83d"}),  # json.dumps escapes it: \ud83d, as a relay does
        _chunk({"content": "\ude00 lone \udc00"}),
        _chunk({}, usage={"prompt_tokens": 2**64, "completion_tokens": 3}),
        '{"id": "c", "x": ' + deep + "}",
        _chunk({"content": " end"}, finish="stop"),
    ])


EXPECTED = "Hi " + ESCAPES + " \U0001f600 lone \ufffd end"


def _terminal(data_dir: Path, *args: str, key: str | None = None) -> tuple[int, bytes]:
    env = {k: v for k, v in os.environ.items() if k != KEY_VAR}
    env["PYTHONPATH"] = str(REPO)
    if key is not None:
        env[KEY_VAR] = key
    run = run_in_terminal(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        env=env, cwd=str(REPO),
    )
    return run.returncode, run.output


def _assert_inert(output: bytes) -> None:
    assert b"\x1b" not in output and b"\x07" not in output
    assert "\x9b".encode() not in output and "\u202e".encode() not in output
    assert b"\\x1b]52;c;cHduZWQ=" in output  # shown, not acted on


def test_ask_in_a_terminal_keeps_the_whole_reply_and_no_escape(
    added: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    fake_provider.script("/chat/completions", _quirky_stream())
    code, output = _terminal(added, "ask", "-p", "Fake", "-m", "m", "hi", key=fake_key)
    assert code == 0, output
    _assert_inert(output)
    assert "\U0001f600 lone \ufffd end".encode() in output
    assert b"Traceback" not in output
    shown = cli(added, "history", "show", "1", "--format", "json")
    assert shown.returncode == 0, shown.stderr
    [conversation] = json.loads(shown.stdout)["conversations"]
    reply = conversation["messages"][-1]
    assert (reply["parts"], reply["status"]) == ([{"type": "text", "text": EXPECTED}], "complete")


def test_ask_unsaved_and_raw(added: Path, fake_provider: FakeProvider, fake_key: str) -> None:
    fake_provider.script("/chat/completions", _quirky_stream(), _quirky_stream(), _quirky_stream())
    code, output = _terminal(added, "ask", "--no-save", "-p", "Fake", "-m", "m", "hi",
                             key=fake_key)
    assert code == 0, output
    _assert_inert(output)
    code, output = _terminal(added, "ask", "--raw", "--no-save", "-p", "Fake", "-m", "m", "hi",
                             key=fake_key)
    assert code == 0 and ESCAPES.encode() in output
    piped = cli(added, "ask", "--no-save", "-p", "Fake", "-m", "m", "hi", key=fake_key)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == EXPECTED + "\n"  # a pipe gets the text as it came


def test_history_and_search_in_a_terminal(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        conversation = store.create_conversation("Title " + ESCAPES)
        store.append_message(conversation.id, Role.USER, "tomato " + ESCAPES)
        store.append_message(conversation.id, Role.ASSISTANT, "reply " + ESCAPES)
    for args in (
        ("history", "list"), ("history", "show", "1"), ("history", "show", "1", "--tree"),
        ("search", "tomato"), ("history", "list", "--json"),
        ("history", "show", "1", "--format", "json"), ("search", "tomato", "--json"),
    ):
        code, output = _terminal(tmp_path, *args)
        assert code == 0, (args, output)
        assert b"\x1b" not in output.replace(b"\x1b[1m", b"").replace(b"\x1b[0m", b""), args
        assert "\u202e".encode() not in output and b"Traceback" not in output, args
    code, output = _terminal(tmp_path, "history", "show", "1", "--raw")
    assert code == 0 and ESCAPES.encode() in output
    piped = cli(tmp_path, "history", "list")
    assert piped.returncode == 0 and ESCAPES in piped.stdout
