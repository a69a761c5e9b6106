"""`switchboard backup FILE` and `switchboard restore FILE`: the whole history as one file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.exit_codes import EXIT_OK, EXIT_STORE
from desktop.commands.store_access import data_dir_of, fail, refuse_overwrite, run_with_store
from desktop.core.store import Store, StoreError
from desktop.core.store.backup import restore_backup


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser("backup", help="copy the whole history into one file")
    backup.add_argument("file", metavar="FILE", type=Path)
    backup.add_argument("--force", action="store_true", help="replace an existing file")
    backup.set_defaults(func=_backup)
    restore = subparsers.add_parser(
        "restore", help="replace the history with a backup file",
        description="The current history is kept, renamed with a timestamp, never deleted. "
        "Close the Switchboard window first.",
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.set_defaults(func=_restore)


def _backup(args: argparse.Namespace) -> int:
    if (code := refuse_overwrite(args.file, args.force)) is not None:
        return code

    def action(store: Store) -> int:
        store.backup_to(args.file)
        print(f"backed up {store.count_conversations()} conversations to {args.file}")
        return EXIT_OK

    return run_with_store(args, action)


def _restore(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args).ensure()
    try:
        moved = restore_backup(data_dir.database, args.file)
    except StoreError as exc:
        return fail(str(exc), EXIT_STORE)
    if moved is not None:
        print(f"the previous history was kept as {moved}")

    def action(store: Store) -> int:
        print(f"restored {store.count_conversations()} conversations from {args.file}")
        return EXIT_OK

    return run_with_store(args, action)
