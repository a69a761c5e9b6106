"""A private D-Bus session bus with an unlocked gnome-keyring, for real Secret Service tests.

Nothing touches the user's own session or keyrings: the bus, the runtime dir and the keyring
files all live in a temporary directory and are torn down afterwards.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from tests.helpers.system_requirements import missing, need_programs

SECRETS_BUS_NAME = "org.freedesktop.secrets"


def _name_has_owner(address: str, name: str) -> bool:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress(
        "/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus"
    )
    with open_dbus_connection(bus=address) as connection:  # type: ignore[arg-type]
        reply = connection.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (name,)))
        return bool(reply.body[0])


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@contextlib.contextmanager
def private_secret_service(workdir: Path) -> Iterator[dict[str, str]]:
    """Yield an environment (a copy of os.environ) whose D-Bus session has an unlocked keyring."""
    need_programs("dbus-daemon", "gnome-keyring-daemon", purpose="the Secret Service test")
    runtime = workdir / "runtime"
    runtime.mkdir(mode=0o700, parents=True)
    env = dict(os.environ)
    env.update(
        XDG_RUNTIME_DIR=str(runtime),
        XDG_DATA_HOME=str(workdir / "data"),
        XDG_CONFIG_HOME=str(workdir / "config"),
        XDG_CACHE_HOME=str(workdir / "cache"),
    )
    socket = runtime / "bus"
    bus = subprocess.Popen(
        [
            "dbus-daemon",
            "--session",
            "--nofork",
            "--nopidfile",
            "--print-address=1",
            f"--address=unix:path={socket}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    keyring_daemon: subprocess.Popen[bytes] | None = None
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            missing(
                f"dbus-daemon did not start: {bus.stderr.read().decode() if bus.stderr else ''}"
            )
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert keyring_daemon.stdin is not None
        # The login keyring is created with this throwaway password and left unlocked.
        keyring_daemon.stdin.write(secrets.token_hex(8).encode())
        keyring_daemon.stdin.close()
        deadline = time.monotonic() + 15
        while not _name_has_owner(address, SECRETS_BUS_NAME):
            if keyring_daemon.poll() is not None or time.monotonic() > deadline:
                err = keyring_daemon.stderr.read().decode() if keyring_daemon.stderr else ""
                missing(f"gnome-keyring-daemon did not provide the Secret Service: {err[-500:]}")
            time.sleep(0.05)
        yield env
    finally:
        if keyring_daemon is not None:
            _stop(keyring_daemon)
        _stop(bus)
