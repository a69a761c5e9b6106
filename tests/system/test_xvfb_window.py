"""The real app under a real X server (Xvfb, xcb platform): it opens and draws the main window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers.images import distinct_colours
from tests.helpers.xvfb import xvfb_display


def test_main_window_screenshot_under_xvfb(tmp_path: Path, artifacts_dir: Path) -> None:
    shot = tmp_path / "main-window-xcb.png"
    with xvfb_display() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        result = subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"),
             "--screenshot", str(shot)],
            env=env, capture_output=True, text=True, timeout=60,
        )
    log = (tmp_path / "data" / "logs" / "switchboard.log").read_text()
    assert result.returncode == 0, result.stderr + log
    assert "screenshot" in log and "saved" in log, log
    shutil.copy(shot, artifacts_dir / shot.name)
    # The window was grabbed from the X server: a blank or black frame has one or two colours.
    assert distinct_colours(shot) > 20
    assert "could not load the Qt platform plugin" not in result.stderr
