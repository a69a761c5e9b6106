"""`switchboard transcribe`: the text spoken in an audio file (speech to text).

    switchboard transcribe FILE [-p PROVIDER] [-m MODEL] [--language en] [--format text]

Sends FILE (wav, mp3, m4a, ogg, webm, flac; at most 25 MB) to the provider's
/audio/transcriptions and prints the text. Without -p the first provider of
`switchboard provider list` is used; the model defaults to whisper-1. `--format` srt or vtt
prints subtitles as the provider sends them; json and verbose_json print the text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.api_access import (
    client_for,
    open_data_dir,
    open_registry,
    report_error,
    run_api_command,
)
from desktop.commands.exit_codes import EXIT_CODES_HELP, EXIT_CONFIG, EXIT_OK
from desktop.core.api.media_requests import (
    MAX_AUDIO_UPLOAD,
    TRANSCRIPT_FORMATS,
    TranscriptionRequest,
    Upload,
)
from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.safe_text import SafeOutput


async def _transcribe(args: argparse.Namespace, request: TranscriptionRequest) -> int:
    async with client_for(args, args.provider) as client:
        result = await client.transcribe(request)
    SafeOutput(sys.stdout).print(result.text)
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.provider is None:
        providers = open_registry(open_data_dir(args)).list()
        if not providers:
            print("switchboard: no provider yet; add one with: switchboard provider add",
                  file=sys.stderr)
            return EXIT_CONFIG
        args.provider = providers[0].name
    try:
        upload = Upload.from_path(Path(args.file), MAX_AUDIO_UPLOAD)
        request = TranscriptionRequest(upload, model=args.model, language=args.language,
                                       prompt=args.prompt, response_format=args.format)
        request.form()  # validate before sending
    except RequestValidationError as error:
        return report_error(error)
    return run_api_command(_transcribe(args, request))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "transcribe", help="print the text spoken in an audio file", epilog=EXIT_CODES_HELP)
    parser.add_argument("file", metavar="FILE", help="audio file (wav, mp3, m4a, ogg, ...)")
    parser.add_argument("-p", "--provider", help="provider name (default: the first one)")
    parser.add_argument("-m", "--model", default="whisper-1", help="default: whisper-1")
    parser.add_argument("--language", metavar="CODE", help="spoken language, e.g. en")
    parser.add_argument("--prompt", help="words to expect (names, spelling)")
    parser.add_argument("--format", choices=TRANSCRIPT_FORMATS, default="json",
                        help="reply format asked of the provider (default json)")
    parser.set_defaults(func=_run)
