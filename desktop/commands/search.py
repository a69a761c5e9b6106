"""`switchboard search QUERY`: full-text search of the saved history."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.store_access import run_with_store
from desktop.core.safe_text import SafeOutput, is_terminal, json_safe
from desktop.core.store import SearchHit, Store
from desktop.core.store.models import HIGHLIGHT_END, HIGHLIGHT_START

_MARKED = re.compile(f"{HIGHLIGHT_START}(.*?){HIGHLIGHT_END}", re.S)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "search", help="search saved conversations",
        description='Words must all match; "a phrase", prefix*, OR, -exclude are understood.',
    )
    parser.add_argument("query", metavar="QUERY")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=int, default=20, metavar="N",
                        help="at most N conversations (default 20)")
    parser.add_argument("--raw", action="store_true",
                        help="write escape sequences in titles and snippets as stored")
    parser.set_defaults(func=_search)


def plain_with_ranges(snippet: str) -> tuple[str, list[list[int]]]:
    """The snippet without markers, and the [start, end) character ranges that matched."""
    text: list[str] = []
    ranges: list[list[int]] = []
    pos = 0
    length = 0
    for match in _MARKED.finditer(snippet):
        before = snippet[pos:match.start()]
        text.append(before)
        length += len(before)
        ranges.append([length, length + len(match.group(1))])
        text.append(match.group(1))
        length += len(match.group(1))
        pos = match.end()
    text.append(snippet[pos:])
    return "".join(text), ranges


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    title, title_ranges = plain_with_ranges(hit.title_snippet or hit.title)
    return {
        "conversation_id": hit.conversation_id,
        "title": title,
        "title_highlights": title_ranges if hit.title_snippet else [],
        "updated_at": hit.updated_at,
        "matching_messages": hit.message_count,
        "messages": [
            dict(zip(("snippet", "highlights"), plain_with_ranges(m.snippet), strict=True),
                 message_id=m.message_id, role=m.role.value, created_at=m.created_at)
            for m in hit.messages
        ],
    }


def _search(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        results = store.search(args.query, limit=args.limit)
        if args.json:
            print(json_safe(json.dumps({
                "query": results.query, "order": results.order,
                "truncated": results.truncated, "has_more": results.has_more,
                "hits": [_hit_json(h) for h in results.hits],
            }, ensure_ascii=False, indent=1)))
            return EXIT_OK
        out = SafeOutput(sys.stdout, raw=args.raw)
        bold, plain = ("\x1b[1m", "\x1b[0m") if is_terminal(out.stream) else ("*", "*")

        def show(snippet: str) -> str:
            # Our own bold marks go around text already made safe; the stored text's do not.
            text, ranges = plain_with_ranges(snippet.replace("\n", " "))
            pieces, pos = [], 0
            for start, end in ranges:
                pieces += [out.clean(text[pos:start]), bold, out.clean(text[start:end]), plain]
                pos = end
            pieces.append(out.clean(text[pos:]))
            return "".join(pieces)

        if not results.hits:
            print("no matches")
        for hit in results.hits:
            title = show(hit.title_snippet or hit.title or "(untitled)")
            out.stream.write(f"#{hit.conversation_id}  {title}\n")
            for m in hit.messages:
                out.stream.write(f"    {m.role.value:>9}: {show(m.snippet)}\n")
        return EXIT_OK

    return run_with_store(args, action)
