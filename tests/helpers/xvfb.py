"""A private Xvfb server for tests that need a real X display."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator

from tests.helpers.system_requirements import missing, need_programs


@contextlib.contextmanager
def xvfb_display(width: int = 1440, height: int = 900) -> Iterator[str]:
    """Start Xvfb on a free display number and yield the DISPLAY value (e.g. ':7')."""
    need_programs("Xvfb", purpose="the real X server test")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            err = process.stderr.read().decode() if process.stderr else ""
            missing(f"Xvfb did not start: {err[-500:]}")
        yield f":{number}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
