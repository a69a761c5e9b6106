"""`switchboard history list|show`: browse saved conversations from the shell.

On a terminal, escape sequences in titles and messages are shown as `\x1b` and the like
instead of acting on the terminal; `--raw` writes them as stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.store_access import run_with_store
from desktop.core.safe_text import SafeOutput, json_safe
from desktop.core.store import Store
from desktop.core.store.export_json import export_json
from desktop.core.store.export_markdown import export_markdown

_RAW_HELP = "write escape sequences in the text as stored (for pipes)"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("history", help="list and show saved conversations")
    commands = parser.add_subparsers(dest="history_command", metavar="ACTION", required=True)
    listing = commands.add_parser("list", help="list conversations, most recent first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--archived", action="store_true", help="list archived ones instead")
    listing.add_argument("--limit", type=int, default=-1, metavar="N", help="at most N")
    listing.add_argument("--raw", action="store_true", help=_RAW_HELP)
    listing.set_defaults(func=_list)
    show = commands.add_parser("show", help="print one conversation")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--format", choices=("md", "json"), default="md")
    show.add_argument("--tree", action="store_true",
                      help="every branch, not only the active one (md)")
    show.add_argument("--raw", action="store_true", help=_RAW_HELP)
    show.set_defaults(func=_show)


def _list(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        rows = store.list_conversations(archived=args.archived, limit=args.limit)
        if args.json:
            items = [
                {"id": r.id, "title": r.title, "updated_at": r.updated_at, "pinned": r.pinned,
                 "archived": r.archived, "folder_id": r.folder_id, "model": r.model}
                for r in rows
            ]
            print(json_safe(json.dumps(items, ensure_ascii=False, indent=1)))
            return EXIT_OK
        out = SafeOutput(sys.stdout, raw=args.raw)
        for r in rows:
            when = _when(r.updated_at)
            pin = "*" if r.pinned else " "
            out.print(f"{r.id:>6} {pin} {when}  {r.title or '(untitled)'}")
        return EXIT_OK

    return run_with_store(args, action)


def _when(timestamp: float) -> str:
    """The local date and time; a stored time no calendar can show is not a crash."""
    try:
        return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):
        return "????-??-?? ??:??"


def _show(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        if args.format == "json":
            document = json.dumps(export_json(store, [args.id]), ensure_ascii=False, indent=1)
            print(json_safe(document))
        else:
            out = SafeOutput(sys.stdout, raw=args.raw)
            out.print(export_markdown(store, args.id, whole_tree=args.tree), end="")
        return EXIT_OK

    return run_with_store(args, action)
