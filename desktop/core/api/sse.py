"""Server-sent events decoded from raw bytes, following the WHATWG event-stream rules.

Lines end at CR, LF or CRLF (also when a CRLF is split across two chunks); each complete line
is decoded as UTF-8 on its own, so a character split across chunks is fine and U+2028/U+0085
inside JSON never end a line (which `str.splitlines()` and httpx `aiter_lines()` would do).
"""

from __future__ import annotations

from typing import NamedTuple

_BOM = b"\xef\xbb\xbf"


class ServerSentEvent(NamedTuple):
    """One dispatched event. `id` is the last event id seen so far (it persists, per the spec).

    A named tuple rather than a dataclass: immutable, and cheap to create at 100,000+ a second.
    """

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None


class SSEDecoder:
    """Incremental event-stream decoder: feed bytes in any chunking, get whole events back.

    Unlike a browser's EventSource, `close()` also dispatches a pending event that has data
    but no terminating blank line, since relays often omit it at the end of the body.
    """

    __slots__ = (
        "_data",
        "_event",
        "_last_id",
        "_pending",
        "_retry",
        "_skip_lf",
        "_started",
        "comments",
        "last_retry",
    )

    def __init__(self) -> None:
        self._pending: list[bytes] = []  # pieces of the current, not yet terminated line
        self._skip_lf = False  # the previous chunk ended with CR: a leading LF belongs to it
        self._started = False  # the first line (and its BOM) has been seen
        self._data: list[bytes] = []
        self._event = ""
        self._retry: int | None = None
        self._last_id: str | None = None
        self.comments = 0
        """Number of comment lines (keep-alives such as `: ping`) seen so far."""
        self.last_retry: int | None = None
        """The most recent valid `retry:` value (reconnection time in ms)."""

    @property
    def last_event_id(self) -> str | None:
        """The last event id buffer (None until an `id:` field was seen)."""
        return self._last_id

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode the next piece of the body; return the events it completed."""
        if not chunk:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if chunk[0] == 0x0A:
                chunk = chunk[1:]
                if not chunk:
                    return []
        if b"\r" in chunk:
            if chunk[-1] == 0x0D:
                self._skip_lf = True
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        if b"\n" not in chunk:
            self._pending.append(chunk)
            return []
        if self._pending:
            self._pending.append(chunk)
            chunk = b"".join(self._pending)
            self._pending = []
        if not self._started:
            self._started = True
            if chunk.startswith(_BOM):
                chunk = chunk[3:]
        lines = chunk.split(b"\n")
        tail = lines.pop()
        if tail:
            self._pending.append(tail)
        events: list[ServerSentEvent] = []
        data = self._data
        # The loop handles the two lines of a typical event inline; other fields go to _field.
        for line in lines:
            if line.startswith(b"data: "):
                data.append(line[6:])
            elif not line:
                if data:
                    raw = data[0] if len(data) == 1 else b"\n".join(data)
                    events.append(
                        ServerSentEvent(
                            self._event or "message",
                            raw.decode("utf-8", "replace"),
                            self._last_id,
                            self._retry,
                        )
                    )
                    data = self._data = []
                self._event = ""
                self._retry = None
            else:
                self._field(line)
        return events

    def close(self) -> list[ServerSentEvent]:
        """End of body: finish an unterminated last line and dispatch a pending event."""
        if self._pending:
            line = b"".join(self._pending)
            self._pending = []
            if not self._started and line.startswith(_BOM):
                line = line[3:]
            self._started = True
            self._field_or_data(line)
        self._skip_lf = False
        return self.feed(b"\n")

    def _field_or_data(self, line: bytes) -> None:
        if line.startswith(b"data: "):
            self._data.append(line[6:])
        else:
            self._field(line)

    def _field(self, line: bytes) -> None:
        """Interpret a non-empty line other than `data: ...` (without its line end)."""
        colon = line.find(b":")
        if colon == 0:
            self.comments += 1
            return
        if colon < 0:
            name, value = line, b""
        else:
            name = line[:colon]
            value = line[colon + 2 :] if line[colon + 1 : colon + 2] == b" " else line[colon + 1 :]
        if name == b"data":
            self._data.append(value)
        elif name == b"event":
            self._event = value.decode("utf-8", "replace")
        elif name == b"id":
            if b"\x00" not in value:
                self._last_id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit():
            self._retry = int(value)
            self.last_retry = self._retry
        # Any other field name is ignored, as the spec says.
