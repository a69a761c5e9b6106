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


def test_ask_follows_the_limits_in_the_settings(
    data: Path, fake_provider: FakeProvider, fake_key: str
) -> None:
    """`limits.sse_line_mb` set to 1: a 2 MB event is refused, one under 1 MB goes through."""
    from desktop.core.settings import Settings
    from tests.helpers.fake_provider import Reply

    Settings(data / "settings.json").set("limits.sse_line_mb", 1)

    def reply_of(size: int) -> Reply:
        chunk = {"choices": [{"index": 0, "delta": {"content": "x" * size}}]}
        return Reply.sse([chunk])

    fake_provider.script("/chat/completions", reply_of(2 * MIB), reply_of(MIB // 2))
    refused = run(data, "ask", "-p", "Fake", "-m", "m", "big", key=fake_key)
    assert refused.returncode == 19, refused.stderr
    assert "larger than the limit" in refused.stderr and "1 MB" in refused.stderr
    accepted = run(data, "ask", "-p", "Fake", "-m", "m", "smaller", key=fake_key)
    assert accepted.returncode == 0, accepted.stderr
