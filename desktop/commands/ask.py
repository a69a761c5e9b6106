"""`switchboard ask`: one chat request from the shell; the reply streams to stdout.

    switchboard ask (-p PROVIDER -m MODEL | --compare P1:M1,P2:M2) [-s SYSTEM]
                    [--image FILE]... [--file PATH]... [-o key=value]...
                    [--kb NAME]... [--no-stream] [--json] [--no-save | -c ID] PROMPT

PROMPT `-` reads the prompt from stdin. Each exchange is saved in the history as a new
conversation (its id goes to stderr, or into the `--json` object); `-c ID` continues
conversation ID on its active branch (its stored system prompt is used unless `-s` is given);
`--no-save` sends the prompt alone and keeps nothing. Reasoning goes to stderr (or into the `--json`
object). `-o` sets any chat parameter; its value is parsed as JSON when it parses, else taken
as a string (`-o temperature=0.2 -o stop='["\\n"]' -o user=me`). The parameters the schema
declares (`desktop/core/parameters.py`) are checked as the window's parameter panel checks
them, with the same message; other names are sent as given.

On a terminal, escape sequences and control characters in the reply are shown as `\x1b`
and the like instead of acting on the terminal; `--raw` writes them as they came.

Exit codes: see `desktop.commands.exit_codes` (`ask --help` lists them too).
The explanation of a failure goes to stderr; with `--json` the partial reply and the error
are also printed as a JSON object on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.commands.api_access import (
    client_for,
    limits_for,
    open_data_dir,
    open_registry,
    report_error,
    run_api_command,
)
from desktop.commands.ask_compare import compare_problem, compare_saved
from desktop.commands.ask_inputs import (
    CliImage,
    document_part,
    prepare_images,
    read_documents,
)
from desktop.commands.exit_codes import (
    EXIT_CODES_HELP,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    exit_code_for,
)
from desktop.commands.store_access import fail, run_with_store
from desktop.core.api.errors import APIError
from desktop.core.api.events import (
    ChatResult,
    ReasoningDelta,
    RefusalDelta,
    StreamEvent,
    TextDelta,
)
from desktop.core.api.requests_openai import (
    ChatRequest,
    RequestValidationError,
    parse_option_value,
)
from desktop.core.chat_service import (
    ChatService,
    ChatSettings,
    ChatSetupError,
    ExchangeListener,
    ExchangeResult,
)
from desktop.core.documents.extract import ExtractedDocument
from desktop.core.passages import Passage
from desktop.core.providers import ProviderError, ProviderRegistry
from desktop.core.safe_text import SafeOutput, json_safe
from desktop.core.settings import Settings, SettingsError
from desktop.core.store import Store, StoreError
from desktop.core.store.models import ContentPart, Message, MessageStatus, TextPart


def parse_options(pairs: list[str]) -> dict[str, Any]:
    """`key=value` pairs into a dict; values parsed as JSON when they parse."""
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise RequestValidationError(f"-o expects key=value, got {pair!r}.")
        options[key.strip()] = parse_option_value(value)
    return options


def build_messages(
    system: str | None, prompt: str, images: list[CliImage],
    documents: Sequence[ExtractedDocument] = (), *, native_pdf: bool = False,
) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    if system:
        messages.append({"role": "system", "content": system})
    if images or documents:
        parts: list[dict[str, Any]] = [document_part(d, native_pdf) for d in documents]
        if prompt.strip() or not documents:
            parts.append({"type": "text", "text": prompt})
        parts.extend(image.content_part() for image in images)
        messages.append({"role": "user", "content": parts})
    else:
        messages.append({"role": "user", "content": prompt})
    return messages


def result_json(result: ChatResult) -> dict[str, Any]:
    """A ChatResult as plain JSON-able data."""
    return dataclasses.asdict(result)


def _outputs(args: argparse.Namespace) -> tuple[SafeOutput, SafeOutput]:
    """stdout and stderr for model text: neutralised on a terminal unless --raw."""
    raw = bool(getattr(args, "raw", False))
    return SafeOutput(sys.stdout, raw=raw), SafeOutput(sys.stderr, raw=raw)


def _print_json(payload: dict[str, Any]) -> None:
    print(json_safe(json.dumps(payload, ensure_ascii=False)))


def _print_extra_choices(
    out: SafeOutput, err: SafeOutput, result: ChatResult, streamed_index: int | None
) -> None:
    for choice in result.choices:
        if choice.index == streamed_index:
            continue
        if len(result.choices) > 1:
            out.print(f"\n--- choice {choice.index} ---")
        if choice.reasoning:
            err.print(choice.reasoning)
        out.print(choice.text or (choice.refusal or ""))


def _print_tool_calls(out: SafeOutput, calls: list[tuple[str, str, str]]) -> None:
    for call_id, name, arguments in calls:
        out.print(f"[tool call {call_id}] {name}({arguments})")


def _result_calls(result: ChatResult) -> list[tuple[str, str, str]]:
    return [(c.id, c.name, c.arguments) for choice in result.choices for c in choice.tool_calls]


async def _ask(args: argparse.Namespace, request: ChatRequest) -> int:
    out, err = _outputs(args)
    async with client_for(args, args.provider) as client:
        if args.no_stream:
            try:
                result = await client.chat(request)
            except APIError as error:
                return _fail(args, error)
            if args.json:
                _print_json(result_json(result))
            else:
                _print_extra_choices(out, err, result, None)
                _print_tool_calls(out, _result_calls(result))
            return EXIT_OK
        stream = client.stream_chat(request)
        wrote_text = False
        in_reasoning = False
        try:
            async with stream:
                async for event in stream:
                    if args.json or getattr(event, "index", 0) != 0:
                        continue
                    if isinstance(event, ReasoningDelta):
                        err.write(event.text)
                        err.flush()
                        in_reasoning = True
                    elif isinstance(event, TextDelta | RefusalDelta):
                        if in_reasoning:
                            err.write("\n")
                            in_reasoning = False
                        out.write(event.text)
                        out.flush()
                        wrote_text = True
        except APIError as error:
            if wrote_text:
                sys.stdout.write("\n")
            return _fail(args, error)
        result = stream.result
        if args.json:
            _print_json(result_json(result))
            return EXIT_OK
        if wrote_text or result.choices:
            sys.stdout.write("\n")
        if len(result.choices) > 1:
            _print_extra_choices(out, err, result, 0)
        _print_tool_calls(out, _result_calls(result))
        return EXIT_OK


class _PrintReply(ExchangeListener):
    """Streams the first choice's text to stdout and its reasoning to stderr."""

    def __init__(self, quiet: bool, out: SafeOutput, err: SafeOutput,
                 every_reply: bool = False) -> None:
        self.quiet = quiet
        self.every_reply = every_reply  # a tool loop: each reply of the loop, one after another
        self.out, self.err = out, err
        self.first_reply: int | None = None
        self.wrote_text = False
        self._in_reasoning = False
        self.sources: list[Passage] = []

    def reply_started(self, message: Message) -> None:
        if self.first_reply is None or self.every_reply:
            if self.wrote_text and message.id != self.first_reply:
                self.out.write("\n")  # the text of the loop's previous reply ends here
            self.first_reply = message.id

    def reply_sources(self, message_id: int, passages: list[Passage]) -> None:
        self.sources = passages

    def reply_event(self, message_id: int, event: StreamEvent) -> None:
        if self.quiet or message_id != self.first_reply:
            return
        if isinstance(event, ReasoningDelta):
            self.err.write(event.text)
            self.err.flush()
            self._in_reasoning = True
        elif isinstance(event, TextDelta | RefusalDelta):
            if self._in_reasoning:
                self.err.write("\n")
                self._in_reasoning = False
            self.out.write(event.text)
            self.out.flush()
            self.wrote_text = True


def _saved_json(conversation_id: int, result: ExchangeResult) -> dict[str, Any]:
    """The same shape as an unsaved `--json` reply (ChatResult's fields) plus the history ids."""
    first = result.replies[0] if result.replies else None
    return {
        "choices": [
            {"index": index, "text": reply.text, "reasoning": reply.reasoning,
             "refusal": reply.refusal,
             "tool_calls": [dataclasses.asdict(call) for call in reply.tool_calls],
             "annotations": [], "logprobs": None, "finish_reason": reply.finish_reason,
             "citations": [dataclasses.asdict(citation) for citation in reply.citations]}
            for index, reply in enumerate(result.replies)
        ],
        "usage": dataclasses.asdict(first.usage) if first and first.usage else None,
        "response_id": None,
        "model": first.model if first else None,
        "interrupted": any(r.status is MessageStatus.INTERRUPTED for r in result.replies),
        "conversation_id": conversation_id,
        "user_message_id": result.user_message.id if result.user_message else None,
        "reply_ids": [reply.id for reply in result.replies],
    }


async def _ask_saved(
    args: argparse.Namespace, store: Store, content: list[ContentPart], options: dict[str, Any]
) -> int:
    """Send through ChatService so that the exchange lands in the history like the GUI's."""
    if args.conversation is not None:
        conversation = await asyncio.to_thread(store.get_conversation, args.conversation)
        system = args.system if args.system is not None else conversation.system_prompt
    else:
        conversation = await asyncio.to_thread(store.create_conversation)
        system = args.system or ""
    settings = ChatSettings(args.provider, args.model, options, system, stream=not args.no_stream)
    data_dir = open_data_dir(args)
    service = ChatService(store, open_registry(data_dir), limits=limits_for(data_dir))
    out, err = _outputs(args)
    printer = _PrintReply(args.json, out, err, every_reply=bool(args.tools))
    steps: dict[str, Any] = {}
    try:
        if args.kb:  # numpy and the index load only when asked for
            from desktop.commands.ask_kb import attach_bases
            await attach_bases(args, service, store, conversation.id, data_dir)
        if args.tools:
            from desktop.commands.ask_tools import run_tool_turn

            outcome = await run_tool_turn(args, service, conversation.id, content, settings,
                                          printer, data_dir)
            if isinstance(outcome, int):
                if args.conversation is None:  # nothing was sent: leave no empty conversation
                    await asyncio.to_thread(store.delete_conversation, conversation.id)
                return outcome
            result = ExchangeResult(outcome.user_message, outcome.replies[-1:], outcome.error)
            steps = {"tool_steps": outcome.steps, "end": str(outcome.end), "note": outcome.note}
        else:
            result = await service.send(conversation.id, content, settings, listener=printer)
    except ChatSetupError as error:
        if args.conversation is None:  # nothing was written: leave no empty conversation
            await asyncio.to_thread(store.delete_conversation, conversation.id)
        return report_error(error.__cause__ or error)
    finally:
        await service.close()
    print(f"switchboard: saved in conversation {conversation.id}", file=sys.stderr)
    if printer.wrote_text:
        sys.stdout.write("\n")
    if args.json:
        payload = {**_saved_json(conversation.id, result), **steps,
                   "sources": [p.to_json() for p in printer.sources]}
        if result.error is not None:
            payload["error"] = _error_json(result.error)
        _print_json(payload)
    elif printer.sources:
        from desktop.commands.ask_kb import print_used
        print_used(printer.sources)
    if not args.json and len(result.replies) > 1:
        for index, reply in enumerate(result.replies[1:], start=1):
            out.print(f"\n--- choice {index} ---\n{reply.text}")
    _print_tool_calls(
        out, [(c.id, c.name, c.arguments) for reply in result.replies for c in reply.tool_calls]
    )
    return EXIT_OK if result.error is None else report_error(result.error)


def _error_json(error: APIError) -> dict[str, Any]:
    return {
        "type": type(error).__name__,
        "message": error.explanation,
        "provider_message": error.provider_message,
        "status": error.status,
        "request_id": error.request_id,
        "exit_code": exit_code_for(error),
    }


def _fail(args: argparse.Namespace, error: APIError) -> int:
    if args.json:
        payload: dict[str, Any] = {"error": _error_json(error)}
        if error.partial is not None:
            payload.update(result_json(error.partial))
        _print_json(payload)
    return report_error(error)


def _run(args: argparse.Namespace) -> int:
    problem = compare_problem(args) if args.compare is not None else (
        None if args.provider and args.model else
        "ask needs -p PROVIDER and -m MODEL (or --compare P1:M1,P2:M2)")
    if problem is not None:
        print(f"switchboard: {problem}", file=sys.stderr)
        return EXIT_USAGE
    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    try:
        if not prompt.strip() and not args.image and not args.file:
            raise RequestValidationError("The prompt is empty.")
        options = parse_options(args.option or [])
        images = prepare_images([Path(p) for p in args.image or []], _max_image_side(args))
        documents = read_documents([Path(p) for p in args.file or []])
        if args.compare is None:
            messages = build_messages(args.system, prompt, images, documents,
                                      native_pdf=bool(documents) and _native_pdf(args))
            if args.kb:
                from desktop.commands.ask_kb import missing_base, with_sources_unsaved
                missing = missing_base(args)
                if missing is not None:
                    return fail(f"there is no knowledge base named {missing!r}", EXIT_NOT_FOUND)
                if args.no_save:
                    messages = with_sources_unsaved(args, prompt, messages)
            request = ChatRequest.from_options(args.model, messages, options)
    except (RequestValidationError, APIError, ProviderError) as error:
        return report_error(error)
    if args.tools:
        from desktop.commands.ask_tools import refusal

        problem = refusal(args)
        if problem is not None:
            print(f"switchboard: {problem}", file=sys.stderr)
            return EXIT_USAGE
    if args.no_save:
        return run_api_command(_ask(args, request))

    def saved(store: Store) -> int:
        try:
            content = _content_parts(store, prompt, images, documents)
        except (OSError, StoreError) as error:
            return report_error(RequestValidationError(f"Cannot attach the file: {error}"))
        if args.compare is not None:  # several models at once (ask_compare.py)
            return run_api_command(compare_saved(args, store, content, options))
        return run_api_command(_ask_saved(args, store, content, options))

    return run_with_store(args, saved)


def _max_image_side(args: argparse.Namespace) -> int:
    """--max-image-side, else the setting the window uses (attachments.max_image_side)."""
    if args.max_image_side is not None:
        try:
            return int(Settings.check("attachments.max_image_side", args.max_image_side))
        except SettingsError as error:
            raise RequestValidationError(f"--max-image-side: {error}") from error
    if not args.image:
        return int(Settings.default("attachments.max_image_side"))
    settings = Settings(open_data_dir(args).settings_file)
    return int(settings.get("attachments.max_image_side"))


def _native_pdf(args: argparse.Namespace) -> bool:
    """The provider's "Send PDFs natively" (False when the provider is unknown: it fails later)."""
    try:  # warnings about the provider file are printed once, when the request is made
        return ProviderRegistry(open_data_dir(args).root).get(args.provider).send_pdfs_natively
    except (ProviderError, OSError):  # the request reports an unknown provider itself
        return False


def _content_parts(store: Store, prompt: str, images: list[CliImage],
                   documents: Sequence[ExtractedDocument] = ()) -> list[ContentPart]:
    """The user's message for the history: documents, the prompt, then each image (stored
    once by content)."""
    parts: list[ContentPart] = [
        store.add_document(d.data, d.mime, d.name, d.page_count) for d in documents]
    if prompt.strip():
        parts.append(TextPart(prompt))
    for image in images:
        parts.append(store.add_attachment(image.data, image.mime, image.name))
    return parts


def _servers(value: str) -> list[str]:
    from desktop.commands.ask_tools import parse_servers

    return parse_servers(value)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="send one prompt and print the reply",
        description="Send one chat request; the reply streams to stdout, reasoning to stderr.",
        epilog=EXIT_CODES_HELP,
    )
    parser.add_argument("-p", "--provider", help="provider name (required without --compare)")
    parser.add_argument("-m", "--model", help="model id (required without --compare)")
    parser.add_argument(
        "--compare", metavar="P1:M1,P2:M2",
        help="send the prompt to 2-4 models at once and print each reply under a header "
        "when it is done (saved as side-by-side columns; exit 0 unless all fail)")
    parser.add_argument("-s", "--system", help="system prompt")
    parser.add_argument(
        "--image", action="append", metavar="FILE", help="attach an image (repeatable)"
    )
    parser.add_argument(
        "--file", action="append", metavar="PATH",
        help="attach a document: PDF, Word (.docx), text, Markdown, code, CSV, JSON, HTML "
             "(repeatable)",
    )
    parser.add_argument(
        "--max-image-side", type=int, metavar="PX", default=None,
        help="downscale attached images to this longest side (default: the setting, "
        f"{Settings.default('attachments.max_image_side')})",
    )
    parser.add_argument(
        "-o",
        "--option",
        action="append",
        metavar="KEY=VALUE",
        help="any chat parameter; VALUE is JSON when it parses (repeatable)",
    )
    parser.add_argument("--kb", action="append", metavar="NAME",
                        help="send passages of this knowledge base (repeatable)")
    parser.add_argument("--no-stream", action="store_true", help="wait for the whole reply")
    saving = parser.add_mutually_exclusive_group()
    saving.add_argument("--no-save", action="store_true", help="do not save the exchange")
    saving.add_argument("-c", "--conversation", type=int, metavar="ID",
                        help="continue conversation ID on its active branch")
    parser.add_argument(
        "--json", action="store_true", help="print the whole reply (choices, usage) as JSON"
    )
    parser.add_argument(
        "--raw", action="store_true",
        help="write the reply's bytes as they came, escape sequences included (for pipes)",
    )
    parser.add_argument(
        "--tools", type=_servers, metavar="SERVER[,SERVER…]",
        help="offer the tools of these MCP servers (see `switchboard mcp`)",
    )
    parser.add_argument(
        "--approve", choices=("ask", "all", "none"), default="ask",
        help="with --tools: ask on the terminal before each call (default), run all, or deny "
        "all; without a terminal, ask refuses",
    )
    parser.add_argument("prompt", metavar="PROMPT", help="the prompt, or - to read stdin")
    parser.set_defaults(func=_run)
