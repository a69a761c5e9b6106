"""Caps on what an import may make us read, so that a zip bomb costs an error, not memory.

The limits, and why:
- `MAX_JSON_BYTES` (256 MiB) for the JSON document (a file or the zip's conversations.json).
  The largest ChatGPT exports seen are around 100-200 MB; CPython needs roughly ten times
  the text's size to hold it parsed, so beyond this an import would put the machine at risk.
- `MAX_TOTAL_BYTES` (1 GiB) for everything read from one import (the JSON plus the images),
  all of which is held until the single write transaction.
- `MAX_MEMBERS` (50,000) files in a zip; a real export has a few thousand at most.

Sizes are checked against what the zip declares before anything is inflated, and counted
again while reading (the zip module never inflates past a member's declared size).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO, Any

from desktop.core.store.errors import ImportFormatError

MAX_JSON_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBERS = 50_000
_CHUNK = 1024 * 1024


def _mib(size: int) -> str:
    return f"{size / 1048576:,.0f} MiB"


class ReadBudget:
    """Counts the bytes one import reads; passing `MAX_TOTAL_BYTES` refuses the import."""

    def __init__(self, file: Path | str, total: int | None = None) -> None:
        self.file = file
        self.total = MAX_TOTAL_BYTES if total is None else total
        self.used = 0

    def take(self, size: int, what: str) -> None:
        """Account for `size` more bytes of `what`; ImportFormatError beyond the total."""
        self.used += size
        if self.used > self.total:
            raise ImportFormatError(
                self.file,
                f"would unpack to more than {_mib(self.total)} (at {what}); an import is "
                "limited to that",
            )

    def read(self, handle: IO[bytes], declared: int, limit: int, what: str) -> bytes:
        """Read `handle` to its end in chunks, never more than `limit` bytes or the budget."""
        if declared > limit:
            raise ImportFormatError(
                self.file, f"{what} unpacks to {_mib(declared)}, more than the "
                f"{_mib(limit)} an import allows"
            )
        self.take(declared, what)
        data = bytearray()
        while chunk := handle.read(_CHUNK):
            data += chunk
            if len(data) > min(limit, declared):
                raise ImportFormatError(self.file, f"{what} is larger than its zip entry says")
        return bytes(data)


def zip_member_count(path: Path) -> int | None:
    """How many entries the zip's end record declares, read before the directory is parsed."""
    end_record: Any = getattr(zipfile, "_EndRecData", None)
    index: Any = getattr(zipfile, "_ECD_ENTRIES_TOTAL", None)
    if end_record is None or index is None:
        return None
    with path.open("rb") as handle:
        record = end_record(handle)
    return None if not record else int(record[index])


def check_zip_members(path: Path) -> None:
    """Refuse a zip with more than `MAX_MEMBERS` entries before its directory is loaded."""
    count = zip_member_count(path)
    if count is not None and count > MAX_MEMBERS:
        raise ImportFormatError(
            path, f"holds {count:,} files, more than the {MAX_MEMBERS:,} an import allows"
        )


def read_json_file(path: Path, budget: ReadBudget) -> bytes:
    """The bytes of a JSON file, refused (before reading) when larger than `MAX_JSON_BYTES`."""
    with path.open("rb") as handle:
        size = path.stat().st_size
        return budget.read(handle, size, MAX_JSON_BYTES, path.name)
