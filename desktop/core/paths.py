"""Where Switchboard keeps its state: one data directory holds database, settings, logs."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import APP_ID

DATA_DIR_ENV = "SWITCHBOARD_DATA_DIR"


@dataclass(frozen=True)
class DataDir:
    """The resolved data directory and the well-known paths inside it."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "history.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def window_state_file(self) -> Path:
        return self.root / "window-state.json"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> DataDir:
        """Create the directory tree (private to the user) and return self."""
        self.root.mkdir(parents=True, exist_ok=True)
        for path in (self.logs, self.attachments, self.backups):
            with contextlib.suppress(OSError):  # a read-only directory is browsed read-only
                path.mkdir(exist_ok=True)
        with contextlib.suppress(OSError):  # a directory owned by someone else is not fatal
            self.root.chmod(0o700)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """Pick the data directory: `--data-dir`, else $SWITCHBOARD_DATA_DIR, else the user data dir."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return DataDir(Path(from_env).expanduser().resolve())
    return DataDir(Path(platformdirs.user_data_dir(APP_ID, appauthor=False)))
