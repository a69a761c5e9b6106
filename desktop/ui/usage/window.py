"""View → Usage: what replies cost and the tokens they used, per day, week or month and per
provider or model, as stacked bars, a donut and a table, with the costliest conversations.

The numbers come from `core/pricing/usage_report.load_report` run in a worker thread through
the one TaskRunner (two queries over the store's hourly roll-ups); a reply saved meanwhile
reloads the view once the store says so (debounced).
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.pricing.usage_report import (
    NO_PRICE,
    OTHER,
    UsageQuery,
    UsageReport,
    UsageSource,
    load_report,
    report_csv,
)
from desktop.core.store.changes import StoreChanges
from desktop.core.store.usage_queries import UsageGrouping
from desktop.ui.task_runner import TaskRunner
from desktop.ui.theme import current_colors
from desktop.ui.usage.charts import BreakdownChart, TimeChart, amount_text, tokens_text
from desktop.ui.usage.tables import (
    ConversationIdRole,
    SortRole,
    TopConversationsModel,
    UsageTableModel,
)

RANGES = ("7", "30", "90", "365", "all", "custom")
RELOAD_AFTER_MS = 1500  # a burst of saved replies reloads the view once


def _day_start(day: QDate) -> float:
    return datetime(day.year(), day.month(), day.day()).timestamp()


class UsageWindow(QDialog):
    """The usage view (non-modal); `open_conversation` asks the window to open one."""

    open_conversation = Signal(int)
    recalculate_requested = Signal()

    def __init__(self, store: UsageSource, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageWindow")
        self.store, self.tasks = store, tasks
        self.report: UsageReport | None = None
        self.query_ms = 0.0  # how long the last report took in its worker thread
        self.loading: asyncio.Task[tuple[UsageReport, float]] | None = None
        self._asked = 0
        self._reload = QTimer(self)
        self._reload.setSingleShot(True)
        self._reload.setInterval(RELOAD_AFTER_MS)
        self._reload.timeout.connect(self.reload)
        self.resize(1040, 720)
        self._build()
        self.retranslate_ui()
        self.apply_colours()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        controls = QHBoxLayout()
        self.range_box = QComboBox()
        for key in RANGES:
            self.range_box.addItem("", key)
        self.range_box.setCurrentIndex(1)
        self.since_edit, self.until_edit = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        for edit, day in ((self.since_edit, today.addDays(-29)), (self.until_edit, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.dateChanged.connect(lambda _d: self._controls_changed())
        self.period_box, self.series_box = QComboBox(), QComboBox()
        for grouping in (UsageGrouping.DAY, UsageGrouping.WEEK, UsageGrouping.MONTH):
            self.period_box.addItem("", str(grouping))
        for grouping in (UsageGrouping.PROVIDER, UsageGrouping.MODEL):
            self.series_box.addItem("", str(grouping))
        self.metric_box = QComboBox()
        self.metric_box.addItem("", "cost")
        self.metric_box.addItem("", "tokens")
        self.currency_box = QComboBox()
        self.range_label, self.period_label = QLabel(), QLabel()
        self.series_label, self.metric_label = QLabel(), QLabel()
        for label, box in ((self.range_label, self.range_box),
                           (self.period_label, self.period_box),
                           (self.series_label, self.series_box),
                           (self.metric_label, self.metric_box)):
            label.setBuddy(box)
            controls.addWidget(label)
            controls.addWidget(box)
            if box is self.range_box:
                controls.addWidget(self.since_edit)
                controls.addWidget(self.until_edit)
            controls.addSpacing(6)
        controls.addWidget(self.currency_box)
        controls.addStretch(1)
        self.recalculate_button = QPushButton()
        self.recalculate_button.clicked.connect(self.recalculate_requested)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: self.export_csv())
        controls.addWidget(self.recalculate_button)
        controls.addWidget(self.export_button)
        layout.addLayout(controls)
        for box in (self.range_box, self.period_box, self.series_box, self.currency_box):
            box.currentIndexChanged.connect(lambda _i: self._controls_changed())
        self.metric_box.currentIndexChanged.connect(lambda _i: self._redraw())  # no query

        cards = QHBoxLayout()
        cards.setSpacing(10)
        self.cards: dict[str, QLabel] = {}
        self.card_titles: dict[str, QLabel] = {}
        for key in ("cost", "tokens", "replies", "average"):
            frame = QFrame()
            frame.setObjectName("usageCard")
            inner = QVBoxLayout(frame)
            inner.setContentsMargins(14, 10, 14, 10)
            inner.setSpacing(2)
            title, value = QLabel(), QLabel("—")
            title.setObjectName("usageCardTitle")
            value.setObjectName("usageCardValue")
            inner.addWidget(title)
            inner.addWidget(value)
            self.card_titles[key], self.cards[key] = title, value
            cards.addWidget(frame, 1)
        layout.addLayout(cards)

        self.time_chart, self.breakdown_chart = TimeChart(), BreakdownChart()
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.time_chart)
        charts.addWidget(self.breakdown_chart)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        charts.setChildrenCollapsible(False)
        charts.setHandleWidth(1)
        self.table_model, self.top_model = UsageTableModel(), TopConversationsModel()
        self.table, self.top_table = QTableView(), QTableView()
        for view, model in ((self.table, self.table_model), (self.top_table, self.top_model)):
            proxy = QSortFilterProxyModel(view)
            proxy.setSourceModel(model)
            proxy.setSortRole(SortRole)
            view.setModel(proxy)
            view.setSortingEnabled(True)
            view.setAlternatingRowColors(True)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.setShowGrid(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.top_table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.top_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            self.top_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.top_table.activated.connect(self._open_row)  # double-click or Enter
        self.tabs = QTabWidget()
        self.tabs.addTab(self.top_table, "")
        self.tabs.addTab(self.table, "")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([440, 260])
        split.setChildrenCollapsible(False)
        split.setHandleWidth(10)
        layout.addWidget(split, 1)
        self.status = QLabel()
        self.status.setObjectName("hint")
        layout.addWidget(self.status)
        self._show_custom_dates()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Usage and costs"))
        texts = {"7": self.tr("Last 7 days"), "30": self.tr("Last 30 days"),
                 "90": self.tr("Last 90 days"), "365": self.tr("Last 12 months"),
                 "all": self.tr("All time"), "custom": self.tr("Custom range")}
        for index, key in enumerate(RANGES):
            self.range_box.setItemText(index, texts[key])
        for box, names in ((self.period_box, (self.tr("Day"), self.tr("Week"),
                                              self.tr("Month"))),
                           (self.series_box, (self.tr("Provider"), self.tr("Model"))),
                           (self.metric_box, (self.tr("Cost"), self.tr("Tokens")))):
            for index, name in enumerate(names):
                box.setItemText(index, name)
        self.range_label.setText(self.tr("&Range"))
        self.period_label.setText(self.tr("&Per"))
        self.series_label.setText(self.tr("&By"))
        self.metric_label.setText(self.tr("&Show"))
        self.currency_box.setToolTip(self.tr("Costs in different currencies are never added"))
        self.recalculate_button.setText(self.tr("Recalculate costs…"))
        self.export_button.setText(self.tr("Export CSV…"))
        titles = {"cost": self.tr("Total cost"), "tokens": self.tr("Tokens"),
                  "replies": self.tr("Replies"), "average": self.tr("Average per reply")}
        for key, label in self.card_titles.items():
            label.setText(titles[key].upper())
        self.tabs.setTabText(0, self.tr("Top conversations"))
        self.tabs.setTabText(1, self.tr("Table"))
        if self.report is not None:
            self.show_report(self.report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange and self.report is not None:
            self.apply_colours()
            self.show_report(self.report)
        super().changeEvent(event)

    def apply_colours(self) -> None:
        colors = current_colors()
        self.setStyleSheet(
            f"QFrame#usageCard {{ background: {colors['sidebar']}; border: 1px solid "
            f"{colors['border']}; border-radius: 10px; }}"
            f"QLabel#usageCardTitle {{ color: {colors['muted']}; font-size: 8pt; "
            "font-weight: 600; letter-spacing: 0.6px; }"
            f"QLabel#usageCardValue {{ color: {colors['text']}; font-size: 17pt; "
            "font-weight: 600; }"
            f"QTableView {{ border: 1px solid {colors['border']}; border-radius: 6px; "
            f"alternate-background-color: {colors['sidebar']}; }}")

    # --- querying -----------------------------------------------------------------------
    def _show_custom_dates(self) -> None:
        custom = self.range_box.currentData() == "custom"
        self.since_edit.setVisible(custom)
        self.until_edit.setVisible(custom)

    def _controls_changed(self) -> None:
        self._show_custom_dates()
        self.reload()

    def query(self) -> UsageQuery:
        """What the controls ask for (a range ends at the end of today)."""
        key = str(self.range_box.currentData())
        until: float | None = _day_start(QDate.currentDate().addDays(1))
        since: float | None
        if key == "custom":
            first, last = sorted((self.since_edit.date(), self.until_edit.date()))
            since, until = _day_start(first), _day_start(last.addDays(1))
        elif key == "all":
            since = until = None
        else:
            since = _day_start(QDate.currentDate().addDays(1 - int(key)))
        currency = self.currency_box.currentData()
        return UsageQuery(UsageGrouping(self.period_box.currentData()),
                          UsageGrouping(self.series_box.currentData()), since, until,
                          currency if isinstance(currency, str) else None)

    def reload(self) -> asyncio.Task[tuple[UsageReport, float]]:
        """Load the report for the controls in a worker thread; late answers are dropped."""
        self._asked += 1
        asked, query, store = self._asked, self.query(), self.store
        self.status.setText(self.tr("Loading…"))

        def work() -> tuple[UsageReport, float]:
            started = time.perf_counter()
            report = load_report(store, query)
            return report, (time.perf_counter() - started) * 1000

        async def run() -> tuple[UsageReport, float]:
            return await asyncio.to_thread(work)

        def done(result: tuple[UsageReport, float]) -> None:
            if asked == self._asked:
                self.query_ms = result[1]
                self.show_report(result[0])

        def failed(exc: BaseException) -> None:
            if asked == self._asked:
                self.status.setText(self.tr("The usage could not be read: %1")
                                    .replace("%1", str(exc)[:300]))

        self.loading = self.tasks.start(run(), name="usage report", on_success=done,
                                        on_failure=failed)
        return self.loading

    def _redraw(self) -> None:
        if self.report is not None:
            self.show_report(self.report)

    def store_changed(self, changes: StoreChanges) -> None:
        """Replies saved or priced elsewhere: reload once things settle (if shown)."""
        if self.isVisible() and (changes.messages_updated or changes.messages_added
                                 or changes.everything):
            self._reload.start()

    # --- showing ------------------------------------------------------------------------
    def series_names(self, report: UsageReport) -> dict[str, str]:
        names = {s: s or self.tr("(none)") for s in report.series}
        short = {s: name.rsplit("/", 1)[-1] for s, name in names.items()}
        if len(set(short.values())) == len(short):  # "anthropic/claude-x" → "claude-x"
            names = short
        names[OTHER] = self.tr("Other")
        return names

    def chart_title(self, report: UsageReport, tokens: bool) -> str:
        titles = {
            (False, UsageGrouping.DAY): self.tr("Cost per day"),
            (False, UsageGrouping.WEEK): self.tr("Cost per week"),
            (False, UsageGrouping.MONTH): self.tr("Cost per month"),
            (True, UsageGrouping.DAY): self.tr("Tokens per day"),
            (True, UsageGrouping.WEEK): self.tr("Tokens per week"),
            (True, UsageGrouping.MONTH): self.tr("Tokens per month"),
        }
        return titles[(tokens, report.query.period)]

    def breakdown_title(self, report: UsageReport) -> str:
        if report.query.series is UsageGrouping.MODEL:
            return self.tr("By model")
        return self.tr("By provider")

    def show_report(self, report: UsageReport) -> None:
        self.report = report
        self._fill_currencies(report)
        tokens = self.metric_box.currentData() == "tokens"
        names = self.series_names(report)
        self.time_chart.show_report(report, tokens=tokens, names=names,
                                    title=self.chart_title(report, tokens))
        self.breakdown_chart.show_report(report, tokens=tokens, names=names,
                                         title=self.breakdown_title(report))
        self.table_model.set_report(report)
        self.top_model.set_rows(report.top[:report.query.top])
        cost = report.total_cost
        replies = report.total_replies
        self.cards["cost"].setText(amount_text(cost, report.currency)
                                   if report.currency != NO_PRICE else "—")
        self.cards["tokens"].setText(tokens_text(report.total_tokens))
        self.cards["replies"].setText(f"{replies:,}")
        self.cards["average"].setText(
            amount_text(cost / replies, report.currency)
            if replies and report.currency != NO_PRICE else "—")
        if report.is_empty():
            self.status.setText(self.tr("No replies in this range."))
        else:
            self.status.setText(self.tr("Costs as priced when each reply was sent. Read in "
                                        "%1 ms.").replace("%1", f"{self.query_ms:.0f}"))

    def _fill_currencies(self, report: UsageReport) -> None:
        box = self.currency_box
        box.blockSignals(True)
        box.clear()
        for currency in report.currencies:
            box.addItem(self.tr("Not priced") if currency == NO_PRICE else currency, currency)
        box.setCurrentIndex(max(0, box.findData(report.currency)))
        box.setVisible(len(report.currencies) > 1)
        box.blockSignals(False)

    def _open_row(self, index: QModelIndex) -> None:
        conversation_id = index.data(ConversationIdRole)
        if isinstance(conversation_id, int):
            self.open_conversation.emit(conversation_id)

    def export_csv(self, path: str | None = None) -> Path | None:
        """Write the shown range (every currency) as CSV; asks where unless given a path."""
        if self.report is None:
            return None
        if path is None:
            stamp = datetime.now().strftime("%Y-%m-%d")
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export usage as CSV"), f"switchboard-usage-{stamp}.csv",
                self.tr("CSV files (*.csv)"))
            if not path:
                return None
        target = Path(path)
        try:
            target.write_text(report_csv(self.report), encoding="utf-8")
        except OSError as exc:
            self.status.setText(self.tr("The CSV could not be written: %1").replace("%1", str(exc)))
            return None
        self.status.setText(self.tr("Exported to %1").replace("%1", str(target)))
        return target
