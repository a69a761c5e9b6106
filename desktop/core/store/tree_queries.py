"""SQL for walking the message tree: ancestors of a message, and the newest leaf below one."""

from __future__ import annotations

import sqlite3

from desktop.core.store.message_rows import MESSAGE_COLUMNS

# Ancestors of a message, nearest first, with their distance; LIMIT stops the recursion early.
PATH_SQL = f"""
WITH RECURSIVE path(id, depth) AS (
    SELECT ?, 0
    UNION ALL
    SELECT m.parent_id, path.depth + 1 FROM messages m JOIN path ON m.id = path.id
    WHERE m.parent_id IS NOT NULL
    LIMIT ?
)
SELECT {", ".join("m." + c.strip() for c in MESSAGE_COLUMNS.split(","))}
FROM path JOIN messages m ON m.id = path.id ORDER BY path.depth DESC
"""

# Follow the newest child down from a message to the leaf of that branch.
NEWEST_LEAF_SQL = """
WITH RECURSIVE down(id, depth) AS (
    SELECT ?, 0
    UNION ALL
    SELECT (SELECT max(c.id) FROM messages c WHERE c.parent_id = down.id), down.depth + 1
    FROM down WHERE down.id IS NOT NULL
)
SELECT id FROM down WHERE id IS NOT NULL ORDER BY depth DESC LIMIT 1
"""

# A message and all its descendants (prefix it to a statement using `sub`).
SUBTREE_CTE = (
    "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL "
    "SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id) "
)


def newest_leaf(conn: sqlite3.Connection, conversation_id: int, start: int | None) -> int | None:
    """The leaf reached by following the newest child from `start` (None: the newest root)."""
    if start is None:
        row = conn.execute(
            "SELECT max(id) FROM messages WHERE conversation_id = ? AND parent_id IS NULL",
            (conversation_id,),
        ).fetchone()
        start = row[0]
        if start is None:
            return None
    return int(conn.execute(NEWEST_LEAF_SQL, (start,)).fetchone()[0])
