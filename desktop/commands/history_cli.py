"""What the history commands share: opening the Store, exit codes, errors on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.core.paths import DataDir, resolve_data_dir
from desktop.core.store import (
    ImportFormatError,
    NotFoundError,
    Store,
    StoreDamagedError,
    StoreError,
    StoreVersionError,
)

EXIT_OK = 0
EXIT_USAGE = 2  # argparse's code for a bad command line
EXIT_NOT_FOUND = 30  # no such conversation / file
EXIT_IMPORT = 31  # malformed import file (nothing was imported)
EXIT_DAMAGED = 32  # database damaged: moved aside, restore a backup
EXIT_NEWER_VERSION = 33  # database written by a newer Switchboard
EXIT_STORE = 34  # any other history error
EXIT_EXISTS = 35  # refusing to overwrite an existing output file

_CODES: tuple[tuple[type[StoreError], int], ...] = (
    (NotFoundError, EXIT_NOT_FOUND),
    (ImportFormatError, EXIT_IMPORT),
    (StoreDamagedError, EXIT_DAMAGED),
    (StoreVersionError, EXIT_NEWER_VERSION),
)


def data_dir_of(args: argparse.Namespace) -> DataDir:
    return resolve_data_dir(getattr(args, "data_dir", None))


def fail(message: str, code: int) -> int:
    print(f"switchboard: {message}", file=sys.stderr)
    return code


def run_with_store(args: argparse.Namespace, action: Callable[[Store], int]) -> int:
    """Open the history of `--data-dir`, run `action`, and turn store errors into exit codes."""
    try:
        with Store.open(data_dir_of(args)) as store:
            return action(store)
    except StoreError as exc:
        code = next((c for cls, c in _CODES if isinstance(exc, cls)), EXIT_STORE)
        return fail(str(exc), code)


def refuse_overwrite(path: Path, force: bool) -> int | None:
    """An exit code when `path` exists and --force was not given; None when writing is fine."""
    if path.exists() and not force:
        return fail(f"{path} exists; pass --force to replace it", EXIT_EXISTS)
    return None
