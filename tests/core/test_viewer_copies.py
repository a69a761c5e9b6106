"""Viewer copies: a private folder per run, safe names, and earlier runs' folders swept."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from desktop.core import viewer_copies
from desktop.core.viewer_copies import PREFIX, copy_for_viewer, safe_name, sweep_stale


def test_a_copy_is_made_once_under_its_real_name_in_a_private_folder(tmp_path: Path) -> None:
    source = tmp_path / "0123456789abcdef0123"
    source.write_bytes(b"%PDF-1.4 report")
    first = copy_for_viewer(source, source.name, "../../Quarterly report.pdf")
    assert first.name == "Quarterly report.pdf" and first.read_bytes() == source.read_bytes()
    folder = viewer_copies.session_folder()
    assert first.parent.parent == folder and folder.name.startswith(PREFIX)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    os.utime(first, (1, 1))
    assert copy_for_viewer(source, source.name, "Quarterly report.pdf") == first
    assert first.stat().st_mtime == 1  # same size: not copied again
    assert safe_name('a<b>:"c|?*.txt') == "a_b_c_.txt" and safe_name(" .. ") == "file"


def test_only_our_old_folders_are_swept(tmp_path: Path) -> None:
    now = time.time()
    old, fresh = tmp_path / f"{PREFIX}old", tmp_path / f"{PREFIX}fresh"
    legacy, other = tmp_path / "switchboard-files-abc", tmp_path / "someone-elses"
    for folder in (old, fresh, legacy, other):
        (folder / "sub").mkdir(parents=True)
        (folder / "sub" / "f.txt").write_text("x")
    target = tmp_path / "elsewhere"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    (tmp_path / f"{PREFIX}link").symlink_to(target)  # never followed
    for folder in (old, legacy, other, tmp_path / f"{PREFIX}link"):
        os.utime(folder, (now - 2 * 86400, now - 2 * 86400), follow_symlinks=False)
    assert sweep_stale(root=tmp_path, now=now) == 2
    assert not old.exists() and not legacy.exists()
    assert fresh.exists() and other.exists() and (target / "keep.txt").exists()
    assert sweep_stale(root=tmp_path / "missing", now=now) == 0
