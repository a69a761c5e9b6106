"""Headless subcommands of the `switchboard` CLI; each module exposes `register(subparsers)`.

A command module sets `func` on its parser via `set_defaults(func=...)`; the function takes the
parsed `argparse.Namespace` and returns the process exit code (`exit_codes`). Commands use
`desktop.core` (and `desktop.media` for images), never `desktop.ui`; `api_access` and
`store_access` hold what the API and the history commands share.
"""
