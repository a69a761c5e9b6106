"""`switchboard task`: the aggregators' task APIs (Midjourney, Suno, Luma, Flux) from the shell.

    switchboard task mj imagine "a red fox" [--wait] [--out DIR]
    switchboard task mj action ID CUSTOM_ID [--wait] [--out DIR]
    switchboard task mj shorten "a long prompt" --wait      # five shorter prompts
    switchboard task mj swap FACE.png TARGET.png [--out DIR]
    switchboard task mj upload FILE...                      # prints the images' addresses
    switchboard task suno "a calm lofi song" [--wait]
    switchboard task luma "waves at dusk" [--wait]
    switchboard task flux "a lighthouse" [--out DIR]
    switchboard task list [--json]
    switchboard task fetch ID [--wait] [--out DIR]
    switchboard task probe PROVIDER

Without --wait a command prints the task id and returns once the provider accepted it; the
window (or `task fetch ID --wait`) follows it from there, as tasks live in the history.
`-p` picks the provider; without it, the first provider set up for that API (or the only
provider) is used. Exit codes as for `ask` (`desktop.commands.exit_codes`); a banned prompt
is 15, a full queue 14, a task that took too long 17, a task that failed 22.
"""

from __future__ import annotations

from typing import Any

from desktop.commands import task_run
from desktop.commands.exit_codes import EXIT_CODES_HELP
from desktop.core.tasks import ASPECT_RATIOS, BLEND_DIMENSIONS

_WAIT_HELP = "wait until the task ends (printing its progress on stderr)"
_OUT_HELP = "save the result files into DIR (implies --wait)"


def _common(parser: Any, *, wait: bool = True) -> None:
    parser.add_argument("-p", "--provider", metavar="NAME", help="provider name")
    if wait:
        parser.add_argument("--wait", action="store_true", help=_WAIT_HELP)
        parser.add_argument("--out", metavar="DIR", help=_OUT_HELP)
        parser.add_argument("--force", action="store_true", help="overwrite files in DIR")
    parser.add_argument("--json", action="store_true", help="print the task as JSON")
    parser.add_argument("--raw", action="store_true",
                        help="write escape sequences in server text as sent (for pipes)")


def _mj(commands: Any) -> None:
    mj = commands.add_parser("mj", help="Midjourney (midjourney-proxy relays)",
                             epilog=EXIT_CODES_HELP)
    actions = mj.add_subparsers(dest="mj_command", metavar="ACTION", required=True)
    bot = {"choices": ("mj", "niji"), "default": "mj",
           "help": "MID_JOURNEY or NIJI_JOURNEY (default mj)"}
    imagine = actions.add_parser("imagine", help="make four images from a prompt")
    imagine.add_argument("prompt", metavar="PROMPT")
    imagine.add_argument("--bot", **bot)
    imagine.add_argument("--image", action="append", metavar="FILE",
                         help="a reference image (up to 5)")
    _common(imagine)
    imagine.set_defaults(func=task_run.mj_imagine)
    action = actions.add_parser("action", help="press a button of a finished task")
    action.add_argument("id", type=int, metavar="ID", help="the task (see `task list`)")
    action.add_argument("custom_id", metavar="CUSTOM_ID", help="the button (see `task fetch`)")
    _common(action)
    action.set_defaults(func=task_run.mj_action)
    modal = actions.add_parser("modal", help="give the input a task waits for")
    modal.add_argument("id", type=int, metavar="ID")
    modal.add_argument("prompt", metavar="PROMPT")
    modal.add_argument("--mask", metavar="PNG", help="the mask of Vary (Region)")
    _common(modal)
    modal.set_defaults(func=task_run.mj_modal)
    blend = actions.add_parser("blend", help="blend 2 to 5 images")
    blend.add_argument("images", nargs="+", metavar="FILE")
    blend.add_argument("--dimensions", choices=[d.lower() for d in BLEND_DIMENSIONS],
                       default="square")
    blend.add_argument("--bot", **bot)
    _common(blend)
    blend.set_defaults(func=task_run.mj_blend)
    describe = actions.add_parser("describe", help="four prompts for an image")
    describe.add_argument("image", metavar="FILE")
    describe.add_argument("--bot", **bot)
    _common(describe)
    describe.set_defaults(func=task_run.mj_describe)
    shorten = actions.add_parser("shorten", help="shorter versions of a prompt")
    shorten.add_argument("prompt", metavar="PROMPT")
    shorten.add_argument("--bot", **bot)
    _common(shorten)
    shorten.set_defaults(func=task_run.mj_shorten)
    swap = actions.add_parser("swap", help="put the face of one image on another")
    swap.add_argument("source", metavar="FACE", help="the image with the face")
    swap.add_argument("target", metavar="TARGET", help="the image to put it on")
    _common(swap)
    swap.set_defaults(func=task_run.mj_swap)
    upload = actions.add_parser("upload", help="upload images; print their addresses",
                                epilog=EXIT_CODES_HELP)
    upload.add_argument("images", nargs="+", metavar="FILE")
    upload.add_argument("-p", "--provider", metavar="NAME", help="provider name")
    upload.set_defaults(func=task_run.mj_upload)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "task", help="Midjourney, Suno, Luma and Flux tasks of aggregator gateways",
        epilog=EXIT_CODES_HELP)
    commands = parser.add_subparsers(dest="task_command", metavar="COMMAND", required=True)
    _mj(commands)
    suno = commands.add_parser("suno", help="make songs (two clips)", epilog=EXIT_CODES_HELP)
    suno.add_argument("prompt", metavar="PROMPT", help="what the song is about")
    suno.add_argument("--lyrics", metavar="FILE", help="lyrics (custom mode; - for stdin)")
    suno.add_argument("--title")
    suno.add_argument("--tags", help="style tags, e.g. 'lofi, piano'")
    suno.add_argument("--model", metavar="MV", help="e.g. chirp-v3-5")
    suno.add_argument("--instrumental", action="store_true")
    _common(suno)
    suno.set_defaults(func=task_run.suno)
    luma = commands.add_parser("luma", help="make a short video", epilog=EXIT_CODES_HELP)
    luma.add_argument("prompt", metavar="PROMPT")
    luma.add_argument("--aspect-ratio", choices=ASPECT_RATIOS)
    luma.add_argument("--loop", action="store_true")
    luma.add_argument("--image", metavar="FILE|URL", help="the first frame")
    luma.add_argument("--end-image", metavar="FILE|URL", help="the last frame")
    luma.add_argument("--extend", type=int, metavar="ID", help="continue the video of task ID")
    _common(luma)
    luma.set_defaults(func=task_run.luma)
    flux = commands.add_parser("flux", help="make images with Flux", epilog=EXIT_CODES_HELP)
    flux.add_argument("prompt", metavar="PROMPT")
    flux.add_argument("-m", "--model", help="the Flux model (default: the provider's)")
    flux.add_argument("--size", metavar="WxH")
    flux.add_argument("-n", type=int, metavar="N")
    _common(flux)
    flux.set_defaults(func=task_run.flux)
    listing = commands.add_parser("list", help="the tasks in the history, newest first")
    listing.add_argument("--limit", type=int, default=50, metavar="N")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--raw", action="store_true")
    listing.set_defaults(func=task_run.list_tasks)
    fetch = commands.add_parser("fetch", help="ask the provider about a task; save its files",
                                epilog=EXIT_CODES_HELP)
    fetch.add_argument("id", type=int, metavar="ID")
    fetch.add_argument("--wait", action="store_true", help=_WAIT_HELP)
    fetch.add_argument("--out", metavar="DIR", help="save the result files into DIR")
    fetch.add_argument("--force", action="store_true", help="overwrite files in DIR")
    fetch.add_argument("--json", action="store_true")
    fetch.add_argument("--raw", action="store_true")
    fetch.set_defaults(func=task_run.fetch)
    probe = commands.add_parser("probe", help="find out which task APIs a provider offers")
    probe.add_argument("provider", metavar="PROVIDER")
    probe.add_argument("--mj-mode", choices=("default", "relax", "fast", "turbo"),
                       help="also set the Midjourney speed (a path prefix such as /mj-fast)")
    probe.set_defaults(func=task_run.probe)
