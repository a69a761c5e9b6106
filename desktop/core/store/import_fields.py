"""Typed field access for import files: every failure names the file, conversation and field.

Every value is checked for type and range, so that nothing an import writes can break the
history later: integers must fit SQLite's 64 bits, numbers must be finite, times must lie
between 1970 and the year 9999, free-form JSON (`params`) is limited in depth, and a lone
UTF-16 surrogate in a string (which SQLite cannot store) becomes U+FFFD.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from desktop.core.pricing.cost import MAX_PRICE_JSON, MessageCost
from desktop.core.safe_text import without_lone_surrogates
from desktop.core.store.errors import ImportFormatError

T = TypeVar("T")

_TYPE_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true or false",
               list: "a list", dict: "an object"}
MAX_INTEGER = 2**63 - 1
MAX_TIMESTAMP = 253_402_214_400.0
"""9999-12-31 00:00 UTC: the last day `datetime` can show in every time zone."""
MAX_MEASURE = 1e15
"""Ceiling of a duration in ms or a rate in tokens/s: anything bigger is garbage."""
MAX_COST = 1e12
"""Ceiling of one reply's cost in any currency: anything bigger is garbage."""
MAX_JSON_DEPTH = 32
"""Nesting allowed in free-form JSON such as a conversation's parameters."""


class FieldReader:
    """Reads fields of one conversation of an import file, raising ImportFormatError."""

    def __init__(self, file: Path, conversation: str | None = None) -> None:
        self.file = file
        self.conversation = conversation

    def fail(self, field: str, problem: str) -> NoReturn:
        raise ImportFormatError(self.file, problem, conversation=self.conversation, field=field)

    def get(
        self, obj: Any, key: str, kind: type[T] | tuple[type, ...], field: str,
        *, required: bool = True, default: Any = None,
    ) -> Any:
        """`obj[key]` checked against `kind` (None is accepted when not required).

        Numbers must be finite and integers fit in 64 bits; strings come back without lone
        surrogates.
        """
        if not isinstance(obj, dict):
            self.fail(field.rsplit(".", 1)[0] or field, "is not an object")
        if key not in obj or obj[key] is None:
            if required:
                self.fail(field, "is missing")
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if float in kinds and int not in kinds:
            kinds = (*kinds, int)
        if isinstance(value, bool) and bool not in kinds:
            self.fail(field, f"must be {_TYPE_NAMES.get(kinds[0], kinds[0].__name__)}")
        if not isinstance(value, kinds):
            self.fail(field, f"must be {_TYPE_NAMES.get(kinds[0], kinds[0].__name__)}, "
                             f"not {type(value).__name__}")
        return self._checked(value, field)

    def _checked(self, value: Any, field: str) -> Any:
        if isinstance(value, str):
            return value if value.isascii() else without_lone_surrogates(value)
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(field, f"{value} is not a finite number")
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INTEGER:
            self.fail(field, "is out of range (more than 64 bits)")
        return value

    def number(
        self, obj: Any, key: str, field: str, low: float, high: float, *,
        required: bool = False, default: float | None = None,
    ) -> float | None:
        """A finite number in [low, high]; None (or `default`) when absent and not required."""
        value = self.get(obj, key, float, field, required=required)
        if value is None:
            return default
        if not low <= value <= high:
            self.fail(field, f"{value:g} is out of range ({low:g} to {high:g})")
        return float(value)

    def timestamp(
        self, obj: Any, key: str, field: str, *, default: float | None = None,
    ) -> float:
        """Seconds since 1970 up to the year 9999; required unless a default is given."""
        value = self.number(obj, key, field, 0.0, MAX_TIMESTAMP, required=default is None,
                            default=default)
        assert value is not None
        return value

    def measure(self, obj: Any, key: str, field: str) -> float | None:
        """An optional duration or rate: finite, not negative."""
        return self.number(obj, key, field, 0.0, MAX_MEASURE)

    def count(self, obj: Any, key: str, field: str) -> int | None:
        """An optional token count: a whole number from 0 to 2^63-1."""
        value: int | None = self.get(obj, key, int, field, required=False)
        if value is not None and value < 0:
            self.fail(field, f"{value} is negative")
        return value

    def cost(self, obj: Any, field: str) -> MessageCost | None:
        """A reply's exported `cost` ({amount, currency, estimated, prices}), or None.

        The prices kept with it are dropped (not the cost) when they are not an object or
        take more than the store keeps."""
        raw = self.get(obj, "cost", dict, field, required=False)
        if raw is None:
            return None
        amount = self.number(raw, "amount", f"{field}.amount", 0.0, MAX_COST, required=True)
        currency = self.get(raw, "currency", str, f"{field}.currency").strip().upper()
        if not 1 <= len(currency) <= 8 or not currency.isascii() or not currency.isalpha():
            self.fail(f"{field}.currency", "must be a currency code such as USD or CNY")
        estimated = bool(self.get(raw, "estimated", bool, f"{field}.estimated",
                                  required=False, default=False))
        prices = self.get(raw, "prices", dict, f"{field}.prices", required=False)
        price_json = None
        if prices:
            text = json.dumps(self.free_json(prices, f"{field}.prices"), ensure_ascii=False,
                              separators=(",", ":"))
            price_json = text if len(text) <= MAX_PRICE_JSON else None
        assert amount is not None
        return MessageCost(amount, currency, price_json, estimated)

    def free_json(self, value: Any, field: str) -> Any:
        """Free-form JSON (parameters): depth, numbers and strings checked all the way down."""
        stack: list[tuple[Any, int]] = [(value, 0)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_JSON_DEPTH:
                self.fail(field, f"is nested deeper than {MAX_JSON_DEPTH} levels")
            if isinstance(item, dict):
                stack.extend((child, depth + 1) for child in item.values())
                for name in item:
                    self._plain_text(name, field)
            elif isinstance(item, list):
                stack.extend((child, depth + 1) for child in item)
            elif isinstance(item, str):
                self._plain_text(item, field)
            else:
                self._checked(item, field)
        return value

    def _plain_text(self, text: str, field: str) -> None:
        if not text.isascii() and without_lone_surrogates(text) != text:
            self.fail(field, "holds text that is not valid Unicode (a lone surrogate)")
