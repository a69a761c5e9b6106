"""Light and dark palettes and the stylesheet; follows the system scheme unless overridden."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.ui.resources import resource_path

LIGHT = {
    "bg": "#ffffff", "surface": "#ffffff", "sidebar": "#f6f7f9", "text": "#1f2328",
    "muted": "#6b7480", "border": "#e3e6ea", "hover": "#eceff3", "selected": "#dfe7ff",
    "accent": "#4f6bff", "accentHover": "#3d57e6", "scroll": "#c9ced6",
}
DARK = {
    "bg": "#17191c", "surface": "#202327", "sidebar": "#1c1f22", "text": "#e6e8eb",
    "muted": "#8b939e", "border": "#2e3237", "hover": "#2a2e33", "selected": "#2d3a66",
    "accent": "#6b83ff", "accentHover": "#8195ff", "scroll": "#3a3f46",
}


_current: dict[str, str] = LIGHT


def current_colors() -> dict[str, str]:
    """The palette applied last (light before any theme is applied)."""
    return _current


def document_stylesheet(colors: dict[str, str]) -> str:
    """CSS for rendered Markdown inside QTextDocument (its own small CSS subset)."""
    return (
        f"body {{ color: {colors['text']}; }}"
        f"a {{ color: {colors['accent']}; }}"
        "h1 { font-size: 18pt; } h2 { font-size: 15pt; } h3 { font-size: 13pt; }"
        f"table {{ border-color: {colors['border']}; border-style: solid; }}"
        f"th {{ background-color: {colors['sidebar']}; padding: 6px 10px; }}"
        "td { padding: 6px 10px; }"
        f"table.code {{ background-color: {colors['sidebar']}; border-style: none; }}"
        f"td.code-label {{ color: {colors['muted']}; font-size: 8pt; padding: 4px 10px 0 10px; }}"
        "td.code-body { padding: 0 10px 8px 10px; }"
        "pre, code { font-family: 'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace; }"
        f"code {{ background-color: {colors['sidebar']}; }}"
        f"blockquote {{ color: {colors['muted']}; }}"
    )


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def resolve_scheme(preference: str) -> str:
    """'light' or 'dark' from the user's preference ('system', 'light', 'dark')."""
    if preference in ("light", "dark"):
        return preference
    return "dark" if system_prefers_dark() else "light"


def stylesheet(colors: dict[str, str]) -> str:
    template = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    # Longest names first so that @accentHover is not cut by @accent.
    names = sorted(colors, key=len, reverse=True)
    pattern = re.compile("@(" + "|".join(map(re.escape, names)) + ")")
    return pattern.sub(lambda match: colors[match.group(1)], template)


def apply_theme(app: QApplication, preference: str = "system") -> str:
    """Apply palette and stylesheet; returns the scheme used."""
    scheme = resolve_scheme(preference)
    colors = DARK if scheme == "dark" else LIGHT
    global _current
    _current = colors
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colors["bg"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colors["text"]))
    palette.setColor(QPalette.ColorRole.Base, QColor(colors["surface"]))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor(colors["sidebar"]))
    palette.setColor(QPalette.ColorRole.Text, QColor(colors["text"]))
    palette.setColor(QPalette.ColorRole.Button, QColor(colors["surface"]))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(colors["text"]))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(colors["accent"]))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor(colors["accent"]))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(colors["muted"]))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(colors))
    return scheme
