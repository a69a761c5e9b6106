"""Checks on screenshots: is there more in the picture than an empty background?"""

from __future__ import annotations

from pathlib import Path


def distinct_colours(path: Path, *, step: int = 4) -> int:
    """How many different colours a sample of the PNG's pixels has (Qt reads the file)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise AssertionError(f"{path} is not a readable image")
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)
