"""Typed errors of the history store, each with a message fit to show the user."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class StoreError(Exception):
    """Base class of every error the history store raises."""


class FtsUnavailableError(StoreError):
    """The Python build's SQLite lacks the FTS5 extension that search needs."""


class StoreVersionError(StoreError):
    """The database was written by a newer Switchboard; we refuse to touch it."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} uses history format {found}, but this Switchboard only knows formats up to "
            f"{supported}. It was written by a newer version; update Switchboard to open it. "
            "The file has not been modified."
        )
        self.path = path
        self.found = found
        self.supported = supported


class StoreReadOnlyError(StoreError):
    """The history was opened read-only (a read-only data directory); nothing can be saved."""


class StoreDamagedError(StoreError):
    """The database failed its integrity check; it was moved aside and backups are offered."""

    def __init__(
        self, path: Path, moved_to: Path | None, backups: Sequence[Path], reason: str
    ) -> None:
        where = f" It was moved to {moved_to}." if moved_to else ""
        offer = (
            f" The newest backup is {backups[0]}; restore it to continue."
            if backups
            else " No backup is available."
        )
        super().__init__(f"The history database {path} is damaged ({reason}).{where}{offer}")
        self.path = path
        self.moved_to = moved_to
        self.backups = tuple(backups)
        self.reason = reason


class NotFoundError(StoreError, LookupError):
    """A conversation, message, folder, preset or attachment id that does not exist."""


class AttachmentTooLargeError(StoreError):
    """An attachment is larger than the configured limit."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"The attachment is {size / 1048576:.1f} MiB; the limit is {limit / 1048576:.1f} MiB."
        )
        self.size = size
        self.limit = limit


class ImportFormatError(StoreError):
    """An import file is malformed; names the file, the conversation and the field at fault."""

    def __init__(
        self, file: Path | str, problem: str, *, conversation: str | None = None,
        field: str | None = None,
    ) -> None:
        parts = [str(file)]
        if conversation is not None:
            parts.append(f"conversation {conversation}")
        if field is not None:
            parts.append(f"field {field!r}")
        super().__init__(f"{': '.join(parts)}: {problem}. Nothing was imported.")
        self.file = str(file)
        self.conversation = conversation
        self.field = field
        self.problem = problem
