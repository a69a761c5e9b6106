"""Benchmark of the history store on generated data (default: one million messages).

Generates its own database (Zipf-distributed vocabulary so both common and selective terms
exist; 10,000 conversations, one of them 10,000 messages long), then prints a table of the
figures issue 4 sets targets for. Run from the repository root::

    .venv/bin/python benchmarks/bench_store.py                 # full size, a few minutes
    .venv/bin/python benchmarks/bench_store.py --messages 50000
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store
from desktop.core.store.database import connect
from desktop.core.store.search import search
from desktop.core.threads import prefer_short_gil_slices

CONSONANTS = "bcdfghjklmnprstvwz"
VOWELS = "aeiou"


def make_vocabulary(size: int, rng: random.Random) -> list[str]:
    """Distinct pronounceable words; the list order is the Zipf rank (index 0 most common)."""
    syllables = [c + v for c in CONSONANTS for v in VOWELS]
    words: set[str] = set()
    ordered: list[str] = []
    while len(ordered) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if word not in words:
            words.add(word)
            ordered.append(word)
    ordered.sort(key=len)  # short words are the common ones, as in real text
    return ordered


def generate(store: Store, messages: int, conversations: int, big: int, seed: int) -> int:
    """Fill the store with `messages` messages; return the id of the long conversation."""
    rng = random.Random(seed)
    vocab = make_vocabulary(50_000, rng)
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(vocab))))
    sizes = [(messages - big) // (conversations - 1)] * (conversations - 1)
    for i in range((messages - big) - sum(sizes)):
        sizes[i] += 1
    big_index = conversations // 2
    sizes.insert(big_index, big)
    conn = connect(store.path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -200000")
    now = time.time() - messages * 2.0
    message_id = 0
    big_id = 0
    batch: list[tuple[object, ...]] = []
    leaves: list[tuple[object, ...]] = []
    started = time.monotonic()

    def flush() -> None:
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO messages (id, conversation_id, parent_id, role, text, model, "
            "status, created_at) VALUES (?, ?, ?, ?, ?, 'bench-model', 'complete', ?)",
            batch,
        )
        conn.execute("COMMIT")
        batch.clear()

    conn.execute("BEGIN")
    for index in range(conversations):
        title = " ".join(rng.choices(vocab[:5000], k=rng.randint(2, 6))).capitalize()
        conn.execute(
            "INSERT INTO conversations (id, title, created_at, updated_at, model, params) "
            "VALUES (?, ?, 0, 0, 'bench-model', '{}')",
            (index + 1, title),
        )
    conn.execute("COMMIT")
    for index, size in enumerate(sizes):
        conv_id = index + 1
        if index == big_index:
            big_id = conv_id
        parent = None
        for n in range(size):
            message_id += 1
            words = rng.choices(vocab, cum_weights=cum_weights, k=rng.randint(10, 120))
            now += 2.0
            role = "user" if n % 2 == 0 else "assistant"
            batch.append((message_id, conv_id, parent, role, " ".join(words), now))
            parent = message_id
            if len(batch) >= 50_000:
                flush()
                done = message_id / messages
                elapsed = time.monotonic() - started
                print(f"  generated {message_id:>9,} messages ({done:4.0%}, {elapsed:5.0f} s)",
                      file=sys.stderr, flush=True)
        leaves.append((parent, now - size * 2.0, now, conv_id))
    if batch:
        flush()
    conn.execute("BEGIN")
    conn.executemany(
        "UPDATE conversations SET active_leaf_id = ?, created_at = ?, updated_at = ? "
        "WHERE id = ?", leaves,
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return big_id


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of each of `runs` calls (after one warm-up call)."""
    fn()
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cycle_calls(fns: list[Callable[[], object]]) -> Callable[[], object]:
    it: Iterator[Callable[[], object]] = itertools.cycle(fns)
    return lambda: next(it)()


def term_frequency(store: Store, term: str) -> int:
    row = store._conn.execute(
        "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?", (f'"{term}"',)
    ).fetchone()
    return int(row[0])


def pick_terms(store: Store) -> tuple[list[str], list[str], list[str]]:
    """Selective terms (tens of hits), common terms (most frequent) and 2-letter prefixes."""
    vocab = make_vocabulary(50_000, random.Random(7))
    rows = store._conn.execute(
        "SELECT text FROM messages WHERE id % 997 = 0 LIMIT 400"
    ).fetchall()
    seen = [w for r in rows for w in r[0].split()]
    counts: dict[str, int] = {}
    for w in seen:
        counts[w] = counts.get(w, 0) + 1
    common = [w for w, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:10]]
    rare_pool = [w for w in seen if counts[w] == 1 and len(w) >= 6]
    selective = []
    for word in rare_pool:
        if 3 <= term_frequency(store, word) <= 500:
            selective.append(word)
        if len(selective) == 30:
            break
    prefixes = sorted({w[:3] for w in vocab[:200] if len(w) >= 3})[:10]
    return selective, common, prefixes


def checkpoint_under_search(store: Store, terms: list[str], seconds: float) -> list[float]:
    """Checkpoint write times (ms) while another thread searches without pause."""
    conv = store.create_conversation("checkpoint bench")
    store.append_message(conv.id, Role.USER, "stream something")
    reply = store.begin_reply(conv.id)
    stop = threading.Event()
    searches = 0

    def searcher() -> None:
        nonlocal searches
        conn = connect(store.path, read_only=True)
        for term in itertools.cycle(terms):
            if stop.is_set():
                break
            search(conn, term, limit=50)
            searches += 1
        conn.close()

    thread = threading.Thread(target=searcher, daemon=True)
    thread.start()
    cp = store.checkpointer(reply.id, interval=0.02)
    end = time.monotonic() + seconds
    words = itertools.cycle(["lorem", "ipsum", "dolor", "sit", "amet", "consectetur"])
    while time.monotonic() < end:
        cp.append(next(words) + " ")
        time.sleep(0.002)
    cp.finish()
    stop.set()
    thread.join()
    print(f"  checkpoint: {len(cp.write_seconds)} writes during {searches} searches",
          file=sys.stderr)
    return [s * 1000 for s in cp.write_seconds[:-1]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--conversations", type=int, default=None)
    parser.add_argument("--dir", type=Path, default=None, help="data dir (default: a temp dir)")
    parser.add_argument("--reuse", action="store_true", help="use the data already in --dir")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    conversations = args.conversations or max(10, min(10_000, args.messages // 100))
    big = min(10_000, args.messages // 10)
    root = args.dir or Path(tempfile.mkdtemp(prefix="switchboard-bench-"))
    data = DataDir(root)
    try:
        if not args.reuse:
            if data.database.exists():
                sys.exit(f"{data.database} exists; use --reuse or another --dir")
            with Store.open(data, backup_interval=None) as store:
                started = time.monotonic()
                big_id = generate(store, args.messages, conversations, big, args.seed)
                gen_seconds = time.monotonic() - started
        else:
            gen_seconds = 0.0
        started = time.monotonic()
        store = Store.open(data, backup_interval=None)
        open_seconds = time.monotonic() - started
        if args.reuse:
            big_id = store._conn.execute(
                "SELECT conversation_id FROM messages GROUP BY conversation_id "
                "ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()[0]
        total = int(store._conn.execute("SELECT count(*) FROM messages").fetchone()[0])
        selective, common, prefixes = pick_terms(store)
        print(f"  selective terms e.g. {selective[:3]}, common {common[:3]}, "
              f"prefixes {prefixes[:3]}", file=sys.stderr)
        rows: list[tuple[str, str, str, float, float]] = []

        def add(name: str, target: float, values: list[float], p: float = 95) -> None:
            rows.append((name, f"p{p:.0f} <= {target:g} ms", f"{len(values)}",
                         pct(values, 50), pct(values, p)))
            rows[-1] = (*rows[-1][:3], pct(values, 50), pct(values, p))
            targets[name] = target

        targets: dict[str, float] = {}
        add("selective-term search", 50, timed(cycle_calls(
            [lambda t=t: store.search(t) for t in selective]), 60))
        add("common term, newest 50", 100, timed(cycle_calls(
            [lambda t=t: store.search(t, limit=50) for t in common]), 30))
        add("prefix term (abc*)", 150, timed(cycle_calls(
            [lambda t=t: store.search(t + "*") for t in prefixes]), 30))
        add("last 200 of the long conversation", 20, timed(
            lambda: store.active_path_tail(big_id, 200), 50))
        add(f"sidebar list ({conversations:,} conversations)", 50, timed(
            store.list_conversations, 30))
        # As in the app (desktop.app sets it): threads hand the GIL over in 1 ms slices.
        prefer_short_gil_slices()
        add("checkpoint write while searching", 2, checkpoint_under_search(
            store, common + [p + "*" for p in prefixes], 15.0), p=99)
        started = time.monotonic()
        store.backup_to(root / "bench-backup.sqlite3")
        backup_seconds = time.monotonic() - started
        (root / "bench-backup.sqlite3").unlink()
        store.close()
        size = sum(p.stat().st_size for p in root.glob("history.sqlite3*"))
        print()
        print(f"{total:,} messages in {conversations:,} conversations "
              f"(generated in {gen_seconds:.0f} s; open with quick_check {open_seconds:.1f} s)")
        print(f"{'measure':38} {'target':>16} {'runs':>5} {'p50 ms':>8} {'result':>8}  ok")
        for name, target_text, runs, p50, result in rows:
            ok = "yes" if result <= targets[name] else "NO"
            print(f"{name:38} {target_text:>16} {runs:>5} {p50:8.2f} {result:8.2f}  {ok}")
        print(f"backup of the whole database (backup API): {backup_seconds:.1f} s")
        print(f"database size: {size / 1e6:,.0f} MB "
              f"= {size / 1e6 / max(total, 1) * 1_000_000:,.0f} MB per million messages")
    finally:
        if not args.keep and args.dir is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
