"""A knowledge base's settings, kept in `base.json` in its folder (the index beside it can
always be rebuilt from these and the files)."""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.atomic_file import write_json_atomic
from desktop.core.knowledge.models import (
    MAX_CHUNK_TOKENS,
    MAX_NAME_CHARS,
    MIN_CHUNK_TOKENS,
    InvalidKnowledgeBaseError,
)
from desktop.core.safe_text import terminal_safe

CONFIG_FILE = "base.json"
MAX_ROOTS = 1000
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class BaseConfig:
    name: str
    provider: str
    model: str
    chunk_size: int
    overlap: int
    roots: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()  # paths inside a root folder the user removed
    created_at: float = field(default_factory=time.time)

    def save(self, folder: Path) -> None:
        data = asdict(self)
        data["roots"], data["excluded"] = list(self.roots), list(self.excluded)
        write_json_atomic(folder / CONFIG_FILE, data)

    @classmethod
    def load(cls, folder: Path) -> BaseConfig | None:
        """The settings in `folder`, or None when they are missing or malformed."""
        try:
            data: Any = json.loads((folder / CONFIG_FILE).read_text("utf-8"))
            config = cls(
                name=str(data["name"]), provider=str(data["provider"]),
                model=str(data["model"]), chunk_size=int(data["chunk_size"]),
                overlap=int(data["overlap"]),
                roots=tuple(str(r) for r in data.get("roots", ()))[:MAX_ROOTS],
                excluded=tuple(str(r) for r in data.get("excluded", ()))[:MAX_ROOTS],
                created_at=float(data.get("created_at", 0.0)))
            checked_sizes(config.chunk_size, config.overlap)
            check_name(config.name)
        except (OSError, ValueError, KeyError, TypeError, InvalidKnowledgeBaseError):
            return None
        return config

    def with_changes(self, **changes: Any) -> BaseConfig:
        return replace(self, **changes)


def check_name(name: str) -> str:
    """The name, stripped; InvalidKnowledgeBaseError when it is empty, long or has controls."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS or _CONTROLS.search(name) or (
            terminal_safe(name) != name):
        raise InvalidKnowledgeBaseError(
            f"A knowledge base needs a name of 1-{MAX_NAME_CHARS} characters without control "
            "characters.")
    return name


def checked_sizes(chunk_size: int, overlap: int) -> tuple[int, int]:
    if not MIN_CHUNK_TOKENS <= chunk_size <= MAX_CHUNK_TOKENS:
        raise InvalidKnowledgeBaseError(
            f"The chunk size must be {MIN_CHUNK_TOKENS}-{MAX_CHUNK_TOKENS} tokens.")
    if not 0 <= overlap <= chunk_size // 2:
        raise InvalidKnowledgeBaseError(
            "The overlap must be between 0 and half the chunk size.")
    return chunk_size, overlap


def folder_name(name: str) -> str:
    """A folder name for a base: readable, safe on every file system, unique per name."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_")[:40] or "base"
    return f"{readable}-{hashlib.sha256(name.encode()).hexdigest()[:10]}"
