"""Exports carry what replies cost: a line per priced reply and the totals per currency."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.pricing.cost import MessageCost
from desktop.core.reply_parts import Usage
from desktop.core.store import Store
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.models import Role


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(DataDir(tmp_path).ensure(), backup_interval=None) as opened:
        yield opened


def priced_conversation(store: Store) -> int:
    conv = store.create_conversation("Costs").id
    store.append_message(conv, Role.USER, "first")
    one = store.append_message(conv, Role.ASSISTANT, "one", model="m", provider="p",
                               usage=Usage(10, 5))
    store.append_message(conv, Role.USER, "second")
    two = store.append_message(conv, Role.ASSISTANT, "two", model="m", provider="p")
    store.set_message_costs({one.id: MessageCost(0.0123, "USD", '{"input": 1.0}'),
                             two.id: MessageCost(1.5, "CNY", None, estimated=True)})
    return conv


def test_markdown_has_a_cost_per_reply_and_the_totals(store: Store) -> None:
    text = export_markdown(store, priced_conversation(store))
    assert "*Cost: $0.0123*" in text
    assert "*Cost: ≈ ¥1.50 (estimate)*" in text
    assert text.rstrip().endswith("**Total cost:** ≈ ¥1.50 + $0.0123")


def test_html_notes_each_cost_and_the_total(store: Store) -> None:
    page = export_html(store, priced_conversation(store))
    assert "m · $0.0123</span>" in page
    assert "Total cost: ≈ ¥1.50 + $0.0123</p>" in page


def test_json_keeps_cost_and_totals(store: Store) -> None:
    data = export_json(store, [priced_conversation(store)])
    conversation = data["conversations"][0]
    costs = [m["cost"] for m in conversation["messages"]]
    assert costs[0] is None
    assert costs[1] == {"amount": 0.0123, "currency": "USD", "estimated": False,
                        "prices": {"input": 1.0}}
    assert costs[3]["estimated"] is True
    assert conversation["total_cost"] == {"CNY": 1.5, "USD": 0.0123}


def test_unpriced_conversations_export_as_before(store: Store) -> None:
    conv = store.create_conversation("Plain").id
    store.append_message(conv, Role.USER, "hi")
    assert "Cost" not in export_markdown(store, conv)
    assert "Total cost" not in export_html(store, conv)
