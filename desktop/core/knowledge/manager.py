"""`KnowledgeBases`: every knowledge base of one data directory, and the work on them.

Blocking methods (create, list, get, remove, add_paths, remove_paths, files, plan_reindex,
search_vector) touch the disk: call them from a worker thread (`asyncio.to_thread`). The
async methods (index, refresh, change_model, search, retrieve_for_prompt) run their disk and
CPU work in worker threads themselves and talk to the provider on the calling loop.
"""

from __future__ import annotations

import builtins
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from desktop.core.api.client import ApiClient
from desktop.core.knowledge.models import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CHUNK_TOKENS,
    DEFAULT_OVERLAP_TOKENS,
    DEFAULT_THRESHOLD,
    DEFAULT_TOP_K,
    IndexedFile,
    IndexReport,
    KnowledgeBaseInfo,
    ReindexPlan,
)
from desktop.core.passages import Passage
from desktop.core.paths import DataDir
from desktop.core.progress import Progress

ClientFor = Callable[[str], Awaitable[ApiClient]]
"""The API client of a provider by name (`ChatService.client_for` is one)."""


class KnowledgeBases:
    """The knowledge bases under `<data dir>/knowledge/`, one folder each."""

    def __init__(self, data_dir: DataDir | Path | str, *, client_for: ClientFor | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        """`client_for` is needed by the methods that embed (index, search by text)."""
        root = data_dir.root if isinstance(data_dir, DataDir) else Path(data_dir)
        self.root = root / "knowledge"
        self.client_for = client_for
        self.batch_size = batch_size

    # -- blocking ------------------------------------------------------------------------

    def create(self, name: str, provider: str, model: str, *,
               chunk_size: int = DEFAULT_CHUNK_TOKENS,
               overlap: int = DEFAULT_OVERLAP_TOKENS) -> KnowledgeBaseInfo:
        """A new, empty knowledge base; KnowledgeBaseExistsError / InvalidKnowledgeBaseError."""
        raise NotImplementedError

    def list(self) -> list[KnowledgeBaseInfo]:
        """Every knowledge base, by name (a damaged one is listed, its index rebuilt later)."""
        raise NotImplementedError

    def get(self, name: str) -> KnowledgeBaseInfo:
        """One knowledge base; KnowledgeBaseNotFoundError."""
        raise NotImplementedError

    def remove(self, name: str) -> None:
        """Delete the knowledge base and its index (the files it read are not touched)."""
        raise NotImplementedError

    def add_paths(self, name: str, paths: Sequence[str | Path]) -> KnowledgeBaseInfo:
        """Add files and folders (recursive); their files wait for `index()` (PENDING)."""
        raise NotImplementedError

    def remove_paths(self, name: str, paths: Sequence[str | Path]) -> KnowledgeBaseInfo:
        """Forget files and folders: their chunks leave the index at once."""
        raise NotImplementedError

    def files(self, name: str) -> builtins.list[IndexedFile]:
        """The files found under the knowledge base's roots, with their state."""
        raise NotImplementedError

    def plan_reindex(self, name: str) -> ReindexPlan:
        """Which files are new, changed (size, mtime, then content hash) or gone (stat only)."""
        raise NotImplementedError

    def needs_reindex(self, name: str) -> bool:
        """Whether `index()` has anything to do (call on open: then run `refresh`)."""
        return bool(self.plan_reindex(name))

    def search_vector(self, names: Sequence[str], vector: Sequence[float], k: int = DEFAULT_TOP_K,
                      threshold: float = DEFAULT_THRESHOLD) -> builtins.list[Passage]:
        """The `k` best chunks of these knowledge bases for an embedded query, best first,
        scores at least `threshold` (exact cosine similarity)."""
        raise NotImplementedError

    # -- async -----------------------------------------------------------------------------

    async def index(self, name: str, *, progress: Progress | None = None) -> IndexReport:
        """Bring the index up to date: drop removed files, (re)embed new and changed ones.

        Reports to `progress` (phase "Reading files" / "Embedding", done/total in chunks);
        `progress.cancel()` stops it at the next batch with WorkCancelledError, keeping every
        batch already embedded. An embedding error ends it with `IndexReport.error` set, the
        finished part kept; calling `index()` again resumes.
        """
        raise NotImplementedError

    async def refresh(self, name: str, *, progress: Progress | None = None) -> IndexReport:
        """Re-scan the roots for changed and removed files and index them (= `index`)."""
        return await self.index(name, progress=progress)

    async def change_model(self, name: str, provider: str, model: str, *,
                           progress: Progress | None = None) -> IndexReport:
        """Switch the embedding model: every vector is dropped and the index rebuilt (the UI
        asks first). Chunks are re-read from the files."""
        raise NotImplementedError

    async def search(self, names: Sequence[str], query: str | Sequence[float],
                     k: int = DEFAULT_TOP_K,
                     threshold: float = DEFAULT_THRESHOLD) -> builtins.list[Passage]:
        """`search_vector` for a vector; a text is embedded first with each knowledge base's
        own provider and model (bases of different models are searched separately and the
        results merged by score)."""
        raise NotImplementedError

    async def retrieve_for_prompt(self, names: Sequence[str], text: str, *,
                                  k: int = DEFAULT_TOP_K,
                                  threshold: float = DEFAULT_THRESHOLD) -> builtins.list[Passage]:
        """The passages to send with a user message (unknown names are skipped; an empty
        text or no bases gives []). Embedding errors are raised (typed APIError)."""
        raise NotImplementedError
