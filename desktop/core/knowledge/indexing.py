"""The blocking steps of indexing one base: reading changed files into chunks, checking the
index, appending vectors. `KnowledgeBases.index` strings them together with the embedding
requests in between."""

from __future__ import annotations

import contextlib
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.documents.errors import DocumentError
from desktop.core.documents.extract import DocumentKind, extract_bytes
from desktop.core.knowledge.base_config import BaseConfig
from desktop.core.knowledge.base_db import BaseDb
from desktop.core.knowledge.chunking import chunk_pages
from desktop.core.knowledge.models import ReindexPlan
from desktop.core.knowledge.source_files import FoundFile, find_files, under
from desktop.core.knowledge.vector_file import (
    CorruptIndexError,
    append_rows,
    load_matrix,
    read_header,
)

if TYPE_CHECKING:
    from desktop.core.knowledge.vector_file import Matrix

log = logging.getLogger(__name__)
DB_FILE = "base.sqlite3"
VECTORS_FILE = "vectors.f32"


@dataclass(frozen=True)
class BasePaths:
    """The files of one base's folder."""

    folder: Path

    @property
    def db(self) -> BaseDb:
        return BaseDb(self.folder / DB_FILE)

    @property
    def vectors(self) -> Path:
        return self.folder / VECTORS_FILE

    def drop_vectors(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.vectors.unlink()

    def drop_all(self) -> None:
        self.drop_vectors()
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / f"{DB_FILE}{suffix}").unlink()


def ensure_sound(paths: BasePaths, *, full: bool = False) -> bool:
    """Check the index, rebuilding what is corrupt; True when something was rebuilt.

    A bad SQLite file loses everything (it is rebuilt from the files); a bad vector file only
    its vectors (the chunks are embedded again). `full` also reads every vector (NaNs).
    """
    try:
        paths.db.check()
    except CorruptIndexError as exc:
        log.warning("knowledge base %s: %s; rebuilding its index", paths.folder.name, exc)
        paths.drop_all()
        return True
    if not paths.vectors.exists():
        if paths.db.row_map():
            paths.db.clear_rows()
            return True
        return False
    try:
        _, rows = read_header(paths.vectors)
        if full:
            load_matrix(paths.vectors)
        if any(row >= rows or row < 0 for row, _chunk in paths.db.row_map()):
            raise CorruptIndexError("the chunks name rows the vector file does not hold")
    except CorruptIndexError as exc:
        log.warning("knowledge base %s: %s; embedding its chunks again", paths.folder.name, exc)
        paths.drop_vectors()
        paths.db.clear_rows()
        return True
    return False


def found_files(config: BaseConfig) -> tuple[dict[str, FoundFile], int]:
    """The files under the base's roots by path, and how many the caps left out."""
    found = find_files(config.roots)
    return {f.path: f for f in found.files if not under(f.path, config.excluded)}, found.skipped


def plan(config: BaseConfig, paths: BasePaths) -> ReindexPlan:
    """New and changed files (by size and mtime; the content hash decides later), and gone."""
    on_disk, skipped = found_files(config)
    known = {row.path: row for row in paths.db.files()}
    changed = tuple(p for p, f in on_disk.items()
                    if p not in known or (known[p].size, known[p].mtime_ns) != (f.size, f.mtime_ns))
    removed = tuple(p for p in known if p not in on_disk)
    return ReindexPlan(changed, removed, skipped=skipped)


def read_file(config: BaseConfig, paths: BasePaths, found: FoundFile) -> bool:
    """Chunk one new or changed file into the database; False when it could not be read.

    Unchanged content (same hash) only updates the stat kept for the next check.
    """
    db = paths.db
    try:
        data = Path(found.path).read_bytes()
    except OSError as exc:
        db.put_file(found.path, found.size, found.mtime_ns, "", 0, (),
                    error=exc.strerror or str(exc))
        return False
    digest = hashlib.sha256(data).hexdigest()
    if db.file_hash(found.path) == (digest, ""):
        db.touch_file(found.path, found.size, found.mtime_ns)
        return True
    if not data.strip():  # an empty file (a package's __init__.py): indexed, nothing to find
        db.put_file(found.path, found.size, found.mtime_ns, digest, 0, ())
        return True
    try:
        document = extract_bytes(data, Path(found.path).name, with_images=False)
    except DocumentError as exc:
        db.put_file(found.path, found.size, found.mtime_ns, digest, 0, (), error=exc.detail)
        return False
    pdf = document.kind is DocumentKind.PDF
    chunks = chunk_pages(document.pages, config.chunk_size, config.overlap, pdf=pdf)
    scanned = "it has no text layer (a scanned PDF)" if document.scanned else ""
    db.put_file(found.path, found.size, found.mtime_ns, digest, document.page_count, chunks,
                error=scanned)
    return not scanned


def store_vectors(paths: BasePaths, chunk_ids: list[int], vectors: Matrix) -> None:
    """Append a batch's vectors and record their rows (vectors first: a crash leaves only
    unreferenced rows, which are dead)."""
    first = append_rows(paths.vectors, vectors)
    paths.db.set_rows(chunk_ids, first)
