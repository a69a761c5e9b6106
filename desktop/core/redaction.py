"""Scrub secrets out of text before it reaches a log line, an error message or a dump."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "api-key", "x-goog-api-key", "cookie",
     "mj-api-secret"}
)
REDACTED = "[redacted]"

# Bearer tokens and the common key shapes (sk-..., sk-ant-..., AIza..., gsk_...).
_SECRET_PATTERNS = (
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"\b(sk-(?:ant-|proj-|or-)?)[A-Za-z0-9_-]{8,}"),
    re.compile(r"\b(AIza)[A-Za-z0-9_-]{20,}"),
    re.compile(r"\b(gsk_)[A-Za-z0-9]{16,}"),
    re.compile(r"(?i)((?:api[_-]?key|x-api-key|authorization)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]{6,}"),
)

_known_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Remember a secret in memory so that redact() removes it even if it has no known shape."""
    if len(value) >= 6:
        _known_secrets.add(value)


def forget_secret(value: str) -> None:
    _known_secrets.discard(value)


def redact_known(text: str) -> str:
    """`text` with every secret this process holds replaced, and nothing else changed.

    For content that is kept (a reply a provider echoed a key into): key-shaped examples in a
    reply are the user's content, so the shape patterns of `redact` are not applied.
    """
    for secret in sorted(_known_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def redact(text: str) -> str:
    """Return `text` with every known secret and every key-shaped token replaced."""
    text = redact_known(text)
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
    return text


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]]) -> dict[str, str]:
    """A copy of the headers with secret-bearing ones replaced, safe to log or show."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {
        name: (REDACTED if name.lower() in SECRET_HEADERS else redact(value))
        for name, value in items
    }


class RedactingFilter(logging.Filter):
    """A logging filter that redacts every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            del exc
        return True
