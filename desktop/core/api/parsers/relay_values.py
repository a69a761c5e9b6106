"""Values from a relay that must not cost a reply: split surrogate pairs, huge numbers, deep JSON.

- A JSON chunk may end in the first half of a UTF-16 surrogate pair (`\\ud83d`) whose second
  half (`\\ude00`) comes in the next chunk. `SurrogateMender` joins such halves per text stream
  and replaces a half that stays alone by U+FFFD, so no text with a lone surrogate reaches
  SQLite or a terminal (both raise UnicodeEncodeError on it).
- Token counts must fit a signed 64-bit integer (SQLite INTEGER); others raise
  `RejectedValueError`.
- JSON deeper than `MAX_DEPTH` is refused; the stream parsers count either as one malformed
  chunk and go on with the next.
"""

from __future__ import annotations

import math
from typing import Any

from desktop.core.api.events import (
    ErrorEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEvent,
    TextDelta,
    ToolCallDelta,
)
from desktop.core.safe_text import without_lone_surrogates

MAX_COUNT = 2**63 - 1
"""The largest token count we store (SQLite INTEGER is signed 64-bit)."""
MAX_DEPTH = 64
"""Nesting allowed in one chunk; real chunks are under 10 levels deep."""

_HIGH_FIRST, _HIGH_LAST = "\ud800", "\udbff"


class RejectedValueError(ValueError):
    """A value in a chunk is out of range or too deep; the chunk is dropped, not the reply."""


def as_count(value: Any) -> int | None:
    """A token count: an int (or integral float or digit string) in 0..2^63-1, else raise.

    None when the field is absent or not a number at all (relays put odd things there).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            raise RejectedValueError(f"token count {value!r} is not a whole number")
        if not 0 <= value <= MAX_COUNT:
            raise RejectedValueError("token count out of range")
        return int(value)
    if isinstance(value, str):
        digits = value.strip()
        if not digits.isdigit():
            return None
        if len(digits) > 19:
            raise RejectedValueError("token count out of range")
        value = int(digits)
    if not isinstance(value, int):
        return None
    if not 0 <= value <= MAX_COUNT:
        raise RejectedValueError("token count out of range")
    return value


def may_be_deep(raw: str) -> bool:
    """Cheap upper bound: can this text hold JSON nested deeper than MAX_DEPTH?"""
    return raw.count("{") + raw.count("[") > MAX_DEPTH


def check_depth(obj: Any, limit: int = MAX_DEPTH) -> None:
    """Raise RejectedValueError if `obj` nests lists/dicts deeper than `limit` (no recursion)."""
    stack: list[tuple[Any, int]] = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > limit:
            raise RejectedValueError(f"JSON nested deeper than {limit} levels")
        stack.extend((child, depth + 1) for child in children)


class SurrogateMender:
    """Joins surrogate halves split across the text deltas of one stream (per choice and kind)."""

    __slots__ = ("_held",)

    def __init__(self) -> None:
        self._held: dict[tuple[Any, ...], tuple[StreamEvent, str]] = {}

    def mend(self, events: list[StreamEvent]) -> list[StreamEvent]:
        """The events with every string safe; a trailing high surrogate waits for its pair."""
        if not events:
            return events
        out: list[StreamEvent] = []
        for event in events:
            mended = self._mend(event)
            if mended is not None:
                out.append(mended)
        return out

    def flush(self) -> list[StreamEvent]:
        """End of stream: halves still waiting become U+FFFD."""
        out = [self._with_text(event, "\ufffd") for event, _ in self._held.values()]
        self._held.clear()
        return out

    def _mend(self, event: StreamEvent) -> StreamEvent | None:
        kind = type(event)
        if kind is TextDelta or kind is ReasoningDelta or kind is RefusalDelta:
            assert isinstance(event, TextDelta | ReasoningDelta | RefusalDelta)
            return self._mend_text(event, (kind, event.index), event.text)
        if kind is ToolCallDelta:
            assert isinstance(event, ToolCallDelta)
            fixed = ToolCallDelta(
                event.index,
                event.call_index,
                None if event.id is None else without_lone_surrogates(event.id),
                None if event.name is None else without_lone_surrogates(event.name),
                event.arguments,
            )
            return self._mend_text(fixed, (kind, event.index, event.call_index), event.arguments)
        if kind is MetadataEvent:
            assert isinstance(event, MetadataEvent)
            return MetadataEvent(
                None if event.response_id is None else without_lone_surrogates(event.response_id),
                None if event.model is None else without_lone_surrogates(event.model),
            )
        if kind is ErrorEvent:
            assert isinstance(event, ErrorEvent)
            return ErrorEvent(
                without_lone_surrogates(event.message),
                None if event.code is None else without_lone_surrogates(event.code),
                None if event.type is None else without_lone_surrogates(event.type),
                event.status,
                without_lone_surrogates(event.raw),
            )
        return event

    def _mend_text(self, event: StreamEvent, key: tuple[Any, ...], text: str) -> StreamEvent | None:
        held = self._held.pop(key, None)
        if held is not None:
            text = held[1] + text
        elif not text or text.isascii():
            return event
        if text and _HIGH_FIRST <= text[-1] <= _HIGH_LAST:
            self._held[key] = (event, text[-1])
            text = text[:-1]
            if not text:
                return self._with_text(event, "") if isinstance(event, ToolCallDelta) else None
        return self._with_text(event, without_lone_surrogates(text))

    @staticmethod
    def _with_text(event: StreamEvent, text: str) -> StreamEvent:
        if isinstance(event, ToolCallDelta):
            return ToolCallDelta(event.index, event.call_index, event.id, event.name, text)
        assert isinstance(event, TextDelta | ReasoningDelta | RefusalDelta)
        return type(event)(event.index, text)
