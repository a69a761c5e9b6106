"""Compare a database's schema with the one our migrations build for its version.

A backup is a file from anywhere: before it replaces the history, every object in its
`sqlite_master` must be one the migrations create (FTS triggers and shadow tables
included), with the same columns, indexes and SQL. A trigger or view of its own, an unknown
table or a missing column is refused, because it would run or break on our next write.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

from desktop.core.store.migrations import migrate

# ANALYZE's statistics tables are harmless data, made by `PRAGMA optimize`.
_ALLOWED_EXTRA = re.compile(r"sqlite_stat\d")

_Object = tuple[str, str]  # (type, name)
_KIND_ORDER = {"table": 0, "view": 1, "trigger": 2, "index": 3}


def _normalised(sql: str | None) -> str:
    return " ".join((sql or "").split()).lower()


def _describe(conn: sqlite3.Connection) -> dict[_Object, tuple[object, ...]]:
    """Every schema object with what defines it (columns, keys, index columns, SQL)."""
    described: dict[_Object, tuple[object, ...]] = {}
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        if _ALLOWED_EXTRA.fullmatch(name):
            continue
        shape: tuple[object, ...] = (table, _normalised(sql))
        quoted = '"' + name.replace('"', '""') + '"'
        if kind == "table":
            columns = conn.execute(f"PRAGMA table_xinfo({quoted})").fetchall()
            keys = conn.execute(f"PRAGMA foreign_key_list({quoted})").fetchall()
            shape += (tuple(tuple(r) for r in columns), tuple(tuple(r) for r in keys))
        elif kind == "index":
            columns = conn.execute(f"PRAGMA index_xinfo({quoted})").fetchall()
            shape += (tuple(tuple(r) for r in columns),)
        described[(kind, name)] = shape
    return described


@cache
def expected_schema(version: int) -> dict[_Object, tuple[object, ...]]:
    """The schema a fresh database has after migrating to `version`."""
    fresh = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(fresh, version)
        return _describe(fresh)
    finally:
        fresh.close()


def schema_problems(conn: sqlite3.Connection, version: int) -> list[str]:
    """What differs from the schema of `version` (empty when it is exactly ours)."""
    found = _describe(conn)
    expected = expected_schema(version)
    problems = [(key, "unexpected") for key in found.keys() - expected.keys()]
    problems += [(key, "missing") for key in expected.keys() - found.keys()]
    problems += [
        (key, "differs") for key in found.keys() & expected.keys() if found[key] != expected[key]
    ]
    problems.sort(key=lambda p: (_KIND_ORDER.get(p[0][0], 9), p[1], p[0][1]))
    return [
        f"{kind} {name!r} differs from ours" if what == "differs" else f"{what} {kind} {name!r}"
        for (kind, name), what in problems
    ]
