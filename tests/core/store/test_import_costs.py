"""A JSON export → import round trip keeps what each reply cost; a hostile `cost` is refused
with the field named, and nothing is imported."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.paths import DataDir
from desktop.core.pricing.cost import MAX_PRICE_JSON, MessageCost
from desktop.core.store import ImportFormatError, Role, Store
from desktop.core.store.export_json import write_json
from desktop.core.store.importer import import_file


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(DataDir(tmp_path / "a").ensure(), backup_interval=None) as opened:
        yield opened


def exported(store: Store, tmp_path: Path) -> Path:
    conv = store.create_conversation("Costs").id
    store.append_message(conv, Role.USER, "first")
    one = store.append_message(conv, Role.ASSISTANT, "one", model="m", provider="p")
    store.append_message(conv, Role.USER, "second")
    two = store.append_message(conv, Role.ASSISTANT, "two", model="m", provider="p")
    store.set_message_costs({one.id: MessageCost(0.0123, "USD", '{"input":1.0}'),
                             two.id: MessageCost(1.5, "CNY", None, estimated=True)})
    out = tmp_path / "export.json"
    write_json(store, [conv], out)
    return out


def test_round_trip_keeps_costs_prices_and_estimates(store: Store, tmp_path: Path) -> None:
    out = exported(store, tmp_path)
    with Store.open(DataDir(tmp_path / "b").ensure(), backup_interval=None) as other:
        [new_id] = import_file(other, out)
        costs = [m.cost for m in other.messages(new_id)]
    assert costs == [None, MessageCost(0.0123, "USD", '{"input":1.0}'), None,
                     MessageCost(1.5, "CNY", None, estimated=True)]


def _with_cost(out: Path, cost: Any) -> Path:
    document = json.loads(out.read_text(encoding="utf-8"))
    document["conversations"][0]["messages"][1]["cost"] = cost
    out.write_text(json.dumps(document), encoding="utf-8")
    return out


@pytest.mark.parametrize(("cost", "needle"), [
    ("cheap", "messages[1].cost': must be an object"),
    ({"currency": "USD"}, "cost.amount': is missing"),
    ({"amount": -1, "currency": "USD"}, "cost.amount': -1 is out of range"),
    ({"amount": 1e300, "currency": "USD"}, "out of range"),
    ({"amount": True, "currency": "USD"}, "cost.amount': must be a number"),
    ({"amount": 1, "currency": "<script>"}, "must be a currency code"),
    ({"amount": 1, "currency": "US DOLLARS!"}, "must be a currency code"),
    ({"amount": 1, "currency": "USD", "estimated": "yes"}, "cost.estimated': must be true"),
    ({"amount": 1, "currency": "USD", "prices": [1, 2]}, "cost.prices': must be an object"),
])
def test_hostile_cost_is_refused_and_nothing_imported(
    store: Store, tmp_path: Path, cost: Any, needle: str,
) -> None:
    out = _with_cost(exported(store, tmp_path), cost)
    with Store.open(DataDir(tmp_path / "b").ensure(), backup_interval=None) as other:
        with pytest.raises(ImportFormatError) as info:
            import_file(other, out)
        assert needle in str(info.value)
        assert other.count_conversations() == 0


def test_oversized_or_deep_prices_keep_the_cost_but_not_the_prices(
    store: Store, tmp_path: Path,
) -> None:
    huge = {"note": "x" * (MAX_PRICE_JSON + 10)}
    out = _with_cost(exported(store, tmp_path), {"amount": 2, "currency": "eur",
                                                 "prices": huge})
    with Store.open(DataDir(tmp_path / "b").ensure(), backup_interval=None) as other:
        [new_id] = import_file(other, out)
        assert other.messages(new_id)[1].cost == MessageCost(2.0, "EUR", None)
    deep: Any = {}
    for _ in range(40):
        deep = {"d": deep}
    _with_cost(out, {"amount": 2, "currency": "USD", "prices": deep})
    with (Store.open(DataDir(tmp_path / "c").ensure(), backup_interval=None) as third,
          pytest.raises(ImportFormatError, match="nested deeper")):
        import_file(third, out)
