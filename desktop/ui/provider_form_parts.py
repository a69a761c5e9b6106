"""Small parts of the provider form: extra-header text and a field with its hint below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.core.providers import ProviderError


def parse_headers(text: str) -> dict[str, str]:
    """`Name: value` lines into a dict; ProviderError names the bad line."""
    headers: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip() or any(c.isspace() for c in name.strip()):
            raise ProviderError(f"Extra headers, line {number}: write it as “Name: value”.")
        headers[name.strip()] = value.strip()
    return headers


def stacked(top: QWidget | QHBoxLayout, below: QLabel) -> QWidget:
    """A field with its hint line right under it, as one form row."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(3)
    if isinstance(top, QHBoxLayout):
        column.addLayout(top)
    else:
        column.addWidget(top)
    column.addWidget(below)
    return box


def format_headers(headers: dict[str, str]) -> str:
    return "\n".join(f"{name}: {value}" for name, value in headers.items())


def section_toggle(body: QWidget) -> QToolButton:
    """A flat arrow button that shows and hides `body` (a collapsible section, closed)."""
    button = QToolButton()
    button.setCheckable(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setArrowType(Qt.ArrowType.RightArrow)
    button.setObjectName("flat")

    def toggled(shown: bool) -> None:
        body.setVisible(shown)
        button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    button.toggled.connect(toggled)
    body.hide()
    return button
