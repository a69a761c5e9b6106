"""Streamed replies are checkpointed off the caller's thread and survive SIGKILL."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.reply_parts import Usage
from desktop.core.store import MessageStatus, Role, Store, checkpoint
from desktop.core.store.backup import quick_check
from desktop.core.store.database import connect


def _stored_text(store: Store, message_id: int) -> str:
    return store.get_message(message_id).text


def test_append_is_written_periodically_and_on_finish(store: Store) -> None:
    conv = store.create_conversation()
    store.append_message(conv.id, Role.USER, "q")
    reply = store.begin_reply(conv.id, model="m")
    with store.checkpointer(reply.id, interval=0.05) as cp:
        cp.append("Hel", "think ")
        cp.append("lo")
        deadline = time.monotonic() + 5
        while _stored_text(store, reply.id) != "Hello" and time.monotonic() < deadline:
            time.sleep(0.01)
        mid = store.get_message(reply.id)
        assert (mid.text, mid.reasoning, mid.status) == ("Hello", "think ", "streaming")
        assert store.search("hello").hits == ()  # indexed only once finished
        cp.append(" world")
        cp.finish(usage=Usage(5, 2), finish_reason="stop", ttft_ms=80.0, tokens_per_second=12.5)
    done = store.get_message(reply.id)
    assert (done.text, done.status, done.finish_reason) == ("Hello world", "complete", "stop")
    assert (done.ttft_ms, done.tokens_per_second) == (80.0, 12.5)
    assert store.get_conversation(conv.id).completion_tokens == 2
    assert [h.conversation_id for h in store.search("world").hits] == [conv.id]
    assert cp.finished and cp.write_seconds


def test_later_checkpoints_write_only_what_arrived_since(store: Store) -> None:
    """The first save fills the row; later ones add chunks; reads and the finish fold them."""
    conv = store.create_conversation()
    store.append_message(conv.id, Role.USER, "q")
    reply = store.begin_reply(conv.id, model="m")
    raw = connect(store.path, read_only=True)

    def on_disk() -> tuple[str, list[tuple[int, str, str]]]:
        row = raw.execute("SELECT text FROM messages WHERE id = ?", (reply.id,)).fetchone()
        chunks = raw.execute("SELECT seq, text, reasoning FROM stream_chunks "
                             "WHERE message_id = ? ORDER BY seq", (reply.id,)).fetchall()
        return row[0], [tuple(c) for c in chunks]

    def wait_for_saves(count: int) -> None:
        deadline = time.monotonic() + 5
        while len(cp.write_seconds) < count and time.monotonic() < deadline:
            time.sleep(0.005)
        assert len(cp.write_seconds) >= count

    with store.checkpointer(reply.id, interval=0.02) as cp:
        cp.append("alpha ", "why ")
        wait_for_saves(1)
        cp.append("beta ")
        wait_for_saves(2)
        cp.append("gamma", "so")
        wait_for_saves(3)
        row_text, chunks = on_disk()
        assert row_text == "alpha "  # never rewritten after the first save
        assert [c[1:] for c in chunks] == [("beta ", ""), ("gamma", "so")]
        assert [c[0] for c in chunks] == [1, 2]
        streaming = store.get_message(reply.id)
        assert (streaming.text, streaming.reasoning) == ("alpha beta gamma", "why so")
        assert store.active_path(conv.id)[-1].text == "alpha beta gamma"
        assert store.messages(conv.id)[-1].reasoning == "why so"
        cp.finish(MessageStatus.COMPLETE, finish_reason="stop")
    assert on_disk() == ("alpha beta gamma", [])
    assert store.get_message(reply.id).reasoning == "why so"
    assert store.search("gamma").hits
    raw.close()


def test_deleting_a_streaming_reply_drops_its_chunks(store: Store) -> None:
    conv = store.create_conversation()
    store.append_message(conv.id, Role.USER, "q")
    reply = store.begin_reply(conv.id)
    cp = store.checkpointer(reply.id, interval=0.02)
    cp.append("one ")
    deadline = time.monotonic() + 5
    while len(cp.write_seconds) < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    cp.append("two")
    while len(cp.write_seconds) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    store.delete_conversation(conv.id)  # while it streams: its chunks go with it
    assert store._conn.execute("SELECT count(*) FROM stream_chunks").fetchone()[0] == 0
    cp.append(" three")  # a save after the delete finds no message: it stops quietly
    time.sleep(0.1)
    cp.finish(MessageStatus.INTERRUPTED)
    assert cp.error is None
    assert store._conn.execute("SELECT count(*) FROM stream_chunks").fetchone()[0] == 0


def test_leaving_the_block_without_finish_marks_interrupted(store: Store) -> None:
    conv = store.create_conversation()
    reply = store.begin_reply(conv.id)
    with pytest.raises(RuntimeError), store.checkpointer(reply.id) as cp:
        cp.append("partial")
        raise RuntimeError("network dropped")
    cp.wait()
    got = store.get_message(reply.id)
    assert (got.text, got.status, got.error) == ("partial", "interrupted", "network dropped")


def test_error_status_keeps_the_text(store: Store) -> None:
    conv = store.create_conversation()
    reply = store.begin_reply(conv.id)
    cp = store.checkpointer(reply.id)
    cp.append("so far")
    cp.finish(MessageStatus.ERROR, error="RateLimitError: 429")
    got = store.get_message(reply.id)
    assert (got.text, got.status, got.error) == ("so far", "error", "RateLimitError: 429")


_CHILD = r"""
import sys, time
from desktop.core.store import Store, Role
store = Store.open(sys.argv[1])
conv = store.create_conversation("crash test")
store.append_message(conv.id, Role.USER, "tell me a long story")
reply = store.begin_reply(conv.id)
print("reply", reply.id, flush=True)
cp = store.checkpointer(reply.id, interval=0.5)
i = 0
while True:
    cp.append(f"w{i} ")
    i += 1
    print("sent", i, flush=True)
    time.sleep(0.01)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_stream_loses_at_most_the_last_second(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(data.root)],
        stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    header = child.stdout.readline().split()
    assert header[0] == "reply", header
    reply_id = int(header[1])
    sent: list[tuple[float, int]] = []
    started = time.monotonic()
    while time.monotonic() - started < 2.3:
        line = child.stdout.readline()
        assert line, "child exited early"
        sent.append((time.monotonic(), int(line.split()[1])))
    os.kill(child.pid, signal.SIGKILL)
    killed_at = time.monotonic()
    child.wait(10)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    # Everything the child had sent more than a second before the kill must be stored.
    must_have = max((n for t, n in sent if t <= killed_at - 1.0), default=0)
    assert must_have > 20

    raw = connect(data.database)
    assert quick_check(raw) == "ok"
    raw.close()
    with Store.open(data) as store:
        assert store.recovered_messages == (reply_id,)
        reply = store.get_message(reply_id)
        assert reply.status is MessageStatus.INTERRUPTED
        words = reply.text.split()
        assert words == [f"w{i}" for i in range(len(words))]  # a clean prefix, in order
        assert len(words) >= must_have
        assert store.search("w1").hits  # indexed once it became interrupted
        assert store.quick_check() == "ok"


def test_open_from_another_process_leaves_a_live_stream_alone(store: Store) -> None:
    conv = store.create_conversation()
    reply = store.begin_reply(conv.id)
    cp = store.checkpointer(reply.id, interval=0.05)
    cp.append("still coming")
    deadline = time.monotonic() + 5
    while _stored_text(store, reply.id) != "still coming" and time.monotonic() < deadline:
        time.sleep(0.01)
    with Store.open(store.data_dir) as second:  # e.g. `switchboard history list` meanwhile
        assert second.recovered_messages == ()
        assert second.get_message(reply.id).status is MessageStatus.STREAMING
    cp.finish()
    with Store.open(store.data_dir) as third:
        assert third.recovered_messages == ()
    assert store.get_message(reply.id).status is MessageStatus.COMPLETE


class _FlakyConnection:
    """A real connection whose first `failures` writes fail, as a briefly full disk would."""

    def __init__(self, conn: sqlite3.Connection, failures: int) -> None:
        self._conn = conn
        self.failures = failures

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if self.failures and sql.lstrip().upper().startswith(("UPDATE", "INSERT")):
            self.failures -= 1
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


@pytest.mark.parametrize("interval", [0.01, 60.0])
@pytest.mark.parametrize("failures", [1, 3])
def test_a_failing_write_never_discards_the_text(
    store: Store, monkeypatch: pytest.MonkeyPatch, failures: int, interval: float
) -> None:
    """The first `failures` writes fail (checkpoints with a short interval, else the final
    write itself); the whole text is still saved."""
    flaky: list[_FlakyConnection] = []

    def flaky_connect(path: Path) -> _FlakyConnection:
        flaky.append(_FlakyConnection(connect(path), failures))
        return flaky[-1]

    monkeypatch.setattr(checkpoint, "connect", flaky_connect)
    conv = store.create_conversation()
    reply = store.begin_reply(conv.id)
    cp = store.checkpointer(reply.id, interval=interval)
    cp.append("first ")
    if interval < 1:
        time.sleep(0.05)  # some checkpoint ticks, failing
    cp.append("second")
    cp.finish(usage=Usage(3, 4), finish_reason="stop")
    got = store.get_message(reply.id)
    assert (got.text, got.status) == ("first second", "complete")
    assert got.usage is not None and got.usage.completion_tokens == 4
    assert flaky[0].failures == 0


def test_values_sqlite_refuses_do_not_cost_the_text(store: Store) -> None:
    """A lone surrogate and a count above 2^63 used to kill the writer: the row stayed empty."""
    conv = store.create_conversation()
    reply = store.begin_reply(conv.id)
    cp = store.checkpointer(reply.id, interval=0.01)
    cp.append("emoji \ud83d cut", "why \udc00")
    cp.finish(usage=Usage(2**64, 5), finish_reason="stop", tool_calls=None)
    got = store.get_message(reply.id)
    assert (got.text, got.reasoning) == ("emoji \ufffd cut", "why \ufffd")
    assert got.status == "complete"
    assert got.usage is not None and got.usage.completion_tokens == 5
