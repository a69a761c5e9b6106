"""A screenshot of the demo conversation under a real X server (Xvfb), kept as an artifact."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.images import distinct_colours
from tests.helpers.xvfb import xvfb_display

REPO = Path(__file__).resolve().parents[3]


def test_chat_view_screenshot_under_xvfb(artifacts_dir: Path) -> None:
    target = artifacts_dir / "chat-view.png"
    target.unlink(missing_ok=True)
    with xvfb_display(1280, 1500) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            [sys.executable, "-m", "tests.helpers.chat_view_demo", "--top", "--screenshot",
             str(target)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    assert target.exists()
    # A blank or single-colour window has a handful of colours; the rendered
    # conversation (highlighted code, table, bubbles, error box) has many.
    assert distinct_colours(target) > 40


def test_streamed_view_on_screen_matches_a_fresh_rendering(tmp_path: Path) -> None:
    """Cards moved by blitting while following the stream leave no stale pixels."""
    with xvfb_display(1000, 800) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            [sys.executable, "-m", "tests.ui.chat_view.stream_paint_check", str(tmp_path)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("DIFF "))
    assert float(line.split()[1]) < 0.001, line
    assert distinct_colours(tmp_path / "stream-shown.png") > 20
