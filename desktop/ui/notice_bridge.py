"""The one place where core notices become Qt signals for the widgets."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core import notices


class NoticeBridge(QObject):
    """Re-emits every `desktop.core.notices` notice as a queued Qt signal."""

    notice = Signal(str, str, str)  # level, text, detail

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = notices.subscribe(self._on_notice)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _on_notice(self, item: notices.Notice) -> None:
        self.notice.emit(str(item.level), item.text, item.detail)

    def close(self) -> None:
        self._unsubscribe()
