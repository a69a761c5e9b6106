"""The Providers form's prices and balance fields: a relay's price multiplier, its currency
and exchange rate, its own per-model prices, and the balance below which to warn.

Per-model prices are typed one model a line, prices per 1M tokens in the provider's currency:

    my-model = 1.0, 2.0            (input, output)
    other-model = 1.0, 2.0, 0.1    (input, output, cached input[, reasoning])

Everything is validated by core/pricing/overrides.py when the profile is built.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from desktop.core.pricing.overrides import CURRENCIES, PricingError, PricingOverrides
from desktop.core.providers import ProviderError, ProviderProfile

MAX_PRICE_LINES = 500
PRICE_ORDER = ("input", "output", "cached_input", "reasoning")  # as typed on a line


def parse_model_prices(text: str) -> dict[str, dict[str, float]]:
    """"model = input, output[, cached[, reasoning]]" lines → the stored `models` form."""
    models: dict[str, dict[str, float]] = {}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_PRICE_LINES:
        raise ProviderError(f"At most {MAX_PRICE_LINES} per-model prices.")
    for number, line in enumerate(lines, 1):
        name, sep, values = line.rpartition("=")
        parts = [p.strip() for p in values.split(",")]
        if not sep or not name.strip() or not 2 <= len(parts) <= 4:
            raise ProviderError(f"Per-model prices, line {number}: write "
                                "“model = input, output[, cached input[, reasoning]]”.")
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            raise ProviderError(f"Per-model prices, line {number}: the prices must be "
                                "numbers (per 1M tokens).") from None
        models[name.strip()] = dict(zip(PRICE_ORDER, numbers, strict=False))
    return models


def format_model_prices(pricing: dict[str, Any]) -> str:
    models = pricing.get("models") or {}
    lines = []
    for name, price in models.items():
        values = [price.get("input"), price.get("output")]
        if price.get("cached_input") is not None or price.get("reasoning") is not None:
            values.append(price.get("cached_input", price.get("input")))
        if price.get("reasoning") is not None:
            values.append(price["reasoning"])
        lines.append(f"{name} = " + ", ".join(f"{v:g}" for v in values))
    return "\n".join(lines)


class ProviderCostFields(QWidget):
    """Multiplier, currency and rate, per-model prices, low-balance threshold."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerCosts")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.multiplier = QDoubleSpinBox()
        self.multiplier.setRange(0.01, 100)
        self.multiplier.setDecimals(3)
        self.multiplier.setSingleStep(0.1)
        self.multiplier.setPrefix("× ")
        self.multiplier.setValue(1.0)
        self.currency = QComboBox()
        self.currency.addItems(list(CURRENCIES))
        self.currency.setMinimumWidth(90)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0.0001, 100_000)
        self.rate.setDecimals(4)
        self.rate.setValue(1.0)
        currency_row = QWidget()
        row = QHBoxLayout(currency_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.currency)
        self.rate_label = QLabel()
        row.addWidget(self.rate_label)
        row.addWidget(self.rate)
        row.addStretch(1)
        self.model_prices = QPlainTextEdit()
        self.model_prices.setPlaceholderText("my-model = 1.0, 2.0\nother-model = 1.0, 2.0, 0.1")
        self.model_prices.setTabChangesFocus(True)
        self.model_prices.setFixedHeight(56)
        self.warn = QCheckBox()
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0, 1e9)
        self.threshold.setDecimals(2)
        self.threshold.setValue(5.0)
        warn_row = QWidget()
        warn_layout = QHBoxLayout(warn_row)
        warn_layout.setContentsMargins(0, 0, 0, 0)
        warn_layout.addWidget(self.warn)
        warn_layout.addWidget(self.threshold)
        warn_layout.addStretch(1)
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.multiplier, currency_row, self.model_prices,
                                              warn_row), strict=True):
            form.addRow(label, field)
        for spin in (self.multiplier, self.rate, self.threshold):
            spin.setMaximumWidth(160)
            spin.valueChanged.connect(self._changed)
        self.currency.currentIndexChanged.connect(self._changed)
        self.model_prices.textChanged.connect(self._changed)
        self.warn.toggled.connect(self._changed)
        self._loading = False
        self.retranslate_ui()
        self._update_enabled()

    def retranslate_ui(self) -> None:
        texts = (self.tr("Price multiplier"), self.tr("Billing currency"),
                 self.tr("Per-model prices"), self.tr("Low balance"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.multiplier.setToolTip(self.tr("The relay charges this multiple of the official "
                                           "price (e.g. × 0.5, × 1.5)."))
        self.rate_label.setText(self.tr("per USD:"))
        self.rate.setToolTip(self.tr("How many units of this currency one US dollar buys."))
        self.model_prices.setToolTip(self.tr(
            "Prices for models the price data does not know, per 1M tokens in the billing "
            "currency: “model = input, output[, cached input[, reasoning]]”, one a line."))
        self.warn.setText(self.tr("Warn below"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _changed(self, *_args: object) -> None:
        self._update_enabled()
        if not self._loading:
            self.edited.emit()

    def _update_enabled(self) -> None:
        self.rate.setEnabled(self.currency.currentText() != "USD")
        self.threshold.setEnabled(self.warn.isChecked())

    def load(self, profile: ProviderProfile) -> None:
        self._loading = True
        try:
            overrides = PricingOverrides.from_json(profile.pricing)
        except PricingError:
            overrides = PricingOverrides()
        try:
            self.multiplier.setValue(overrides.multiplier)
            self.currency.setCurrentText(overrides.currency)
            self.rate.setValue(overrides.usd_rate)
            self.model_prices.setPlainText(format_model_prices(overrides.to_json()))
            self.warn.setChecked(profile.low_balance is not None)
            if profile.low_balance is not None:
                self.threshold.setValue(profile.low_balance)
        finally:
            self._loading = False
        self._update_enabled()

    def changes(self) -> dict[str, Any]:
        """The profile fields these widgets set (ProviderError when a price line is wrong)."""
        currency = self.currency.currentText()
        pricing: dict[str, Any] = {"multiplier": round(self.multiplier.value(), 6),
                                   "currency": currency,
                                   "usd_rate": 1.0 if currency == "USD" else self.rate.value()}
        models = parse_model_prices(self.model_prices.toPlainText())
        if models:
            pricing["models"] = models
        try:
            checked = PricingOverrides.from_json(pricing).to_json()
        except PricingError as exc:
            raise ProviderError(str(exc)) from exc
        return {"pricing": checked,
                "low_balance": self.threshold.value() if self.warn.isChecked() else None}
