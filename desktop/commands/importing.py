"""`switchboard import FILE`: a Switchboard JSON export or ChatGPT's conversations.json."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.store_access import run_with_store
from desktop.core.store import Store
from desktop.core.store.importer import import_file


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help="import conversations (Switchboard JSON, ChatGPT conversations.json)",
        description="All conversations of FILE are imported, or none when the file is bad.",
    )
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.set_defaults(func=_import)


def _import(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        ids = import_file(store, args.file)
        print(f"imported {len(ids)} conversation{'s' if len(ids) != 1 else ''}"
              + (f": {', '.join(map(str, ids))}" if ids else ""))
        return EXIT_OK

    return run_with_store(args, action)
