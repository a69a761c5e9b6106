"""Logging to a rotating file in the data dir, with secrets redacted from every record."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
from pathlib import Path

from desktop.core.redaction import RedactingFilter

LOG_FILE_NAME = "switchboard.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class _QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A log file that stops writing after its first failure (full disk, read-only) instead
    of printing "--- Logging error ---" with a traceback for every later record."""

    failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.failed:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True
        with contextlib.suppress(Exception):
            self.close()


def setup_logging(log_dir: Path, *, level: int = logging.INFO, console: bool = False) -> Path:
    """Send the root logger to `log_dir/switchboard.log` (1 MiB x 5 files). Returns the path."""
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_switchboard", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = []
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(_QuietRotatingFileHandler(
            path, maxBytes=1 << 20, backupCount=5, encoding="utf-8"
        ))
    except OSError:
        pass  # a read-only data directory: no log file, and nothing printed per record
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(RedactingFilter())
        handler._switchboard = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    # The MCP SDK's HTTP client logs every request at INFO.
    logging.getLogger("httpx2").setLevel(logging.WARNING)
    logging.getLogger("httpcore2").setLevel(logging.WARNING)
    return path
