"""The usage view's two charts (QtCharts): stacked bars of cost or tokens over time, one set
per provider or model, and a donut of the range's breakdown. Colours follow the theme."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from desktop.core.pricing.cost import CURRENCY_SIGNS, format_amount
from desktop.core.pricing.usage_report import NO_PRICE, OTHER, UsageReport
from desktop.ui.theme import current_colors

LIGHT_SERIES = ("#4f6bff", "#12b886", "#f59f00", "#e64980", "#7950f2", "#15aabf", "#fa5252")
DARK_SERIES = ("#7c91ff", "#38d9a9", "#ffc03d", "#f06595", "#9775fa", "#3bc9db", "#ff8787")
MAX_LABELS = 16  # beyond this, only every n-th period is labelled


def is_dark() -> bool:
    return QColor(current_colors()["bg"]).lightness() < 128


def series_colour(index: int, other: bool = False) -> QColor:
    """The colour of the index-th series; "other" is the muted colour."""
    if other:
        return QColor(current_colors()["muted"])
    palette = DARK_SERIES if is_dark() else LIGHT_SERIES
    return QColor(palette[index % len(palette)])


def amount_text(value: float, currency: str) -> str:
    return f"{value:,.0f}" if currency == NO_PRICE else format_amount(value, currency)


def tokens_text(value: float) -> str:
    if value >= 1e9:
        return f"{value / 1e9:.1f}B"
    if value >= 1e6:
        return f"{value / 1e6:.1f}M"
    if value >= 1e3:
        return f"{value / 1e3:.1f}k"
    return f"{value:.0f}"


def short_period(key: str) -> str:
    """"2026-12-04" → "12-04", "2026-W48" → "W48"; months stay "2026-12"."""
    if len(key) == 10:
        return key[5:]
    if "-W" in key:
        return key.split("-", 1)[1]
    return key


def _style_chart(chart: QChart) -> None:
    colors = current_colors()
    chart.setBackgroundBrush(QColor(colors["bg"]))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setTitleBrush(QColor(colors["text"]))
    legend = chart.legend()
    legend.setLabelColor(QColor(colors["text"]))
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)


def _set_title(chart: QChart, title: str) -> None:
    font = QFont(chart.titleFont())
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitle(title)


def _style_axis(axis: QValueAxis | QBarCategoryAxis) -> None:
    colors = current_colors()
    axis.setLabelsColor(QColor(colors["muted"]))
    axis.setLinePen(QPen(QColor(colors["border"])))
    axis.setGridLinePen(QPen(QColor(colors["border"]), 1, Qt.PenStyle.DotLine))
    font = QFont(axis.labelsFont())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    axis.setLabelsFont(font)


class TimeChart(QChartView):
    """Stacked bars: one category per period, one set per provider or model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageTimeChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        self.sets: dict[str, QBarSet] = {}
        self._report: UsageReport | None = None
        self._tokens = False
        self.setChart(QChart())

    def show_report(self, report: UsageReport, *, tokens: bool, names: dict[str, str],
                    title: str = "") -> None:
        """Draw `report`'s cost (or tokens); `names` gives each series' shown name."""
        self._report, self._tokens = report, tokens
        chart = QChart()
        _style_chart(chart)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        _set_title(chart, title)
        bars = QStackedBarSeries()
        bars.setBarWidth(0.72)
        values = report.tokens if tokens else report.cost
        self.sets = {}
        for index, series in enumerate(report.series):
            bar_set = QBarSet(names.get(series, series))
            colour = series_colour(index, other=series == OTHER)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            for period in report.periods:
                bar_set.append(float(values.get((period, series), 0)))
            bar_set.hovered.connect(
                lambda on, i, s=series: self._hovered(on, i, s, names))
            bars.append(bar_set)
            self.sets[series] = bar_set
        chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        step = max(1, -(-len(report.periods) // MAX_LABELS))
        # Categories must be unique: the unlabelled ones are zero-width spaces of distinct length.
        axis_x.append([short_period(p) if i % step == 0 else "\u200b" * (i + 1)
                       for i, p in enumerate(report.periods)] or [""])
        axis_x.setGridLineVisible(False)
        axis_x.setTruncateLabels(False)
        axis_x.setLabelsAngle(-45 if len(report.periods) > MAX_LABELS // 2 else 0)
        axis_y = QValueAxis()
        top = max((sum(float(values.get((p, s), 0)) for s in report.series)
                   for p in report.periods), default=0.0)
        axis_y.setRange(0, top * 1.05 if top > 0 else 1)
        axis_y.setTickCount(6)
        axis_y.applyNiceNumbers()
        sign = "" if tokens or report.currency == NO_PRICE else CURRENCY_SIGNS.get(
            report.currency, "")
        digits = 0 if tokens or top >= 20 else 2 if top >= 0.2 else 4
        axis_y.setLabelFormat(sign.replace("%", "%%") + f"%.{digits}f")
        for axis in (axis_x, axis_y):
            _style_axis(axis)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_y)
        chart.legend().setVisible(bool(report.series))
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()

    def _hovered(self, on: bool, index: int, series: str, names: dict[str, str]) -> None:
        report = self._report
        if not on or report is None or not 0 <= index < len(report.periods):
            QToolTip.hideText()
            return
        period = report.periods[index]
        cost = report.cost.get((period, series), 0.0)
        tokens = report.tokens.get((period, series), 0)
        amounts = self.tr("%1 · %2 tokens").replace(
            "%1", amount_text(cost, report.currency)).replace("%2", tokens_text(tokens))
        QToolTip.showText(QCursor.pos(), f"{period} · {names.get(series, series)}\n{amounts}",
                          self)


class BreakdownChart(QChartView):
    """A donut of the range's cost (or tokens) by provider or model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageBreakdownChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(260, 240)
        self.pie = QPieSeries()
        self.setChart(QChart())

    def show_report(self, report: UsageReport, *, tokens: bool, names: dict[str, str],
                    title: str = "") -> None:
        chart = QChart()
        _style_chart(chart)
        _set_title(chart, title)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        pie = QPieSeries()
        pie.setHoleSize(0.55)
        values = report.tokens if tokens else report.cost
        sums = {s: sum(float(values.get((p, s), 0)) for p in report.periods)
                for s in report.series}
        total = sum(sums.values())
        colors = current_colors()
        for index, series in enumerate(report.series):
            value = sums[series]
            if value <= 0:
                continue
            share = value / total if total else 0
            slice_ = pie.append(f"{names.get(series, series)}  {share:.0%}", value)
            slice_.setColor(series_colour(index, other=series == OTHER))
            slice_.setBorderColor(QColor(colors["bg"]))
            slice_.setBorderWidth(2)
        chart.addSeries(pie)
        chart.legend().setVisible(True)
        self.pie = pie
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
