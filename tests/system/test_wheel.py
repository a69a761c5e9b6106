"""The built wheel, installed into a fresh virtual environment outside the checkout, runs.

An editable install reads `resources/` from the checkout and once hid a wheel that crashed
at start (no stylesheet, icons or translations in it). Here the wheel is built the way a
user's `pip install .` builds it, installed with its dependencies into a new venv, and run
from another working directory: `--self-test` passes (with a private Secret Service) and the
window opens on a real X server.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.helpers.images import distinct_colours
from tests.helpers.secret_service import private_secret_service
from tests.helpers.xvfb import xvfb_display

pytestmark = pytest.mark.slow


def clean_env() -> dict[str, str]:
    """The environment without this checkout on the path (as a user's shell has it)."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, artifacts_dir: Path) -> Iterator[Path]:
    """The wheel built from this checkout as `pip install .` builds it."""
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO_ROOT), "--no-deps", "-w", str(out),
         "--quiet"], capture_output=True, text=True, timeout=600, env=clean_env())
    assert built.returncode == 0, built.stderr[-3000:]
    (path,) = out.glob("switchboard_desktop-*.whl")
    size = f"{path.name}: {path.stat().st_size / 1e3:.0f} kB"
    print(f"wheel: {size}")
    (artifacts_dir / "wheel-size.txt").write_text(size + "\n", encoding="utf-8")
    yield path
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The `switchboard` script of a fresh venv (outside the checkout) holding the wheel."""
    out = tmp_path_factory.mktemp("venv")
    venv = out / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120,
                   env=clean_env())
    install = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)],
        capture_output=True, text=True, timeout=900, cwd=out, env=clean_env())
    assert install.returncode == 0, install.stderr[-3000:]
    yield venv / "bin" / "switchboard"
    shutil.rmtree(out, ignore_errors=True)


def test_the_wheel_carries_what_the_app_reads(wheel: Path) -> None:
    """Icons, the stylesheet and every compiled translation are package data of the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"desktop/_resources/{p.relative_to(REPO_ROOT / 'resources').as_posix()}"
                for pattern in ("icons/*.svg", "styles/*.qss", "translations/*.qm")
                for p in (REPO_ROOT / "resources").glob(pattern)}
    assert expected and expected <= names, sorted(expected - names)
    assert not any(name.endswith((".ts", ".png")) for name in names)  # sources, README pictures


def test_installed_wheel_passes_its_self_test(installed: Path, tmp_path: Path,
                                              artifacts_dir: Path) -> None:
    with private_secret_service(tmp_path / "bus") as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        env.pop("PYTHONPATH", None)  # nothing of the checkout on the path
        result = subprocess.run([str(installed), "--self-test"], env=env, cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
    (artifacts_dir / "wheel-self-test.txt").write_text(result.stdout, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "installed" in lines[0], lines[0]  # the wheel's own copy, not this checkout
    assert all(line.startswith("ok") for line in lines[1:-1]), result.stdout


def test_installed_wheel_opens_its_window_on_a_real_x_server(
    installed: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    shot = artifacts_dir / "wheel-window.png"
    shot.unlink(missing_ok=True)
    with xvfb_display(1280, 800) as display:
        env = dict(clean_env(), DISPLAY=display, QT_QPA_PLATFORM="xcb")
        result = subprocess.run(
            [str(installed), "--data-dir", str(tmp_path / "data"), "--screenshot", str(shot)],
            env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert shot.exists(), result.stderr[-3000:]
    assert distinct_colours(shot) > 20  # styled widgets and icons, not a blank window
    log = (tmp_path / "data" / "logs" / "switchboard.log").read_text(encoding="utf-8")
    assert "Traceback" not in log and "ERROR" not in log, log[-3000:]


def test_pipx_installs_the_wheel_and_it_runs(wheel: Path, tmp_path: Path,
                                             artifacts_dir: Path) -> None:
    """`pipx install` (pipx itself from PyPI) gives a working `switchboard` command."""
    tool = tmp_path / "pipx-tool"
    subprocess.run([sys.executable, "-m", "venv", str(tool)], check=True, timeout=120,
                   env=clean_env())
    got = subprocess.run([str(tool / "bin" / "pip"), "install", "--quiet", "pipx"],
                         capture_output=True, text=True, timeout=600, env=clean_env())
    assert got.returncode == 0, got.stderr[-2000:]
    env = dict(clean_env(), PIPX_HOME=str(tmp_path / "pipx"), PIPX_BIN_DIR=str(tmp_path / "bin"),
               PIPX_MAN_DIR=str(tmp_path / "man"))
    base_python = getattr(sys, "_base_executable", sys.executable)
    done = subprocess.run([str(tool / "bin" / "pipx"), "install", "--python", base_python,
                           str(wheel)], capture_output=True, text=True, timeout=900, env=env,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    with private_secret_service(tmp_path / "bus") as run_env:
        run_env.pop("PYTHONPATH", None)
        run_env["QT_QPA_PLATFORM"] = "offscreen"
        result = subprocess.run([str(tmp_path / "bin" / "switchboard"), "--self-test"],
                                env=run_env, cwd=tmp_path, capture_output=True, text=True,
                                timeout=120)
    (artifacts_dir / "pipx-self-test.txt").write_text(result.stdout, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "installed" in result.stdout.splitlines()[0]


def test_installed_wheel_adds_its_desktop_entry(installed: Path, tmp_path: Path) -> None:
    env = dict(clean_env(), XDG_DATA_HOME=str(tmp_path / "share"))
    result = subprocess.run([str(installed), "--install-desktop-entry"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "share" / "applications" / "switchboard.desktop").read_text()
    assert f"Exec={installed.resolve()} %U" in entry.splitlines()
    assert "StartupWMClass=switchboard" in entry.splitlines()
    icon = tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / "switchboard.svg"
    assert icon.read_bytes().startswith(b"<svg")
