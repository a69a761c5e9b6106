"""Finding the app's resources (icons, stylesheet, translations) wherever it runs from.

A PyInstaller bundle has them in `resources/` beside its files; an installed wheel carries
them as the package data `desktop/_resources/` (copied there by setup.py); a source checkout
(and an editable install) reads the top-level `resources/` directly.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    packaged = Path(str(resources.files("desktop") / "_resources"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons by name (without extension)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
