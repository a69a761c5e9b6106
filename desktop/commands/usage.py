"""`switchboard usage`: what replies cost and how many tokens they used, from the history.

Sums come from the costs kept with each reply (priced when it finished; see core/pricing).
Costs in different currencies are listed apart, never added; replies without a price count
their tokens under the currency "-".
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import datetime
from typing import Any

from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.store_access import data_dir_of, run_with_store
from desktop.core.pricing.cost import format_amount
from desktop.core.pricing.recording import recalculate
from desktop.core.providers import ProviderRegistry
from desktop.core.safe_text import SafeOutput
from desktop.core.store import Store
from desktop.core.store.usage_queries import UsageGrouping, UsageRow

GROUPINGS = tuple(str(g) for g in UsageGrouping)


def _date(text: str) -> float:
    """A local date (YYYY-MM-DD) or a number of days back ("30d") as a timestamp."""
    value = text.strip()
    if value.endswith("d") and value[:-1].isdigit():
        return time.time() - int(value[:-1]) * 86400
    try:
        return datetime.strptime(value, "%Y-%m-%d").timestamp()
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date YYYY-MM-DD or a number of days like 30d, got {text!r}") from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "usage", help="cost and tokens of replies per day, week, month, provider or model",
        description="Sum what replies cost (as priced when they were sent) and the tokens "
        "they used. Different currencies are listed apart.",
    )
    parser.add_argument("--since", type=_date, metavar="DATE",
                        help="from this local date (YYYY-MM-DD) or so many days back (30d)")
    parser.add_argument("--until", type=_date, metavar="DATE", help="up to (not including)")
    parser.add_argument("--by", choices=GROUPINGS, default="day",
                        help="group by (default: %(default)s)")
    parser.add_argument("--top", type=int, default=0, metavar="N",
                        help="also list the N conversations that cost the most")
    parser.add_argument("--csv", action="store_true", help="print CSV (for a spreadsheet)")
    parser.add_argument(
        "--recalculate", action="store_true",
        help="first price the replies of the period again with today's prices and each "
        "provider's overrides (replies keep the prices they were sent with otherwise)")
    parser.set_defaults(func=_usage)


def _row_cells(row: UsageRow) -> list[str]:
    cost = format_amount(row.cost, row.currency) if row.currency else "-"
    return [row.key or "(none)", row.currency or "-", cost, str(row.prompt_tokens),
            str(row.completion_tokens), str(row.replies)]


def _print_table(out: SafeOutput, header: list[str], rows: list[list[str]],
                 left: tuple[int, ...] = (0,)) -> None:
    """Columns padded to their widest cell; `left` ones aligned left, numbers right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for cells in [header, *rows]:
        out.print("  ".join(c.ljust(w) if i in left else c.rjust(w)
                            for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip())


def _recalculate(args: argparse.Namespace, store: Store) -> None:
    registry = ProviderRegistry(data_dir_of(args).root)
    pricing = {profile.name: profile.pricing for profile in registry.list()}
    ids = store.reply_ids(since=args.since)
    priced = recalculate(store, pricing, ids)
    print(f"Priced {priced} of {len(ids)} replies again with today's prices.", file=sys.stderr)


def _usage(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        if args.recalculate:
            _recalculate(args, store)
        rows = store.usage_by(args.by, since=args.since, until=args.until)
        top = store.top_conversations_by_cost(since=args.since, until=args.until,
                                              limit=args.top) if args.top > 0 else []
        if args.csv:
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow([args.by, "currency", "cost", "prompt_tokens", "completion_tokens",
                             "replies"])
            for row in rows:
                writer.writerow([row.key, row.currency or "", f"{row.cost:.6f}",
                                 row.prompt_tokens, row.completion_tokens, row.replies])
            return EXIT_OK
        out = SafeOutput(sys.stdout)
        if not rows:
            out.print("No replies in this period.")
        else:
            _print_table(out, [args.by.upper(), "CUR", "COST", "PROMPT", "COMPLETION",
                               "REPLIES"], [_row_cells(r) for r in rows])
        if top:
            out.print("")
            out.print("Conversations that cost the most:")
            _print_table(out, ["ID", "COST", "REPLIES", "TITLE"], [
                [str(c.conversation_id), format_amount(c.cost, c.currency), str(c.replies),
                 c.title or "(untitled)"] for c in top], left=(3,))
        return EXIT_OK

    return run_with_store(args, action)
