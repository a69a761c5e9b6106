#!/usr/bin/env python3
"""Set up and run Switchboard from a source checkout with nothing but python3 (>= 3.11).

    python3 dev.py run      create .venv, install, start the app
    python3 dev.py test     create .venv, install with test tools, run ruff, mypy and pytest
    python3 dev.py bundle   build the PyInstaller bundle (add --install ~/.local to install it)

Anything after the command is passed on (to the app, to pytest, or to packaging/build.py).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
EXTRAS = {"run": "", "test": "[test,packaging]", "bundle": "[packaging]"}


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def ensure_venv(extras: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Switchboard needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say(f"creating virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except (subprocess.CalledProcessError, OSError) as exc:
            sys.exit(f"Could not create a virtual environment ({exc}). On Debian/Ubuntu install "
                     "the python3-venv package first.")
    # Reinstall only when the project's requirements changed since the last install.
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed{extras or '-base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    say(f"installing Switchboard{extras} into {VENV}")
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"],
                   check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f".{extras}"],
                   check=True, cwd=ROOT)
    stamp.write_text(digest)


def run_step(title: str, command: list[str]) -> int:
    say(title)
    return subprocess.run(command, cwd=ROOT).returncode


def cmd_test(args: list[str]) -> int:
    failures = []
    if run_step("ruff", [str(BIN / "ruff"), "check", "desktop", "tests", "benchmarks",
                         "packaging", "dev.py", "setup.py"]):
        failures.append("ruff")
    if run_step("mypy", [str(BIN / "mypy")]):
        failures.append("mypy")
    code = run_step("pytest", [str(PYTHON), "-m", "pytest", *args])
    if failures:
        say(f"FAILED: {', '.join(failures)} (pytest exit code {code})")
        return 1
    return code


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    ensure_venv(EXTRAS[command])
    if command == "run":
        return subprocess.run([str(BIN / "switchboard"), *rest]).returncode
    if command == "bundle":
        return subprocess.run([str(PYTHON), str(ROOT / "packaging" / "build.py"), *rest]).returncode
    return cmd_test(rest)


if __name__ == "__main__":
    sys.exit(main())
