"""`KnowledgeBases`: every knowledge base of one data directory, and the work on them.

Blocking methods (create, list, get, remove, add_paths, remove_paths, files, plan_reindex,
search_vector) touch the disk: call them from a worker thread (`asyncio.to_thread`). The
async methods (index, refresh, change_model, search, retrieve_for_prompt) run their disk and
CPU work in worker threads themselves and talk to the provider on the calling loop.
"""

from __future__ import annotations

import asyncio
import builtins
import logging
import shutil
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError, MalformedResponseError
from desktop.core.knowledge.base_config import (
    BaseConfig,
    check_name,
    checked_sizes,
    folder_name,
)
from desktop.core.knowledge.base_db import ChunkHit, held_open
from desktop.core.knowledge.embedding import embed_texts
from desktop.core.knowledge.indexing import (
    BasePaths,
    ensure_sound,
    found_files,
    plan,
    read_file,
    store_vectors,
)
from desktop.core.knowledge.models import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CHUNK_TOKENS,
    DEFAULT_OVERLAP_TOKENS,
    DEFAULT_THRESHOLD,
    DEFAULT_TOP_K,
    FileState,
    IndexedFile,
    IndexReport,
    KnowledgeBaseError,
    KnowledgeBaseExistsError,
    KnowledgeBaseInfo,
    KnowledgeBaseNotFoundError,
    ReindexPlan,
)
from desktop.core.knowledge.vector_file import (
    CorruptIndexError,
    load_matrix,
    normalised,
    read_header,
)
from desktop.core.passages import Passage
from desktop.core.paths import DataDir
from desktop.core.progress import Progress, step

if TYPE_CHECKING:  # numpy loads with the first search or index (see vector_file.py)
    import numpy as np
    import numpy.typing as npt

    from desktop.core.knowledge.vector_file import Matrix

ClientFor = Callable[[str], Awaitable[ApiClient]]
"""The API client of a provider by name (`ChatService.client_for` is one)."""

log = logging.getLogger(__name__)
READING = "Reading files"
EMBEDDING = "Embedding"


@dataclass(frozen=True)
class _Loaded:
    """A base's vectors ready to search, and what they were loaded from."""

    signature: tuple[int, ...]
    matrix: Matrix
    chunk_ids: npt.NDArray[np.int64]  # per row; -1: a dead row
    dimension: int


def _signature(paths: BasePaths) -> tuple[int, ...]:
    found: list[int] = []
    for path in (paths.vectors, paths.folder / "base.sqlite3",
                 paths.folder / "base.sqlite3-wal"):
        try:
            info = path.stat()
            found += [info.st_size, info.st_mtime_ns]
        except OSError:
            found += [-1, -1]
    return tuple(found)


class KnowledgeBases:
    """The knowledge bases under `<data dir>/knowledge/`, one folder each."""

    def __init__(self, data_dir: DataDir | Path | str, *, client_for: ClientFor | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE) -> None:
        """`client_for` is needed by the methods that embed (index, search by text)."""
        root = data_dir.root if isinstance(data_dir, DataDir) else Path(data_dir)
        self.root = root / "knowledge"
        self.client_for = client_for
        self.batch_size = max(1, batch_size)
        self._lock = threading.RLock()  # config and index writes, and the search cache
        self._loaded: dict[str, _Loaded] = {}
        self._indexing: set[str] = set()  # folders an `index()` runs on now

    # -- finding bases ------------------------------------------------------------------------

    def _paths(self, name: str) -> BasePaths:
        return BasePaths(self.root / folder_name(name.strip()))

    def _config(self, name: str) -> tuple[BaseConfig, BasePaths]:
        paths = self._paths(name)
        config = BaseConfig.load(paths.folder)
        if config is None or config.name != name.strip():
            raise KnowledgeBaseNotFoundError(f"There is no knowledge base named {name!r}.")
        return config, paths

    def _info(self, config: BaseConfig, paths: BasePaths) -> KnowledgeBaseInfo:
        try:
            rows = paths.db.files()
        except CorruptIndexError:
            rows = []
        try:
            dimension = read_header(paths.vectors)[0] if paths.vectors.exists() else 0
            indexed_at = paths.vectors.stat().st_mtime if dimension else 0.0
        except (CorruptIndexError, OSError):
            dimension, indexed_at = 0, 0.0
        return KnowledgeBaseInfo(
            name=config.name, provider=config.provider, model=config.model,
            chunk_size=config.chunk_size, overlap=config.overlap, dimension=dimension,
            roots=config.roots, files=len(rows),
            indexed_files=sum(1 for r in rows if not r.error and r.chunks == r.embedded),
            failed_files=sum(1 for r in rows if r.error),
            chunks=sum(r.embedded for r in rows), created_at=config.created_at,
            waiting_chunks=sum(r.chunks - r.embedded for r in rows), indexed_at=indexed_at)

    # -- blocking ------------------------------------------------------------------------

    def create(self, name: str, provider: str, model: str, *,
               chunk_size: int = DEFAULT_CHUNK_TOKENS,
               overlap: int = DEFAULT_OVERLAP_TOKENS) -> KnowledgeBaseInfo:
        """A new, empty knowledge base; KnowledgeBaseExistsError / InvalidKnowledgeBaseError."""
        name = check_name(name)
        checked_sizes(chunk_size, overlap)
        if not provider.strip() or not model.strip():
            raise KnowledgeBaseError("A knowledge base needs a provider and a model.")
        with self._lock:
            paths = self._paths(name)
            if BaseConfig.load(paths.folder) is not None:
                raise KnowledgeBaseExistsError(f"A knowledge base named {name!r} exists.")
            paths.folder.mkdir(parents=True, exist_ok=True)
            paths.drop_all()  # leftovers of a base whose settings were lost
            config = BaseConfig(name, provider.strip(), model.strip(), chunk_size, overlap)
            config.save(paths.folder)
            return self._info(config, paths)

    def list(self) -> list[KnowledgeBaseInfo]:
        """Every knowledge base, by name (a damaged index is rebuilt by the next `index`)."""
        found = []
        try:
            folders = sorted(p for p in self.root.iterdir() if p.is_dir())
        except OSError:
            return []
        for folder in folders:
            config = BaseConfig.load(folder)
            if config is not None and folder.name == folder_name(config.name):
                found.append(self._info(config, BasePaths(folder)))
        return sorted(found, key=lambda info: info.name.casefold())

    def get(self, name: str) -> KnowledgeBaseInfo:
        """One knowledge base; KnowledgeBaseNotFoundError."""
        return self._info(*self._config(name))

    def remove(self, name: str) -> None:
        """Delete the knowledge base and its index (the files it read are not touched)."""
        with self._lock:
            _config, paths = self._config(name)
            if str(paths.folder) in self._indexing:
                raise KnowledgeBaseError(f"{name} is being indexed: cancel that first.")
            self._loaded.pop(str(paths.folder), None)
            shutil.rmtree(paths.folder, ignore_errors=True)

    def add_paths(self, name: str, paths: Sequence[str | Path]) -> KnowledgeBaseInfo:
        """Add files and folders (recursive); their files wait for `index()` (PENDING)."""
        with self._lock:
            config, base = self._config(name)
            roots = list(config.roots)
            excluded = list(config.excluded)
            for given in paths:
                path = Path(given).expanduser()
                if not path.exists():
                    raise KnowledgeBaseError(f"{path} does not exist.")
                absolute = str(path.resolve())
                if absolute not in roots:
                    roots.append(absolute)
                excluded = [e for e in excluded if e != absolute
                            and not e.startswith(absolute.rstrip("/") + "/")]
            config = config.with_changes(roots=tuple(roots), excluded=tuple(excluded))
            config.save(base.folder)
            return self._info(config, base)

    def remove_paths(self, name: str, paths: Sequence[str | Path]) -> KnowledgeBaseInfo:
        """Forget files and folders: their chunks leave the index at once."""
        from desktop.core.knowledge.source_files import under

        with self._lock:
            config, base = self._config(name)
            gone = [str(Path(p).expanduser().resolve()) for p in paths]
            roots = tuple(r for r in config.roots if not under(r, gone))
            excluded = tuple(dict.fromkeys(
                [*config.excluded, *(g for g in gone if under(g, roots))]))
            config = config.with_changes(roots=roots, excluded=excluded)
            config.save(base.folder)
            base.db.remove_files([row.path for row in base.db.files() if under(row.path, gone)])
            return self._info(config, base)

    def files(self, name: str) -> builtins.list[IndexedFile]:
        """The files read so far, with their state."""
        _config, paths = self._config(name)
        return [IndexedFile(
            row.path,
            FileState.FAILED if row.error else (
                FileState.INDEXED if row.chunks == row.embedded else FileState.PENDING),
            row.chunks, row.pages, row.size, row.error) for row in paths.db.files()]

    def plan_reindex(self, name: str) -> ReindexPlan:
        """Which files are new, changed (size, mtime; then content hash) or gone (stat only),
        and how many chunks wait for their vectors."""
        config, paths = self._config(name)
        found = plan(config, paths)
        return replace(found, waiting_chunks=paths.db.count_waiting())

    def needs_reindex(self, name: str) -> bool:
        """Whether `index()` has anything to do (call on open: then run `refresh`)."""
        return bool(self.plan_reindex(name))

    # -- searching --------------------------------------------------------------------------

    def _load(self, paths: BasePaths) -> _Loaded | None:
        import numpy as np

        key = str(paths.folder)
        signature = _signature(paths)
        with self._lock:
            loaded = self._loaded.get(key)
            if loaded is not None and loaded.signature == signature:
                return loaded
            if not paths.vectors.exists():
                return None
            try:
                matrix = load_matrix(paths.vectors)
                chunk_ids = np.full(len(matrix), -1, dtype=np.int64)
                for row, chunk_id in paths.db.row_map():
                    if row >= len(matrix):
                        raise CorruptIndexError("rows beyond the vector file")
                    chunk_ids[row] = chunk_id
            except CorruptIndexError as exc:
                log.warning("knowledge base %s: %s; its vectors are dropped", key, exc)
                ensure_sound(paths, full=True)
                self._loaded.pop(key, None)
                return None
            loaded = _Loaded(signature, matrix, chunk_ids, int(matrix.shape[1]))
            self._loaded[key] = loaded
            return loaded

    def search_vector(self, names: Sequence[str], vector: Sequence[float], k: int = DEFAULT_TOP_K,
                      threshold: float = DEFAULT_THRESHOLD) -> builtins.list[Passage]:
        """The `k` best chunks of these knowledge bases for an embedded query, best first,
        scores at least `threshold` (exact cosine similarity). Bases of another dimension
        and unknown names are skipped."""
        import numpy as np

        query = normalised(np.asarray([vector], dtype=np.float32))[0]
        scored: list[tuple[float, str, int, BasePaths]] = []
        for name in dict.fromkeys(names):
            try:
                _config, paths = self._config(name)
            except KnowledgeBaseNotFoundError:
                continue
            loaded = self._load(paths)
            if loaded is None or loaded.dimension != len(query) or k <= 0:
                continue
            # einsum's own single-threaded SIMD loop: on a busy machine BLAS's threads made
            # the same product 2-4x slower (benchmarks/bench_kb.py).
            scores = np.einsum("ij,j->i", loaded.matrix, query)
            scores[loaded.chunk_ids < 0] = -np.inf
            count = min(k, len(scores))
            top = np.argpartition(-scores, count - 1)[:count]
            scored += [(float(scores[row]), name, int(loaded.chunk_ids[row]), paths)
                       for row in top if scores[row] >= threshold]
        scored.sort(key=lambda item: -item[0])
        chosen = scored[:k]
        hits: dict[tuple[str, int], ChunkHit] = {}
        for name in dict.fromkeys(item[1] for item in chosen):  # one query per base
            paths = next(item[3] for item in chosen if item[1] == name)
            ids = [item[2] for item in chosen if item[1] == name]
            hits.update({(name, cid): hit for cid, hit in paths.db.hits(ids).items()})
        return [Passage(hit.text, score, name, hit.path, hit.page, hit.ord)
                for score, name, chunk_id, _paths in chosen
                if (hit := hits.get((name, chunk_id))) is not None]

    # -- async -----------------------------------------------------------------------------

    async def _client(self, provider: str) -> ApiClient:
        if self.client_for is None:
            raise KnowledgeBaseError("No provider client was given to embed with.")
        return await self.client_for(provider)

    async def index(self, name: str, *, progress: Progress | None = None) -> IndexReport:
        """Bring the index up to date: drop removed files, (re)embed new and changed ones.

        Reports to `progress` (phase "Reading files" in files, then "Embedding" in chunks);
        `progress.cancel()` stops it at the next file or batch with WorkCancelledError,
        keeping every file read and batch embedded. An embedding error ends it with
        `IndexReport.error` set, the finished part kept; calling `index()` again resumes.
        """
        config, paths = await asyncio.to_thread(self._config, name)
        key = str(paths.folder)
        with self._lock:
            if key in self._indexing:
                raise KnowledgeBaseError(f"{config.name} is being indexed already.")
            self._indexing.add(key)
        try:
            rebuilt = await asyncio.to_thread(ensure_sound, paths, full=True)
            with held_open(paths.db.path):
                return await self._index(name, config, paths, progress, rebuilt)
        finally:
            with self._lock:
                self._indexing.discard(key)

    def is_indexing(self, name: str) -> bool:
        """Whether an `index()` (or refresh, or model change) runs on the base now."""
        with self._lock:
            return str(self._paths(name).folder) in self._indexing

    async def _index(self, name: str, config: BaseConfig, paths: BasePaths,
                     progress: Progress | None, rebuilt: bool) -> IndexReport:
        todo = await asyncio.to_thread(plan, config, paths)
        if todo.removed:
            await asyncio.to_thread(paths.db.remove_files, todo.removed)
        on_disk = (await asyncio.to_thread(found_files, config))[0] if todo.changed else {}
        indexed = failed = 0
        for number, path in enumerate(todo.changed):
            step(progress, number, len(todo.changed), READING)
            if path in on_disk:
                ok = await asyncio.to_thread(read_file, config, paths, on_disk[path])
                indexed, failed = indexed + ok, failed + (not ok)
        total = await asyncio.to_thread(paths.db.count_waiting)
        done = added = 0
        error: APIError | None = None
        client = await self._client(config.provider) if total else None
        while client is not None:
            step(progress, done, total, EMBEDDING)
            batch = await asyncio.to_thread(paths.db.waiting, self.batch_size)
            if not batch:
                break
            try:
                vectors = await embed_texts(client, config.model, [text for _, text in batch])
                await asyncio.to_thread(self._store, paths, [cid for cid, _ in batch], vectors)
            except APIError as exc:
                error = exc
                log.warning("indexing %s stopped: %s", name, exc)
                break
            done += len(batch)
            added += len(batch)
        if progress is not None and error is None:
            progress.done = progress.total
        return IndexReport(indexed, len(todo.removed), failed, added, error, rebuilt,
                           skipped=todo.skipped)

    def _store(self, paths: BasePaths, chunk_ids: builtins.list[int], vectors: Matrix) -> None:
        with self._lock:
            try:
                store_vectors(paths, chunk_ids, vectors)
            except CorruptIndexError as exc:  # another dimension than the vectors kept
                raise MalformedResponseError(
                    f"The embedding model changed its vectors ({exc}); change the knowledge "
                    "base's model to rebuild it.") from exc

    async def refresh(self, name: str, *, progress: Progress | None = None) -> IndexReport:
        """Re-scan the roots for changed and removed files and index them (= `index`)."""
        return await self.index(name, progress=progress)

    async def change_model(self, name: str, provider: str, model: str, *,
                           progress: Progress | None = None) -> IndexReport:
        """Switch the embedding model: every vector is dropped and the chunks embedded again
        with the new model (the UI asks first)."""

        def switch() -> None:
            with self._lock:
                config, paths = self._config(name)
                if not provider.strip() or not model.strip():
                    raise KnowledgeBaseError("A knowledge base needs a provider and a model.")
                if str(paths.folder) in self._indexing:
                    raise KnowledgeBaseError(f"{name} is being indexed: cancel that first.")
                config.with_changes(provider=provider.strip(), model=model.strip()).save(
                    paths.folder)
                paths.drop_vectors()
                paths.db.clear_rows()
                self._loaded.pop(str(paths.folder), None)

        await asyncio.to_thread(switch)
        report = await self.index(name, progress=progress)
        return replace(report, rebuilt=True)

    async def search(self, names: Sequence[str], query: str | Sequence[float],
                     k: int = DEFAULT_TOP_K,
                     threshold: float = DEFAULT_THRESHOLD) -> builtins.list[Passage]:
        """`search_vector` for a vector; a text is embedded first with each knowledge base's
        own provider and model (bases of different models are searched separately and the
        results merged by score). Unknown names are skipped."""
        if not isinstance(query, str):
            return await asyncio.to_thread(self.search_vector, names, query, k, threshold)
        if not query.strip():
            return []
        groups: dict[tuple[str, str], builtins.list[str]] = {}
        for name in dict.fromkeys(names):
            try:
                config, _paths = await asyncio.to_thread(self._config, name)
            except KnowledgeBaseNotFoundError:
                continue
            groups.setdefault((config.provider, config.model), []).append(name)
        found: builtins.list[Passage] = []
        for (provider, model), members in groups.items():
            client = await self._client(provider)
            vector = (await embed_texts(client, model, [query]))[0]
            found += await asyncio.to_thread(self.search_vector, members, vector.tolist(), k,
                                             threshold)
        found.sort(key=lambda p: -p.score)
        return found[:k]

    async def retrieve_for_prompt(self, names: Sequence[str], text: str, *,
                                  k: int = DEFAULT_TOP_K,
                                  threshold: float = DEFAULT_THRESHOLD) -> builtins.list[Passage]:
        """The passages to send with a user message (unknown names are skipped; an empty
        text or no bases gives []). Embedding errors are raised (typed APIError)."""
        started = time.monotonic()
        passages = await self.search(names, text[:32_000], k, threshold)
        log.debug("retrieved %d passages in %.0f ms", len(passages),
                  (time.monotonic() - started) * 1000)
        return passages
