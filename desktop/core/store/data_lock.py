"""The data directory's lock: every process that may write the history holds it shared.

An open `Store` (the window, `ask`, import, backup) holds a shared `flock` on
`<data dir>/switchboard.lock` until it closes; the kernel drops it when the process dies,
even by SIGKILL. `restore` takes it exclusively without waiting, so it never swaps the
database under a running process that would go on writing into the restored file. Without
`fcntl` (Windows) there is no lock: the command's help asks to close the window first.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from desktop.core.store.errors import StoreError

if sys.platform != "win32":
    import fcntl

LOCK_FILE_NAME = "switchboard.lock"


class DataDirBusyError(StoreError):
    """Another Switchboard process uses the data directory; nothing was touched."""

    def __init__(self, root: Path) -> None:
        super().__init__(
            f"Switchboard is running with this data directory (close it first): {root}"
        )
        self.root = root


def lock_path(root: Path) -> Path:
    return root / LOCK_FILE_NAME


class SharedDataDirLock:
    """Held by an open Store for as long as it may write (released by `release`)."""

    def __init__(self, root: Path) -> None:
        self._fd: int | None = None
        if sys.platform == "win32":
            return
        try:
            self._fd = os.open(lock_path(root), os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            # A read-only data directory: nothing can write there, so nothing to guard.
            with contextlib.suppress(OSError):
                self._fd = os.open(lock_path(root), os.O_RDONLY)
            if self._fd is None:
                return
        fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None


@contextlib.contextmanager
def exclusive_data_dir(root: Path) -> Iterator[None]:
    """Hold the lock exclusively, or raise DataDirBusyError at once when a process holds it."""
    if sys.platform == "win32":
        yield
        return
    try:
        fd = os.open(lock_path(root), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StoreError(f"{root} cannot be changed ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataDirBusyError(root) from None
        yield
    finally:
        os.close(fd)
