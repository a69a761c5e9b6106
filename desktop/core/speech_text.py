"""The text a reply is read aloud as: its Markdown flattened to plain text, in API-sized chunks.

Code blocks are left out (read aloud they are noise), links keep their words but not their
addresses, and a bare URL is spoken as its host name. `/audio/speech` takes at most 4096
characters per request, so longer text is split at paragraph, then sentence, then word ends.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

SPEECH_INPUT_LIMIT = 4096  # characters the OpenAI speech endpoint accepts in one request
MAX_CHUNKS = 8  # longer replies are read up to this many requests' worth

_URL = re.compile(r"\bhttps?://[^\s<>()\[\]]+", re.IGNORECASE)
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？;；])\s+")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def _host(match: re.Match[str]) -> str:
    host = urlsplit(match.group(0)).hostname or ""
    return host.removeprefix("www.")


def _inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for token in children:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type == "image":
            parts.append("".join(child.content for child in token.children or []))
        elif token.type == "softbreak":
            parts.append(" ")
        elif token.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


def speakable_text(markdown: str) -> str:
    """Plain text to speak for a Markdown reply: no code blocks, no markup, no addresses."""
    lines: list[str] = []
    cells: list[str] | None = None
    for token in _parser().parse(markdown):
        if token.type == "tr_open":
            cells = []
        elif token.type == "tr_close" and cells is not None:
            lines.append(", ".join(cell for cell in cells if cell) + ".")
            cells = None
        elif token.type == "inline":
            text = _URL.sub(_host, _inline_text(token.children or [])).strip()
            if cells is not None:
                cells.append(text)
            elif text:
                lines.append(text)
        elif token.type in ("paragraph_close", "heading_close", "bullet_list_close",
                            "ordered_list_close", "blockquote_close", "table_close"):
            lines.append("")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in lines)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _pieces(text: str, limit: int) -> list[str]:
    """Split text into pieces no longer than `limit`, at the largest boundary that fits."""
    if len(text) <= limit:
        return [text]
    for splitter in (re.compile(r"\n\s*\n"), re.compile(r"\n"), _SENTENCE_END, re.compile(r"\s+")):
        parts = [p for p in splitter.split(text) if p.strip()]
        if len(parts) > 1:
            return [piece for part in parts for piece in _pieces(part.strip(), limit)]
    return [text[i:i + limit] for i in range(0, len(text), limit)]


def speech_chunks(
    text: str, limit: int = SPEECH_INPUT_LIMIT, max_chunks: int = MAX_CHUNKS
) -> tuple[list[str], bool]:
    """The text as request-sized chunks (pieces packed greedily) and whether some was cut off."""
    chunks: list[str] = []
    current = ""
    for piece in _pieces(text, limit):
        joined = f"{current}\n\n{piece}" if current else piece
        if len(joined) <= limit:
            current = joined
            continue
        chunks.append(current)
        current = piece
    if current:
        chunks.append(current)
    return chunks[:max_chunks], len(chunks) > max_chunks
