"""Text files (plain, Markdown, code, CSV, JSON, HTML as text) decoded with their encoding found.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else strict UTF-8; else
charset-normalizer's best guess, where any Chinese guess (GB2312, GBK, HZ) is read as GB18030,
the superset, and a tie with a Chinese code page goes to GB18030. A file with NUL bytes and
no UTF-16/32 mark is binary, not text.
"""

from __future__ import annotations

import codecs
import re

from desktop.core.documents.errors import UnsupportedDocumentError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CHINESE = {"gb2312", "gbk", "gb18030", "hz", "hz_gb_2312", "cp936"}
_SNIFF_BYTES = 8192
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start and no UTF-16/32 byte-order mark: not a text file."""
    return _bom_encoding(data) is None and b"\x00" in data[:_SNIFF_BYTES]


def detect_encoding(data: bytes) -> str | None:
    """The encoding to read `data` with, or None when it is not text in any known encoding."""
    bom = _bom_encoding(data)
    if bom is not None:
        return bom
    if looks_binary(data):
        return None
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # its tables hold ~3 MB: loaded when needed

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    # Short texts leave several CJK code pages tied (GBK bytes are valid CP949 and Big5
    # too); a tie goes to GB18030, the encoding of most legacy Chinese files.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(m.encoding.lower().replace("-", "_") in _CHINESE for m in tied):
        return "gb18030"
    return best.encoding


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a text file; UnsupportedDocumentError when it is not text."""
    encoding = detect_encoding(data)
    if encoding is None:
        raise UnsupportedDocumentError(
            name, "it is a binary file, not text, PDF or Word (.docx).")
    text = data.decode(encoding, errors="replace")
    # Normalise line ends; a stray NUL or other C0 control would upset some gateways.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return text, encoding
