"""Screenshots of the providers dialog, the open model picker, the parameter panel and the
welcome view under a real X server (Xvfb), light and dark, saved into artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.images import distinct_colours
from tests.helpers.xvfb import xvfb_display

ROOT = Path(__file__).resolve().parents[2]
NAMES = (
    "providers-dialog",
    "providers-dialog-new",
    "model-picker",
    "model-picker-filtered",
    "parameter-panel",
    "welcome-view",
)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_provider_screens_under_xvfb(tmp_path: Path, artifacts_dir: Path, scheme: str) -> None:
    with xvfb_display() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        result = subprocess.run(
            [sys.executable, "-m", "tests.system.provider_screens", str(tmp_path), scheme],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    for name in NAMES:
        shot = tmp_path / f"{name}-{scheme}.png"
        assert shot.exists(), name
        shutil.copy(shot, artifacts_dir / shot.name)
        assert distinct_colours(shot) > 20, name  # drawn, not a blank frame
