"""The PyInstaller onedir bundle builds and its --self-test passes, keyring included."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.images import distinct_colours
from tests.helpers.secret_service import private_secret_service
from tests.helpers.system_requirements import missing
from tests.helpers.xvfb import xvfb_display

pytestmark = pytest.mark.slow
__all__ = ["fake_provider"]


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
    assert "within the 255 MB target" in size_line, size_line  # numpy (15), media backend (17)
    yield out / "dist" / "switchboard"
    shutil.rmtree(out, ignore_errors=True)


def run_self_test(executable: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(executable), "--self-test"], env=env, capture_output=True, text=True, timeout=120
    )


def test_bundle_self_test_passes_with_secret_service(
    bundle: Path, tmp_path: Path, artifacts_dir: Path
) -> None:
    with private_secret_service(tmp_path) as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        result = run_self_test(bundle / "switchboard", env)
    print(result.stdout)
    (artifacts_dir / "bundle-self-test.txt").write_text(result.stdout, encoding="utf-8")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "bundle" in lines[0]
    keyring_line = next(line for line in lines if " keyring:" in line)
    assert keyring_line.startswith("ok") and "SecretService" in keyring_line, keyring_line
    # Issue 15 added "documents" and "knowledge" (numpy), issue 16 "mermaid" (the render
    # process in the bundle).
    assert sum(line.startswith("ok") for line in lines) == 10
    mermaid_line = next(line for line in lines if " mermaid:" in line)
    assert mermaid_line.startswith("ok") and "drawn by QtSvg" in mermaid_line, mermaid_line
    text_line = next(line for line in lines if " text:" in line)  # the trimmed ICU data
    assert text_line.startswith("ok"), text_line
    # Read aloud and Studio: QtMultimedia loads from the bundle (0 outputs here is fine) with
    # the FFmpeg backend and QVideoWidget (issue 17 ships them; before, WAV only).
    audio_line = next(line for line in lines if " audio:" in line)
    assert audio_line.startswith("ok") and "QtMultimedia loads" in audio_line, audio_line
    assert "FFmpeg backend" in audio_line and "QVideoWidget" in audio_line, audio_line


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


def test_bundle_stores_key_in_keyring_and_uses_it(
    bundle: Path, tmp_path: Path, fake_provider: FakeProvider
) -> None:
    """A whole CLI session with the bundle: key in through stdin, chat, remove; no key on disk."""
    key = "sk-test-" + secrets.token_hex(16)
    fake_provider.require_key = key
    data = tmp_path / "data"
    exe = str(bundle / "switchboard")
    with private_secret_service(tmp_path / "bus") as env:
        env["QT_QPA_PLATFORM"] = "offscreen"

        def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
            return subprocess.run([exe, "--data-dir", str(data), *args], input=stdin, env=env,
                                  capture_output=True, text=True, timeout=60)

        added = cli("provider", "add", "relay", "--base-url", fake_provider.base_url,
                    "--key-stdin", stdin=key + "\n")
        assert added.returncode == 0, added.stderr
        asked = cli("ask", "-p", "relay", "-m", "fake-model", "Say hello")
        assert asked.returncode == 0, asked.stderr
        assert asked.stdout.strip(), "no reply text"
        sent = fake_provider.requests[-1]
        assert sent.headers.get("authorization") == f"Bearer {key}"
        removed = cli("provider", "remove", "relay")
        assert removed.returncode == 0, removed.stderr
        again = cli("provider", "add", "relay", "--base-url", fake_provider.base_url,
                    "--key-env", "SWITCHBOARD_TEST_NO_SUCH_VAR")
        assert again.returncode == 0, again.stderr
        failed = cli("ask", "-p", "relay", "-m", "fake-model", "Say hello")
        assert failed.returncode != 0 and "SWITCHBOARD_TEST_NO_SUCH_VAR" in failed.stderr
    for output in (added, asked, removed, failed):
        assert key not in output.stdout + output.stderr
    for path in data.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), f"key found in {path}"


def _packages(bundle: Path, out: Path) -> tuple[Path, Path]:
    sys.path.insert(0, str(REPO_ROOT / "packaging"))
    try:
        from linux_packages import build_deb, build_tarball
    finally:
        sys.path.pop(0)
    return build_deb(bundle, out), build_tarball(bundle, out)


def test_deb_installs_runs_and_removes(bundle: Path, tmp_path: Path, artifacts_dir: Path) -> None:
    """The .deb installs with apt-get (its Depends resolve), runs, and goes away cleanly."""
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        missing("installing a .deb needs root and apt-get")
    deb, _tarball = _packages(bundle, tmp_path)
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert "Depends:" in info and "libxcb-cursor0" in info
    contents = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                              text=True, check=True).stdout
    for path in ("./opt/switchboard/switchboard", "./usr/bin/switchboard",
                 "./usr/share/applications/switchboard.desktop",
                 "./usr/share/icons/hicolor/48x48/apps/switchboard.png",
                 "./usr/share/icons/hicolor/256x256/apps/switchboard.png",
                 "./usr/share/icons/hicolor/scalable/apps/switchboard.svg"):
        assert path in contents, path
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    installed = subprocess.run(["apt-get", "install", "-y", "-q", str(deb)], env=env,
                               capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr[-2000:]
    try:
        with private_secret_service(tmp_path / "bus") as run_env:
            run_env["QT_QPA_PLATFORM"] = "offscreen"
            result = run_self_test(Path("/usr/bin/switchboard"), run_env)
        assert result.returncode == 0, result.stdout + result.stderr
        (artifacts_dir / "deb-self-test.txt").write_text(result.stdout, encoding="utf-8")
        shot = artifacts_dir / "deb-window.png"
        with xvfb_display(1280, 800) as display:
            x_env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
            opened = subprocess.run(["/usr/bin/switchboard", "--data-dir", str(tmp_path / "d"),
                                     "--screenshot", str(shot)], env=x_env, cwd=tmp_path,
                                    capture_output=True, text=True, timeout=120)
        assert opened.returncode == 0 and shot.exists(), opened.stderr[-2000:]
        assert distinct_colours(shot) > 20
        entry = Path("/usr/share/applications/switchboard.desktop").read_text()
        assert "StartupWMClass=switchboard" in entry
    finally:
        removed = subprocess.run(["apt-get", "remove", "-y", "-q", "switchboard"], env=env,
                                 capture_output=True, text=True, timeout=300)
    assert removed.returncode == 0, removed.stderr[-2000:]
    assert not Path("/opt/switchboard").exists()
    assert not Path("/usr/bin/switchboard").exists()


def test_tarball_installs_into_a_home(bundle: Path, tmp_path: Path,
                                      artifacts_dir: Path) -> None:
    """The .tar.gz's install.sh puts a working `switchboard` into ~/.local."""
    deb, tarball = _packages(bundle, tmp_path)
    sizes = "\n".join(f"{path.name}: {path.stat().st_size / 1e6:.1f} MB" for path in (deb, tarball))
    (artifacts_dir / "package-sizes.txt").write_text(sizes + "\n", encoding="utf-8")
    unpacked = tmp_path / "unpacked"
    shutil.unpack_archive(tarball, unpacked)
    (folder,) = unpacked.iterdir()
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, HOME=str(home))
    env.pop("PREFIX", None)
    done = subprocess.run(["sh", str(folder / "install.sh")], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    launcher = home / ".local" / "bin" / "switchboard"
    entry = (home / ".local" / "share" / "applications" / "switchboard.desktop").read_text()
    assert f"Exec={launcher} %U" in entry.splitlines()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "64x64" / "apps"
            / "switchboard.png").exists()
    with private_secret_service(tmp_path / "bus") as run_env:
        run_env["QT_QPA_PLATFORM"] = "offscreen"
        result = run_self_test(launcher, run_env)
    assert result.returncode == 0, result.stdout + result.stderr
    (artifacts_dir / "tarball-self-test.txt").write_text(result.stdout, encoding="utf-8")
    shot = artifacts_dir / "tarball-window.png"
    shot.unlink(missing_ok=True)
    with xvfb_display(1280, 800) as display:
        x_env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home))
        opened = subprocess.run([str(launcher), "--data-dir", str(tmp_path / "d"),
                                 "--screenshot", str(shot)], env=x_env, cwd=tmp_path,
                                capture_output=True, text=True, timeout=120)
    assert opened.returncode == 0 and shot.exists(), opened.stderr[-2000:]
    assert distinct_colours(shot) > 20
