"""The files of a knowledge base: what its roots (files and folders) hold, within caps.

A file named as a root is always taken (its extraction may still refuse it). Under a folder
(recursive, symbolic links not followed) only documents by extension are taken: hidden files
and folders, binaries, caches and files over the size cap are skipped without reading them.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.documents.extract import DOCUMENT_EXTENSIONS
from desktop.core.documents.limits import MAX_DOCUMENT_BYTES

MAX_FILES = 20_000  # files in one knowledge base
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024  # all its files together
MAX_DEPTH = 32  # folder nesting walked
_EXTENSIONS = frozenset(DOCUMENT_EXTENSIONS) | {"adoc", "org", "txt", "text", "mdx", "ipynb"}
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv", "dist",
                           "build", "target"})


@dataclass(frozen=True)
class FoundFile:
    """A file found under the roots, with what a change check compares."""

    path: str  # absolute
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class FoundFiles:
    files: tuple[FoundFile, ...]
    skipped: int  # files left out by the caps (count or total size)


def _taken_by_extension(name: str) -> bool:
    if name.startswith("."):
        return False
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return suffix in _EXTENSIONS


def _walk(folder: Path) -> Iterable[tuple[str, os.stat_result]]:
    """(path, stat) of the documents under `folder`, depth first, names sorted."""
    stack: list[tuple[str, int]] = [(str(folder), 0)]
    while stack:
        directory, depth = stack.pop()
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if depth < MAX_DEPTH and entry.name not in _SKIPPED_DIRS:
                        subfolders.append((entry.path, depth + 1))
                elif (entry.is_file(follow_symlinks=False)
                      and _taken_by_extension(entry.name)):
                    yield entry.path, entry.stat(follow_symlinks=False)
            except OSError:
                continue
        stack.extend(reversed(subfolders))


def find_files(roots: Iterable[str]) -> FoundFiles:
    """Every file the roots hold (roots that are gone give nothing), within the caps."""
    found: dict[str, FoundFile] = {}
    skipped = 0
    total = 0
    for root in roots:
        path = Path(root)
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            candidates: Iterable[tuple[str, os.stat_result]] = _walk(path)
        elif stat.S_ISREG(info.st_mode):
            candidates = ((str(path), info),)
        else:
            continue
        for name, entry in candidates:
            if name in found:
                continue
            if (entry.st_size > MAX_DOCUMENT_BYTES or len(found) >= MAX_FILES
                    or total + entry.st_size > MAX_TOTAL_BYTES):
                skipped += 1
                continue
            total += entry.st_size
            found[name] = FoundFile(name, entry.st_size, entry.st_mtime_ns)
    return FoundFiles(tuple(found.values()), skipped)


def under(path: str, roots: Iterable[str]) -> bool:
    """Whether `path` is one of `roots` or inside one of them."""
    return any(path == root or path.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
