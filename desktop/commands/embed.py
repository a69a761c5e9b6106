"""`switchboard embed`: embedding vectors of texts, printed as JSON Lines.

    switchboard embed -p PROVIDER -m MODEL TEXT [TEXT ...]
    printf 'first\\nsecond\\n' | switchboard embed -p P -m M -
    switchboard embed -p P -m M --whole - < document.txt

Each input gives one line of JSON: `{"index": 0, "text": "...", "dimensions": 1536,
"embedding": [0.01, ...]}` (JSON Lines, so a long batch can be read as it comes). `-` reads
stdin with one input per non-empty line (a batch of sentences is the common case); `--whole`
makes all of stdin one input instead. `--encoding-format base64` asks the provider for base64
float32 vectors (smaller replies); they are decoded and printed as numbers all the same.
`--dimensions N` shortens the vectors on models that take it (text-embedding-3-*).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.commands.api_access import client_for, report_error, run_api_command
from desktop.commands.exit_codes import EXIT_CODES_HELP, EXIT_OK
from desktop.core.api.endpoints import EmbeddingRequest
from desktop.core.api.errors import MalformedResponseError
from desktop.core.api.requests_openai import RequestValidationError

MAX_INPUTS = 2048  # OpenAI's limit per request
MAX_STDIN_BYTES = 16 * 1024 * 1024


def read_inputs(texts: list[str], whole: bool) -> list[str]:
    """The inputs: the TEXT arguments, with `-` replaced by stdin (lines, or all of it)."""
    inputs: list[str] = []
    for text in texts:
        if text != "-":
            inputs.append(text)
            continue
        data = sys.stdin.read(MAX_STDIN_BYTES + 1)
        if len(data) > MAX_STDIN_BYTES:
            raise RequestValidationError("stdin holds more than 16 MB of text.")
        if whole:
            inputs.append(data)
        else:
            inputs.extend(line for line in data.splitlines() if line.strip())
    if not inputs or not all(t.strip() for t in inputs):
        raise RequestValidationError("Nothing to embed: give a text, or - with text on stdin.")
    if len(inputs) > MAX_INPUTS:
        raise RequestValidationError(f"At most {MAX_INPUTS} inputs per call (got {len(inputs)}).")
    return inputs


async def _embed(args: argparse.Namespace, inputs: list[str], request: EmbeddingRequest) -> int:
    async with client_for(args, args.provider) as client:
        result = await client.embeddings(request)
    if len(result.vectors) != len(inputs):
        raise MalformedResponseError(
            f"{args.provider} returned {len(result.vectors)} vectors for {len(inputs)} inputs.",
            provider=args.provider)
    for index, (text, vector) in enumerate(zip(inputs, result.vectors, strict=True)):
        line = {"index": index, "text": text, "dimensions": len(vector), "embedding": vector}
        sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    if result.total_tokens is not None:
        print(f"switchboard: {result.total_tokens} tokens", file=sys.stderr)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    try:
        inputs = read_inputs(args.text, args.whole)
        request = EmbeddingRequest(
            model=args.model, input=inputs if len(inputs) > 1 else inputs[0],
            dimensions=args.dimensions, encoding_format=args.encoding_format)
        request.body()  # validate before sending
    except RequestValidationError as error:
        return report_error(error)
    return run_api_command(_embed(args, inputs, request))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "embed", help="print embedding vectors of texts as JSON lines", epilog=EXIT_CODES_HELP,
        description="One JSON object per input: index, text, dimensions, embedding. "
        "TEXT - reads stdin, one input per non-empty line (all of it with --whole).")
    parser.add_argument("-p", "--provider", required=True, help="provider name")
    parser.add_argument("-m", "--model", required=True, help="embedding model id")
    parser.add_argument("--encoding-format", choices=["float", "base64"],
                        help="how the provider sends vectors (base64 is decoded here)")
    parser.add_argument("--dimensions", type=int, metavar="N",
                        help="shorter vectors, on models that take it")
    parser.add_argument("--whole", action="store_true", help="stdin is one input, not lines")
    parser.add_argument("text", nargs="+", metavar="TEXT", help="a text, or - for stdin")
    parser.set_defaults(func=_run)
