"""Full-text search: query sanitising, grouping, snippets, ordering and cancellation."""

from __future__ import annotations

import sqlite3
import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.store import Role, SearchResults, Store
from desktop.core.store import search as fts
from desktop.core.store.database import connect
from desktop.core.store.models import HIGHLIGHT_END, HIGHLIGHT_START
from desktop.core.store.search import SearchRunner, search_cancellable, to_fts_query


def _chat(store: Store, title: str, *texts: str) -> int:
    conv = store.create_conversation(title)
    for i, text in enumerate(texts):
        store.append_message(conv.id, Role.USER if i % 2 == 0 else Role.ASSISTANT, text)
    return conv.id


def test_to_fts_query_quotes_everything() -> None:
    assert to_fts_query("hello world") == '"hello" "world"'
    assert to_fts_query('"exact phrase" pre*') == '"exact phrase" "pre"*'
    assert to_fts_query("cats OR dogs") == '"cats" OR "dogs"'
    assert to_fts_query("cats -dogs") == '("cats") NOT ("dogs")'
    assert to_fts_query("cats NOT dogs AND mice") == '("cats" "mice") NOT ("dogs")'
    assert to_fts_query('unterminated "quote here') == '"unterminated" "quote here"'
    assert to_fts_query('a"b') == '"a" "b"'
    assert to_fts_query("OR ( ) * NEAR(") == '"NEAR("'
    assert to_fts_query("-only") == ""
    assert to_fts_query("   ") == ""


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "*-()^:+OR NOTAND\u00e9{}.')), max_size=30))
def test_any_input_is_a_valid_query(query: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    conn.execute("INSERT INTO t VALUES ('a b ab')")
    fts_query = to_fts_query(query)
    if fts_query:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts_query,)).fetchall()


def test_search_groups_by_conversation_with_snippets(store: Store) -> None:
    garden = _chat(
        store, "Garden plans", "which tomato varieties grow well", "cherry tomato grows well",
        "and potatoes?",
    )
    _chat(store, "Cooking", "a soup with tomato and basil")
    _chat(store, "Unrelated", "nothing to see")
    results = store.search("tomato")
    assert results.order == "relevance" and not results.truncated
    assert {h.conversation_id for h in results.hits} == {garden, garden + 1}
    hit = next(h for h in results.hits if h.conversation_id == garden)
    assert hit.message_count == 2 and len(hit.messages) == 2
    assert hit.messages[0].message_id > hit.messages[1].message_id
    assert f"{HIGHLIGHT_START}tomato{HIGHLIGHT_END}" in hit.messages[0].snippet
    assert hit.title == "Garden plans" and hit.title_snippet is None


def test_titles_prefixes_phrases_and_diacritics(store: Store) -> None:
    recipes = _chat(store, "Crème brûlée recipe", "caramelise the sugar on top")
    other = _chat(store, "Notes", "the top of the sugar pile")
    hit = store.search("creme").hits[0]
    assert hit.conversation_id == recipes
    assert hit.title_snippet == f"{HIGHLIGHT_START}Crème{HIGHLIGHT_END} brûlée recipe"
    assert [h.conversation_id for h in store.search("carame*").hits] == [recipes]
    assert [h.conversation_id for h in store.search('"sugar on top"').hits] == [recipes]
    assert {h.conversation_id for h in store.search("sugar").hits} == {recipes, other}
    assert [h.conversation_id for h in store.search("sugar -caramelise").hits] == [other]
    assert store.search('"unbalanced (*').hits == ()
    assert store.search("").hits == ()


def test_search_follows_edits_and_deletes(store: Store) -> None:
    conv = _chat(store, "t", "zebra crossing")
    assert store.search("zebra").hits
    store.update_conversation(conv, title="giraffe talk")
    assert [h.conversation_id for h in store.search("giraffe").hits] == [conv]
    store.delete_conversation(conv)
    assert store.search("zebra").hits == ()
    assert store.search("giraffe").hits == ()


def test_common_terms_come_newest_first_and_page(store: Store) -> None:
    ids = [_chat(store, f"c{i}", f"common word number {i}") for i in range(12)]
    with store._lock:
        results = fts.search(store._conn, "common", limit=5, scan_cap=8)
    assert results.order == "newest" and results.truncated and results.has_more
    assert [h.conversation_id for h in results.hits] == ids[::-1][:5]
    with store._lock:
        page2 = fts.search(store._conn, "common", limit=5, offset=5, scan_cap=8)
    # the newest-first walk goes past scan_cap until the page is full
    assert [h.conversation_id for h in page2.hits] == ids[::-1][5:10]
    assert page2.has_more
    with store._lock:
        last = fts.search(store._conn, "common", limit=5, offset=10, scan_cap=8)
    assert [h.conversation_id for h in last.hits] == ids[::-1][10:]
    assert not last.has_more
    with store._lock:
        bounded = fts.search(store._conn, "common", limit=50, scan_cap=8, newest_scan_limit=8)
    assert len(bounded.hits) == 9


def test_title_hits_take_their_place_by_recency_for_common_terms(store: Store) -> None:
    old_title = store.create_conversation("common title", created_at=1000).id
    newer = [_chat(store, f"c{i}", f"common text {i}") for i in range(5)]
    with store._lock:
        results = fts.search(store._conn, "common", limit=10, scan_cap=2)
    assert [h.conversation_id for h in results.hits] == [*newer[::-1], old_title]


def test_search_cancellable_stops_mid_query(store: Store) -> None:
    for i in range(30):
        _chat(store, f"c{i}", *[f"alpha beta gamma {j}" for j in range(10)])
    conn = connect(store.path, read_only=True)
    calls = 0

    def cancelled_after_a_while() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3

    assert search_cancellable(conn, "alpha", cancelled_after_a_while) is None
    assert 3 < calls < 50
    done = search_cancellable(conn, "alpha", lambda: False)
    assert done is not None and len(done.hits) == 20
    conn.close()


def test_runner_drops_superseded_queries(store: Store) -> None:
    _chat(store, "one", "first apple")
    _chat(store, "two", "second banana")
    _chat(store, "three", "third cherry")
    release = threading.Event()
    delivered: list[tuple[int, SearchResults]] = []
    last = threading.Event()

    def on_result(generation: int, results: SearchResults) -> None:
        delivered.append((generation, results))
        if generation == 1:
            release.wait(5)  # hold the runner while newer queries arrive
        if generation == 3:
            last.set()

    runner = SearchRunner(store.path, on_result)
    try:
        assert runner.submit("apple") == 1
        while not delivered:
            threading.Event().wait(0.01)
        assert runner.submit("banana") == 2
        assert runner.submit("cherry") == 3
        release.set()
        assert last.wait(5)
    finally:
        runner.close()
    assert [g for g, _ in delivered] == [1, 3]
    assert delivered[1][1].hits[0].title == "three"


def test_runner_reports_errors(store: Store) -> None:
    errors: list[Exception] = []
    got = threading.Event()

    def on_error(generation: int, exc: Exception) -> None:
        errors.append(exc)
        got.set()

    runner = SearchRunner(store.path.with_name("missing-dir") / "x.db", lambda g, r: None, on_error)
    runner.submit("x")
    assert got.wait(5)
    runner.close()
    assert errors
