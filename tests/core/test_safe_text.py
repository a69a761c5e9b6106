"""Text made safe to store and to print: no lone surrogates, nothing a terminal acts on."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.safe_text import SafeOutput, json_safe, terminal_safe, without_lone_surrogates

HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x2070),
        st.sampled_from(["\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\ud83d", "\ude00"]),
    ),
    max_size=60,
)


@given(HOSTILE)
def test_terminal_safe_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    safe = terminal_safe(text)
    safe.encode("utf-8")  # never raises
    controls = [c for c in safe if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not controls
    assert not any(c in safe for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@given(HOSTILE)
def test_json_safe_is_the_same_json(text: str) -> None:
    dumped = json.dumps({"t": text}, ensure_ascii=False)
    safe = json_safe(dumped)
    assert json.loads(safe) == {"t": text}
    assert safe.isascii() or "\x9b" not in safe
    safe.encode("utf-8")


def test_known_sequences_are_shown_not_sent() -> None:
    assert terminal_safe("a\x1b]52;c;eA==\x07b") == "a\\x1b]52;c;eA==\\x07b"
    assert terminal_safe("\x1b[2J\tok\n") == "\\x1b[2J\tok\n"
    assert terminal_safe("\u202eevil") == "\\u202eevil"
    assert terminal_safe("line\r\nfake\rover") == "line\nfake\\x0dover"
    assert without_lone_surrogates("\ud83d\ude00 \udc00") == "\U0001f600 \ufffd"


def test_safe_output_neutralises_only_a_terminal_unless_raw() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, raw, expected in (
        (Tty(), False, "\\x1b[2J"), (Tty(), True, "\x1b[2J"), (io.StringIO(), False, "\x1b[2J"),
    ):
        SafeOutput(stream, raw=raw).write("\x1b[2J\udc00")
        assert stream.getvalue() == expected + "\ufffd"
