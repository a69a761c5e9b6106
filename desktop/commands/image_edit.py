"""`switchboard image edit` and `switchboard image variations`: change an image, or make new
ones like it, and save the results.

    switchboard image edit IMAGE "prompt" [--mask MASK.png] -p P -m M --out FILE.png
    switchboard image variations IMAGE -p P [-m M] [-n 3] --out FILE.png

The mask is a PNG the size of IMAGE whose transparent pixels mark what to change (without one
the model may change the whole image). `--size` is sent in the provider's form (1024x1024 or
1024*1024, see `provider add --image-size-separator`). `cli.py` turns `image edit` and
`image variations` into the commands `image-edit` and `image-variations` registered here, so
that `switchboard image PROMPT` keeps working as before.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.commands.api_access import client_for, report_error, run_api_command
from desktop.commands.ask import parse_options
from desktop.commands.exit_codes import EXIT_CODES_HELP
from desktop.commands.image import save_images
from desktop.core.api.media_requests import (
    MAX_IMAGE_UPLOAD,
    ImageEditRequest,
    ImageVariationRequest,
    Upload,
)
from desktop.core.api.requests_openai import RequestValidationError

SUBCOMMANDS = {"edit": "image-edit", "variations": "image-variations"}


async def _send(args: argparse.Namespace, request: ImageEditRequest | ImageVariationRequest
                ) -> int:
    async with client_for(args, args.provider) as client:
        if isinstance(request, ImageEditRequest):
            images = await client.edit_image(request)
        else:
            images = await client.image_variations(request)
    return save_images(images, Path(args.out), request.n)


def _run(args: argparse.Namespace) -> int:
    try:
        image = Upload.from_path(Path(args.image), MAX_IMAGE_UPLOAD)
        common: dict[str, Any] = {
            "model": args.model, "n": args.n, "size": args.size,
            "response_format": args.response_format, "extra": parse_options(args.option or [])}
        request: ImageEditRequest | ImageVariationRequest
        if args.command == "image-edit":
            mask = Upload.from_path(Path(args.mask), MAX_IMAGE_UPLOAD) if args.mask else None
            request = ImageEditRequest(image, args.prompt, mask=mask, **common)
        else:
            request = ImageVariationRequest(image, **common)
        request.form()  # validate before sending
    except RequestValidationError as error:
        return report_error(error)
    return run_api_command(_send(args, request))


def _options(parser: argparse.ArgumentParser, model_required: bool) -> None:
    parser.add_argument("-p", "--provider", required=True, help="provider name")
    parser.add_argument("-m", "--model", required=model_required, help="image model id")
    parser.add_argument("--size", metavar="WxH", help="e.g. 1024x1024 (or 1024*1024)")
    parser.add_argument("-n", type=int, metavar="N", help="number of images (1-10)")
    parser.add_argument("--response-format", choices=["b64_json", "url"],
                        help="how the provider returns images")
    parser.add_argument("-o", "--option", action="append", metavar="KEY=VALUE",
                        help="any other form field")
    parser.add_argument("--out", required=True, metavar="FILE", help="where to save (FILE.png)")
    parser.set_defaults(func=_run)


def register(subparsers: Any) -> None:
    edit = subparsers.add_parser(
        "image-edit", help="edit an image where a mask is transparent (`image edit`)",
        epilog=EXIT_CODES_HELP, prog="switchboard image edit")
    edit.add_argument("image", metavar="IMAGE", help="PNG, JPEG or WebP")
    edit.add_argument("prompt", metavar="PROMPT", help="what to change")
    edit.add_argument("--mask", metavar="MASK", help="PNG, same size, transparent = edit")
    _options(edit, model_required=True)
    variations = subparsers.add_parser(
        "image-variations", help="new images like an image (`image variations`)",
        epilog=EXIT_CODES_HELP, prog="switchboard image variations")
    variations.add_argument("image", metavar="IMAGE", help="PNG, JPEG or WebP")
    _options(variations, model_required=False)


def rewrite_argv(argv: list[str]) -> list[str]:
    """`image edit …` → `image-edit …` (and variations): the command word after the global
    options, when it is `image` followed by one of the subcommands."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        takes_value = argv[index] in ("--data-dir", "--screenshot")
        index += 2 if takes_value else 1
    if argv[index:index + 1] == ["image"] and index + 1 < len(argv):
        word = SUBCOMMANDS.get(argv[index + 1])
        if word is not None:
            return [*argv[:index], word, *argv[index + 2:]]
    return argv
