"""`switchboard export ID --format md|json|html --out FILE`: one conversation to a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.commands.exit_codes import EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE
from desktop.commands.store_access import fail, refuse_overwrite, run_with_store
from desktop.core.store import Store
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json
from desktop.core.store.export_markdown import export_markdown, write_markdown


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="export a conversation to a file",
        description="Export one conversation, or with --all every conversation (JSON only; "
        "re-import it with `switchboard import`).",
    )
    parser.add_argument("id", type=int, metavar="ID", nargs="?")
    parser.add_argument("--all", action="store_true", help="every conversation (--format json)")
    parser.add_argument("--format", choices=("md", "json", "html"), required=True)
    parser.add_argument("--out", required=True, metavar="FILE", help="output file, - for stdout")
    parser.add_argument("--tree", action="store_true",
                        help="every branch, not only the active one (md, html; json has all)")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    if (args.id is None) == (not args.all):
        return fail("give a conversation ID or --all", EXIT_USAGE)
    if args.all and args.format != "json":
        return fail("--all exports JSON only (--format json)", EXIT_USAGE)
    out = None if args.out == "-" else Path(args.out)
    if out is not None and (code := refuse_overwrite(out, args.force)) is not None:
        return code
    if out is not None and not out.absolute().parent.is_dir():
        return fail(f"the folder {out.absolute().parent} does not exist", EXIT_NOT_FOUND)

    def action(store: Store) -> int:
        if args.format == "md" and out is not None:  # the images go to a folder beside it
            write_markdown(store, args.id, out, whole_tree=args.tree)
            print(f"wrote {out}", file=sys.stderr)
            return EXIT_OK
        if args.format == "json":
            ids = [c.id for c in store.list_conversations(archived=None)][::-1] if args.all \
                else [args.id]
            text = json.dumps(export_json(store, ids), ensure_ascii=False, indent=1)
        elif args.format == "html":
            text = export_html(store, args.id, whole_tree=args.tree)
        else:
            text = export_markdown(store, args.id, whole_tree=args.tree)
        if out is None:
            sys.stdout.write(text)
        else:
            out.write_text(text, encoding="utf-8")
            print(f"wrote {out}", file=sys.stderr)
        return EXIT_OK

    def guarded(store: Store) -> int:
        try:
            return action(store)
        except OSError as exc:  # a read-only folder, a full disk: say so, no traceback
            return fail(f"could not write {out}: {exc.strerror or exc}", EXIT_FAILURE)

    return run_with_store(args, guarded)
