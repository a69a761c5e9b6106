"""`switchboard kb …`: knowledge bases from the command line.

    kb create NAME --provider P --model M [--chunk-size N] [--overlap N]
    kb add NAME PATH…            (indexes; progress on stderr; Ctrl+C stops, keeping the work)
    kb list [--json]
    kb search NAME "query" [-k N] [--threshold X] [--json]
    kb remove NAME [PATH…]       (without paths: the whole base)
    kb refresh NAME              (re-index changed and removed files; resumes a stopped run)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import TYPE_CHECKING, Any

from desktop.commands.api_access import report_error
from desktop.commands.exit_codes import (
    EXIT_CODES_HELP,
    EXIT_CONFIG,
    EXIT_EXISTS,
    EXIT_INTERRUPTED_BY_USER,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
)
from desktop.commands.kb_access import (
    ProviderClients,
    open_bases,
    print_sources,
    run_closing,
    show_progress,
)
from desktop.commands.store_access import fail
from desktop.core.api.errors import APIError
from desktop.core.documents.limits import MAX_DOCUMENT_BYTES
from desktop.core.knowledge import (
    DEFAULT_CHUNK_TOKENS,
    DEFAULT_OVERLAP_TOKENS,
    DEFAULT_THRESHOLD,
    DEFAULT_TOP_K,
    IndexReport,
    InvalidKnowledgeBaseError,
    KnowledgeBaseError,
    KnowledgeBaseExistsError,
    KnowledgeBaseInfo,
    KnowledgeBaseNotFoundError,
)
from desktop.core.knowledge.source_files import MAX_FILES, MAX_TOTAL_BYTES
from desktop.core.progress import Progress, WorkCancelledError
from desktop.core.providers import ProviderError
from desktop.core.safe_text import SafeOutput, json_safe
from desktop.core.secrets import KeyringUnavailableError

if TYPE_CHECKING:
    from desktop.core.knowledge import KnowledgeBases


def _known_error(error: KnowledgeBaseError) -> int:
    if isinstance(error, KnowledgeBaseNotFoundError):
        code = EXIT_NOT_FOUND
    elif isinstance(error, KnowledgeBaseExistsError):
        code = EXIT_EXISTS
    elif isinstance(error, InvalidKnowledgeBaseError):
        code = EXIT_USAGE
    else:
        code = EXIT_NOT_FOUND if "does not exist" in str(error) else EXIT_CONFIG
    SafeOutput(sys.stderr).print(f"switchboard: {error}")
    return code


def _run(args: argparse.Namespace) -> int:
    bases, clients = open_bases(args)
    try:
        return int(args.kb_func(args, bases, clients))
    except KnowledgeBaseError as error:
        return _known_error(error)
    except (APIError, ProviderError, KeyringUnavailableError) as error:
        return report_error(error)
    except OSError as error:
        return fail(f"the knowledge base could not be written: {error}", EXIT_CONFIG)


def _create(args: argparse.Namespace, bases: KnowledgeBases,
            clients: ProviderClients) -> int:
    clients.registry.get(args.provider)  # an unknown provider is a configuration error
    info = bases.create(args.name, args.provider, args.model, chunk_size=args.chunk_size,
                        overlap=args.overlap)
    SafeOutput(sys.stdout).print(f"created knowledge base {info.name} ({info.provider}, "
                                 f"{info.model}, chunks of {info.chunk_size} tokens, "
                                 f"overlap {info.overlap})")
    return EXIT_OK


async def _index(bases: KnowledgeBases, name: str, progress: Progress) -> IndexReport:
    shower = asyncio.create_task(show_progress(progress))
    try:
        return await bases.index(name, progress=progress)
    finally:
        shower.cancel()
        await asyncio.gather(shower, return_exceptions=True)


def _index_and_report(bases: KnowledgeBases, clients: ProviderClients, name: str) -> int:
    progress = Progress()
    err = SafeOutput(sys.stderr)
    try:
        report = run_closing(clients, _index(bases, name, progress))
    except (KeyboardInterrupt, WorkCancelledError):
        info = bases.get(name)
        err.print(f"switchboard: indexing stopped; {info.chunks} chunks are searchable, "
                  f"{info.waiting_chunks} wait (run `switchboard kb refresh` to go on)")
        return EXIT_INTERRUPTED_BY_USER
    info = bases.get(name)
    err.print(f"{info.name}: {report.files_indexed} files read, {report.files_failed} failed, "
              f"{report.files_removed} removed, {report.chunks_added} chunks embedded; "
              f"{info.chunks} chunks searchable" + (" (index rebuilt)" if report.rebuilt else ""))
    for file in bases.files(name):
        if file.error:
            err.print(f"  skipped {file.path}: {file.error}")
    if report.skipped:
        err.print(f"  {report.skipped} files left out: over {MAX_FILES} files, a file over "
                  f"{MAX_DOCUMENT_BYTES // 2**20} MB, or over {MAX_TOTAL_BYTES // 2**30} GB "
                  "in all")
    if report.error is not None:
        err.print(f"switchboard: {info.waiting_chunks} chunks wait for their vectors; "
                  "run `switchboard kb refresh` to go on")
        return report_error(report.error)
    return EXIT_OK


def _add(args: argparse.Namespace, bases: KnowledgeBases,
         clients: ProviderClients) -> int:
    bases.add_paths(args.name, args.paths)
    return _index_and_report(bases, clients, args.name)


def _refresh(args: argparse.Namespace, bases: KnowledgeBases,
             clients: ProviderClients) -> int:
    bases.get(args.name)
    return _index_and_report(bases, clients, args.name)


def _info_json(info: KnowledgeBaseInfo) -> dict[str, Any]:
    return {"name": info.name, "provider": info.provider, "model": info.model,
            "chunk_size": info.chunk_size, "overlap": info.overlap,
            "dimension": info.dimension, "roots": list(info.roots), "files": info.files,
            "indexed_files": info.indexed_files, "failed_files": info.failed_files,
            "chunks": info.chunks, "waiting_chunks": info.waiting_chunks,
            "created_at": info.created_at}


def _list(args: argparse.Namespace, bases: KnowledgeBases,
          clients: ProviderClients) -> int:
    found = bases.list()
    if args.json:
        print(json_safe(json.dumps([_info_json(i) for i in found], ensure_ascii=False)))
        return EXIT_OK
    out = SafeOutput(sys.stdout)
    for info in found:
        waiting = f", {info.waiting_chunks} waiting" if info.waiting_chunks else ""
        out.print(f"{info.name}\t{info.provider}/{info.model}\t{info.files} files, "
                  f"{info.chunks} chunks{waiting}")
    if not found:
        print("no knowledge bases (create one with `switchboard kb create`)", file=sys.stderr)
    return EXIT_OK


def _search(args: argparse.Namespace, bases: KnowledgeBases,
            clients: ProviderClients) -> int:
    bases.get(args.name)
    passages = run_closing(clients, bases.search([args.name], args.query, args.k,
                                                 args.threshold))
    if args.json:
        print(json_safe(json.dumps([p.to_json() for p in passages], ensure_ascii=False)))
    else:
        print_sources(SafeOutput(sys.stdout, raw=False), passages, text=True)
        if not passages:
            print("no passage scored above the threshold", file=sys.stderr)
    return EXIT_OK


def _remove(args: argparse.Namespace, bases: KnowledgeBases,
            clients: ProviderClients) -> int:
    out = SafeOutput(sys.stdout)
    if args.paths:
        info = bases.remove_paths(args.name, args.paths)
        out.print(f"{info.name}: {info.files} files, {info.chunks} chunks left")
    else:
        bases.remove(args.name)
        out.print(f"removed knowledge base {args.name}")
    return EXIT_OK


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "kb", help="knowledge bases: files searched for the passages sent with a question",
        description="Create, fill, search and remove knowledge bases (see `ask --kb`).",
        epilog=EXIT_CODES_HELP)
    commands = parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    create = commands.add_parser("create", help="a new, empty knowledge base")
    create.add_argument("name", metavar="NAME")
    create.add_argument("--provider", required=True, help="provider of the embedding model")
    create.add_argument("--model", required=True, help="embedding model id")
    create.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_TOKENS, metavar="TOKENS",
                        help=f"tokens per chunk (default {DEFAULT_CHUNK_TOKENS})")
    create.add_argument("--overlap", type=int, default=DEFAULT_OVERLAP_TOKENS, metavar="TOKENS",
                        help=f"tokens shared by neighbouring chunks "
                             f"(default {DEFAULT_OVERLAP_TOKENS})")
    create.set_defaults(kb_func=_create)
    add = commands.add_parser("add", help="add files and folders, and index them")
    add.add_argument("name", metavar="NAME")
    add.add_argument("paths", metavar="PATH", nargs="+")
    add.add_argument("--batch-size", type=int, default=None, metavar="N",
                     help="texts per embeddings request (default 64)")
    add.set_defaults(kb_func=_add)
    listing = commands.add_parser("list", help="the knowledge bases")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(kb_func=_list)
    search = commands.add_parser("search", help="the passages that best match a query")
    search.add_argument("name", metavar="NAME")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("-k", type=int, default=DEFAULT_TOP_K, help="passages to show")
    search.add_argument("--threshold", type=float, default=0.0,
                        help=f"least cosine similarity (default 0; chat uses "
                             f"{DEFAULT_THRESHOLD})")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(kb_func=_search)
    remove = commands.add_parser("remove", help="remove a knowledge base, or files from it")
    remove.add_argument("name", metavar="NAME")
    remove.add_argument("paths", metavar="PATH", nargs="*")
    remove.set_defaults(kb_func=_remove)
    refresh = commands.add_parser("refresh", help="re-index changed and removed files")
    refresh.add_argument("name", metavar="NAME")
    refresh.add_argument("--batch-size", type=int, default=None, metavar="N",
                         help="texts per embeddings request (default 64)")
    refresh.set_defaults(kb_func=_refresh)
    parser.set_defaults(func=_run)
