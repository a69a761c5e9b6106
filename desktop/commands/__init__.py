"""Headless subcommands of the `switchboard` CLI; each module exposes `register(subparsers)`.

A command module sets `func` on its parser via `set_defaults(func=...)`; the function takes the
parsed `argparse.Namespace` and returns the process exit code. Commands use `desktop.core` only.
"""
