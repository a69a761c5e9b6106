"""What every stream parser shares: SSE decoding, JSON per event, and the relay quirks.

Handled here for all API styles:
- a plain JSON body where a stream was asked for (the body starts with `{` or `[`): buffered
  and turned into the same events at `close()`; JSON lines without `data:` work too;
- `data: [DONE]` (also with trailing spaces) and `event: error` with JSON or plain-text data;
- malformed JSON in a data line is skipped and counted (`malformed_chunks`), so garbage from
  a relay cannot kill a good reply; only when nothing parseable arrived at all does it become
  an `ErrorEvent`. Several JSON objects in one event (lines not separated by a blank line)
  are parsed one by one;
- a body that is neither an event stream nor JSON (an HTML page with status 200) becomes an
  `ErrorEvent` quoting its start;
- a chunk nested too deep or with an out-of-range number is dropped and counted as malformed
  (events it gave before the bad value are kept), and surrogate halves split across chunks are
  joined (`relay_values`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from desktop.core.api.events import (
    AnnotationsEvent,
    ChatResult,
    ErrorEvent,
    FinishEvent,
    LogprobsEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEnd,
    StreamEvent,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.api.parsers.provider_json import (
    MalformedResponseError,
    ResponseBodyError,
    error_event,
    is_error_body,
    parse_chat_response,
    snippet,
)
from desktop.core.api.parsers.relay_values import (
    RejectedValueError,
    SurrogateMender,
    check_depth,
    may_be_deep,
)
from desktop.core.api.sse import ServerSentEvent, SSEDecoder
from desktop.core.api.styles import ApiStyle

_HEAD_LIMIT = 512
# The C scanner behind json.loads, called directly: it skips two Python-level wrappers and a
# whitespace regex per call, which is about 40% of the cost of a small chunk.
_scan_json: Callable[[str, int], tuple[Any, int]] = vars(json.JSONDecoder())["scan_once"]
_JSON_START = frozenset(b"{[")
_BOM = b"\xef\xbb\xbf"


def _glued_objects(data: str) -> list[Any] | None:
    """Two or more JSON objects back to back in one data field, else None."""
    objects: list[Any] = []
    position, size = 0, len(data)
    while position < size:
        while position < size and data[position] in " \t\r\n":
            position += 1
        if position == size:
            break
        if data[position] != "{":
            return None
        try:
            obj, position = _scan_json(data, position)
        except (StopIteration, ValueError, RecursionError):
            return None
        objects.append(obj)
    return objects if len(objects) > 1 else None


def result_to_events(result: ChatResult) -> list[StreamEvent]:
    """The events a stream would have carried for a complete reply (without StreamEnd)."""
    events: list[StreamEvent] = []
    if result.response_id is not None or result.model is not None:
        events.append(MetadataEvent(result.response_id, result.model))
    for choice in result.choices:
        index = choice.index
        if choice.reasoning:
            events.append(ReasoningDelta(index, choice.reasoning))
        if choice.text:
            events.append(TextDelta(index, choice.text))
        if choice.refusal:
            events.append(RefusalDelta(index, choice.refusal))
        for call_index, call in enumerate(choice.tool_calls):
            events.append(ToolCallDelta(index, call_index, call.id, call.name, call.arguments))
        if choice.annotations:
            events.append(AnnotationsEvent(index, tuple(choice.annotations)))
        if choice.logprobs:
            events.append(LogprobsEvent(index, tuple(choice.logprobs)))
        if choice.finish_reason:
            events.append(FinishEvent(index, choice.finish_reason))
    if result.usage is not None:
        events.append(UsageEvent(result.usage))
    return events


class JsonEventStreamParser:
    """Base of the per-style parsers: subclasses implement `_on_json` (and `_flush`)."""

    style: ApiStyle = ApiStyle.OPENAI_CHAT

    def __init__(self) -> None:
        self._sse = SSEDecoder()
        self._mode: str | None = None  # None until sniffed, then "sse" or "json"
        self._lead = b""  # leading bytes while the mode is undecided
        self._head = b""  # start of the body, quoted when it is neither SSE nor JSON
        self._body: list[bytes] = []  # a plain JSON body, parsed at close()
        self._sse_events = 0
        self._parsed = 0
        self._closed = False
        self.malformed_chunks = 0
        """Data events that were not valid JSON and were skipped."""
        self._first_malformed = ""
        self.done_marker = False
        self.error_seen = False
        self._json_complete = False
        self._mender = SurrogateMender()

    # -- the StreamParser protocol --------------------------------------------------------

    def feed(self, data: bytes) -> list[StreamEvent]:
        """Decode the next piece of the body into events."""
        if self._mode != "sse":
            if self._mode == "json":
                self._body.append(data)
                return []
            data = self._sniff(data)
            if not data:
                return []
        out: list[StreamEvent] = []
        for event in self._sse.feed(data):
            self._on_event(event, out)
        return self._mender.mend(out)

    def close(self) -> list[StreamEvent]:
        """End of body: flush everything, then exactly one StreamEnd."""
        out: list[StreamEvent] = []
        if self._closed:
            return out
        self._closed = True
        if self._mode == "json":
            self._on_json_body(b"".join(self._body), out)
        elif self._mode == "sse":
            for event in self._sse.close():
                self._on_event(event, out)
        self._flush(out)
        if not self._parsed and not self.error_seen:
            self._explain_nothing_parsed(out)
        interrupted = self.error_seen or not (
            self.done_marker or self._json_complete or self._complete()
        )
        out = self._mender.mend(out)
        out.extend(self._mender.flush())
        out.append(StreamEnd(interrupted=interrupted, done_marker=self.done_marker))
        return out

    # -- hooks for subclasses --------------------------------------------------------------

    def _on_json(self, event: str, obj: Any, raw: str, out: list[StreamEvent]) -> None:
        """Turn one parsed JSON payload into events."""
        raise NotImplementedError

    def _flush(self, out: list[StreamEvent]) -> None:
        """Emit whatever is held back (partial think tags) at the end of the body."""

    def _complete(self) -> bool:
        """Whether the reply ended properly (a finish reason, `message_stop`, ...)."""
        return False

    # -- shared machinery ------------------------------------------------------------------

    def _error(self, error: Any, raw: str, out: list[StreamEvent]) -> None:
        """Record a provider error reported inside the stream."""
        self.error_seen = True
        out.append(error_event(error, raw))

    def _dispatch(self, event: str, obj: Any, raw: str, out: list[StreamEvent]) -> None:
        """`_on_json` for one chunk; a too deep or out-of-range chunk only counts as malformed."""
        try:
            if not raw or may_be_deep(raw):
                check_depth(obj)
            self._on_json(event, obj, raw, out)
        except (RejectedValueError, RecursionError):
            self._count_malformed(raw)
            return
        self._parsed += 1

    def _count_malformed(self, data: str) -> None:
        self.malformed_chunks += 1
        if not self._first_malformed:
            self._first_malformed = data

    def _sniff(self, data: bytes) -> bytes:
        """Decide from the first significant byte whether the body is SSE or plain JSON."""
        lead = self._lead + data
        significant = lead.lstrip(b" \t\r\n")
        if significant.startswith(_BOM):
            significant = significant[3:].lstrip(b" \t\r\n")
        if not significant or _BOM.startswith(significant):
            self._lead = lead
            return b""
        self._lead = b""
        if significant[0] in _JSON_START:
            self._mode = "json"
            self._body.append(lead)
            return b""
        self._mode = "sse"
        self._head = lead[:_HEAD_LIMIT]
        return lead

    def _on_event(self, event: ServerSentEvent, out: list[StreamEvent]) -> None:
        self._sse_events += 1
        data = event.data
        if event.event == "error":
            self._on_error_event(data, out)
            return
        if data.startswith("[DONE]") and not data[6:].strip():
            self.done_marker = True
            return
        try:
            obj, end = _scan_json(data, 0)
            if end != len(data) and data[end:].strip():
                raise ValueError("extra data")
        except (StopIteration, ValueError, RecursionError):
            try:
                obj = json.loads(data)  # leading whitespace, or a real error
            except (ValueError, RecursionError):
                self._on_malformed(event.event, data, out)
                return
        self._dispatch(event.event, obj, data, out)

    def _on_error_event(self, data: str, out: list[StreamEvent]) -> None:
        """`event: error`: the data is a JSON error object or plain text."""
        try:
            obj: Any = json.loads(data)
            check_depth(obj)
        except (ValueError, RecursionError):
            obj = data
        self._error(obj or data, data, out)

    def _on_malformed(self, event: str, data: str, out: list[StreamEvent]) -> None:
        """A data event that is not one JSON value: several lines of JSON, or garbage."""
        if not data.strip():
            return
        glued = _glued_objects(data)
        if glued is not None:  # {...}{...} on one line: some relays batch chunks this way
            for obj in glued:
                self._dispatch(event, obj, data, out)
            return
        lines = [line for line in data.split("\n") if line.strip()]
        if len(lines) > 1:
            objects: list[Any] = []
            for line in lines:
                line = line.strip()
                if line.startswith("data:"):
                    line = line[5:].strip()
                if line == "[DONE]":
                    objects.append(None)
                    continue
                try:
                    objects.append(json.loads(line))
                except (ValueError, RecursionError):
                    break
            else:
                for line, obj in zip(lines, objects, strict=True):
                    if obj is None:
                        self.done_marker = True
                    else:
                        self._dispatch(event, obj, line, out)
                return
        self._count_malformed(data)

    def _on_json_body(self, body: bytes, out: list[StreamEvent]) -> None:
        """A plain JSON body instead of a stream: a whole reply, an error, or JSON lines."""
        try:
            obj: Any = json.loads(body)
        except (ValueError, RecursionError):
            self._on_json_lines(body, out)
            return
        if isinstance(obj, list):
            # A JSON array of stream chunks (what some relays send without SSE framing).
            for item in obj:
                self._dispatch("message", item, "", out)
            return
        raw = body.decode("utf-8", "replace")
        try:
            check_depth(obj)
        except RejectedValueError:
            self._count_malformed(raw)
            return
        self._parsed += 1
        if is_error_body(obj):
            self._error(obj, raw, out)
            return
        try:
            result = parse_chat_response(self.style, obj)
        except ResponseBodyError as error:
            self.error_seen = True
            out.append(error.error)
            return
        except MalformedResponseError:
            # Perhaps a single stream chunk sent on its own.
            self._parsed -= 1
            self._dispatch("message", obj, raw, out)
            return
        except RecursionError:
            self._count_malformed(raw)
            return
        out.extend(result_to_events(result))
        self._json_complete = not result.interrupted

    def _on_json_lines(self, body: bytes, out: list[StreamEvent]) -> None:
        """Newline-delimited JSON chunks; anything else is reported as unreadable."""
        text = body.decode("utf-8", "replace")
        objects: list[Any] = []
        for line in text.split("\n"):
            if line.strip():
                try:
                    objects.append(json.loads(line))
                except (ValueError, RecursionError):
                    objects = []
                    break
        if not objects:
            self._count_malformed(text)
            return
        for obj in objects:
            self._dispatch("message", obj, "", out)

    def _explain_nothing_parsed(self, out: list[StreamEvent]) -> None:
        """Nothing usable arrived: say why, quoting what did arrive."""
        if self.malformed_chunks:
            self.error_seen = True
            out.append(
                ErrorEvent(
                    message=(
                        f"The provider sent {self.malformed_chunks} stream chunk(s) that are not "
                        f"valid JSON and nothing else: {snippet(self._first_malformed)}"
                    ),
                    type="malformed_stream",
                    raw=self._first_malformed[:4096],
                )
            )
        elif (
            self._mode == "sse"
            and not self._sse_events
            and not self._sse.comments
            and self._head.strip()
        ):
            self.error_seen = True
            out.append(
                ErrorEvent(
                    message=(
                        "The provider's reply is neither an event stream nor JSON: "
                        f"{snippet(self._head)}"
                    ),
                    type="malformed_stream",
                    raw=self._head.decode("utf-8", "replace"),
                )
            )
