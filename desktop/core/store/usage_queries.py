"""Sums of what replies cost and how many tokens they used, for `switchboard usage` and the
usage view: per day, week or month, per provider or model, and the costliest conversations.

Each is one SQL query over the partial covering index `messages_usage` (assistant rows:
created_at, provider, model, cost_currency, cost, token counts, conversation_id), so the sums
over a million messages are read from the index without touching the table. Costs in different
currencies are never added together: every row carries its currency (None for replies that
were not priced, whose tokens still count).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from enum import StrEnum


class UsageGrouping(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    PROVIDER = "provider"
    MODEL = "model"


# The grouping key of each kind; dates are in local time by the UTC offset passed as :offset.
_KEYS = {
    UsageGrouping.DAY: "strftime('%Y-%m-%d', created_at + :offset, 'unixepoch')",
    UsageGrouping.WEEK: "strftime('%Y-W%W', created_at + :offset, 'unixepoch')",
    UsageGrouping.MONTH: "strftime('%Y-%m', created_at + :offset, 'unixepoch')",
    UsageGrouping.PROVIDER: "coalesce(provider, '')",
    UsageGrouping.MODEL: "coalesce(model, '')",
}
_RANGE = (
    "FROM messages INDEXED BY messages_usage "
    "WHERE role = 'assistant' AND created_at >= :since AND created_at < :until"
)
MAX_TOP = 1000


@dataclass(frozen=True, slots=True)
class UsageRow:
    """One group's sums; `currency` None for replies without a price."""

    key: str
    currency: str | None
    cost: float
    prompt_tokens: int
    completion_tokens: int
    replies: int


@dataclass(frozen=True, slots=True)
class ConversationCost:
    conversation_id: int
    title: str
    currency: str
    cost: float
    replies: int


def utc_offset(now: float | None = None) -> int:
    """This machine's offset from UTC in seconds at `now` (for grouping by local dates)."""
    moment = time.time() if now is None else now
    return int(time.mktime(time.localtime(moment)) - time.mktime(time.gmtime(moment)))


def _window(since: float | None, until: float | None, offset: int | None) -> dict[str, float]:
    return {"since": -1e18 if since is None else since, "until": 1e18 if until is None else until,
            "offset": utc_offset() if offset is None else offset}


def usage_by(conn: sqlite3.Connection, grouping: UsageGrouping, *, since: float | None = None,
             until: float | None = None, offset: int | None = None) -> list[UsageRow]:
    """Sums per group in [since, until), dates ascending, providers and models by cost."""
    key = _KEYS[UsageGrouping(grouping)]
    order = "key" if grouping in (UsageGrouping.DAY, UsageGrouping.WEEK,
                                  UsageGrouping.MONTH) else "total_cost DESC, key"
    rows = conn.execute(
        f"SELECT {key} AS key, cost_currency, total(cost) AS total_cost, "
        f"total(prompt_tokens), total(completion_tokens), count(*) {_RANGE} "
        f"GROUP BY key, cost_currency ORDER BY {order}",
        _window(since, until, offset),
    ).fetchall()
    return [UsageRow(str(k), cur, float(cost), int(p), int(c), int(n))
            for k, cur, cost, p, c, n in rows]


def top_conversations(conn: sqlite3.Connection, *, since: float | None = None,
                      until: float | None = None, limit: int = 10) -> list[ConversationCost]:
    """The conversations whose priced replies cost the most in [since, until)."""
    rows = conn.execute(
        "SELECT u.conversation_id, coalesce(c.title, ''), u.cost_currency, u.total_cost, u.n "
        "FROM (SELECT conversation_id, cost_currency, total(cost) AS total_cost, count(*) AS n "
        f"      {_RANGE} AND cost IS NOT NULL GROUP BY conversation_id, cost_currency "
        "      ORDER BY total_cost DESC LIMIT :limit) AS u "
        "LEFT JOIN conversations AS c ON c.id = u.conversation_id ORDER BY u.total_cost DESC",
        {**_window(since, until, 0), "limit": max(1, min(limit, MAX_TOP))},
    ).fetchall()
    return [ConversationCost(int(i), str(t), str(cur), float(cost), int(n))
            for i, t, cur, cost, n in rows]
