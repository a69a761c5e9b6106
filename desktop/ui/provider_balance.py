"""The selected provider's balance in the Providers dialog, fetched when the user asks.

Asks the endpoint remembered for the provider (or detects one, see core/balance.py) through
the one TaskRunner; the editor remembers which endpoint answered.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.api.client import ApiClient
from desktop.core.api.limits import ResponseLimits
from desktop.core.balance import (
    Balance,
    BalanceApi,
    BalanceNotOfferedError,
    check_balance,
    format_balance,
)
from desktop.core.key_access import KeyAccess
from desktop.core.model_fetch import EXPECTED_FAILURES, describe_failure, resolve_key
from desktop.core.providers import ProviderProfile
from desktop.ui.task_runner import TaskRunner

Remember = Callable[[str, BalanceApi], None]


class ProviderBalance(QWidget):
    """"Balance: $37.50 left of $50.00" and a Refresh button, for one provider at a time."""

    def __init__(self, keys: KeyAccess, tasks: TaskRunner, remember: Remember, *,
                 limits: ResponseLimits | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providerBalance")
        self.keys, self.tasks, self.remember = keys, tasks, remember
        self.limits = limits or ResponseLimits()
        self.profile: ProviderProfile | None = None
        self._asked = 0  # bumped per request and per provider shown: late answers are dropped
        self.label = QLabel(self)
        self.label.setObjectName("hint")
        self.label.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(lambda: self.refresh())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.refresh_button)
        self.retranslate_ui()
        self.show_provider(None)

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh balance"))
        if self.profile is not None and not self.label.property("answered"):
            self.label.setText(self.tr("Balance: not checked yet."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def show_provider(self, profile: ProviderProfile | None) -> None:
        """Show `profile`'s row (nothing fetched until Refresh); None hides the row."""
        self._asked += 1
        self.profile = profile
        self.setVisible(profile is not None)
        self.refresh_button.setEnabled(True)
        self.label.setProperty("answered", False)
        if profile is not None and profile.balance_api == BalanceApi.NONE:
            self._answer(self.tr("Balance: not offered by this provider."))
        elif profile is not None:
            self.label.setText(self.tr("Balance: not checked yet."))

    def _answer(self, text: str) -> None:
        self.label.setProperty("answered", True)
        self.label.setText(text)

    def refresh(self) -> asyncio.Task[Balance | BaseException] | None:
        """Ask the provider for its balance in the background (again detecting the endpoint
        when it was found to offer none)."""
        profile = self.profile
        if profile is None:
            return None
        self._asked += 1
        asked = self._asked
        known = None if profile.balance_api == BalanceApi.NONE else profile.balance_api
        self.refresh_button.setEnabled(False)
        self._answer(self.tr("Balance: checking…"))

        async def run() -> Balance | BaseException:
            try:
                key = await resolve_key(profile, self.keys, limit_s=self.keys.timeout)
                async with ApiClient(profile, key, limits=self.limits) as client:
                    return await check_balance(client, known)
            except EXPECTED_FAILURES as exc:  # said in words, no traceback in the log
                return exc

        return self.tasks.start(
            run(), name=f"balance of {profile.name}",
            on_success=lambda result: self._done(profile, asked, known, result),
            on_failure=lambda exc: self._done(profile, asked, known, exc))

    def _done(self, profile: ProviderProfile, asked: int, known: str | None,
              result: Balance | BaseException) -> None:
        if asked != self._asked:
            return  # another provider is shown now, or a newer request is running
        if isinstance(result, Balance):
            if known is None:
                self.remember(profile.name, result.api)
            text = self.tr("Balance: %1").replace("%1", format_balance(result))
        elif isinstance(result, BalanceNotOfferedError):
            self.remember(profile.name, BalanceApi.NONE)
            text = self.tr("Balance: not offered by this provider.")
        else:
            text = self.tr("Balance: failed: %1").replace("%1", describe_failure(result))
        self.refresh_button.setEnabled(True)  # remembering may have shown the row again
        self._answer(text)
