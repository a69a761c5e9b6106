"""Citations of a reply: read from each API style's annotations, validated, numbered, placed.

Providers say where a reply cites a source in three ways:

- OpenAI chat: `{"type": "url_citation", "url_citation": {"url", "title", "start_index",
  "end_index"}}` in `message.annotations`;
- OpenAI Responses: `{"type": "url_citation", "url", "title", "start_index", "end_index"}`
  on an `output_text` part (indices relative to that part);
- Anthropic: `citations` on a text block (`web_search_result_location` with `url`, `title`,
  `cited_text`; `search_result_location` with `source`), without indices: the citation
  belongs to the end of its block, which the parser passes as `position`.

Only http(s) addresses are kept; every string is capped and a reply keeps at most
`MAX_CITATIONS`. Everything here is pure Python: the store, the exports and the window share it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from desktop.core.reply_parts import Citation

MAX_CITATIONS = 100
MAX_URL_CHARS = 2048
MAX_TITLE_CHARS = 300
MAX_CITED_TEXT_CHARS = 500
MAX_INDEX = 10_000_000

__all__ = [
    "MAX_CITATIONS",
    "Source",
    "citation_from",
    "citations_from",
    "decode_citations",
    "encode_citations",
    "numbered_sources",
    "place_markers",
    "placeable",
    "safe_url",
]


def _clean_text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())  # no newlines or control whitespace in a title
    text = "".join(ch for ch in text if ch.isprintable())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_url(value: Any) -> str | None:
    """The address if it is an http(s) URL with a host, short enough and without spaces."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > MAX_URL_CHARS or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def _index(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INDEX:
        return None
    return value


def citation_from(
    annotation: Mapping[str, Any], *, base: int = 0, position: int | None = None
) -> Citation | None:
    """One citation from an annotation of any style, or None if it is not a usable one.

    `base` is added to the annotation's own indices (a Responses text part's start in the
    whole reply); `position` is where a citation without indices belongs (Anthropic).
    """
    nested = annotation.get("url_citation")
    fields: Mapping[str, Any] = nested if isinstance(nested, Mapping) else annotation
    url = safe_url(fields.get("url"))
    if url is None:
        url = safe_url(fields.get("source"))  # Anthropic search_result_location
    if url is None:
        return None
    title = _clean_text(fields.get("title") or fields.get("document_title"), MAX_TITLE_CHARS)
    start, end = _index(fields.get("start_index")), _index(fields.get("end_index"))
    if end is not None:
        end += base
        start = start + base if start is not None and start <= end - base else None
    elif position is not None:
        end = _index(position)
    return Citation(
        url=url,
        title=title,
        start=start,
        end=end,
        cited_text=_clean_text(fields.get("cited_text"), MAX_CITED_TEXT_CHARS),
    )


def citations_from(
    annotations: Iterable[Any], *, base: int = 0, position: int | None = None
) -> list[Citation]:
    """The usable citations among `annotations` (other annotation kinds are skipped)."""
    found: list[Citation] = []
    for annotation in annotations:
        if len(found) >= MAX_CITATIONS:
            break
        if isinstance(annotation, Mapping):
            citation = citation_from(annotation, base=base, position=position)
            if citation is not None:
                found.append(citation)
    return found


def encode_citations(citations: Sequence[Citation]) -> str | None:
    """JSON text for the store (None for no citations)."""
    if not citations:
        return None
    return json.dumps(
        [
            {"url": c.url, "title": c.title, "start": c.start, "end": c.end,
             "cited_text": c.cited_text}
            for c in citations[:MAX_CITATIONS]
        ],
        ensure_ascii=False,
    )


def decode_citations(raw: Any) -> tuple[Citation, ...]:
    """Citations from stored or imported JSON (text or a list), validated again."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return ()
    if not isinstance(raw, list):
        return ()
    found: list[Citation] = []
    for item in raw[:MAX_CITATIONS]:
        if not isinstance(item, Mapping):
            continue
        url = safe_url(item.get("url"))
        if url is None:
            continue
        end = _index(item.get("end"))
        start = _index(item.get("start"))
        found.append(Citation(
            url=url,
            title=_clean_text(item.get("title"), MAX_TITLE_CHARS),
            start=start if end is not None and start is not None and start <= end else None,
            end=end,
            cited_text=_clean_text(item.get("cited_text"), MAX_CITED_TEXT_CHARS),
        ))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Source:
    """One entry of a reply's source list: its number, address, title and host."""

    number: int
    url: str
    title: str
    host: str


def numbered_sources(citations: Sequence[Citation]) -> tuple[list[Source], list[int]]:
    """The distinct sources in order of first citation, and each citation's source number."""
    by_url: dict[str, Source] = {}
    numbers: list[int] = []
    for citation in citations:
        source = by_url.get(citation.url)
        if source is None:
            host = (urlsplit(citation.url).hostname or "").removeprefix("www.")
            source = by_url[citation.url] = Source(
                len(by_url) + 1, citation.url, citation.title, host
            )
        elif not source.title and citation.title:
            source = by_url[citation.url] = Source(
                source.number, source.url, citation.title, source.host
            )
        numbers.append(source.number)
    return sorted(by_url.values(), key=lambda s: s.number), numbers


def _snap(text: str, position: int) -> int:
    """A marker's place: moved forward to the end of the word (or link) it falls inside."""
    position = max(0, min(position, len(text)))
    while position < len(text) and not text[position].isspace() and (
        position > 0 and not text[position - 1].isspace()
    ):
        position += 1
    return position


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block, its fence lines included."""
    blocks: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        fence = stripped[:3] if stripped[:3] in ("```", "~~~") else ""
        if opened is None and fence:
            opened = (position, fence)
        elif opened is not None and fence == opened[1] and not stripped[3:].strip(" `~\n"):
            blocks.append((opened[0], position + len(line.rstrip("\n"))))
            opened = None
        position += len(line)
    if opened is not None:
        blocks.append((opened[0], len(text)))
    return blocks


def placeable(text: str, citation: Citation) -> bool:
    """Whether a streamed text is far enough for the citation's marker: its place is known
    and followed by more text (the word it ends may still grow while the text streams)."""
    # A place that stops at a space is final; one at the end of the text is not yet.
    return citation.end is not None and _snap(text, citation.end) < len(text)


def place_markers(
    text: str, citations: Sequence[Citation], marker: Callable[[int], str],
    *, streaming: bool = False,
) -> str:
    """`text` with `marker(number)` after each cited span (at the end when it has no index).

    Markers at the same place are joined in number order, each number once; a place inside
    a word or a Markdown link moves to its end, so nothing is split; one inside a fenced code
    block goes in a paragraph of its own after the block. `streaming`: the text is still
    growing, so citations not `placeable` yet get no marker (the numbers stay those of the
    complete list).
    """
    if not citations:
        return text
    _sources, numbers = numbered_sources(citations)
    fenced = _fenced_blocks(text) if "```" in text or "~~~" in text else []
    after_block: set[int] = set()
    at: dict[int, list[int]] = {}
    for citation, number in zip(citations, numbers, strict=True):
        if streaming and not placeable(text, citation):
            continue
        place = len(text) if citation.end is None else _snap(text, citation.end)
        if place == len(text):
            place = len(text.rstrip())
        for start, end in fenced:
            if start < place <= end or (start == place and place == len(text.rstrip())):
                place = end
                after_block.add(place)
        if streaming and place >= len(text):
            continue  # after a code block still open: its end is not known yet
        group = at.setdefault(place, [])
        if number not in group:
            group.append(number)
    pieces: list[str] = []
    previous = 0
    for place in sorted(at):
        pieces.append(text[previous:place])
        if place in after_block:
            pieces.append("\n\n")
        pieces.append("".join(marker(number) for number in sorted(at[place])))
        previous = place
    pieces.append(text[previous:])
    return "".join(pieces)
