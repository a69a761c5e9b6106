"""Write a streamed reply to the database every ~0.5 s on a background thread.

The stream consumer calls `append()` for each delta; that only appends to a list in memory,
so the UI thread never waits on the disk. A writer thread with its own connection saves the
text so far every `interval` seconds and writes the final state on `finish()`. The first save
writes the text into the message row; later ones insert only what arrived since into
`stream_chunks` (so a save costs the same at the end of a long reply as at its start), and
the final write folds everything into the row. If the process
dies, the next `Store.open` marks the still-`streaming` reply `interrupted`, with everything
up to the last checkpoint (at most ~`interval` seconds of text is lost).

A failed save never discards the text: a checkpoint that fails is retried at the next tick, and
the final write is tried `FINAL_ATTEMPTS` times, from the second attempt on with every value made
storable (lone surrogates replaced, token counts SQLite cannot hold dropped).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

from desktop.core.reply_parts import Citation, ToolCall, Usage
from desktop.core.safe_text import without_lone_surrogates
from desktop.core.store.changes import StoreChanges
from desktop.core.store.database import connect, transaction
from desktop.core.store.errors import StoreError
from desktop.core.store.message_rows import finish_message
from desktop.core.store.models import MessageStatus
from desktop.core.store.stream_lock import SharedStreamingLock

log = logging.getLogger(__name__)

FINAL_ATTEMPTS = 4
"""How often the final write is tried before the reply is given up as unsaved."""
_MAX_INTEGER = 2**63 - 1
# What a write can fail with besides sqlite3.Error: UnicodeEncodeError (a ValueError) for a
# lone surrogate, OverflowError for an integer SQLite cannot hold.
_WRITE_ERRORS = (sqlite3.Error, ValueError, OverflowError)


@dataclass(frozen=True, slots=True)
class _Final:
    status: MessageStatus
    tool_calls: Sequence[ToolCall] | None
    model: str | None
    usage: Usage | None
    ttft_ms: float | None
    tokens_per_second: float | None
    finish_reason: str | None
    error: str | None
    citations: Sequence[Citation] | None = None

    def storable(self) -> _Final:
        """The same final state with every value SQLite accepts."""
        return replace(
            self,
            tool_calls=None if self.tool_calls is None else [
                ToolCall(*(without_lone_surrogates(v) for v in (c.id, c.name, c.arguments)))
                for c in self.tool_calls
            ],
            model=_clean(self.model),
            usage=None if self.usage is None else _storable_usage(self.usage),
            finish_reason=_clean(self.finish_reason),
            error=_clean(self.error),
        )


def _storable_usage(usage: Usage) -> Usage:
    counts = {f.name: _count(getattr(usage, f.name)) for f in fields(Usage) if f.name != "raw"}
    return Usage(**counts, raw=_clean(usage.raw))


def _clean(text: str | None) -> str | None:
    return None if text is None else without_lone_surrogates(text)


def _count(value: int | None) -> int | None:
    return value if value is not None and 0 <= value <= _MAX_INTEGER else None


class StreamCheckpointer:
    """Accumulates one streamed reply and saves it periodically from its own thread.

    Use as a context manager: leaving the block without `finish()` (e.g. on an exception)
    finishes the reply as `interrupted`, so it is never left `streaming`.
    """

    def __init__(
        self,
        database: Path,
        message_id: int,
        *,
        interval: float = 0.5,
        on_finished: Callable[[StoreChanges], None] | None = None,
    ) -> None:
        """`on_finished(changes)` runs on the writer thread after the final write commits."""
        self.message_id = message_id
        self._on_finished = on_finished
        self.interval = interval
        self.write_seconds: list[float] = []
        """Duration of every write so far (the benchmark reads it)."""
        self.error: BaseException | None = None
        self._database = database
        self._text: list[str] = []
        self._reasoning: list[str] = []
        self._refusal: list[str] | None = None  # None: the model has not refused
        self._refusal_saved = 0  # length of the refusal already on disk
        self._lock = threading.Lock()
        self._dirty = False
        self._final: _Final | None = None
        self._wake = threading.Event()
        self._done = threading.Event()
        self._saved: tuple[int, int] | None = None  # text, reasoning lengths already on disk
        self._seq = 0
        self._thread = threading.Thread(
            target=self._run, name=f"checkpoint-{message_id}", daemon=True
        )
        self._thread.start()

    def append(self, text: str = "", reasoning: str = "") -> None:
        """Add a delta of reply text and/or reasoning; cheap, never touches the disk."""
        if not text and not reasoning:
            return
        with self._lock:
            if text:
                self._text.append(text)
            if reasoning:
                self._reasoning.append(reasoning)
            self._dirty = True

    def append_refusal(self, text: str) -> None:
        """Add refusal text ('' marks a refusal without text); saved with the checkpoints."""
        with self._lock:
            if self._refusal is None:
                self._refusal = []
            if text:
                self._refusal.append(text)
            self._dirty = True

    @property
    def refusal(self) -> str | None:
        with self._lock:
            return None if self._refusal is None else "".join(self._refusal)

    @property
    def text(self) -> str:
        with self._lock:
            return "".join(self._text)

    @property
    def reasoning(self) -> str:
        with self._lock:
            return "".join(self._reasoning)

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def finish(
        self,
        status: MessageStatus = MessageStatus.COMPLETE,
        *,
        tool_calls: Sequence[ToolCall] | None = None,
        model: str | None = None,
        usage: Usage | None = None,
        ttft_ms: float | None = None,
        tokens_per_second: float | None = None,
        finish_reason: str | None = None,
        error: str | None = None,
        citations: Sequence[Citation] | None = None,
        wait: bool = True,
        timeout: float = 30.0,
    ) -> None:
        """Write the final text and state and stop the writer.

        With `wait=False` this returns at once (the UI thread's choice); otherwise it blocks
        until the write is done and raises StoreError if it failed.
        """
        with self._lock:
            if self._final is None:
                self._final = _Final(
                    status, tool_calls, model, usage, ttft_ms, tokens_per_second,
                    finish_reason, error, citations,
                )
        self._wake.set()
        if wait:
            self.wait(timeout)

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the final write is done; raise StoreError if it failed."""
        if not self._done.wait(timeout):
            raise StoreError(f"saving reply {self.message_id} did not finish in {timeout:.0f} s")
        if self.error is not None:
            raise StoreError(f"could not save reply {self.message_id}: {self.error}")

    def __enter__(self) -> StreamCheckpointer:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if self._final is None:
            self.finish(
                MessageStatus.INTERRUPTED, error=str(exc) if exc else None, wait=exc is None
            )

    # ---------------------------------------------------------------- writer thread

    def _snapshot(self) -> tuple[str, str, _Final | None, bool]:
        with self._lock:
            dirty, self._dirty = self._dirty, False
            return "".join(self._text), "".join(self._reasoning), self._final, dirty

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        lock: SharedStreamingLock | None = None
        try:
            try:
                lock = SharedStreamingLock(self._database)
            except OSError as exc:  # saving matters more than the lock's courtesy to others
                log.warning("no streaming lock for reply %s: %s", self.message_id, exc)
            conn = connect(self._database)
            conn.execute("PRAGMA synchronous = NORMAL")
            # Leave WAL checkpoints (copying pages back, with an fsync) to the Store's own
            # connection, so a reply's write never pays for one.
            conn.execute("PRAGMA wal_autocheckpoint = 0")
            while True:
                self._wake.wait(self.interval)
                self._wake.clear()
                text, reasoning, final, dirty = self._snapshot()
                if final is not None:
                    self._write_final_retrying(conn, text, reasoning, final)
                    return
                if dirty:
                    self._write_checkpoint(conn, text, reasoning)
                    self._write_refusal(conn)
        except BaseException as exc:
            self.error = exc
            log.error("saving streamed reply %s failed: %s", self.message_id, exc)
        finally:
            if conn is not None:
                conn.close()
            if lock is not None:
                lock.release()
            self._done.set()

    def _write_checkpoint(self, conn: sqlite3.Connection, text: str, reasoning: str) -> None:
        started = time.perf_counter()
        try:
            if self._saved is None:  # the first save: the row gets the text so far
                conn.execute(
                    "UPDATE messages SET text = ?, reasoning = ? WHERE id = ?",
                    (without_lone_surrogates(text), without_lone_surrogates(reasoning),
                     self.message_id),
                )
            else:  # then only what arrived since the previous save
                saved_text, saved_reasoning = self._saved
                conn.execute(
                    "INSERT INTO stream_chunks (message_id, seq, text, reasoning) "
                    "VALUES (?, ?, ?, ?)",
                    (self.message_id, self._seq + 1,
                     without_lone_surrogates(text[saved_text:]),
                     without_lone_surrogates(reasoning[saved_reasoning:])),
                )
                self._seq += 1
        except sqlite3.IntegrityError:  # the message was deleted meanwhile: nothing to save
            self._saved = (len(text), len(reasoning))
            return
        except _WRITE_ERRORS as exc:  # a busy or full disk: keep the text, try again next tick
            log.warning("checkpoint of reply %s failed: %s", self.message_id, exc)
            with self._lock:
                self._dirty = True
            return
        self._saved = (len(text), len(reasoning))
        self.write_seconds.append(time.perf_counter() - started)

    def _write_refusal(self, conn: sqlite3.Connection) -> None:
        """The refusal so far, whole (refusals are short), when it grew since the last save."""
        refusal = self.refusal
        if refusal is None or (self._refusal_saved and len(refusal) == self._refusal_saved - 1):
            return
        try:
            conn.execute("UPDATE messages SET refusal = ? WHERE id = ?",
                         (without_lone_surrogates(refusal), self.message_id))
        except _WRITE_ERRORS as exc:  # the next tick or the final write tries again
            log.warning("checkpoint of the refusal of reply %s failed: %s", self.message_id, exc)
            return
        self._refusal_saved = len(refusal) + 1

    def _write_final_retrying(
        self, conn: sqlite3.Connection, text: str, reasoning: str, final: _Final
    ) -> None:
        """The final write; a failure is retried (with storable values) before giving up."""
        for attempt in range(1, FINAL_ATTEMPTS + 1):
            try:
                self._write_final(conn, text, reasoning, final)
                return
            except _WRITE_ERRORS as exc:
                if attempt == FINAL_ATTEMPTS:
                    raise
                log.warning(
                    "final save of reply %s failed (attempt %d): %s", self.message_id, attempt, exc
                )
                time.sleep(min(self.interval, 0.5) * attempt)
                final = final.storable()
                with self._lock:  # text that arrived meanwhile belongs to the reply too
                    text = "".join(self._text)
                    reasoning = "".join(self._reasoning)
                text, reasoning = without_lone_surrogates(text), without_lone_surrogates(reasoning)

    def _write_final(
        self, conn: sqlite3.Connection, text: str, reasoning: str, final: _Final
    ) -> None:
        started = time.perf_counter()
        with transaction(conn):
            owner = conn.execute(
                "SELECT conversation_id FROM messages WHERE id = ?", (self.message_id,)
            ).fetchone()
            finish_message(
                conn, self.message_id, status=final.status, text=text, reasoning=reasoning,
                tool_calls=final.tool_calls, model=final.model, usage=final.usage,
                ttft_ms=final.ttft_ms, tokens_per_second=final.tokens_per_second,
                finish_reason=final.finish_reason, error=final.error,
                refusal=_clean(self.refusal), citations=final.citations,
            )
            conn.execute("DELETE FROM stream_chunks WHERE message_id = ?", (self.message_id,))
        self.write_seconds.append(time.perf_counter() - started)
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # what autocheckpoint would have done
        if owner is not None and self._on_finished is not None:
            conversation_id = int(owner[0])
            self._on_finished(StoreChanges.reply_finished(conversation_id, self.message_id))
