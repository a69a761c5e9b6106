"""Paints conversation rows and group headers; the rename editor is the default line edit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.conversation_list.model import ConversationRoles
from desktop.ui.resources import icon
from desktop.ui.theme import current_colors

ROW_HEIGHT = 34
AnyIndex = QModelIndex | QPersistentModelIndex


class ConversationDelegate(QStyledItemDelegate):
    """Rounded hover/selection, elided title, pin and streaming markers; headers muted caps."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pin = icon("pin")

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(max(option.rect.width(), 100), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        colors = current_colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect: QRect = option.rect
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if index.data(ConversationRoles.IS_HEADER):
            font = QFont(option.font)
            font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(QColor(colors["muted"]))
            text_rect = rect.adjusted(12, 10, -8, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             text.upper())
            painter.restore()
            return
        state = option.state
        card = rect.adjusted(4, 1, -4, -1)
        if state & QStyle.StateFlag.State_Selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["selected"]))
            painter.drawRoundedRect(card, 6, 6)
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["hover"]))
            painter.drawRoundedRect(card, 6, 6)
        if state & QStyle.StateFlag.State_HasFocus and option.widget is not None \
                and option.widget.hasFocus():
            painter.setPen(QColor(colors["accent"]))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card.adjusted(0, 0, -1, -1), 6, 6)
        right = card.right() - 8
        if index.data(ConversationRoles.STREAMING):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colors["accent"]))
            painter.drawEllipse(right - 8, card.center().y() - 4, 8, 8)
            right -= 16
        if index.data(ConversationRoles.PINNED):
            pin_rect = QRect(right - 14, card.center().y() - 7, 14, 14)
            self._pin.paint(painter, pin_rect)
            right -= 18
        painter.setFont(option.font)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        text_rect = QRect(card.left() + 10, card.top(), right - card.left() - 10, card.height())
        elided = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight,
                                               text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         elided)
        painter.restore()

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        editor.setGeometry(option.rect.adjusted(4, 1, -4, -1))
