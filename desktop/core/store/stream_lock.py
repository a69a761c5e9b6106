"""A lock file telling other processes that replies are being streamed into the database.

Each live `StreamCheckpointer` holds a shared `flock` on `<database>-streaming.lock`; the
kernel drops it when the process dies, even by SIGKILL. Crash recovery at open runs only if
it can take the lock exclusively, so opening the history from a second process (the CLI
while the window streams) never marks a live reply as interrupted. Without `fcntl`
(Windows) recovery always runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

if sys.platform != "win32":
    import fcntl


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + "-streaming.lock")


class SharedStreamingLock:
    """Held by a checkpointer for as long as it may write."""

    def __init__(self, database: Path) -> None:
        self._fd: int | None = None
        if sys.platform == "win32":
            return
        self._fd = os.open(lock_path(database), os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


@contextlib.contextmanager
def exclusive_if_nobody_streams(database: Path) -> Iterator[bool]:
    """Yield True while holding the lock exclusively, False if a live process is streaming."""
    if sys.platform == "win32":
        yield True
        return
    fd = os.open(lock_path(database), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
