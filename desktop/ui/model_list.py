"""The model picker's list: an item model over `arrange()` rows and the delegate that draws them.

Section headers and notices are shown but not selectable; model rows show the id, a star for
favourites and capability badges (vision, reasoning, tools, image).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.core.model_catalog import Capability, capability_names
from desktop.core.model_choices import NO_MODELS_NOTICE, PickerRow, RowKind, Section
from desktop.ui.theme import current_colors

BALANCE_SEPARATOR = "  ·  "
"""Between a provider's name and its balance note in the picker's header row."""
LOW_MARK = "⚠"
"""Starts the balance note of a provider whose balance is below its threshold."""


def low_balance_colour() -> QColor:
    """Amber that reads on the light and the dark theme (as the header's warning pill)."""
    dark = QColor(current_colors()["bg"]).lightness() < 128
    return QColor("#ffc45c" if dark else "#a05a00")

RowRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2

BADGE_COLORS = {
    Capability.VISION: "#2f8f5b",
    Capability.REASONING: "#8a5cf6",
    Capability.TOOLS: "#c9761a",
    Capability.IMAGE_GENERATION: "#d0457a",
}
BADGE_LABELS = {
    "vision": "vision",
    "reasoning": "reasoning",
    "tools": "tools",
    "image": "image",
}

_Index = QModelIndex | QPersistentModelIndex


class ModelListModel(QAbstractListModel):
    """Read-only list of picker rows; replaced whole when the filter or the lists change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PickerRow] = []

    def set_rows(self, rows: list[PickerRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> PickerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[PickerRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        if row.selectable:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind is RowKind.MODEL:
                return row.model
            if row.kind is RowKind.MANUAL:
                return f"{row.model} — {row.provider}"
            if row.kind is RowKind.HEADER and row.section is not Section.PROVIDER:
                return QCoreApplication.translate("ModelPicker", row.text)
            if row.kind is RowKind.NOTICE and row.text == NO_MODELS_NOTICE:
                return QCoreApplication.translate("ModelPicker", row.text)
            return row.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return accessible_text(row)
        if role == Qt.ItemDataRole.ToolTipRole and row.kind is RowKind.MODEL:
            badges = ", ".join(capability_names(row.capabilities)) or "no known capabilities"
            return f"{row.provider} · {row.model}\n{badges}"
        if role == Qt.ItemDataRole.ToolTipRole and row.kind is RowKind.NOTICE:
            return row.text
        if role == RowRole:
            return row
        if role == KindRole:
            return str(row.kind)
        return None


def accessible_text(row: PickerRow) -> str:
    """What a screen reader says for a row, in the interface language."""
    translate = QCoreApplication.translate
    if row.kind is RowKind.HEADER:
        return translate("ModelList", "Section %1").replace("%1", row.text)
    if row.kind is RowKind.NOTICE:
        return row.text
    caps = ", ".join(capability_names(row.capabilities))
    parts = [row.model, translate("ModelList", "on %1").replace("%1", row.provider)]
    if row.favourite:
        parts.append(translate("ModelList", "favourite"))
    if caps:
        parts.append(caps)
    if row.kind is RowKind.MANUAL:
        parts.insert(0, translate("ModelList", "Use typed name"))
    return ", ".join(parts)


class ModelRowDelegate(QStyledItemDelegate):
    """Draws headers small and muted, models with their star and capability badges."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        row: PickerRow | None = index.data(RowRole)
        height = option.fontMetrics.height()
        if row is not None and row.kind is RowKind.HEADER:
            return QSize(200, height + 14)
        return QSize(200, height + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row: PickerRow | None = index.data(RowRole)
        if row is None:
            return
        colors = current_colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        rect = QRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if row.kind is RowKind.HEADER:
            font = QFont(option.font)
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
            font.setBold(True)
            font.setCapitalization(QFont.Capitalization.AllUppercase)
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
            painter.setFont(font)
            painter.setPen(QColor(colors["muted"]))
            text_rect = rect.adjusted(10, 6, -10, 0)
            shown = str(index.data(Qt.ItemDataRole.DisplayRole))
            name, _sep, note = (shown.rpartition(BALANCE_SEPARATOR)
                                if row.section is Section.PROVIDER else ("", "", ""))
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text_rect, align, name + _sep if note else shown)
            if note:  # the balance: as written, amber when low
                offset = QFontMetrics(font).horizontalAdvance(name + _sep)
                painter.setFont(option.font)
                painter.setPen(low_balance_colour() if note.startswith(LOW_MARK)
                               else QColor(colors["muted"]))
                painter.drawText(text_rect.adjusted(offset, 0, 0, 0), align, note)
            painter.restore()
            return
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["selected" if selected else "hover"]))
            painter.drawRoundedRect(rect.adjusted(4, 1, -4, -1), 6, 6)
        if row.kind is RowKind.NOTICE:
            painter.setPen(QColor(colors["muted"]))
            font = QFont(option.font)
            font.setItalic(True)
            painter.setFont(font)
            metrics = QFontMetrics(font)
            shown = str(index.data(Qt.ItemDataRole.DisplayRole))
            text = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, rect.width() - 40)
            painter.drawText(rect.adjusted(30, 0, -10, 0), Qt.AlignmentFlag.AlignVCenter, text)
            painter.restore()
            return
        # Star column.
        star_rect = QRect(rect.left() + 8, rect.top(), 18, rect.height())
        if row.kind is RowKind.MANUAL:
            painter.setPen(QColor(colors["accent"]))
            painter.drawText(star_rect, Qt.AlignmentFlag.AlignCenter, "+")
        elif row.favourite or hovered:
            painter.setPen(QColor("#e3a008" if row.favourite else colors["muted"]))
            painter.drawText(star_rect, Qt.AlignmentFlag.AlignCenter, "★" if row.favourite else "☆")
        # Badges, right-aligned.
        badge_font = QFont(option.font)
        badge_font.setPointSizeF(max(6.5, badge_font.pointSizeF() * 0.78))
        badge_metrics = QFontMetrics(badge_font)
        right = rect.right() - 10
        badge_h = badge_metrics.height() + 2
        for cap in reversed(list(BADGE_COLORS)):
            if cap not in row.capabilities:
                continue
            label = BADGE_LABELS[capability_names(cap)[0]]
            width = badge_metrics.horizontalAdvance(label) + 10
            badge = QRect(right - width, rect.center().y() - badge_h // 2, width, badge_h)
            color = QColor(BADGE_COLORS[cap])
            if QColor(colors["bg"]).lightness() < 128:
                color = color.lighter(150)  # readable on a dark background
            fill = QColor(color)
            fill.setAlpha(38)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, badge_h / 2, badge_h / 2)
            painter.setPen(color)
            painter.setFont(badge_font)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            right = badge.left() - 4
        # Model name (and its provider in the favourites / recent / manual sections).
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        text_left = star_rect.right() + 6
        available = max(20, right - text_left - 6)
        name = row.model
        painter.setPen(
            option.palette.color(QPalette.ColorRole.Text) if not colors else QColor(colors["text"])
        )
        shown = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, available)
        painter.drawText(
            QRect(text_left, rect.top(), available, rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            shown,
        )
        if row.section.value in ("favourites", "recent", "manual"):
            used = metrics.horizontalAdvance(shown) + 8
            if used < available:
                painter.setPen(QColor(colors["muted"]))
                rest = metrics.elidedText(
                    row.provider, Qt.TextElideMode.ElideRight, available - used
                )
                painter.drawText(
                    QRect(text_left + used, rect.top(), available - used, rect.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    rest,
                )
        if row.hand_typed:
            painter.setPen(QColor(colors["muted"]))
        painter.restore()
