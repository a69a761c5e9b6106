"""DropZone: lets images and documents be dropped on the widgets it watches (highlighted)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.attachments.intake import (
    DocumentSource,
    ImageSource,
    has_attachable,
    sources_from_mime,
)


class DropZone(QObject):
    """An event filter: drags that carry files or images are taken before the widget sees them.

    `active_changed(True)` while such a drag is over a watched widget (show a highlight),
    `dropped(sources)` when it is let go. Other drags (plain text) go on to the widget.
    """

    active_changed = Signal(bool)
    dropped = Signal(list)  # list[ImageSource | DocumentSource]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._over: set[int] = set()  # ids of watched widgets a drag is over

    def watch(self, widget: QWidget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    @property
    def active(self) -> bool:
        return bool(self._over)

    def _set_over(self, watched: QObject, over: bool) -> None:
        was = self.active
        if over:
            self._over.add(id(watched))
        else:
            self._over.discard(id(watched))
        if self.active != was:
            self.active_changed.emit(self.active)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if not has_attachable(event.mimeData()):
                return False
            event.acceptProposedAction()
            self._set_over(watched, True)
            return True
        if kind == QEvent.Type.DragLeave:
            if id(watched) in self._over:
                self._set_over(watched, False)
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            sources: list[ImageSource | DocumentSource] = sources_from_mime(event.mimeData())
            if id(watched) in self._over:
                self._set_over(watched, False)
            if not sources:
                return False
            event.acceptProposedAction()
            self.dropped.emit(sources)
            return True
        return False
