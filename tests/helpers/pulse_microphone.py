"""A private PulseAudio server whose only (default) source is a pipe: a microphone fed from
a file, for real recording in tests.

`private_pulse_microphone(workdir)` starts `pulseaudio` in its own runtime directory with
`module-pipe-source` (16 kHz mono s16le, read from a FIFO it creates) and yields the
environment (PULSE_SERVER set) and the FIFO's path: raw PCM written there is what
QAudioSource records. Skips with the reason (or fails under SWITCHBOARD_REQUIRE_SYSTEM=1)
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

RATE = 16_000


@contextlib.contextmanager
def private_pulse_microphone(workdir: Path) -> Iterator[tuple[dict[str, str], Path]]:
    need_programs("pulseaudio", purpose="real microphone recording")
    runtime = workdir / "pulse-mic-runtime"
    runtime.mkdir(mode=0o700, parents=True)
    socket, fifo = runtime / "native", runtime / "mic.fifo"
    env = dict(os.environ)
    env.update(XDG_RUNTIME_DIR=str(runtime), HOME=str(runtime), PULSE_SERVER=f"unix:{socket}")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--system=no",
         "--disallow-exit", "--use-pid-file=no",
         f"--load=module-pipe-source source_name=mic file={fifo} format=s16le rate={RATE} "
         "channels=1",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
         "--log-target=stderr"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    try:
        deadline = time.monotonic() + 15
        while not (socket.exists() and fifo.exists()):
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                err = server.stderr.read().decode() if server.stderr else ""
                missing(f"pulseaudio did not start: {err[-800:]}")
            time.sleep(0.05)
        yield env, fifo
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=5)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)
