"""`switchboard ask`: one chat request from the shell; the reply streams to stdout.

    switchboard ask -p PROVIDER -m MODEL [-s SYSTEM] [--image FILE]... [-o key=value]...
                    [--no-stream] [--json] PROMPT

PROMPT `-` reads the prompt from stdin. Reasoning goes to stderr (or into the `--json`
object). `-o` sets any chat parameter; its value is parsed as JSON when it parses, else taken
as a string (`-o temperature=0.2 -o stop='["\\n"]' -o user=me`).

Exit codes (also used by `provider models` and `image`):

====  =====================================================================
 0    success
 1    unexpected failure
 2    bad command line (argparse)
 3    configuration: unknown provider, missing key, keyring unavailable
 4    invalid request parameter, refused before sending (n=11, 5 stops, ...)
10    authentication failed (401)
11    permission denied or balance/quota used up (403, 402)
12    model or endpoint not found (404)
13    bad request (400, 422)
14    rate limited (429)
15    blocked by the provider's content filter
16    provider server error (5xx)
17    timeout
18    connection failed (DNS, refused, TLS, proxy)
19    the reply stream was interrupted (the partial text was printed)
20    malformed reply from the provider
21    other HTTP error status
22    other API error
130   interrupted by the user (Ctrl+C)
====  =====================================================================

The explanation of a failure goes to stderr; with `--json` the partial reply and the error
are also printed as a JSON object on stdout.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from desktop.commands.provider import (
    EXIT_CODES_HELP,
    EXIT_OK,
    client_for,
    exit_code_for,
    report_error,
    run_api_command,
)
from desktop.core.api.errors import APIError
from desktop.core.api.events import (
    ChatResult,
    ReasoningDelta,
    RefusalDelta,
    TextDelta,
)
from desktop.core.api.requests_openai import (
    ChatRequest,
    RequestValidationError,
    image_part_from_file,
    parse_option_value,
)


def parse_options(pairs: list[str]) -> dict[str, Any]:
    """`key=value` pairs into a dict; values parsed as JSON when they parse."""
    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise RequestValidationError(f"-o expects key=value, got {pair!r}.")
        options[key.strip()] = parse_option_value(value)
    return options


def build_messages(system: str | None, prompt: str, images: list[Path]) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    if system:
        messages.append({"role": "system", "content": system})
    if images:
        parts: list[dict[str, Any]] = [{"type": "text", "text": prompt}]
        for path in images:
            try:
                parts.append(image_part_from_file(path))
            except OSError as exc:
                raise RequestValidationError(f"Cannot read image {path}: {exc.strerror}") from exc
        messages.append({"role": "user", "content": parts})
    else:
        messages.append({"role": "user", "content": prompt})
    return messages


def result_json(result: ChatResult) -> dict[str, Any]:
    """A ChatResult as plain JSON-able data."""
    return dataclasses.asdict(result)


def _print_extra_choices(result: ChatResult, streamed_index: int | None) -> None:
    for choice in result.choices:
        if choice.index == streamed_index:
            continue
        if len(result.choices) > 1:
            print(f"\n--- choice {choice.index} ---")
        if choice.reasoning:
            print(choice.reasoning, file=sys.stderr)
        print(choice.text or (choice.refusal or ""))


def _print_tool_calls(result: ChatResult) -> None:
    for choice in result.choices:
        for call in choice.tool_calls:
            print(f"[tool call {call.id}] {call.name}({call.arguments})")


async def _ask(args: argparse.Namespace, request: ChatRequest) -> int:
    async with client_for(args, args.provider) as client:
        if args.no_stream:
            try:
                result = await client.chat(request)
            except APIError as error:
                return _fail(args, error)
            if args.json:
                print(json.dumps(result_json(result), ensure_ascii=False))
            else:
                _print_extra_choices(result, None)
                _print_tool_calls(result)
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
                        sys.stderr.write(event.text)
                        sys.stderr.flush()
                        in_reasoning = True
                    elif isinstance(event, TextDelta | RefusalDelta):
                        if in_reasoning:
                            sys.stderr.write("\n")
                            in_reasoning = False
                        sys.stdout.write(event.text)
                        sys.stdout.flush()
                        wrote_text = True
        except APIError as error:
            if wrote_text:
                sys.stdout.write("\n")
            return _fail(args, error)
        result = stream.result
        if args.json:
            print(json.dumps(result_json(result), ensure_ascii=False))
            return EXIT_OK
        if wrote_text or result.choices:
            sys.stdout.write("\n")
        if len(result.choices) > 1:
            _print_extra_choices(result, 0)
        _print_tool_calls(result)
        return EXIT_OK


def _fail(args: argparse.Namespace, error: APIError) -> int:
    if args.json:
        payload: dict[str, Any] = {
            "error": {
                "type": type(error).__name__,
                "message": error.explanation,
                "provider_message": error.provider_message,
                "status": error.status,
                "request_id": error.request_id,
                "exit_code": exit_code_for(error),
            }
        }
        if error.partial is not None:
            payload.update(result_json(error.partial))
        print(json.dumps(payload, ensure_ascii=False))
    return report_error(error)


def _run(args: argparse.Namespace) -> int:
    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    try:
        if not prompt.strip() and not args.image:
            raise RequestValidationError("The prompt is empty.")
        options = parse_options(args.option or [])
        messages = build_messages(args.system, prompt, [Path(p) for p in args.image or []])
        request = ChatRequest.from_options(args.model, messages, options)
    except RequestValidationError as error:
        return report_error(error)
    return run_api_command(_ask(args, request))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ask",
        help="send one prompt and print the reply",
        description="Send one chat request; the reply streams to stdout, reasoning to stderr.",
        epilog=EXIT_CODES_HELP,
    )
    parser.add_argument("-p", "--provider", required=True, help="provider name")
    parser.add_argument("-m", "--model", required=True, help="model id")
    parser.add_argument("-s", "--system", help="system prompt")
    parser.add_argument(
        "--image", action="append", metavar="FILE", help="attach an image (repeatable)"
    )
    parser.add_argument(
        "-o",
        "--option",
        action="append",
        metavar="KEY=VALUE",
        help="any chat parameter; VALUE is JSON when it parses (repeatable)",
    )
    parser.add_argument("--no-stream", action="store_true", help="wait for the whole reply")
    parser.add_argument(
        "--json", action="store_true", help="print the whole reply (choices, usage) as JSON"
    )
    parser.add_argument("prompt", metavar="PROMPT", help="the prompt, or - to read stdin")
    parser.set_defaults(func=_run)
