"""Fixtures shared by the whole suite.

Tests that need system services (an X server, a D-Bus session with gnome-keyring, a PyInstaller
build) skip with a printed reason when those are missing, unless SWITCHBOARD_REQUIRE_SYSTEM=1
(set by .ci/run), which turns every such skip into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Widgets in tests render offscreen unless a test starts its own X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO_ROOT / "artifacts"


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    """An empty Switchboard data directory, also exported as $SWITCHBOARD_DATA_DIR."""
    path = tmp_path / "data"
    path.mkdir()
    old = os.environ.get("SWITCHBOARD_DATA_DIR")
    os.environ["SWITCHBOARD_DATA_DIR"] = str(path)
    try:
        yield path
    finally:
        if old is None:
            os.environ.pop("SWITCHBOARD_DATA_DIR", None)
        else:
            os.environ["SWITCHBOARD_DATA_DIR"] = old


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave files worth looking at (screenshots, build logs)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
