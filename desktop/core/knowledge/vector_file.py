"""The vectors of one knowledge base: a header and a float32 matrix, read memory-mapped.

Why an exact numpy dot product over a memory-mapped matrix, not an ANN index (measured on
this project's 2-core CI machine, see benchmarks/bench_kb.py and the issue-15 report):
- usearch 2.26 (HNSW, f16) took 566 s to build 100k × 768 vectors on 2 busy cores, and its
  recall@10 on spread-out vectors was 0.15; its wheels also pull numkong (11 MB). hnswlib
  0.8.0 ships no wheels for current Pythons (a C++ build at install). faiss-cpu is 30 MB.
- numpy is a wheel everywhere, exact (recall 1.0, results stable across runs, which the
  tests rely on), appends in O(new rows), and 100k × 768 float32 (300 MB, paged in by the OS,
  shared with its cache, not the heap) is searched in 26 ms p50 / 40 ms p95 (load 2.5 on
  2 cores; 63/80 ms at load 8), 10k chunks in 5/10 ms. It is a scan bound by memory
  bandwidth (`np.einsum`, single-threaded, beat BLAS's threaded product on a busy machine),
  so it grows with chunks × dimension: 384 dims 18/25 ms, 1536 dims 52/75 ms at 100k.
Rows are normalised when written, so the dot product is the cosine similarity.

Format: 32-byte header `SBKVEC01`, version (u32), dimension (u32), rows (u64), 8 reserved
bytes; then rows × dimension little-endian float32. Rows are only appended; a row whose
chunk was removed is dead (the SQLite file maps rows to chunks). A file with a bad header,
a size that does not match, or a non-finite value is `CorruptIndexError`: rebuilt, not fatal.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy loads on first use (20 MB a window without a knowledge base saves)
    import numpy as np
    import numpy.typing as npt

    Matrix = npt.NDArray[np.float32]

MAGIC = b"SBKVEC01"
VERSION = 1
HEADER = struct.Struct("<8sIIQ8x")
MAX_DIMENSION = 16_384


class CorruptIndexError(Exception):
    """The vector file cannot be trusted; it is deleted and its chunks embedded again."""


def normalised(vectors: Matrix) -> Matrix:
    """Rows scaled to length 1 (zero rows stay zero)."""
    import numpy as np

    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    scaled: Matrix = (vectors / norms).astype(np.float32, copy=False)
    return scaled


def read_header(path: Path) -> tuple[int, int]:
    """(dimension, rows) of a vector file; CorruptIndexError when the header or size is off.

    A file longer than its header says holds a half-written append (a crash): the extra
    bytes are cut off, as the rows were never recorded in the SQLite file.
    """
    try:
        with path.open("rb") as handle:
            raw = handle.read(HEADER.size)
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        raise CorruptIndexError(f"cannot read {path.name}: {exc}") from exc
    if len(raw) < HEADER.size:
        raise CorruptIndexError(f"{path.name} is cut short")
    magic, version, dimension, rows = HEADER.unpack(raw)
    if magic != MAGIC or version != VERSION or not 0 < dimension <= MAX_DIMENSION:
        raise CorruptIndexError(f"{path.name} has a bad header")
    expected = HEADER.size + rows * dimension * 4
    if size < expected:
        raise CorruptIndexError(f"{path.name} holds {size} bytes, its header says {expected}")
    if size > expected:
        with path.open("r+b") as handle:
            handle.truncate(expected)
    return int(dimension), int(rows)


def load_matrix(path: Path) -> Matrix:
    """The rows of a vector file, memory-mapped read-only (checked: finite, right size)."""
    import numpy as np

    dimension, rows = read_header(path)
    if rows == 0:
        return np.zeros((0, dimension), dtype=np.float32)
    matrix = np.memmap(path, dtype="<f4", mode="r", offset=HEADER.size, shape=(rows, dimension))
    for start in range(0, rows, 65_536):  # in slices: no 600 MB temporary for a big base
        if not np.isfinite(matrix[start:start + 65_536]).all():
            raise CorruptIndexError(f"{path.name} holds values that are not numbers")
    return matrix


def append_rows(path: Path, vectors: Matrix) -> int:
    """Append normalised `vectors` (creating the file); returns the first new row's number.

    The rows are written before the header counts them, so a crash leaves the old count.
    """
    if vectors.ndim != 2 or vectors.shape[1] == 0:
        raise ValueError("vectors must be a non-empty matrix")
    dimension = int(vectors.shape[1])
    if not path.exists():
        with path.open("wb") as handle:
            handle.write(HEADER.pack(MAGIC, VERSION, dimension, 0))
    have, rows = read_header(path)
    if have != dimension:
        raise CorruptIndexError(f"{path.name} holds {have}-dimensional vectors, not {dimension}")
    import numpy as np

    data = np.ascontiguousarray(normalised(vectors), dtype="<f4").tobytes()
    with path.open("r+b") as handle:
        handle.seek(HEADER.size + rows * dimension * 4)
        handle.write(data)
        handle.flush()
        handle.seek(0)
        handle.write(HEADER.pack(MAGIC, VERSION, dimension, rows + len(vectors)))
        handle.flush()
    return rows
