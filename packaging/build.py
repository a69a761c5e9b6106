"""Build the Switchboard onedir bundle with PyInstaller, report its size, optionally install it.

    python packaging/build.py                 # -> dist/switchboard/switchboard
    python packaging/build.py --install ~/.local   # also installs launcher, .desktop file, icon
    python packaging/build.py --deb --tarball      # also dist/switchboard_*.deb and *.tar.gz
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from icu_data import shrink_library  # packaging/icu_data.py, next to this script
from linux_packages import build_deb, build_tarball

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "switchboard.spec"
# The budget (issue 2's 120 MB) was raised to 175 MB in issue 16 with these figures, measured
# on the onedir bundle: 106 MB before tools and documents; + 29 MB Mermaid (mmdr's native
# renderer 27.6 MB, already stripped, and novasvg 1.3 MB); + 18 MB the MCP SDK's own imports
# (cryptography 12 MB — `import mcp` needs it —, pydantic-core 5 MB, rpds 1 MB); + 8 MB
# Word documents (lxml.etree 6 MB, python-docx 2 MB); + 3 MB math (ziamath, STIX Two Math);
# + ~4 MB of Python code (MCP, pydantic, pypdf, genai-prices' price table) = 168 MB.
# Issue 15's knowledge bases add numpy: ~42 MB (its core 10 MB, OpenBLAS 28 MB for the
# matrix-vector product of the vector search, Python code).
# Issue 17 ships QtMultimedia's media backend (Studio's Suno clips and Luma videos, MP3 read
# aloud; docs/media-backend.md): + 20.2 MB the FFmpeg backend (the plugin 0.8 MB, libavcodec
# 14.9 MB, libavformat 2.7 MB, libavutil 1.1 MB, libsw* 0.7 MB) + 0.2 MB QtMultimediaWidgets
# (QVideoWidget) + 16.7 MB Qt Quick and QML, which the plugin links (libQt6Quick 8.3 MB,
# libQt6Qml 6.8 MB, QmlModels/QmlMeta/QmlWorkerScript 1.5 MB; 195 MB was planned without
# them) (210.0 MB without numpy). With both: 249.9 MB measured (numpy.random, .fft, .ma,
# .polynomial and .f2py left out: the vector search never imports them), hence 255 MB.
SIZE_TARGET_MB = 255
# `strip` breaks the FFmpeg libraries PySide6 ships (they load with "ELF load command
# address/offset not page-aligned"); they come stripped already, so the originals go back in.
UNSTRIPPED = ("libavcodec.so.*", "libavformat.so.*", "libavutil.so.*", "libswscale.so.*",
              "libswresample.so.*")

# Qt ships files the app never loads; drop them from the bundle after PyInstaller's analysis.
PRUNE_GLOBS = (
    "PySide6/Qt/translations/qtwebengine*",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
)


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def restore_unstripped(internal: Path) -> None:
    """Put back PySide6's own copies of the libraries `strip` must not touch."""
    import PySide6

    source = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
    for pattern in UNSTRIPPED:
        for path in internal.glob(f"PySide6/Qt/lib/{pattern}"):
            original = source / path.name
            if original.is_file() and not path.is_symlink():
                shutil.copyfile(original, path)
    # numpy's wheel libraries (OpenBLAS, gfortran) break the same way ("ELF load command
    # address/offset not page-aligned" at `import numpy`); auditwheel stripped them already.
    import numpy

    wheel_libs = Path(numpy.__file__).resolve().parent.parent / "numpy.libs"
    for original in wheel_libs.glob("*.so*"):
        for path in internal.rglob(original.name):
            if not path.is_symlink():
                shutil.copyfile(original, path)


def build(dist: Path, work: Path) -> Path:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True, cwd=ROOT,
    )
    bundle = dist / "switchboard"
    internal = bundle / "_internal"
    for pattern in PRUNE_GLOBS:
        for path in internal.glob(pattern):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
    restore_unstripped(internal)
    for library in internal.glob("PySide6/Qt/lib/libicudata.so.*"):
        before, after = shrink_library(library)
        print(f"ICU data: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB (see icu_data.py)")
    size_mb = tree_size(bundle) / 1_000_000
    verdict = "within" if size_mb <= SIZE_TARGET_MB else "OVER"
    print(f"bundle: {bundle}")
    print(f"bundle size: {size_mb:.1f} MB ({verdict} the {SIZE_TARGET_MB} MB target); "
          f"built in {time.monotonic() - started:.0f} s")
    return bundle


def install(bundle: Path, prefix: Path) -> None:
    """Copy the bundle to PREFIX/lib/switchboard and add launcher, desktop entry and icon."""
    target = prefix / "lib" / "switchboard"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(bundle, target, symlinks=True)
    bin_dir = prefix / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    launcher = bin_dir / "switchboard"
    if launcher.is_symlink() or launcher.exists():
        launcher.unlink()
    launcher.symlink_to(target / "switchboard")
    apps = prefix / "share" / "applications"
    icons = prefix / "share" / "icons" / "hicolor" / "scalable" / "apps"
    apps.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    desktop_entry = (ROOT / "packaging" / "linux" / "switchboard.desktop").read_text()
    (apps / "switchboard.desktop").write_text(
        desktop_entry.replace("Exec=switchboard", f"Exec={launcher}")
    )
    shutil.copy(ROOT / "packaging" / "linux" / "switchboard.svg", icons / "switchboard.svg")
    print(f"installed: {launcher}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--install", type=Path, metavar="PREFIX",
                        help="install into PREFIX (e.g. ~/.local)")
    parser.add_argument("--deb", action="store_true", help="also build a .deb of the bundle")
    parser.add_argument("--tarball", action="store_true",
                        help="also build a .tar.gz with install.sh")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    bundle = build(args.dist.resolve(), args.work.resolve())
    if args.install:
        install(bundle, args.install.expanduser().resolve())
    if args.deb:
        print(f"deb: {build_deb(bundle, args.dist.resolve())}")
    if args.tarball:
        print(f"tarball: {build_tarball(bundle, args.dist.resolve())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
