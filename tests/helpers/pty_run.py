"""Run a command with its stdout and stderr on a pseudo-terminal, as in a user's terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TerminalRun:
    returncode: int
    output: bytes
    """Everything the terminal received (stdout and stderr together)."""


def run_in_terminal(
    argv: Sequence[str], *, env: dict[str, str] | None = None, cwd: str | None = None,
    timeout: float = 60.0, typed: bytes | None = None,
) -> TerminalRun:
    """Run `argv` with a pty as its stdout and stderr; collect what it wrote.

    stdin is empty, unless `typed` is given: then stdin is the terminal too and `typed` is
    what the user types there (lines ending in newlines, read as the program asks).
    """
    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL if typed is None else slave, stdout=slave,
            stderr=slave, env=env, cwd=cwd,
        )
    finally:
        os.close(slave)
    if typed:
        os.write(master, typed)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        returncode = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    return TerminalRun(returncode, b"".join(chunks))
