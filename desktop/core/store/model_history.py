"""Which model was last used with a provider, read from the history (for the start-up choice).

A separate read connection, like the search runner's: the query runs in a worker thread and
needs nothing from the Store but its database file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

# SQLite returns the bare columns of the row that holds max(updated_at) in each group.
LAST_MODELS_SQL = """
SELECT provider, model, max(updated_at) FROM conversations
WHERE provider IN ({marks}) AND model IS NOT NULL AND model <> ''
GROUP BY provider
"""


def last_models(database: Path, providers: Sequence[str]) -> dict[str, str]:
    """The model of the newest conversation with each of `providers` (those that have one)."""
    if not providers or not Path(database).exists():
        return {}
    sql = LAST_MODELS_SQL.format(marks=", ".join("?" * len(providers)))
    with contextlib.closing(sqlite3.connect(database, timeout=5.0)) as conn:
        rows = conn.execute(sql, tuple(providers)).fetchall()
    return {str(provider): str(model) for provider, model, _when in rows}


def last_model_for(database: Path, provider: str) -> str | None:
    """The model of the newest conversation with `provider`, or None when it has none."""
    return last_models(database, [provider]).get(provider)
