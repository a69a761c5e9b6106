"""Temporary copies of stored files handed to the system's viewer, and their cleanup.

Attachments and Studio results are stored under content hashes; a viewer should see the
file's real name, so "Open" copies it into a private temporary folder first. Each process
makes one folder (`mkdtemp`, mode 0700, so other users of the machine cannot swap files in)
on first use. The copies cannot be removed when the app quits: a viewer started a moment
before may not have read its file yet. Instead, each start removes the folders that earlier
runs left behind once they are a day old (`sweep_stale`), only folders of this user with our
prefix, never following links.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from pathlib import Path, PurePath

log = logging.getLogger(__name__)
PREFIX = "switchboard-view-"
_OLD_PREFIXES = ("switchboard-files-",)  # earlier versions' folders, swept too
STALE_AFTER_S = 24 * 3600
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')

_lock = threading.Lock()
_folder: Path | None = None


def session_folder() -> Path:
    """This process's private folder for viewer copies (made on first use)."""
    global _folder
    with _lock:
        if _folder is None or not _folder.is_dir():
            _folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        return _folder


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name without separators or control characters, at most 120 characters."""
    cleaned = _UNSAFE.sub("_", PurePath(name).name).strip(" .")[:120]
    return cleaned or fallback


def copy_for_viewer(source: Path, key: str, name: str) -> Path:
    """Copy `source` to `<session folder>/<key>/<name>` (once) and return the copy's path."""
    target = session_folder() / safe_name(key[:16], "copy") / safe_name(name)
    target.parent.mkdir(mode=0o700, exist_ok=True)
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        shutil.copyfile(source, target)
    return target


def sweep_stale(*, root: Path | None = None, now: float | None = None,
                max_age_s: float = STALE_AFTER_S) -> int:
    """Remove viewer folders of earlier runs older than `max_age_s`; how many were removed."""
    root = Path(tempfile.gettempdir()) if root is None else root
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(root))
    except OSError as exc:
        log.debug("cannot list %s: %s", root, exc)
        return 0
    for entry in entries:
        if not entry.name.startswith((PREFIX, *_OLD_PREFIXES)) or Path(entry.path) == _folder:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(info.st_mode) or now - info.st_mtime < max_age_s:
            continue
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            continue  # another user's folder (or a trap): not ours to touch
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += not os.path.lexists(entry.path)
    return removed
