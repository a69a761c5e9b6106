"""`switchboard ask --compare P1:M1,P2:M2 PROMPT`: one prompt to 2-4 models at once.

The replies stream concurrently and are saved as sibling branches of the prompt (a compared
exchange, shown in columns by the window). Interleaved deltas of several models would be
unreadable, so each reply is printed whole under a `=== PROVIDER:MODEL ===` header as soon
as it is done (the fastest first); a failed one prints its error under its header (and on
stderr). `--json` prints one object with every column, in the order given.

Exit code: 0 when at least one model answered; when all failed, the code of the first
target's error (see `desktop.commands.exit_codes`). `-o` parameters go to every target.
`--no-save`, `--tools` and `-p/-m` do not combine with `--compare`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from desktop.commands.api_access import limits_for, open_data_dir, open_registry, report_error
from desktop.commands.exit_codes import EXIT_FAILURE, EXIT_OK, exit_code_for
from desktop.core.chat_service import ChatService, ChatSetupError
from desktop.core.compare_service import (
    ColumnOutcome,
    CompareListener,
    CompareService,
    targets_from_spec,
)
from desktop.core.safe_text import SafeOutput, json_safe
from desktop.core.store import Store
from desktop.core.store.compare_ops import CompareTarget
from desktop.core.store.models import ContentPart, Message


def header(target: CompareTarget) -> str:
    return f"=== {target.label} ==="


class _PrintWhenDone(CompareListener):
    """Prints each column's reply whole, under its header, when it finishes."""

    def __init__(self, targets: list[CompareTarget], out: SafeOutput, quiet: bool) -> None:
        self.targets = targets
        self.out = out
        self.quiet = quiet
        self.printed = 0

    def column_finished(self, position: int, message: Message) -> None:
        if self.quiet:
            return
        if self.printed:
            self.out.write("\n")
        self.printed += 1
        self.out.print(header(self.targets[position]))
        if message.text:
            self.out.print(message.text)
        if message.error:
            self.out.print(f"[{message.status.value}: {message.error}]")
        self.out.flush()


def _column_json(outcome: ColumnOutcome) -> dict[str, Any]:
    reply = outcome.reply
    usage = reply.usage if reply is not None else None
    error = None
    if outcome.api_error is not None:
        error = {"type": type(outcome.api_error).__name__, "message": outcome.error,
                 "status": outcome.api_error.status,
                 "exit_code": exit_code_for(outcome.api_error)}
    elif outcome.error is not None or outcome.stopped:
        error = {"type": "stopped" if outcome.stopped else "setup", "message": outcome.error}
    return {
        "provider": outcome.target.provider,
        "model": outcome.target.model,
        "params": dict(outcome.target.params),
        "reply_id": reply.id if reply else None,
        "text": reply.text if reply else "",
        "reasoning": reply.reasoning if reply else "",
        "status": str(reply.status) if reply else "error",
        "finish_reason": reply.finish_reason if reply else None,
        "usage": None if usage is None else {
            "prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens,
            "reasoning_tokens": usage.reasoning_tokens, "cached_tokens": usage.cached_tokens},
        "ttft_ms": reply.ttft_ms if reply else None,
        "tokens_per_second": reply.tokens_per_second if reply else None,
        "cost": None if reply is None or reply.cost is None else {
            "amount": reply.cost.amount, "currency": reply.cost.currency,
            "estimated": reply.cost.estimated},
        "error": error,
    }


async def _compare(args: argparse.Namespace, store: Store, content: list[ContentPart],
                   targets: list[CompareTarget], options: dict[str, Any]) -> int:
    if args.conversation is not None:
        conversation = await asyncio.to_thread(store.get_conversation, args.conversation)
        system = args.system if args.system is not None else conversation.system_prompt
    else:
        conversation = await asyncio.to_thread(store.create_conversation)
        system = args.system or ""
    targets = [CompareTarget(t.provider, t.model, {**options, **t.params}) for t in targets]
    data_dir = open_data_dir(args)
    service = CompareService(ChatService(store, open_registry(data_dir),
                                         limits=limits_for(data_dir)))
    out = SafeOutput(sys.stdout, raw=args.raw)
    printer = _PrintWhenDone(targets, out, quiet=args.json)
    try:
        result = await service.send(conversation.id, content, targets, system_prompt=system,
                                    stream=not args.no_stream, listener=printer)
    except ChatSetupError as error:
        if args.conversation is None:  # nothing was written: leave no empty conversation
            await asyncio.to_thread(store.delete_conversation, conversation.id)
        return report_error(error.__cause__ or error)
    finally:
        await service.chat.close()
    print(f"switchboard: saved in conversation {conversation.id}", file=sys.stderr)
    for outcome in result.columns:
        if outcome.error is not None:
            SafeOutput(sys.stderr).print(
                f"switchboard: {outcome.target.label}: {outcome.error}")
    if args.json:
        payload = {"conversation_id": conversation.id, "user_message_id": result.fork_id,
                   "columns": [_column_json(c) for c in result.columns]}
        sys.stdout.write(json_safe(json.dumps(payload, ensure_ascii=False, indent=1)) + "\n")
    if not result.all_failed:
        return EXIT_OK
    first = result.columns[0]
    return exit_code_for(first.api_error) if first.api_error is not None else EXIT_FAILURE


def compare_problem(args: argparse.Namespace) -> str | None:
    """Why this `ask --compare` command line cannot run, or None."""
    if args.provider or args.model:
        return "--compare names the models itself; leave out -p and -m"
    if args.no_save or args.tools or getattr(args, "kb", None):
        return "--compare saves the exchange and offers no tools or knowledge bases"
    try:
        targets_from_spec(args.compare)
    except ValueError as error:
        return f"--compare: {error}"
    return None


async def compare_saved(args: argparse.Namespace, store: Store, content: list[ContentPart],
                        options: dict[str, Any]) -> int:
    """Compare in the history (`compare_problem` has checked the command line)."""
    return await _compare(args, store, content, targets_from_spec(args.compare), options)
