"""Knowledge bases: indexing throughput (embedding excluded), query latency, memory.

- Indexing: files are read, chunked and written to the base's SQLite file as `index()` does
  (`read_file`), then their vectors (random, the provider's time left out) appended
  (`store_vectors`). Text in MB/s, PDF in pages/s.
- Query: exact search (`search_vector`: matrix-vector product, top k, the k chunks read from
  SQLite) at 10k and 100k chunks, p50/p95 over the queries, after one warm-up query.
- Memory: the process's RSS with the 100k-chunk base loaded and searched (the vectors are a
  read-only memory map: file pages the OS shares and can drop, shown apart as RssFile).

    .venv/bin/python benchmarks/bench_kb.py [--quick] [--dim 768]

Figures taken on a shared, busy machine vary by 2x or more between runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.knowledge import KnowledgeBases  # noqa: E402
from desktop.core.knowledge.base_config import BaseConfig  # noqa: E402
from desktop.core.knowledge.base_db import held_open  # noqa: E402
from desktop.core.knowledge.chunking import Chunk  # noqa: E402
from desktop.core.knowledge.indexing import BasePaths, read_file, store_vectors  # noqa: E402
from desktop.core.knowledge.source_files import find_files  # noqa: E402
from tests.helpers.sample_documents import make_pdf  # noqa: E402

LINE = "The quarterly report shows revenue growth across all regions and product lines."
QUERIES = 60


def _status(field: str) -> float:
    """A /proc/self/status figure in MB (0 where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _index_files(folder: Path, root: Path, dim: int) -> tuple[float, float, int]:
    """(seconds reading+chunking+writing, seconds appending vectors, chunks) for a folder."""
    bases = KnowledgeBases(root)
    name = f"bench-{folder.name}"
    bases.create(name, "none", "none")
    bases.add_paths(name, [folder])
    config = BaseConfig.load(bases.root / next(p.name for p in bases.root.iterdir()
                                               if p.name.startswith(f"bench-{folder.name}")))
    assert config is not None
    paths = BasePaths(bases.root / next(p.name for p in bases.root.iterdir()
                                        if p.name.startswith(f"bench-{folder.name}")))
    found = find_files(config.roots).files
    with held_open(paths.db.path):  # as `index()` holds it
        start = time.perf_counter()
        for file in found:
            read_file(config, paths, file)
        reading = time.perf_counter() - start
        rng = np.random.default_rng(1)
        start = time.perf_counter()
        chunks = 0
        while batch := paths.db.waiting(64):
            store_vectors(paths, [cid for cid, _ in batch],
                          rng.standard_normal((len(batch), dim), dtype=np.float32))
            chunks += len(batch)
        return reading, time.perf_counter() - start, chunks


def bench_indexing(root: Path, quick: bool, dim: int) -> None:
    text_dir = root / "text"
    text_dir.mkdir()
    files, lines = (20, 1000) if quick else (100, 2500)
    for n in range(files):
        (text_dir / f"report{n}.md").write_text(
            "\n\n".join(f"{LINE} Section {n}.{i}." for i in range(lines)), "utf-8")
    megabytes = sum(p.stat().st_size for p in text_dir.iterdir()) / 1e6
    reading, vectors, chunks = _index_files(text_dir, root / "data-text", dim)
    print(f"index text  {megabytes:.1f} MB, {chunks} chunks: read+chunk+write {reading:.2f} s "
          f"({megabytes / reading:.1f} MB/s), vectors {vectors:.2f} s; "
          f"total {megabytes / (reading + vectors):.1f} MB/s")
    pdf_dir = root / "pdf"
    pdf_dir.mkdir()
    pdfs, pages = (2, 50) if quick else (5, 200)
    for n in range(pdfs):
        (pdf_dir / f"manual{n}.pdf").write_bytes(make_pdf(
            ["\n".join(f"{LINE} ({p}.{i})" for i in range(40)) for p in range(pages)]))
    reading, vectors, chunks = _index_files(pdf_dir, root / "data-pdf", dim)
    total_pages = pdfs * pages
    print(f"index PDF   {total_pages} pages, {chunks} chunks: read+chunk+write {reading:.2f} s "
          f"({total_pages / reading:.0f} pages/s), vectors {vectors:.2f} s; "
          f"total {total_pages / (reading + vectors):.0f} pages/s")


def _synthetic_base(root: Path, chunks: int, dim: int) -> KnowledgeBases:
    """A base of `chunks` chunks (100 per file) with random normalised vectors."""
    bases = KnowledgeBases(root)
    bases.create("big", "none", "none")
    paths = BasePaths(next(p for p in bases.root.iterdir() if p.is_dir()))
    rng = np.random.default_rng(7)
    per_file = 100
    with held_open(paths.db.path):
        for f in range(chunks // per_file):
            paths.db.put_file(f"/corpus/file{f}.md", 1, 1, "h", 0, [
                Chunk(f"{LINE} file {f} chunk {c}", None, c) for c in range(per_file)])
        while batch := paths.db.waiting(4096):
            store_vectors(paths, [cid for cid, _ in batch],
                          rng.standard_normal((len(batch), dim), dtype=np.float32))
    return bases


def bench_queries(root: Path, chunks: int, dim: int, *, memory: bool) -> None:
    before_rss, before_anon = _status("VmRSS"), _status("RssAnon")
    bases = _synthetic_base(root / f"q{chunks}-{dim}", chunks, dim)
    built_rss = _status("VmRSS")
    rng = np.random.default_rng(3)
    bases.search_vector(["big"], rng.standard_normal(dim).tolist(), k=5, threshold=-1.0)
    times = []
    for _ in range(QUERIES):
        query = rng.standard_normal(dim).tolist()
        start = time.perf_counter()
        found = bases.search_vector(["big"], query, k=5, threshold=-1.0)
        times.append((time.perf_counter() - start) * 1000)
        assert len(found) == 5
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"query {chunks // 1000}k chunks × {dim} dims: p50 {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms (k=5, exact)")
    if memory:
        print(f"memory {chunks // 1000}k chunks × {dim} dims loaded: RSS "
              f"{_status('VmRSS'):.0f} MB (before the base: {before_rss:.0f} MB; "
              f"after building it: {built_rss:.0f} MB); of it anonymous "
              f"{_status('RssAnon'):.0f} MB (before: {before_anon:.0f} MB), file-backed "
              f"vectors {_status('RssFile'):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--dim", type=int, default=768, help="vector dimension (default 768)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-kb-") as folder:
        root = Path(folder)
        bench_indexing(root, args.quick, args.dim)
        bench_queries(root, 10_000, args.dim, memory=False)
        if not args.quick:
            bench_queries(root, 100_000, args.dim, memory=True)
            if args.dim != 384:  # a smaller embedding model: half the bytes scanned
                bench_queries(root, 100_000, 384, memory=False)


if __name__ == "__main__":
    main()
