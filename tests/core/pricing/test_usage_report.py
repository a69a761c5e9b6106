"""The usage view's numbers against a real SQLite store: per period and provider/model, one
currency at a time, lumping, filled periods, top conversations, CSV; recalculating with
progress; the composer's pre-send estimate."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.pricing.cost import MessageCost
from desktop.core.pricing.estimate import TOKENS_PER_IMAGE, estimate_text_tokens
from desktop.core.pricing.prices import PriceSheet
from desktop.core.pricing.prompt_estimate import context_tokens, estimate_next_prompt
from desktop.core.pricing.recording import recalculate_with_progress
from desktop.core.pricing.usage_report import (
    OTHER,
    UsageQuery,
    build_report,
    filled_periods,
    load_report,
    report_csv,
)
from desktop.core.progress import Progress, WorkCancelledError
from desktop.core.reply_parts import Usage
from desktop.core.store import Store
from desktop.core.store.models import Role
from desktop.core.store.usage_queries import UsageCell, UsageGrouping

DAY = 86400.0
T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC).timestamp()  # a Monday, noon UTC


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(DataDir(tmp_path).ensure(), backup_interval=None) as opened:
        yield opened


def reply(store: Store, conversation: int, provider: str, model: str, when: float,
          prompt: int, completion: int, cost: float | None, currency: str = "USD") -> int:
    store.append_message(conversation, Role.USER, "q", created_at=when - 1)
    message = store.append_message(conversation, Role.ASSISTANT, "a", provider=provider,
                                   model=model, usage=Usage(prompt, completion),
                                   created_at=when)
    if cost is not None:
        store.set_message_costs({message.id: MessageCost(cost, currency)})
    return message.id


def seed(store: Store) -> dict[str, int]:
    a = store.create_conversation("Alpha").id
    b = store.create_conversation("Beta").id
    c = store.create_conversation("Gamma").id
    reply(store, a, "relay", "gpt-4o", T0, 1000, 200, 0.5)
    reply(store, a, "relay", "gpt-4o", T0 + 60, 500, 100, 0.25)
    reply(store, b, "openrouter", "claude", T0 + DAY, 2000, 300, 1.25)
    reply(store, b, "relay", "mini", T0 + 2 * DAY, 100, 50, 0.01)
    reply(store, c, "siliconflow", "qwen", T0 + DAY, 800, 400, 3.0, "CNY")
    reply(store, c, "local", "llama", T0 + 9 * DAY, 300, 30, None)  # not priced
    return {"a": a, "b": b, "c": c}


def test_report_numbers_match_the_store(store: Store) -> None:
    ids = seed(store)
    query = UsageQuery(UsageGrouping.DAY, UsageGrouping.PROVIDER, T0 - DAY / 2,
                       T0 + 3 * DAY - DAY / 2)
    report = load_report(store, query, offset=0)
    assert report.currency == "USD"  # the costliest currency comes first
    assert report.currencies == ["USD", "CNY"]
    assert report.total_cost == pytest.approx(0.5 + 0.25 + 1.25 + 0.01)
    assert report.total_tokens == 1200 + 600 + 2300 + 150
    assert report.total_replies == 4
    assert report.series == ["openrouter", "relay"]
    day = datetime.fromtimestamp(T0, tz=UTC).strftime("%Y-%m-%d")
    assert report.periods[0] == day and len(report.periods) == 3  # filled, one per day
    assert report.cost[(day, "relay")] == pytest.approx(0.75)
    assert report.tokens[(day, "relay")] == 1800
    assert [(t.name, round(t.cost, 4), t.replies) for t in report.totals] == [
        ("openrouter", 1.25, 1), ("relay", 0.76, 3)]
    assert [(t.title, t.cost) for t in report.top] == [("Beta", 1.26), ("Alpha", 0.75)]
    assert report.top[0].conversation_id == ids["b"]

    yuan = load_report(store, UsageQuery(UsageGrouping.WEEK, UsageGrouping.MODEL,
                                         currency="CNY"), offset=0)
    assert yuan.currency == "CNY" and yuan.total_cost == pytest.approx(3.0)
    assert yuan.series == ["qwen"] and [t.title for t in yuan.top] == ["Gamma"]
    unpriced = load_report(store, UsageQuery(currency="-"), offset=0)
    assert unpriced.total_tokens == 330 and unpriced.series == ["local"]


def test_many_series_are_lumped_into_other() -> None:
    cells = [UsageCell("2026-11-02", f"m{i}", "USD", float(i + 1), 10, 5, 1) for i in range(9)]
    report = build_report(UsageQuery(series=UsageGrouping.MODEL), cells, [])
    assert report.series == ["m8", "m7", "m6", "m5", "m4", "m3", OTHER]
    assert report.cost[("2026-11-02", OTHER)] == pytest.approx(1 + 2 + 3)
    assert len(report.totals) == 9  # the table keeps them apart


def test_filled_periods_match_the_store_keys() -> None:
    start = datetime(2026, 12, 28).date()
    end = datetime(2027, 1, 12).date()
    assert filled_periods(UsageGrouping.MONTH, start, end) == ["2026-12", "2027-01"]
    weeks = filled_periods(UsageGrouping.WEEK, start, end)
    assert weeks[0] == "2026-W52" and weeks[-1] == "2027-W02"


def test_csv_has_every_currency_and_defuses_formulas(store: Store) -> None:
    seed(store)
    conv = store.create_conversation("x").id
    reply(store, conv, "=cmd()", "m", T0, 1, 1, 0.5)
    report = load_report(store, UsageQuery(UsageGrouping.MONTH, UsageGrouping.PROVIDER),
                         offset=0)
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert rows[0] == ["month", "provider", "currency", "cost", "prompt_tokens",
                       "completion_tokens", "replies"]
    currencies = {row[2] for row in rows[1:]}
    assert currencies == {"USD", "CNY", ""}
    assert [row[1] for row in rows[1:] if "cmd" in row[1]] == ["'=cmd()"]
    relay = [row for row in rows[1:] if row[1] == "relay"]
    assert sum(float(r[3]) for r in relay) == pytest.approx(0.76)


def test_recalculate_reports_progress_and_stops_when_cancelled(store: Store) -> None:
    conv = store.create_conversation("c").id
    ids = [reply(store, conv, "relay", "mine", T0 + i, 1_000_000, 0, None) for i in range(3)]
    pricing = {"relay": {"models": {"mine": {"input": 2.0, "output": 4.0}}}}
    progress = Progress()
    assert recalculate_with_progress(store, pricing, ids, progress) == 3
    assert (progress.done, progress.total) == (3, 3)
    cost = store.get_message(ids[0]).cost
    assert cost is not None and (cost.amount, cost.currency) == (pytest.approx(2.0), "USD")
    assert store.usage_by("provider")[0].cost == pytest.approx(6.0)
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(WorkCancelledError):
        recalculate_with_progress(store, {}, ids, cancelled)


def test_pre_send_estimate_uses_the_last_usage_and_counts_attachments(store: Store) -> None:
    conv = store.create_conversation("c").id
    reply(store, conv, "relay", "m", T0, 1200, 300, None)
    store.append_message(conv, Role.USER, "and one more question", created_at=T0 + 10)
    path = store.active_path(conv)
    later = 4 + estimate_text_tokens("and one more question")
    assert context_tokens(path) == 1500 + later
    prices = PriceSheet("CNY", input=2.0, output=8.0)
    estimate = estimate_next_prompt(path, "Hello there", system_prompt="Be brief.",
                                    document_tokens=1000, images=2, prices=prices)
    expected = (1500 + later + 4 + estimate_text_tokens("Be brief.") + 4 + 3
                + estimate_text_tokens("Hello there") + 1000 + 2 * TOKENS_PER_IMAGE)
    assert estimate.tokens == expected
    assert estimate.cost == pytest.approx(expected * 2.0 / 1e6)
    assert estimate.currency == "CNY"
    assert estimate_next_prompt([], "hi").cost is None


@pytest.mark.parametrize("offset", [0, 8 * 3600, -5 * 3600, 19800])
@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_cells_sum_to_the_cli_groups_in_any_time_zone(store: Store, offset: int,
                                                      period: str) -> None:
    conv = store.create_conversation("tz").id
    for hour in range(0, 24 * 40, 7):  # across day, week and month boundaries
        reply(store, conv, f"p{hour % 3}", "m", T0 + hour * 3600, 10, 1, 0.001 * (hour % 5))
    cells = store.usage_cells(period, "provider", offset=offset)
    summed: dict[str, tuple[float, int]] = {}
    for cell in cells:
        cost, replies = summed.get(cell.period, (0.0, 0))
        summed[cell.period] = (cost + cell.cost, replies + cell.replies)
    rows = store.usage_by(period, offset=offset)
    assert {r.key: (pytest.approx(r.cost), r.replies) for r in rows} == summed
