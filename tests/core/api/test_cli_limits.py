"""`switchboard ask` against a gzip bomb (issue 12, class 1): a clear error and a non-zero
exit code, and the text that came before the bomb saved as an interrupted reply."""

from __future__ import annotations

import json
from pathlib import Path

from tests.core.api.test_cli_saving import conversations, data, run, shown, texts
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.hostile_replies import MIB, sse_bomb

__all__ = ["data"]


def test_ask_against_a_gzip_bomb_fails_clearly_and_keeps_the_partial_reply(
    data: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    fake_provider.script("/chat/completions", sse_bomb(["Hello ", "partial"], 256 * MIB))
    result = run(data, "ask", "-p", "Fake", "-m", "m", "Say hello", key=fake_key)
    assert result.returncode == 19, result.stderr  # the reply was interrupted
    assert "larger than the limit" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("Hello partial")
    listed = conversations(data, fake_key)
    exported = shown(data, listed[0]["id"], fake_key)
    assert "Hello partial" in texts(exported)
    assert '"interrupted"' in json.dumps(exported)
