"""The usage view's numbers: cost and tokens per period and per provider or model, in one
currency at a time, with the costliest conversations and a CSV form of it all.

Built from the store's hourly roll-ups (`Store.usage_cells`, `top_conversations_by_cost`) in
a worker thread; the view only draws what `load_report` returns. Costs in different
currencies are never added: the report holds one currency's figures (the one chosen, else the
one most replies were priced in) and lists the others so the view can offer them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from desktop.core.store.usage_queries import (
    ConversationCost,
    UsageCell,
    UsageGrouping,
    utc_offset,
)

MAX_SERIES = 7  # the costliest providers or models get a colour each; the rest are "other"
OTHER = "\x00other"  # the key of the summed rest (the view names it in the user's language)
NO_PRICE = "-"  # the currency key of replies that had no price (their tokens still count)
MAX_FILLED_PERIODS = 1200  # longer ranges show only the periods that have use
_FORMATS = {UsageGrouping.DAY: "%Y-%m-%d", UsageGrouping.WEEK: "%Y-W%W",
            UsageGrouping.MONTH: "%Y-%m"}


class UsageSource(Protocol):
    """What `load_report` needs of the store (its CostOps)."""

    def usage_cells(self, period: UsageGrouping | str, series: UsageGrouping | str, *,
                    since: float | None = None, until: float | None = None,
                    offset: int | None = None) -> list[UsageCell]: ...

    def top_conversations_by_cost(self, *, since: float | None = None,
                                  until: float | None = None,
                                  limit: int = 10) -> list[ConversationCost]: ...


@dataclass(frozen=True)
class UsageQuery:
    """What the view asks for: a period size, a breakdown, a range and a currency."""

    period: UsageGrouping = UsageGrouping.DAY
    series: UsageGrouping = UsageGrouping.PROVIDER
    since: float | None = None
    until: float | None = None
    currency: str | None = None  # None: the currency with the highest cost
    top: int = 10


@dataclass(frozen=True)
class SeriesTotal:
    """One provider's or model's sums over the whole range (in the report's currency)."""

    name: str
    cost: float
    prompt_tokens: int
    completion_tokens: int
    replies: int

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass(frozen=True)
class UsageReport:
    """Everything the usage view shows for one query."""

    query: UsageQuery
    currency: str  # NO_PRICE when only unpriced replies exist
    currencies: list[str]  # every currency with use in the range, most used first
    periods: list[str]  # the bars' categories, ascending
    series: list[str]  # the stacked sets, costliest first (OTHER last when present)
    cost: dict[tuple[str, str], float] = field(default_factory=dict)  # (period, series)
    tokens: dict[tuple[str, str], int] = field(default_factory=dict)
    totals: list[SeriesTotal] = field(default_factory=list)  # per series, costliest first
    cells: list[UsageCell] = field(default_factory=list)  # this currency's cells, unlumped
    all_cells: list[UsageCell] = field(default_factory=list)  # every currency (CSV)
    top: list[ConversationCost] = field(default_factory=list)

    @property
    def total_cost(self) -> float:
        return sum(t.cost for t in self.totals)

    @property
    def total_tokens(self) -> int:
        return sum(t.tokens for t in self.totals)

    @property
    def total_replies(self) -> int:
        return sum(t.replies for t in self.totals)

    def is_empty(self) -> bool:
        return not self.all_cells


def _currency_of(cell: UsageCell) -> str:
    return cell.currency or NO_PRICE


def _pick_currency(cells: Iterable[UsageCell], wanted: str | None) -> tuple[str, list[str]]:
    """The currency to show (the one asked for, else the one most replies were priced in) and
    every currency present in that order (amounts in different currencies do not compare)."""
    used: dict[str, int] = {}
    for cell in cells:
        key = _currency_of(cell)
        used[key] = used.get(key, 0) + cell.replies
    ordered = sorted(used, key=lambda c: (c == NO_PRICE, -used[c], c))
    if wanted in used:
        return str(wanted), ordered
    return (ordered[0] if ordered else "USD"), ordered


def filled_periods(period: UsageGrouping, first: date, last: date) -> list[str]:
    """Every period key from `first` to `last` (local dates), as the store formats them."""
    if last < first or (last - first).days > MAX_FILLED_PERIODS * 31:
        return []
    keys: list[str] = []
    day = first
    fmt = _FORMATS[period]
    while day <= last:
        key = day.strftime(fmt)
        if not keys or keys[-1] != key:
            keys.append(key)
        if len(keys) > MAX_FILLED_PERIODS:
            return []
        day += timedelta(days=1)
    return keys


def _local_date(moment: float, offset: int) -> date:
    return datetime.fromtimestamp(moment + offset, tz=UTC).date()


def _periods(query: UsageQuery, present: Iterable[str], offset: int) -> list[str]:
    seen = sorted(set(present))
    if query.since is None or query.until is None:
        return seen
    first = _local_date(query.since, offset)
    last = _local_date(query.until - 1, offset)
    filled = filled_periods(query.period, first, last)
    return sorted(set(filled) | set(seen)) if filled else seen


def build_report(query: UsageQuery, all_cells: list[UsageCell], top: list[ConversationCost],
                 offset: int = 0) -> UsageReport:
    """Arrange the store's cells for the view (pure: tested against hand-made cells)."""
    currency, currencies = _pick_currency(all_cells, query.currency)
    cells = [c for c in all_cells if _currency_of(c) == currency]
    sums: dict[str, list[float]] = {}
    for cell in cells:
        acc = sums.setdefault(cell.series, [0.0, 0, 0, 0])
        acc[0] += cell.cost
        acc[1] += cell.prompt_tokens
        acc[2] += cell.completion_tokens
        acc[3] += cell.replies
    ranked = sorted(sums, key=lambda s: (-sums[s][0], -(sums[s][1] + sums[s][2]), s))
    totals = [SeriesTotal(s, sums[s][0], int(sums[s][1]), int(sums[s][2]), int(sums[s][3]))
              for s in ranked]
    shown = ranked if len(ranked) <= MAX_SERIES else ranked[:MAX_SERIES - 1]
    lumped = set(ranked) - set(shown)
    series = shown + ([OTHER] if lumped else [])
    cost: dict[tuple[str, str], float] = {}
    tokens: dict[tuple[str, str], int] = {}
    for cell in cells:
        key = (cell.period, OTHER if cell.series in lumped else cell.series)
        cost[key] = cost.get(key, 0.0) + cell.cost
        tokens[key] = tokens.get(key, 0) + cell.prompt_tokens + cell.completion_tokens
    periods = _periods(query, (c.period for c in cells), offset)
    shown_top = [t for t in top if t.currency == currency]
    return UsageReport(query, currency, currencies, periods, series, cost, tokens, totals,
                       cells, all_cells, shown_top)


def load_report(store: UsageSource, query: UsageQuery, offset: int | None = None) -> UsageReport:
    """Query the store and build the report; run it in a worker thread (two SQL queries)."""
    offset = utc_offset() if offset is None else offset
    cells = store.usage_cells(query.period, query.series, since=query.since,
                              until=query.until, offset=offset)
    top = store.top_conversations_by_cost(
        since=query.since, until=query.until, limit=max(query.top * 3, query.top))
    return build_report(query, cells, top, offset)


def report_csv(report: UsageReport) -> str:
    """Every cell of the range in every currency, one line each (for a spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([str(report.query.period), str(report.query.series), "currency", "cost",
                     "prompt_tokens", "completion_tokens", "replies"])
    for cell in report.all_cells:
        writer.writerow([cell.period, _csv_safe(cell.series), cell.currency or "",
                         f"{cell.cost:.6f}", cell.prompt_tokens, cell.completion_tokens,
                         cell.replies])
    return out.getvalue()


def _csv_safe(text: str) -> str:
    """A model or provider name a spreadsheet would not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
