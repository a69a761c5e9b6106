"""Window geometry, splitter sizes and the open conversation, kept apart from user settings."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from desktop.core.atomic_file import write_json_atomic

log = logging.getLogger(__name__)


class WindowState:
    """A small JSON key/value file; unreadable content is ignored (state is disposable)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except FileNotFoundError:
            pass
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("window state unreadable, using defaults: %s", exc)

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value

    def save(self) -> None:
        """Write the state; a full disk or read-only directory only costs the state (logged)."""
        try:
            write_json_atomic(self.path, self._values)
        except (OSError, TypeError, ValueError) as exc:
            log.warning("window state not saved: %s", exc)
