"""The usage view's tables: each period's use per provider or model, and the conversations
that cost the most (a double-click opens one)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.pricing.usage_report import UsageReport
from desktop.core.store.usage_queries import ConversationCost, UsageCell, UsageGrouping
from desktop.ui.usage.charts import amount_text

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
ConversationIdRole = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class UsageTableModel(QAbstractTableModel):
    """One row per period and provider (or model), in the report's currency."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[UsageCell] = []
        self.currency = "USD"
        self.series_kind = UsageGrouping.PROVIDER

    def set_report(self, report: UsageReport) -> None:
        self.beginResetModel()
        self.rows = list(report.cells)
        self.currency = report.currency
        self.series_kind = report.query.series
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= 2:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 1:
            if self.series_kind is UsageGrouping.MODEL:
                return QCoreApplication.translate("UsageView", "Model")
            return QCoreApplication.translate("UsageView", "Provider")
        return (QCoreApplication.translate("UsageView", "Period"), "",
                QCoreApplication.translate("UsageView", "Cost"),
                QCoreApplication.translate("UsageView", "Input tokens"),
                QCoreApplication.translate("UsageView", "Output tokens"),
                QCoreApplication.translate("UsageView", "Replies"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self.rows[index.row()]
        column = index.column()
        values: tuple[Any, ...] = (cell.period, cell.series or "—", cell.cost,
                                   cell.prompt_tokens, cell.completion_tokens, cell.replies)
        if role == SortRole:
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return _RIGHT
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 2:
                return amount_text(cell.cost, self.currency)
            if column >= 3:
                return f"{values[column]:,}"
            return values[column]
        return None


class TopConversationsModel(QAbstractTableModel):
    """The costliest conversations of the range: title, cost, replies."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ConversationCost] = []

    def set_rows(self, rows: list[ConversationCost]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and section >= 1:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (QCoreApplication.translate("UsageView", "Conversation"),
                QCoreApplication.translate("UsageView", "Cost"),
                QCoreApplication.translate("UsageView", "Replies"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == ConversationIdRole:
            return row.conversation_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 1:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return QCoreApplication.translate("UsageView", "Double-click to open the conversation")
        if role == SortRole:
            return (row.title.casefold(), row.cost, row.replies)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.title[:200] or QCoreApplication.translate("UsageView", "(untitled)")
            if index.column() == 1:
                return amount_text(row.cost, row.currency)
            return f"{row.replies:,}"
        return None
