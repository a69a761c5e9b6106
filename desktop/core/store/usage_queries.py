"""Sums of what replies cost and how many tokens they used, for `switchboard usage` and the
usage view: per day, week or month, per provider or model, and the costliest conversations.

Each is one SQL query over the hourly roll-ups that triggers keep (`usage_hourly` by provider,
model and currency, `usage_conversation_hourly` by conversation; see migration
_V7_MESSAGE_COST): a year of use is a few thousand rows however many messages there are.
Hours are UTC; dates are local by the offset passed in (whole-hour offsets exact, a
half-hour zone's day boundary is off by 30 minutes). `since`/`until` widen to whole hours.
Costs in different currencies are never added together: every row carries its currency (None
for replies that were not priced, whose tokens still count).
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
    UsageGrouping.DAY: "strftime('%Y-%m-%d', hour * 3600 + :offset, 'unixepoch')",
    UsageGrouping.WEEK: "strftime('%Y-W%W', hour * 3600 + :offset, 'unixepoch')",
    UsageGrouping.MONTH: "strftime('%Y-%m', hour * 3600 + :offset, 'unixepoch')",
    UsageGrouping.PROVIDER: "provider",
    UsageGrouping.MODEL: "model",
}
_HOURS = "hour >= :since AND hour < :until"
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


def _window(since: float | None, until: float | None, offset: int | None) -> dict[str, int]:
    return {"since": -(2**62) if since is None else int(since // 3600),
            "until": 2**62 if until is None else -int(-until // 3600),
            "offset": utc_offset() if offset is None else offset}


def usage_by(conn: sqlite3.Connection, grouping: UsageGrouping, *, since: float | None = None,
             until: float | None = None, offset: int | None = None) -> list[UsageRow]:
    """Sums per group in [since, until), dates ascending, providers and models by cost."""
    key = _KEYS[UsageGrouping(grouping)]
    order = "key" if grouping in (UsageGrouping.DAY, UsageGrouping.WEEK,
                                  UsageGrouping.MONTH) else "total_cost DESC, key"
    rows = conn.execute(
        f"SELECT {key} AS key, currency, total(cost) AS total_cost, total(prompt_tokens), "
        f"total(completion_tokens), total(replies) FROM usage_hourly WHERE {_HOURS} "
        f"GROUP BY key, currency ORDER BY {order}",
        _window(since, until, offset),
    ).fetchall()
    return [UsageRow(str(k), cur or None, float(cost), int(p), int(c), int(n))
            for k, cur, cost, p, c, n in rows]


def top_conversations(conn: sqlite3.Connection, *, since: float | None = None,
                      until: float | None = None, limit: int = 10) -> list[ConversationCost]:
    """The conversations whose priced replies cost the most in [since, until)."""
    rows = conn.execute(
        "SELECT u.conversation_id, coalesce(c.title, ''), u.currency, u.total_cost, u.n "
        "FROM (SELECT conversation_id, currency, total(cost) AS total_cost, total(replies) AS n "
        f"      FROM usage_conversation_hourly WHERE {_HOURS} AND currency != '' "
        "      GROUP BY conversation_id, currency ORDER BY total_cost DESC LIMIT :limit) AS u "
        "LEFT JOIN conversations AS c ON c.id = u.conversation_id ORDER BY u.total_cost DESC",
        {**_window(since, until, 0), "limit": max(1, min(limit, MAX_TOP))},
    ).fetchall()
    return [ConversationCost(int(i), str(t), str(cur), float(cost), int(n))
            for i, t, cur, cost, n in rows]


@dataclass(frozen=True, slots=True)
class UsageCell:
    """One period's sums for one provider or model (the usage view's stacked bars)."""

    period: str
    series: str
    currency: str | None
    cost: float
    prompt_tokens: int
    completion_tokens: int
    replies: int


_PERIODS = (UsageGrouping.DAY, UsageGrouping.WEEK, UsageGrouping.MONTH)
_SERIES = (UsageGrouping.PROVIDER, UsageGrouping.MODEL)


def usage_cells(conn: sqlite3.Connection, period: UsageGrouping, series: UsageGrouping, *,
                since: float | None = None, until: float | None = None,
                offset: int | None = None) -> list[UsageCell]:
    """Sums per (period, provider or model, currency) in [since, until), periods ascending."""
    if period not in _PERIODS or series not in _SERIES:
        raise ValueError(f"usage cells need a period and a series, not {period}/{series}")
    rows = conn.execute(
        f"SELECT {_KEYS[period]} AS period, {_KEYS[series]} AS series, currency, total(cost), "
        f"total(prompt_tokens), total(completion_tokens), total(replies) FROM usage_hourly "
        f"WHERE {_HOURS} GROUP BY period, series, currency ORDER BY period, series",
        _window(since, until, offset),
    ).fetchall()
    return [UsageCell(str(p), str(s), cur or None, float(cost), int(pt), int(ct), int(n))
            for p, s, cur, cost, pt, ct, n in rows]
