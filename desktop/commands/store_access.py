"""How the history commands open the store: `--data-dir`, store errors as exit codes on stderr."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.commands.exit_codes import EXIT_EXISTS, EXIT_STORE, store_exit_code
from desktop.core.paths import DataDir, resolve_data_dir
from desktop.core.store import Store, StoreError
from desktop.core.store.backup import describe_os_error


def data_dir_of(args: argparse.Namespace) -> DataDir:
    return resolve_data_dir(getattr(args, "data_dir", None))


def fail(message: str, code: int) -> int:
    print(f"switchboard: {message}", file=sys.stderr)
    return code


def run_with_store(args: argparse.Namespace, action: Callable[[Store], int]) -> int:
    """Open the history of `--data-dir`, run `action`, and turn store errors into exit codes."""
    try:
        with Store.open(data_dir_of(args)) as store:
            if store.backup_problem:
                print(f"switchboard: warning: {store.backup_problem}", file=sys.stderr)
            return action(store)
    except StoreError as exc:
        return fail(str(exc), store_exit_code(exc))
    except (OSError, sqlite3.Error) as exc:  # a full disk, a read-only directory
        return fail(f"the history could not be written: {describe_os_error(exc)}", EXIT_STORE)


def refuse_overwrite(path: Path, force: bool) -> int | None:
    """An exit code when `path` exists and --force was not given; None when writing is fine."""
    if path.exists() and not force:
        return fail(f"{path} exists; pass --force to replace it", EXIT_EXISTS)
    return None
