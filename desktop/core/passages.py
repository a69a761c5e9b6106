"""`Passage`: a piece of a knowledge base found for a question, and its JSON form.

A value type shared by the knowledge bases (which find passages), the chat service (which
sends them with a question), the store (which keeps the ones used with the reply) and the
window (which shows them as numbered source chips). Pure Python, no imports of its own.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

MAX_STORED_PASSAGES = 50  # sources kept with one reply
MAX_STORED_PASSAGE_CHARS = 8000  # text of one source kept with a reply


@dataclass(frozen=True)
class Passage:
    """One chunk of a knowledge base and how well it matched (cosine similarity, -1..1).

    `path` is the file as it was indexed (absolute), `page` its 1-based PDF page (None for
    other files), `chunk` the chunk's number within the file (0-based). The passage's
    number in a reply is its position in the list + 1.
    """

    text: str
    score: float
    knowledge_base: str
    path: str
    page: int | None = None
    chunk: int = 0

    @property
    def file_name(self) -> str:
        """The last part of `path` (what a chip shows)."""
        return self.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or self.path

    @property
    def where(self) -> str:
        """`name.pdf, page 3` or `notes.md` (what a chip's tooltip and the prompt show)."""
        return self.file_name if self.page is None else f"{self.file_name}, page {self.page}"

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "score": self.score, "kb": self.knowledge_base,
                "path": self.path, "page": self.page, "chunk": self.chunk}

    @classmethod
    def from_json(cls, data: Any) -> Passage | None:
        """A passage from its JSON form; None for anything malformed (a hostile backup)."""
        if not isinstance(data, dict):
            return None
        text, kb, path = data.get("text"), data.get("kb"), data.get("path")
        score, page, chunk = data.get("score"), data.get("page"), data.get("chunk", 0)
        if not (isinstance(text, str) and isinstance(kb, str) and isinstance(path, str)):
            return None
        if not isinstance(score, int | float) or isinstance(score, bool) or not math.isfinite(
                score):
            return None
        if page is not None and (not isinstance(page, int) or isinstance(page, bool)
                                 or page < 1):
            return None
        if not isinstance(chunk, int) or isinstance(chunk, bool) or chunk < 0:
            return None
        return cls(text[:MAX_STORED_PASSAGE_CHARS], float(score), kb[:200], path[:4096], page,
                   chunk)


def encode_passages(passages: Sequence[Passage]) -> str:
    """The JSON kept with a reply (at most MAX_STORED_PASSAGES, texts capped)."""
    rows = []
    for passage in passages[:MAX_STORED_PASSAGES]:
        row = passage.to_json()
        row["text"] = passage.text[:MAX_STORED_PASSAGE_CHARS]
        rows.append(row)
    return json.dumps(rows, ensure_ascii=False)


def decode_passages(raw: str | None) -> tuple[Passage, ...]:
    """The passages of a stored JSON list; malformed entries are dropped, never raised."""
    if not raw:
        return ()
    try:
        rows = json.loads(raw)
    except ValueError:
        return ()
    if not isinstance(rows, list):
        return ()
    found = (Passage.from_json(row) for row in rows[:MAX_STORED_PASSAGES])
    return tuple(p for p in found if p is not None)
