"""Linux packages of the onedir bundle: a .deb (dpkg-deb, no downloaded tools) and a .tar.gz
with an install.sh for a user's home.

    python packaging/build.py --deb --tarball      # after the bundle: dist/switchboard_*.deb …

The .deb puts the bundle in /opt/switchboard, a /usr/bin/switchboard link, a desktop entry
(StartupWMClass matches the app's desktop file name) and the icon at the usual hicolor sizes.
`Depends:` lists the host libraries the bundle leaves to the system (switchboard.spec's
DROP_LIBRARIES, plus Qt's xcb platform libraries).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Debian package names of what the bundle takes from the host (see switchboard.spec).
DEPENDS = (
    "libc6", "libglib2.0-0", "libpcre2-8-0", "libzstd1", "liblzma5", "zlib1g",
    "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0",
    "libxcb-xinerama0", "libxcb-xkb1", "libegl1", "libgl1", "libgssapi-krb5-2", "libpulse0",
    # QtMultimedia's FFmpeg backend (bundled since issue 17) links the host's Xrandr and Xext.
    "libxrandr2", "libxext6",
)
RECOMMENDS = ("gnome-keyring | kwalletmanager", "fonts-noto-cjk | fonts-wqy-microhei")


def version() -> str:
    from desktop import __version__

    return __version__


def render_icons(svg: Path, share: Path) -> None:
    """hicolor/<size>x<size>/apps/switchboard.png for each size, and the scalable SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "switchboard.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise RuntimeError(f"could not write {target}")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps" / "switchboard.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(svg, scalable)
    del app


def build_deb(bundle: Path, out: Path) -> Path:
    """switchboard_<version>_<arch>.deb from the onedir bundle."""
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    stage = out / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "switchboard", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "switchboard").symlink_to("/opt/switchboard/switchboard")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX / "switchboard.desktop", share / "applications" / "switchboard.desktop")
    render_icons(LINUX / "switchboard.svg", share)
    size_kb = sum(p.stat().st_size for p in stage.rglob("*")
                  if p.is_file() and not p.is_symlink()) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: switchboard\nVersion: {version()}\nArchitecture: {arch}\n"
        "Maintainer: Switchboard developers <switchboard@localhost>\n"
        f"Installed-Size: {size_kb}\nSection: net\nPriority: optional\n"
        f"Depends: {', '.join(DEPENDS)}\nRecommends: {', '.join(RECOMMENDS)}\n"
        "Description: Desktop client for OpenAI-compatible LLM gateways\n"
        " One fast native app for relay and aggregator gateways, OpenAI, Anthropic,\n"
        " DeepSeek, OpenRouter, Gemini and local servers. Keys stay in the system keyring.\n",
        encoding="utf-8")
    target = out / f"switchboard_{version()}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage),
                    str(target)], check=True, capture_output=True)
    shutil.rmtree(stage)
    return target


INSTALL_SH = """#!/bin/sh
# Install Switchboard for this user: ~/.local/lib/switchboard, ~/.local/bin/switchboard,
# a desktop entry and icons. Run it from the unpacked folder; run it again to update.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications"
rm -rf "$prefix/lib/switchboard"
cp -a "$here/switchboard" "$prefix/lib/switchboard"
ln -sf "$prefix/lib/switchboard/switchboard" "$prefix/bin/switchboard"
entry=share/applications/switchboard.desktop
sed "s|^Exec=switchboard|Exec=$prefix/bin/switchboard|" "$here/$entry" > "$prefix/$entry"
cp -a "$here/share/icons" "$prefix/share/"
command -v update-desktop-database >/dev/null 2>&1 \\
    && update-desktop-database "$prefix/share/applications" >/dev/null 2>&1 || true
echo "Switchboard installed: $prefix/bin/switchboard"
"""


def build_tarball(bundle: Path, out: Path) -> Path:
    """switchboard-<version>-linux-<machine>.tar.gz: the bundle, icons, desktop entry and
    install.sh (installs into ~/.local, or PREFIX)."""
    machine = os.uname().machine
    name = f"switchboard-{version()}-linux-{machine}"
    stage = out / name
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "switchboard", symlinks=True)
    share = stage / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(LINUX / "switchboard.desktop", share / "applications" / "switchboard.desktop")
    render_icons(LINUX / "switchboard.svg", share)
    script = stage / "install.sh"
    script.write_text(INSTALL_SH, encoding="utf-8")
    script.chmod(0o755)
    target = out / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz") as archive:
        archive.add(stage, arcname=name)
    shutil.rmtree(stage)
    return target
