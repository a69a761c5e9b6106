"""Full-text search over messages and titles (FTS5), grouped by conversation, cancellable.

User input is never passed to FTS5 as is: `to_fts_query` turns it into a valid expression
(words, `"phrases"`, `prefix*`, `OR`, `-word`/`NOT word`), so stray quotes or operators
cannot raise. Snippets mark hits with HIGHLIGHT_START / HIGHLIGHT_END (\\x02 / \\x03).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.store.database import connect
from desktop.core.store.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    MessageHit,
    Role,
    SearchHit,
    SearchResults,
)

log = logging.getLogger(__name__)

SCAN_CAP = 1000
"""Queries matching more messages than this are answered newest first from the newest hits."""
NEWEST_SCAN_LIMIT = 50_000
"""At most this many of a common term's newest hits are walked to fill a page."""
NEWEST_CHUNK = 2000
HITS_PER_CONVERSATION = 3
SNIPPET_TOKENS = 16
TOKENIZER = "unicode61 remove_diacritics 2"
"""The tokenizer of messages_fts (see migrations), reused for snippets."""


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    prefix: bool = False
    negated: bool = False


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _tokenize(query: str) -> list[_Term | str]:
    """Split user input into terms and the operator "OR"."""
    items: list[_Term | str] = []
    i, n = 0, len(query)
    negate_next = False
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        negated = negate_next
        negate_next = False
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            negated = True
            i += 1
            ch = query[i]
        if ch == '"':
            end = query.find('"', i + 1)
            end = n if end < 0 else end
            text = query[i + 1:end]
            i = end + 1
            prefix = i < n and query[i] == "*"
            i += int(prefix)
            items.append(_Term(text, prefix, negated))
            continue
        j = i
        while j < n and not query[j].isspace() and query[j] != '"':
            j += 1
        word = query[i:j]
        i = j
        if word == "OR" and not negated:
            items.append("OR")
        elif word == "NOT" and not negated:
            negate_next = True
        elif word == "AND" and not negated:
            continue
        else:
            prefix = word.endswith("*")
            items.append(_Term(word.rstrip("*"), prefix, negated))
    return items


def to_fts_query(query: str) -> str:
    """A valid FTS5 expression for what the user typed ("" when nothing is searchable)."""
    positives: list[str] = []
    negatives: list[str] = []
    for item in _tokenize(query):
        if isinstance(item, str):
            if positives and positives[-1] != "OR":
                positives.append("OR")
            continue
        if not any(ch.isalnum() for ch in item.text):
            continue
        expr = _quote(item.text) + ("*" if item.prefix else "")
        if item.negated:
            negatives.append(expr)
        else:
            positives.append(expr)
    while positives and positives[-1] == "OR":
        positives.pop()
    if not positives:
        return ""
    expr = " ".join(positives)
    if negatives:
        return f"({expr}) NOT ({' OR '.join(negatives)})"
    return expr


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def _load_info(
    conn: sqlite3.Connection, ids: list[int], info: dict[int, tuple[int, str, float]]
) -> None:
    """Add (conversation id, role, created_at) of each message id to `info`."""
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for mid, cid, role, created in conn.execute(
            f"SELECT id, conversation_id, role, created_at FROM messages WHERE id IN ({marks})",
            chunk,
        ):
            info[mid] = (cid, role, created)


_scratch = threading.local()


def _snippets(conn: sqlite3.Connection, fts_query: str, ids: list[int]) -> dict[int, str]:
    """Highlighted snippets of the shown messages.

    Computed in a small in-memory FTS table holding just these texts (same tokenizer):
    `rowid IN (...)` on the big index re-runs the whole query once per row, which for a
    prefix term means merging thousands of doclists again and again.
    """
    scratch: sqlite3.Connection | None = getattr(_scratch, "conn", None)
    if scratch is None:
        scratch = sqlite3.connect(":memory:", isolation_level=None)
        scratch.execute(f"CREATE VIRTUAL TABLE shown USING fts5(text, tokenize={TOKENIZER!r})")
        _scratch.conn = scratch
    scratch.execute("DELETE FROM shown")
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT id, text FROM messages WHERE id IN ({marks})", chunk)
        scratch.executemany("INSERT INTO shown (rowid, text) VALUES (?, ?)", rows.fetchall())
    return {
        mid: snippet for mid, snippet in scratch.execute(
            f"SELECT rowid, snippet(shown, 0, ?, ?, '…', {SNIPPET_TOKENS}) FROM shown "
            "WHERE shown MATCH ?", (HIGHLIGHT_START, HIGHLIGHT_END, fts_query),
        )
    }


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    scan_cap: int = SCAN_CAP,
    newest_scan_limit: int = NEWEST_SCAN_LIMIT,
) -> SearchResults:
    """One page of conversations matching `query` (by title or message text).

    Selective queries (at most `scan_cap` matching messages) are ordered by bm25 relevance.
    Very common ones are answered newest first: the FTS index is walked backwards by rowid
    (cheap) only until the page's conversations are found, where ranking a million rows
    would not be; `newest_scan_limit` bounds that walk.
    """
    fts_query = to_fts_query(query)
    if not fts_query:
        return SearchResults(query, fts_query, (), "relevance", False, False)
    # One cursor walks the hits newest first; a prefix term's doclists are merged once.
    newest_first = conn.execute(
        "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC",
        (fts_query,),
    )
    ids = [r[0] for r in newest_first.fetchmany(scan_cap + 1)]
    info: dict[int, tuple[int, str, float]] = {}
    truncated = len(ids) > scan_cap
    if truncated:
        order = "newest"
        _load_info(conn, ids, info)
        wanted = offset + limit + 1
        while len({v[0] for v in info.values()}) < wanted and len(ids) < newest_scan_limit:
            more = [r[0] for r in newest_first.fetchmany(NEWEST_CHUNK)]
            if not more:
                break
            ids.extend(more)
            _load_info(conn, more, info)
        newest_first.close()
    else:
        newest_first.close()
        order = "relevance"
        ids = [
            r[0] for r in conn.execute(
                "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rank",
                (fts_query,),
            )
        ]
        _load_info(conn, ids, info)
    title_hits: dict[int, str] = {}
    activity: dict[int, float] = {}  # newest-first order key of each conversation
    for cid, snippet, updated in conn.execute(
        "SELECT f.rowid, highlight(conversations_fts, 0, ?, ?), c.updated_at "
        "FROM conversations_fts f JOIN conversations c ON c.id = f.rowid "
        "WHERE conversations_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?",
        (HIGHLIGHT_START, HIGHLIGHT_END, fts_query, scan_cap),
    ):
        title_hits[cid] = snippet
        activity[cid] = updated
    groups: dict[int, list[int]] = {cid: [] for cid in title_hits}
    for mid in ids:
        if mid in info:
            cid, _, created = info[mid]
            groups.setdefault(cid, []).append(mid)
            activity[cid] = max(activity.get(cid, created), created)
    ordered = list(groups)
    if order == "newest":  # title hits take their place by recency, not all first
        ordered.sort(key=lambda cid: activity[cid], reverse=True)
    page = ordered[offset:offset + limit]
    has_more = len(ordered) > offset + limit
    shown = [mid for cid in page for mid in groups[cid][:HITS_PER_CONVERSATION]]
    snippets = _snippets(conn, fts_query, shown)
    conversations: dict[int, tuple[str, float]] = {}
    if page:
        marks = ",".join("?" * len(page))
        for cid, title, updated in conn.execute(
            f"SELECT id, title, updated_at FROM conversations WHERE id IN ({marks})", page
        ):
            conversations[cid] = (title, updated)
    hits = []
    for cid in page:
        if cid not in conversations:
            continue
        title, updated = conversations[cid]
        shown_ids = groups[cid][:HITS_PER_CONVERSATION]
        if order == "relevance":
            # within a conversation the newest hit first
            shown_ids = sorted(shown_ids, reverse=True)
        messages = tuple(
            MessageHit(mid, Role(info[mid][1]), snippets.get(mid, ""), info[mid][2])
            for mid in shown_ids
        )
        hits.append(SearchHit(cid, title, title_hits.get(cid), updated, messages, len(groups[cid])))
    return SearchResults(query, fts_query, tuple(hits), order, truncated, has_more)


def search_cancellable(
    conn: sqlite3.Connection,
    query: str,
    is_cancelled: Callable[[], bool],
    *,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults | None:
    """Like `search`, but returns None as soon as `is_cancelled()` turns true."""
    conn.set_progress_handler(lambda: int(is_cancelled()), 1000)
    try:
        return search(conn, query, limit=limit, offset=offset)
    except sqlite3.OperationalError as exc:
        if is_cancelled():
            return None
        raise exc
    finally:
        conn.set_progress_handler(None, 0)


ResultCallback = Callable[[int, SearchResults], None]
ErrorCallback = Callable[[int, Exception], None]


class SearchRunner:
    """Runs searches on its own thread and read connection; a newer query cancels an older one.

    `submit()` returns a generation number at once. `on_result(generation, results)` is called
    on the runner's thread for the newest query only (the GUI's bridge moves it to the UI
    thread); results of superseded queries are dropped.
    """

    def __init__(
        self,
        database: Path,
        on_result: ResultCallback,
        on_error: ErrorCallback | None = None,
    ) -> None:
        self._database = database
        self._on_result = on_result
        self._on_error = on_error
        self._cond = threading.Condition()
        self._generation = 0
        self._pending: tuple[int, str, int, int] | None = None
        self._closed = False
        self._conn: sqlite3.Connection | None = None
        self._thread = threading.Thread(target=self._run, name="search-runner", daemon=True)
        self._thread.start()

    @property
    def generation(self) -> int:
        return self._generation

    def submit(self, query: str, *, limit: int = 20, offset: int = 0) -> int:
        """Queue `query`, cancelling whatever search is running; returns its generation."""
        with self._cond:
            self._generation += 1
            self._pending = (self._generation, query, limit, offset)
            if self._conn is not None:
                # Under the lock, so it can only hit the query that is now stale: the runner
                # takes the lock before starting the next one.
                self._conn.interrupt()
            self._cond.notify()
            return self._generation

    def cancel(self) -> None:
        """Drop the running and pending queries."""
        with self._cond:
            self._generation += 1
            self._pending = None

    def close(self, timeout: float = 5.0) -> None:
        with self._cond:
            self._closed = True
            self._generation += 1
            self._cond.notify()
        self._thread.join(timeout)

    def _run(self) -> None:
        conn: sqlite3.Connection | None = None
        try:
            while True:
                with self._cond:
                    while self._pending is None and not self._closed:
                        self._cond.wait()
                    if self._closed:
                        return
                    assert self._pending is not None
                    generation, query, limit, offset = self._pending
                    self._pending = None

                def stale(gen: int = generation) -> bool:
                    return self._generation != gen

                try:
                    if conn is None:
                        conn = connect(self._database, read_only=True)
                    with self._cond:
                        self._conn = conn
                    results = search_cancellable(conn, query, stale, limit=limit, offset=offset)
                except Exception as exc:
                    results = None
                    if not stale() and self._on_error is not None:
                        self._on_error(generation, exc)
                finally:
                    with self._cond:
                        self._conn = None
                if results is not None and not stale():
                    self._on_result(generation, results)
        finally:
            if conn is not None:
                conn.close()
