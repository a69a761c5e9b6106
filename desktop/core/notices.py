"""Core code reports errors and notices here; the UI (or the CLI) decides how to show them.

Modelled on qutebrowser's `message` module: logic never touches widgets, it calls
`notices.error(...)` and whoever listens (one Qt bridge object in the GUI) turns that into signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

log = logging.getLogger(__name__)


class Level(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Notice:
    level: Level
    text: str
    detail: str = ""


Listener = Callable[[Notice], None]
_listeners: list[Listener] = []


def subscribe(listener: Listener) -> Callable[[], None]:
    """Register a listener; returns a function that unsubscribes it."""
    _listeners.append(listener)

    def unsubscribe() -> None:
        if listener in _listeners:
            _listeners.remove(listener)

    return unsubscribe


def publish(notice: Notice) -> None:
    log_level = {Level.INFO: logging.INFO, Level.WARNING: logging.WARNING}.get(
        notice.level, logging.ERROR
    )
    log.log(log_level, "%s%s", notice.text, f" ({notice.detail})" if notice.detail else "")
    for listener in list(_listeners):
        listener(notice)


def info(text: str, detail: str = "") -> None:
    publish(Notice(Level.INFO, text, detail))


def warning(text: str, detail: str = "") -> None:
    publish(Notice(Level.WARNING, text, detail))


def error(text: str, detail: str = "") -> None:
    publish(Notice(Level.ERROR, text, detail))
