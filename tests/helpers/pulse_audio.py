"""A private PulseAudio server with a null sink, for real playback in tests.

`private_pulse_audio(workdir)` starts `pulseaudio` in its own runtime directory (yours is never
touched) with only a null sink and a native socket, and yields an environment whose
PULSE_SERVER points at it. Skips with the reason (or fails under SWITCHBOARD_REQUIRE_SYSTEM=1)
when pulseaudio is not installed.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from tests.helpers.system_requirements import missing, need_programs


@contextlib.contextmanager
def private_pulse_audio(workdir: Path) -> Iterator[dict[str, str]]:
    """Yield an environment (a copy of os.environ) whose PulseAudio has one null output."""
    need_programs("pulseaudio", purpose="real audio playback")
    runtime = workdir / "pulse-runtime"
    runtime.mkdir(mode=0o700, parents=True)
    socket = runtime / "native"
    env = dict(os.environ)
    env.update(XDG_RUNTIME_DIR=str(runtime), HOME=str(runtime), PULSE_SERVER=f"unix:{socket}")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--system=no",
         "--disallow-exit", "--use-pid-file=no", "--load=module-null-sink",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
         "--log-target=stderr"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                err = server.stderr.read().decode() if server.stderr else ""
                missing(f"pulseaudio did not start: {err[-800:]}")
            time.sleep(0.05)
        yield env
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=5)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)
