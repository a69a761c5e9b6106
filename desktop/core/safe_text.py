"""Text from a model, a relay or an import made safe to store and to print.

- `without_lone_surrogates`: SQLite and UTF-8 output raise UnicodeEncodeError on a lone UTF-16
  surrogate (what a JSON `\\ud83d` escape without its pair decodes to); pairs are joined and a
  lone half becomes U+FFFD.
- `terminal_safe`: model text and titles must not drive the terminal. Escape sequences (CSI,
  OSC, including OSC 52 clipboard writes and window titles, DCS/APC/PM strings), C0 and C1
  controls other than newline and tab, and bidi overrides are shown as visible `\\xNN` /
  `\\u202e` escapes instead of being sent to the terminal.
"""

from __future__ import annotations

import re
from typing import TextIO

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 controls except \t and \n, DEL, C1 controls, and the bidi embedding/override/isolate marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_lone_surrogates(text: str) -> str:
    """The text with surrogate pairs joined into their characters and lone halves as U+FFFD."""
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with nothing a terminal would act on: controls shown as escapes (`\\x1b`).

    An ESC (or C1 CSI/OSC) is what starts every escape sequence; with it shown as the four
    characters `\\x1b`, the rest of the sequence is inert text the reader can still see.
    CRLF becomes LF. A lone surrogate becomes U+FFFD so printing never raises
    UnicodeEncodeError.
    """
    text = without_lone_surrogates(text)
    if text.isascii() and text.isprintable():
        return text
    if "\r" in text:  # CRLF line ends are harmless; a lone CR could overwrite a line
        text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_visible, text)


_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def json_safe(dumped: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with C1 controls, bidi marks
    and lone surrogates written as `\\uXXXX` escapes: the same JSON, safe to print anywhere.

    `json.dumps` already escapes C0 controls (ESC included); these are the characters it
    leaves raw. They only occur inside strings, where the escape means the same character.
    """
    if dumped.isascii():
        return dumped
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def is_terminal(stream: TextIO) -> bool:
    """Whether `stream` is an interactive terminal (False for pipes, files, closed streams)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class SafeOutput:
    """Where the commands print model text, titles and provider messages.

    On a terminal every write goes through `terminal_safe` unless `raw` (then the bytes are
    kept, as for a pipe); elsewhere the text is kept as it is, with lone surrogates replaced
    so that printing never raises UnicodeEncodeError.
    """

    def __init__(self, stream: TextIO, *, raw: bool = False) -> None:
        self.stream = stream
        self.neutralises = not raw and is_terminal(stream)
        self.clean = terminal_safe if self.neutralises else without_lone_surrogates

    def write(self, text: str) -> None:
        self.stream.write(self.clean(text))

    def print(self, text: str = "", end: str = "\n") -> None:
        self.stream.write(self.clean(text) + end)

    def flush(self) -> None:
        self.stream.flush()
