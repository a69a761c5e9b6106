"""Benchmark of the usage sums (`switchboard usage`, the usage view) over generated history.

Builds a database of one million messages through the real schema and its triggers (half of
them priced replies spread over a year, 10,000 conversations one after another, each with one
of 8 providers and 40 models, two currencies), then times each query of
`desktop/core/store/usage_queries.py` through the Store, and what the usage view loads when it
opens or a control changes (`usage_report.load_report`: its bars' cells and the top
conversations). Target: ≤ 200 ms each. Run::

    .venv/bin/python benchmarks/bench_usage.py                  # one million, about a minute
    .venv/bin/python benchmarks/bench_usage.py --messages 100000
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.paths import DataDir
from desktop.core.pricing.usage_report import UsageQuery, load_report
from desktop.core.store import Store
from desktop.core.store.database import connect
from desktop.core.store.usage_queries import UsageGrouping

YEAR = 365 * 86400.0
TARGET_MS = 200.0


def generate(store: Store, messages: int, conversations: int, seed: int) -> None:
    """`messages` rows, user and assistant alternating, spread over the past year."""
    rng = random.Random(seed)
    conn = connect(store.path)
    conn.execute("PRAGMA synchronous = OFF")
    now = time.time()
    conn.executemany(
        "INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)",
        [(i, f"conversation {i}", now - YEAR, now) for i in range(1, conversations + 1)],
    )
    providers = [f"relay-{i}" for i in range(8)]
    models = [f"model-{i}" for i in range(40)]
    batch: list[tuple[object, ...]] = []
    settings = {c: (rng.choice(providers), rng.choice(models),
                    "CNY" if rng.random() < 0.2 else "USD") for c in range(1, conversations + 1)}
    for index in range(messages):
        conversation = 1 + index * conversations // messages
        created = now - YEAR + YEAR * index / messages
        if index % 2 == 0:
            batch.append((conversation, "user", "q", None, None, None, None, None, None,
                          created))
        else:
            provider, model, currency = settings[conversation]
            prompt, completion = rng.randint(10, 8000), rng.randint(10, 2000)
            cost = (prompt * 2.5 + completion * 10) / 1e6
            batch.append((conversation, "assistant", "a", provider, model, prompt, completion,
                          cost, currency, created))
        if len(batch) >= 50_000:
            _insert(conn, batch)
            batch.clear()
    _insert(conn, batch)
    conn.execute("ANALYZE")
    conn.close()


def _insert(conn: object, rows: list[tuple[object, ...]]) -> None:
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO messages (conversation_id, role, text, provider, model, prompt_tokens, "
        "completion_tokens, cost, cost_currency, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.commit()  # type: ignore[attr-defined]


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm the page cache once
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        values.append((time.perf_counter() - start) * 1000)
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-usage-"))
    try:
        data_dir = DataDir(root).ensure()
        with Store.open(data_dir) as store:
            pass
        started = time.perf_counter()
        with Store.open(data_dir) as store:
            generate(store, args.messages, args.conversations, seed=7)
        print(f"generated {args.messages:,} messages in {time.perf_counter() - started:.1f} s")
        conn = connect(data_dir.database)
        rollup = conn.execute("SELECT count(*) FROM usage_hourly").fetchone()[0]
        per_conv = conn.execute("SELECT count(*) FROM usage_conversation_hourly").fetchone()[0]
        conn.close()
        print(f"roll-up rows: {rollup:,} by hour/provider/model, {per_conv:,} by conversation")
        now = time.time()
        month_ago, year_ago = now - 30 * 86400, now - 365 * 86400
        failed = False
        with Store.open(data_dir) as store:
            cases: list[tuple[str, Callable[[], object]]] = [
                (f"by {g}, all time", lambda g=g: store.usage_by(g))  # type: ignore[misc]
                for g in ("day", "week", "month", "provider", "model")
            ]
            cases += [
                ("by day, last 30 days", lambda: store.usage_by("day", since=month_ago)),
                ("by model, last 30 days", lambda: store.usage_by("model", since=month_ago)),
                ("top 10 conversations, all time",
                 lambda: store.top_conversations_by_cost(limit=10)),
                ("top 10 conversations, last 30 days",
                 lambda: store.top_conversations_by_cost(since=month_ago, limit=10)),
            ]
            # What the usage view asks when it opens or a control changes: the cells of its
            # stacked bars and the top conversations, built into its report (one worker call).
            for period, series, since, label in (
                    ("day", "provider", month_ago, "30 days"),
                    ("day", "model", month_ago, "30 days"),
                    ("week", "model", year_ago, "12 months"),
                    ("month", "provider", None, "all time")):
                query = UsageQuery(UsageGrouping(period), UsageGrouping(series), since, now)
                cases.append((f"view: {period} × {series}, {label}",
                              lambda q=query: load_report(store, q)))  # type: ignore[misc]
            print(f"{'query':38} {'median ms':>10} {'max ms':>8}  target ≤ {TARGET_MS:.0f} ms")
            for name, fn in cases:
                values = timed(fn, args.runs)
                median, worst = statistics.median(values), max(values)
                failed |= median > TARGET_MS
                print(f"{name:38} {median:10.1f} {worst:8.1f}  "
                      f"{'ok' if median <= TARGET_MS else 'OVER'}")
        return 1 if failed else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
