"""Setuptools hook: the wheel carries what the app reads from `resources/` (icons, stylesheet,
compiled translations) as the package data `desktop/_resources/`, found at run time through
`importlib.resources` (desktop/ui/resources.py). Everything else is in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("icons/*.svg", "styles/*.qss", "translations/*.qm")  # not the .ts or screenshots


class BuildWithResources(build_py):
    """`build_py`, then the app's resources copied into the built package."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "desktop" / "_resources"
        for pattern in SHIPPED:
            for source in sorted((ROOT / "resources").glob(pattern)):
                dest = target / source.relative_to(ROOT / "resources")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, dest)


setup(cmdclass={"build_py": BuildWithResources})
