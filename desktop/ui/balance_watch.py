"""Balances in the model picker and the low-balance warning in the chat header.

A provider's balance is asked (through the one TaskRunner, core/balance.py) when it is first
chosen and after each finished send, at most once a minute per provider, once its balance
endpoint is known (Providers → Refresh balance) or a low-balance threshold is set; providers
found to offer no balance are not asked again. When the chosen provider's balance is below the
threshold set in its profile (`ProviderProfile.low_balance`), the header shows a warning; a
click on it (or on a 403 "no balance" notice) opens the balance under Providers.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QToolButton

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
from desktop.core.model_fetch import EXPECTED_FAILURES, resolve_key
from desktop.core.providers import ProviderError, ProviderProfile, ProviderRegistry
from desktop.ui.model_list import LOW_MARK
from desktop.ui.model_picker import ModelPicker
from desktop.ui.task_runner import TaskRunner
from desktop.ui.theme import current_colors

MIN_INTERVAL_S = 60.0

Remember = Callable[[str, BalanceApi], None]


def is_low(balance: Balance | None, threshold: float | None) -> bool:
    return (balance is not None and threshold is not None and balance.remaining is not None
            and balance.remaining < threshold)


def warning_style() -> str:
    """An amber pill that reads on the light and the dark theme."""
    dark = QColor(current_colors()["bg"]).lightness() < 128
    fill, text, edge = (("#3b2c10", "#ffc45c", "#6b4e17") if dark
                        else ("#fff4e0", "#8a4f00", "#f2c57c"))
    return (f"QToolButton#balanceWarning {{ background: {fill}; color: {text}; "
            f"border: 1px solid {edge}; border-radius: 11px; padding: 2px 10px; "
            "font-weight: 600; }")


class BalanceWatch(QObject):
    """Keeps the last balance of each provider; shows them in the picker and warns when low."""

    show_balance_requested = Signal(str)  # provider: open its balance under Providers
    balance_changed = Signal(str)  # provider

    def __init__(self, registry: ProviderRegistry, keys: KeyAccess, tasks: TaskRunner,
                 picker: ModelPicker, warning: QToolButton, remember: Remember,
                 notice: Callable[[str, str], None], *,
                 shown_action: Callable[[], str] | None = None,
                 limits: ResponseLimits | None = None, clock: Callable[[], float] = time.time,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry, self.keys, self.tasks = registry, keys, tasks
        self.picker, self.warning, self.remember = picker, warning, remember
        self.limits = limits or ResponseLimits()
        self.clock = clock
        self.notice, self.shown_action = notice, shown_action
        self.offer = ""  # the provider whose balance the notice's button shows
        self.offer_text = ""  # ...while the notice's button says this (the button is shared)
        self.balances: dict[str, Balance] = {}
        self.asked_at: dict[str, float] = {}  # provider: when its last check started
        self.running: dict[str, asyncio.Task[Balance | BaseException]] = {}
        warning.clicked.connect(self._warning_clicked)
        warning.installEventFilter(self)  # a theme change restyles the pill
        picker.selection_changed.connect(lambda provider, _model: self.selected(provider))
        if (shown := picker.current_selection()) is not None:
            self.selected(shown[0])

    def _profile(self, name: str) -> ProviderProfile | None:
        try:
            return self.registry.get(name)
        except ProviderError:
            return None

    def selected(self, provider: str) -> None:
        """The picker shows `provider`: its warning now, its balance once if never asked."""
        if provider not in self.asked_at:
            self.refresh(provider)
        self.update_views()

    def after_send(self, conversation_id: int, streaming: bool) -> None:
        """A send finished: the chosen provider's balance changed (asked at most once a minute)."""
        target = self.picker.current_selection()
        if not streaming and target is not None:
            self.refresh(target[0])

    def refresh(self, provider: str, *, force: bool = False
                ) -> asyncio.Task[Balance | BaseException] | None:
        """Ask `provider` for its balance in the background, unless asked under a minute ago,
        still asking, or known to offer none."""
        profile = self._profile(provider)
        if profile is None or provider in self.running:
            return None
        if not force and (profile.balance_api == BalanceApi.NONE or (
                profile.balance_api is None and profile.low_balance is None)):
            return None  # offers none, or not asked for: detection waits for the user
        last = self.asked_at.get(provider)
        if not force and last is not None and self.clock() - last < MIN_INTERVAL_S:
            return None
        self.asked_at[provider] = self.clock()
        known = None if profile.balance_api == BalanceApi.NONE else profile.balance_api

        async def run() -> Balance | BaseException:
            try:
                key = await resolve_key(profile, self.keys, limit_s=self.keys.timeout)
                async with ApiClient(profile, key, limits=self.limits) as client:
                    return await check_balance(client, known)
            except EXPECTED_FAILURES as exc:  # said in words elsewhere; here just not shown
                return exc

        def done(result: Balance | BaseException) -> None:
            self.running.pop(provider, None)
            if isinstance(result, Balance):
                if known is None:
                    self.remember(provider, result.api)
                self.balances[provider] = result
            elif isinstance(result, BalanceNotOfferedError):
                self.remember(provider, BalanceApi.NONE)
                self.balances.pop(provider, None)
            self.update_views()
            self.balance_changed.emit(provider)

        task = self.tasks.start(run(), name=f"balance of {provider}", on_success=done,
                                on_failure=lambda exc: done(exc))
        self.running[provider] = task
        return task

    def note(self, provider: str) -> str:
        """"$37.50 left" (with a warning sign when low) for the picker; "" when unknown."""
        balance = self.balances.get(provider)
        if balance is None:
            return ""
        profile = self._profile(provider)
        text = format_balance(balance).split(" of ", 1)[0]
        if is_low(balance, profile.low_balance if profile else None):
            return f"{LOW_MARK} {text}"  # the picker shows it in amber
        return text

    def update_views(self) -> None:
        self.picker.set_balance_notes({name: note for name in self.balances
                                       if (note := self.note(name))})
        target = self.picker.current_selection()
        provider = target[0] if target else ""
        profile = self._profile(provider) if provider else None
        balance = self.balances.get(provider)
        low = is_low(balance, profile.low_balance if profile else None)
        self.warning.setVisible(low)
        if low and balance is not None and profile is not None:
            if (style := warning_style()) != self.warning.styleSheet():
                self.warning.setStyleSheet(style)
            self.warning.setText(self.tr("⚠ Low balance: %1").replace(
                "%1", format_balance(balance).split(" of ", 1)[0]))
            self.warning.setToolTip(self.tr(
                "%1 has %2; you asked to be warned below %3. Click to see the balance.")
                .replace("%1", provider).replace("%2", format_balance(balance))
                .replace("%3", f"{profile.low_balance:g}"))
            self.warning.setProperty("provider", provider)

    def balance_exhausted(self, provider: str) -> None:
        """A request was refused for want of balance: say so with a link to the balance."""
        target = self.picker.current_selection()
        provider = provider or (target[0] if target else "")
        if not provider:
            return
        self.offer = provider
        self.refresh(provider, force=True)
        self.offer_text = self.tr("Show balance")
        self.notice(self.tr("%1 has no balance left for this request.").replace(
            "%1", provider), self.offer_text)

    def notice_action(self) -> None:
        """The notice's "Show balance" (the pane has one notice button; others share it)."""
        provider, self.offer = self.offer, ""
        if provider and (self.shown_action is None or self.shown_action() == self.offer_text):
            self.show_balance_requested.emit(provider)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.warning and event.type() == QEvent.Type.PaletteChange and (
                style := warning_style()) != self.warning.styleSheet():
            self.warning.setStyleSheet(style)
        return super().eventFilter(watched, event)

    def _warning_clicked(self) -> None:
        provider = self.warning.property("provider")
        if isinstance(provider, str) and provider:
            self.show_balance_requested.emit(provider)
