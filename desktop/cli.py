"""The `switchboard` command: global options, headless subcommands, or the GUI by default."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import APP_NAME, __version__
from desktop.core.paths import DATA_DIR_ENV

# Modules under desktop.commands that add subcommands, in the order `--help` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "provider", "ask", "image", "history", "search", "export", "importing", "backup", "mcp",
    "usage", "task", "image_edit", "embed", "transcribe", "kb",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="switchboard",
        description=f"{APP_NAME}: a desktop client for OpenAI-compatible LLM gateways. "
        "Without a command the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep all state (database, settings, logs) in DIR (also ${DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run headless checks of this installation and exit (0 when all pass)",
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Switchboard to the desktop's application menu (for pip and pipx installs)",
    )
    parser.add_argument("--debug", action="store_true", help="log at debug level")
    parser.add_argument("--screenshot", metavar="PNG", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"desktop.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from desktop.commands.image_edit import rewrite_argv

    parser = build_parser()
    args = parser.parse_args(rewrite_argv(list(sys.argv[1:] if argv is None else argv)))
    if args.install_desktop_entry:
        from desktop.desktop_entry import install_desktop_entry

        return install_desktop_entry()
    if args.self_test:
        from desktop.selftest import run_self_test

        return run_self_test(args.data_dir)
    func = getattr(args, "func", None)
    if func is not None:
        result: int = func(args)
        return result
    from desktop.app import run_gui

    return run_gui(args.data_dir, debug=args.debug, screenshot=args.screenshot)


if __name__ == "__main__":
    sys.exit(main())
