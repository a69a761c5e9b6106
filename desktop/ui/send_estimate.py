"""The composer's pre-send estimate ("≈ 1,240 tokens · ≈ $0.0031 input"), updated as the user
types (debounced), attaches files, switches model or conversation.

The counting is cheap (core/pricing/prompt_estimate); the model's price needs the price data
package, which loads in a worker thread the first time and is kept per provider and model.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from desktop.core.pricing.cost import format_amount
from desktop.core.pricing.prices import PriceSheet, price_sheet
from desktop.core.pricing.prompt_estimate import PromptEstimate, estimate_next_prompt
from desktop.core.pricing.recording import overrides_of
from desktop.core.providers import ProviderError, ProviderRegistry
from desktop.core.store.models import Message
from desktop.ui.attachments.tray import AttachmentTray
from desktop.ui.composer import Composer
from desktop.ui.task_runner import TaskRunner

DEBOUNCE_MS = 250

Target = Callable[[], "tuple[str, str] | None"]


class SendEstimate(QObject):
    """Shows the next request's estimated input tokens and cost in `label`."""

    def __init__(self, label: QLabel, composer: Composer, attachments: AttachmentTray,
                 path: Callable[[], list[Message]], target: Target,
                 system_prompt: Callable[[], str], registry: ProviderRegistry,
                 tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label, self.composer, self.attachments = label, composer, attachments
        self.path, self.target, self.system_prompt = path, target, system_prompt
        self.registry, self.tasks = registry, tasks
        self.prices: dict[tuple[str, str], PriceSheet | None] = {}
        self._pricing: set[tuple[str, str]] = set()
        self.estimate: PromptEstimate | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.update_now)
        composer.textChanged.connect(self.schedule)
        attachments.changed.connect(self.schedule)
        label.hide()

    def schedule(self, *_args: object) -> None:
        """Something that changes the estimate happened: recount once typing pauses."""
        self.timer.start()

    def forget_prices(self, *_args: object) -> None:
        """A provider's overrides may have changed: price again."""
        self.prices.clear()
        self.schedule()

    def update_now(self) -> None:
        text = self.composer.toPlainText()
        documents = self.attachments.documents()
        images = len(self.attachments.images())
        if self.composer.image_mode or (not text.strip() and not documents and not images):
            self.estimate = None
            self.label.hide()
            return
        target = self.target()
        prices = self._prices_of(target) if target else None
        self.estimate = estimate_next_prompt(
            self.path(), text, system_prompt=self.system_prompt(),
            document_tokens=sum(d.tokens for d in documents), images=images, prices=prices)
        self.label.setText(self.describe(self.estimate))
        self.label.setToolTip(self.tr(
            "An estimate of what the next request sends: the conversation so far (%1 tokens), "
            "the system prompt, your text and attachments. The reply's tokens are not "
            "included.").replace("%1", f"{self.estimate.context_tokens:,}"))
        self.label.show()

    def describe(self, estimate: PromptEstimate) -> str:
        tokens = self.tr("≈ %1 tokens").replace("%1", f"{estimate.tokens:,}")
        if estimate.cost is None or estimate.currency is None:
            return tokens + " " + self.tr("(estimate)")
        cost = self.tr("≈ %1 input").replace("%1", format_amount(estimate.cost,
                                                                  estimate.currency))
        return f"{tokens}  ·  {cost} " + self.tr("(estimate)")

    def _prices_of(self, target: tuple[str, str]) -> PriceSheet | None:
        """The cached price sheet; the first ask loads it in the background and recounts."""
        if target in self.prices:
            return self.prices[target]
        if target not in self._pricing:
            self._pricing.add(target)
            provider, model = target
            try:
                pricing = self.registry.get(provider).pricing
            except (ProviderError, KeyError):
                pricing = {}

            async def load() -> PriceSheet | None:
                return await asyncio.to_thread(price_sheet, model, overrides_of(pricing))

            def done(sheet: PriceSheet | None) -> None:
                self._pricing.discard(target)
                self.prices[target] = sheet
                self.schedule()

            def failed(_exc: BaseException) -> None:
                self._pricing.discard(target)
                self.prices[target] = None

            self.tasks.start(load(), name=f"price of {model}", on_success=done,
                             on_failure=failed)
        return None
