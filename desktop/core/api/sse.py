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


class SSELimitError(ValueError):
    """A line or an event of the stream is longer than the limit; `size` is its length so far."""

    def __init__(self, what: str, size: int) -> None:
        super().__init__(f"{what} of {size} bytes")
        self.what = what
        self.size = size


class SSELengthGuard:
    """Measures the current line and event of an event stream as its bytes go by, so that a
    server cannot make a decoder buffer one endless line or event.

    `feed` raises `SSELimitError` once the line (bytes since the last line end) or the
    event (bytes since the last blank line) passes `limit`. It only looks for the last line
    end and blank line in each chunk, so it costs a few `rfind`s per chunk.
    """

    __slots__ = ("_event", "_last", "_line", "limit")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._line = 0
        self._event = 0
        self._last = 0  # the previous chunk's last byte

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        size = len(chunk)
        end = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
        self._line = self._line + size if end < 0 else size - end - 1
        # A blank line is two line ends in a row, CR LF counting as one.
        blank = max(chunk.rfind(b"\n\n"), chunk.rfind(b"\n\r"), chunk.rfind(b"\r\r"))
        if blank >= 0:
            self._event = size - blank - 2
        elif self._last in (0x0A, 0x0D) and chunk[0] in (0x0A, 0x0D) and not (
            self._last == 0x0D and chunk[0] == 0x0A
        ):
            self._event = size - 1
        else:
            self._event += size
        self._last = chunk[-1]
        if self._line > self.limit:
            raise SSELimitError("a line", self._line)
        if self._event > self.limit:
            raise SSELimitError("an event", self._event)
