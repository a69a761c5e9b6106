"""The PyInstaller onedir bundle builds and its --self-test passes, keyring included."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.helpers.secret_service import private_secret_service
from tests.helpers.system_requirements import missing
from tests.helpers.xvfb import xvfb_display

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, artifacts_dir: Path) -> Iterator[Path]:
    if os.environ.get("SWITCHBOARD_SKIP_BUNDLE") == "1":
        missing("SWITCHBOARD_SKIP_BUNDLE=1 skips the PyInstaller build")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        missing("PyInstaller is not installed (pip install -e '.[packaging]')")
    out = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build.py"),
         "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True, text=True, timeout=1200,
    )
    (artifacts_dir / "bundle-build.log").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, result.stderr[-3000:]
    size_line = next(line for line in result.stdout.splitlines() if "bundle size" in line)
    print(f"\n{size_line}")
    yield out / "dist" / "switchboard"
    shutil.rmtree(out, ignore_errors=True)


def run_self_test(executable: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), "--self-test"], env=env, capture_output=True, text=True, timeout=120
    )


def test_bundle_self_test_passes_with_secret_service(bundle: Path, tmp_path: Path) -> None:
    with private_secret_service(tmp_path) as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        result = run_self_test(bundle / "switchboard", env)
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "bundle" in lines[0]
    keyring_line = next(line for line in lines if " keyring:" in line)
    assert keyring_line.startswith("ok") and "SecretService" in keyring_line, keyring_line
    assert sum(line.startswith("ok") for line in lines) == 5


def test_bundle_opens_on_a_real_x_server(bundle: Path, tmp_path: Path) -> None:
    """Under xcb the libraries the bundle leaves to the host (X, fonts) must load."""
    with xvfb_display() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        result = run_self_test(bundle / "switchboard", env)
    qt_line = next(line for line in result.stdout.splitlines() if " qt-window:" in line)
    assert qt_line.startswith("ok") and "platform xcb" in qt_line, result.stdout + result.stderr


def test_bundle_reports_missing_keyring_clearly(bundle: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env.update(QT_QPA_PLATFORM="offscreen", DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path}/none")
    result = run_self_test(bundle / "switchboard", env)
    assert result.returncode == 1
    keyring_line = next(line for line in result.stdout.splitlines() if " keyring:" in line)
    assert keyring_line.startswith("FAIL") and "no usable keyring backend" in keyring_line
