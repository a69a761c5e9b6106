"""The price table is loaded ahead of the first send, on a thread of its own."""

from __future__ import annotations

import sys

from desktop.core.pricing import prices


def test_warming_loads_the_table_and_says_so() -> None:
    prices.warm_price_data()
    assert prices.PRICE_DATA_WARM.is_set()
    assert "genai_prices.data_snapshot" in sys.modules
    known = prices.lookup_data_price("gpt-4o-mini")
    assert known is not None and known.input > 0
