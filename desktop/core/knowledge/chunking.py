"""Text into overlapping chunks sized in estimated tokens, PDF pages kept apart.

Why 400 tokens with 60 of overlap (the defaults; each base may choose its own):
- A chunk should be about one thing: the vector of a 2,000-token chunk averages several
  topics and matches none of them well; one of 100 tokens loses the sentence around the fact.
  300-500 tokens (1,200-2,000 characters of English, a few paragraphs or a page section) is
  the range most retrieval evaluations and the peers (LangChain's and LlamaIndex's defaults,
  Open WebUI, Cherry Studio) settle on.
- Five of them (the default top-k) cost about 2,000 tokens per message: cheap next to any
  current context window, and far below the 8,191-token input limit of the embedding models.
- 15 % overlap lets a sentence cut by one chunk's end appear whole in the next one, while
  costing only 15 % more embedding.
Sizes use `documents.tokens.estimate_tokens` (no tokenizer: CJK counts one per character).
Cuts fall between paragraphs, else between sentences or lines, else between words; a run of
text with no break at all (a minified file) is cut by length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop.core.documents.tokens import CHARS_PER_TOKEN, estimate_tokens

_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCES = re.compile(r"(?<=[.!?。！？;；])\s+|(?<=[。！？；])|\n")
_WORDS = re.compile(r"(?<=\s)")


@dataclass(frozen=True)
class Chunk:
    """One chunk of a file: its text, its PDF page (1-based; None otherwise), its number."""

    text: str
    page: int | None
    index: int


def _split(text: str, size: int, pattern: re.Pattern[str]) -> list[str]:
    return [piece for piece in pattern.split(text) if piece.strip()]


def _hard_cut(text: str, size: int) -> Iterator[str]:
    """Pieces of at most about `size` tokens of a text without usable breaks."""
    step = max(1, size * CHARS_PER_TOKEN)
    start = 0
    while start < len(text):
        piece = text[start:start + step]
        while len(piece) > 1 and estimate_tokens(piece) > size:  # CJK: 1 token per char
            piece = piece[: max(1, len(piece) * size // max(1, estimate_tokens(piece)))]
        yield piece
        start += len(piece)


def _pieces(text: str, size: int) -> Iterator[str]:
    """The text as pieces of at most `size` tokens, cut at the coarsest break that works."""
    for paragraph in _split(text, size, _PARAGRAPHS):
        if estimate_tokens(paragraph) <= size:
            yield paragraph.strip()
            continue
        for sentence in _split(paragraph, size, _SENTENCES):
            if estimate_tokens(sentence) <= size:
                yield sentence.strip()
                continue
            words = _split(sentence, size, _WORDS)
            if len(words) > 1 and max(estimate_tokens(w) for w in words) <= size:
                yield from _pack(words, size, 0, "")
            else:
                yield from _hard_cut(sentence.strip(), size)


def _tail(text: str, tokens: int) -> str:
    """The end of `text` worth about `tokens` tokens, starting at a word where it can."""
    if tokens <= 0:
        return ""
    tail = text[-tokens * CHARS_PER_TOKEN:]
    while tail and estimate_tokens(tail) > tokens:
        tail = tail[len(tail) // 4 or 1:]
    space = tail.find(" ")
    return tail[space + 1:] if 0 <= space < len(tail) // 2 else tail


def _pack(pieces: Sequence[str] | Iterator[str], size: int, overlap: int,
          joiner: str = "\n\n") -> Iterator[str]:
    """Pieces joined into chunks of at most `size` tokens, each starting with about
    `overlap` tokens of the previous one."""
    current: list[str] = []
    tokens = 0
    carried = False  # `current` holds only the overlap taken from the previous chunk
    for piece in pieces:
        cost = estimate_tokens(piece) + 1
        if current and tokens + cost > size and not carried:
            chunk = joiner.join(current)
            yield chunk
            carry = _tail(chunk, overlap) if overlap else ""
            if carry and estimate_tokens(carry) + cost > size + 2:  # 2: the joints
                carry = ""
            current, tokens, carried = ([carry], estimate_tokens(carry) + 1, True) if carry \
                else ([], 0, False)
        elif carried and tokens + cost > size:
            current, tokens = [], 0
        current.append(piece)
        tokens += cost
        carried = False
    if current and not carried:
        yield joiner.join(current)


def chunk_text(text: str, size: int, overlap: int, *, page: int | None = None,
               first_index: int = 0) -> list[Chunk]:
    """Chunks of one text (one PDF page, or a whole file), numbered from `first_index`."""
    if not text.strip():
        return []
    overlap = max(0, min(overlap, size // 2))
    return [Chunk(body, page, first_index + n)
            for n, body in enumerate(_pack(_pieces(text, size - overlap), size, overlap))
            if body.strip()]


def chunk_pages(pages: Sequence[str], size: int, overlap: int, *, pdf: bool) -> list[Chunk]:
    """Chunks of a document: a PDF page by page (a chunk never spans pages, so each knows
    its page), anything else as one text."""
    if not pdf:
        return chunk_text(pages[0] if pages else "", size, overlap)
    chunks: list[Chunk] = []
    for number, page in enumerate(pages, 1):
        chunks.extend(chunk_text(page, size, overlap, page=number, first_index=len(chunks)))
    return chunks
