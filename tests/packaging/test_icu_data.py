"""packaging/icu_data.py: Qt's ICU data library rewritten without the trees Qt never reads."""

from __future__ import annotations

import ctypes
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

sys.path.append(str(REPO_ROOT / "packaging"))  # for icu_data (no other module there is imported)
import PySide6
from icu_data import DROPPED_TREES, shrink_library, trimmed_package

QT_LIB = Path(PySide6.__file__).parent / "Qt" / "lib"


def item_names(package: bytes) -> list[str]:
    header_size = struct.unpack_from("<H", package, 0)[0]
    (count,) = struct.unpack_from("<I", package, header_size)
    names = []
    for i in range(count):
        name_offset, _ = struct.unpack_from("<II", package, header_size + 4 + 8 * i)
        start = header_size + name_offset
        names.append(package[start:package.index(b"\0", start)].decode())
    return names


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    originals = sorted(QT_LIB.glob("libicudata.so.*"))
    if not originals:
        pytest.skip("this PySide6 has no libicudata")
    original = originals[0]
    copy = tmp_path_factory.mktemp("icu") / original.name
    shutil.copy(original, copy)
    shrink_library(copy)
    return original, copy


def rodata(path: Path) -> bytes:
    out = subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(path),
                          "/dev/stdout"], capture_output=True, check=True)
    return out.stdout


def test_dropped_trees_are_gone_and_the_rest_is_kept(library: tuple[Path, Path]) -> None:
    if shutil.which("objcopy") is None:
        pytest.skip("objcopy (binutils) is not installed")
    original, trimmed = library
    before, after = item_names(rodata(original)), item_names(rodata(trimmed))
    assert trimmed.stat().st_size < original.stat().st_size - 10_000_000
    assert not [n for n in after if n.split("/")[1] in DROPPED_TREES and n.count("/") > 1]
    kept = [n for n in before if not (n.split("/")[1] in DROPPED_TREES and n.count("/") > 1)]
    assert after == kept
    assert any("/coll/" in n for n in after) and any("/brkitr/" in n for n in after)


def test_items_are_unchanged_and_aligned(library: tuple[Path, Path]) -> None:
    if shutil.which("objcopy") is None:
        pytest.skip("objcopy (binutils) is not installed")
    _original, trimmed = library
    package = rodata(trimmed)
    assert trimmed_package(package) == package  # nothing left to drop
    header_size = struct.unpack_from("<H", package, 0)[0]
    (count,) = struct.unpack_from("<I", package, header_size)
    offsets = [struct.unpack_from("<II", package, header_size + 4 + 8 * i)[1]
               for i in range(count)]
    assert all((header_size + offset) % 16 == 0 for offset in offsets)


def test_library_loads_and_exports_its_data(library: tuple[Path, Path]) -> None:
    _original, trimmed = library
    loaded = ctypes.CDLL(str(trimmed))
    symbol = next(name for name in ("icudt73_dat", "icudt74_dat", "icudt75_dat", "icudt76_dat")
                  if hasattr(loaded, name))
    data = ctypes.string_at(ctypes.addressof(ctypes.c_char.in_dll(loaded, symbol)), 16)
    assert data[2:4] == b"\xda\x27" and data[12:16] == b"CmnD"


def test_qt_works_with_the_trimmed_data(library: tuple[Path, Path], tmp_path: Path) -> None:
    """Qt's ICU uses (collation, line breaking, IDNA) answer as before, in a child process."""
    _original, trimmed = library
    site = tmp_path / "site"
    package = site / "PySide6"
    (package / "Qt" / "lib").mkdir(parents=True)
    real = Path(PySide6.__file__).parent
    for entry in real.iterdir():  # a PySide6 of symlinks whose Qt/lib holds the trimmed data
        if entry.name != "Qt":
            (package / entry.name).symlink_to(entry)
    for entry in (real / "Qt").iterdir():
        if entry.name != "lib":
            (package / "Qt" / entry.name).symlink_to(entry)
    for entry in (real / "Qt" / "lib").iterdir():
        target = package / "Qt" / "lib" / entry.name
        if entry.name == trimmed.name:
            shutil.copy(trimmed, target)
        else:
            target.symlink_to(entry)
    code = (
        "from desktop.selftest import check_text; print(check_text());"
        "from PySide6.QtCore import QUrl; print(QUrl('http://bücher.de').toEncoded().data());"
        "print(sorted({l.split()[-1] for l in open('/proc/self/maps') if 'icudata' in l}))"
    )
    env = {"PYTHONPATH": f"{site}:{REPO_ROOT}", "QT_QPA_PLATFORM": "offscreen",
           "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "pinyin order" in result.stdout, result.stdout
    assert "xn--bcher-kva.de" in result.stdout
    assert str(package / "Qt" / "lib" / trimmed.name) in result.stdout  # really the trimmed one
