"""`switchboard image`: generate images from the shell and save them.

    switchboard image -p PROVIDER -m MODEL [--size WxH] [-n N] PROMPT --out FILE.png
    switchboard image edit IMAGE PROMPT [--mask MASK] ...    (see image_edit.py)
    switchboard image variations IMAGE ...

With n > 1 the files are FILE-1.png, FILE-2.png, ... `--size` takes `1024x1024` or
`1024*1024`; it is sent in the form the provider profile asks for. Exit codes as for `ask`
(`desktop.commands.exit_codes`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.commands.api_access import client_for, report_error, run_api_command
from desktop.commands.ask import parse_options
from desktop.commands.exit_codes import EXIT_CODES_HELP, EXIT_OK
from desktop.core.api.endpoints import GeneratedImage, ImageRequest, parse_image_size
from desktop.core.api.requests_openai import RequestValidationError


def output_paths(out: Path, count: int) -> list[Path]:
    """`out` itself for one image, else out-1.ext, out-2.ext, ..."""
    if count == 1:
        return [out]
    return [out.with_name(f"{out.stem}-{i}{out.suffix}") for i in range(1, count + 1)]


async def _generate(args: argparse.Namespace, request: ImageRequest) -> int:
    async with client_for(args, args.provider) as client:
        images = await client.generate_images(request)
    return save_images(images, Path(args.out), request.n)


def save_images(images: list[GeneratedImage], out: Path, asked: int | None) -> int:
    """Write the images to `out` (numbered when several), print each path; also used by
    `image edit` and `image variations`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    for image, path in zip(images, output_paths(out, len(images)), strict=True):
        path.write_bytes(image.data)
        if path.suffix.lower() not in (
            image.extension,
            ".jpeg" if image.extension == ".jpg" else "",
        ):
            print(
                f"switchboard: note: {path.name} holds {image.extension[1:].upper()} data",
                file=sys.stderr,
            )
        print(path)
    if asked is not None and len(images) < asked:
        print(
            f"switchboard: the provider returned {len(images)} of {asked} images",
            file=sys.stderr,
        )
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    try:
        if args.size is not None and args.size.strip().lower() != "auto":
            parse_image_size(args.size)
        if args.n is not None and not 1 <= args.n <= 10:
            raise RequestValidationError(f"-n must be between 1 and 10 (got {args.n}).")
        request = ImageRequest(
            model=args.model,
            prompt=args.prompt,
            n=args.n,
            size=args.size,
            quality=args.quality,
            response_format=args.response_format,
            extra=parse_options(args.option or []),
        )
    except RequestValidationError as error:
        return report_error(error)
    return run_api_command(_generate(args, request))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "image", help="generate images and save them", epilog=EXIT_CODES_HELP
    )
    parser.add_argument("-p", "--provider", required=True, help="provider name")
    parser.add_argument("-m", "--model", required=True, help="image model id")
    parser.add_argument("--size", metavar="WxH", help="e.g. 1024x1024 (or 1024*1024)")
    parser.add_argument("-n", type=int, metavar="N", help="number of images (1-10)")
    parser.add_argument("--quality", help="provider-specific quality (standard, hd, ...)")
    parser.add_argument(
        "--response-format", choices=["b64_json", "url"], help="how the provider returns images"
    )
    parser.add_argument(
        "-o", "--option", action="append", metavar="KEY=VALUE", help="any other parameter"
    )
    parser.add_argument("prompt", metavar="PROMPT")
    parser.add_argument("--out", required=True, metavar="FILE", help="where to save (FILE.png)")
    parser.set_defaults(func=_run)
