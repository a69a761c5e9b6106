"""Screenshots of the real main window under a real X server (Xvfb), kept as artifacts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.images import distinct_colours
from tests.helpers.xvfb import xvfb_display

REPO = Path(__file__).resolve().parents[2]


def _shoot(display: str, data_dir: Path, target: Path, *extra: str) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.window_screenshot", "--data-dir", str(data_dir),
         "--out", str(target), *extra],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_window_with_conversation_and_search_results(tmp_path: Path,
                                                     artifacts_dir: Path) -> None:
    shots = {
        "main-window.png": ("--top",),
        "main-window-dark.png": ("--top", "--theme", "dark"),
        "main-window-search.png": ("--search", "pandas"),
        "main-window-zh_CN.png": ("--top", "--language", "zh_CN"),
        "main-window-streaming.png": ("--send", "How do I skip empty lines in a big file?"),
    }
    with xvfb_display(1440, 900) as display:
        for name, extra in shots.items():
            target = artifacts_dir / name
            target.unlink(missing_ok=True)
            _shoot(display, tmp_path / name, target, *extra)
            # A blank or half-drawn window has a handful of colours; a rendered
            # conversation (highlighted code, table, bubbles, sidebar groups) has many.
            assert distinct_colours(target) > 40, name
