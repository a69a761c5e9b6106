"""SettingsBridge: changes of the user settings as one Qt signal that widgets follow by key.

The core `Settings` calls plain callbacks; this bridge turns them into `changed(name, value)`
(as qutebrowser's `config.changed`), and `follow` connects one key to one slot for as long as
the receiving widget lives, so a changed setting takes effect at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.settings import Settings


class _KeySlot(QObject):
    """Calls `slot(value)` for one key's changes; a child of the receiver, so it dies with it."""

    def __init__(self, name: str, slot: Callable[[Any], None], receiver: QObject) -> None:
        super().__init__(receiver)
        self._name = name
        self._slot = slot

    def on_changed(self, name: str, value: object) -> None:
        if name == self._name:
            self._slot(value)


class SettingsBridge(QObject):
    """Re-emits every settings change as `changed(name, new_value)`."""

    changed = Signal(str, object)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        unsubscribe = settings.on_change(self._on_change)
        self.destroyed.connect(lambda *_: unsubscribe())

    def follow(
        self, name: str, receiver: QObject, slot: Callable[[Any], None], *, now: bool = True
    ) -> None:
        """Call `slot(value)` on every change of `name` while `receiver` lives (and now)."""
        Settings.default(name)  # an unknown name fails here, not silently later
        key_slot = _KeySlot(name, slot, receiver)
        self.changed.connect(key_slot.on_changed)
        if now:
            slot(self.settings.get(name))

    def _on_change(self, name: str) -> None:
        self.changed.emit(name, self.settings.get(name))
