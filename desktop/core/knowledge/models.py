"""The value types and errors of knowledge bases (no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.api.errors import APIError

# Chunk size and overlap in estimated tokens (see chunking.py for why these numbers).
DEFAULT_CHUNK_TOKENS = 400
DEFAULT_OVERLAP_TOKENS = 60
MIN_CHUNK_TOKENS = 50
MAX_CHUNK_TOKENS = 4000
DEFAULT_BATCH_SIZE = 64  # inputs per /embeddings request
DEFAULT_TOP_K = 5
DEFAULT_THRESHOLD = 0.3  # cosine similarity below which a chunk is not sent
MAX_NAME_CHARS = 100


class KnowledgeBaseError(Exception):
    """A knowledge-base operation cannot be done; `str(error)` says why."""


class KnowledgeBaseNotFoundError(KnowledgeBaseError):
    """No knowledge base has that name."""


class KnowledgeBaseExistsError(KnowledgeBaseError):
    """`create` with a name that is taken."""


class InvalidKnowledgeBaseError(KnowledgeBaseError):
    """A bad name, chunk size or overlap."""


class FileState(StrEnum):
    """Where one file of a knowledge base stands."""

    INDEXED = "indexed"  # its chunks and vectors are in the index
    PENDING = "pending"  # new or changed since it was indexed: `index()` will (re)do it
    FAILED = "failed"  # could not be read (encrypted, binary, too large…): `error` says why


@dataclass(frozen=True)
class KnowledgeBaseInfo:
    """A knowledge base as `list()` and `get()` report it."""

    name: str
    provider: str
    model: str
    chunk_size: int  # estimated tokens per chunk
    overlap: int  # estimated tokens shared by neighbouring chunks
    dimension: int  # of the vectors; 0 until the first batch is embedded
    roots: tuple[str, ...]  # files and folders added (absolute paths)
    files: int  # files read so far (found under the roots by the last `index()`)
    indexed_files: int
    failed_files: int
    chunks: int  # chunks with a vector (searchable now)
    created_at: float
    waiting_chunks: int = 0  # chunks read but not embedded yet
    indexed_at: float = 0.0  # when vectors were last written (0: never)

    @property
    def ready(self) -> bool:
        """Every file read is indexed or failed and no chunk waits for its vector (new or
        changed files on disk are told by `needs_reindex`, which looks at the disk)."""
        return self.indexed_files + self.failed_files >= self.files and not self.waiting_chunks


@dataclass(frozen=True)
class IndexedFile:
    """One file of a knowledge base."""

    path: str  # absolute
    state: FileState
    chunks: int
    pages: int  # PDF pages (0 for other files)
    size: int
    error: str = ""  # why it failed (FileState.FAILED)


@dataclass(frozen=True)
class ReindexPlan:
    """What `index()` would do now: files new or changed, files gone from disk, and chunks
    read but not embedded yet (an earlier run stopped by an error or a cancel)."""

    changed: tuple[str, ...]
    removed: tuple[str, ...]
    waiting_chunks: int = 0
    skipped: int = 0  # files under the roots left out by the caps (count, size, total size)

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.waiting_chunks)


@dataclass(frozen=True)
class IndexReport:
    """What one `index()` run did.

    `error` is the embedding error that stopped it (the same typed errors as chat: 401
    AuthenticationError, 429 RateLimitError after its retries, 5xx …); everything embedded
    before it is kept, and the next `index()` resumes from there.
    """

    files_indexed: int
    files_removed: int
    files_failed: int
    chunks_added: int
    error: APIError | None = None
    rebuilt: bool = False  # the index was corrupt (or the model changed) and was rebuilt
    skipped: int = 0  # files left out by the caps (see source_files.py), not read

    @property
    def ok(self) -> bool:
        return self.error is None
