"""The one retry policy of the client: what to retry, and how long to wait first.

Like openai-python's `_should_retry` / `_calculate_retry_timeout`: only requests whose response
body was not consumed yet are retried, on connection failures, connect timeouts, 408, 409, 429
and 5xx. `retry-after-ms` and `Retry-After` (seconds or an HTTP date) are honoured up to 120 s
(a longer wait is not retried: the error reaches the user at once); otherwise the wait is
0.5 s doubling per attempt, capped at 8 s, with jitter.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

import httpx

INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 120.0
DEFAULT_MAX_RETRIES = 2
RETRY_STATUSES = frozenset({408, 409, 429})

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class RetryWait:
    """The client is about to wait `delay` seconds before retry `attempt` of `of`."""

    attempt: int
    of: int
    delay: float
    reason: str  # "429", "503", "connection" …


RetryListener = Callable[[RetryWait], None]  # told of each wait (a chat shows it on the reply)


def announce_wait(listener: RetryListener | None, wait: RetryWait) -> None:
    """Tell `listener` (if any) of a retry wait; a broken listener is ignored."""
    if listener is not None:
        try:
            listener(wait)
        except Exception:  # a display problem must not change the request's fate
            logging.getLogger(__name__).exception("retry wait listener failed")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def parse_retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds the server asked us to wait, from `retry-after-ms` or `Retry-After`; else None."""
    raw_ms = _header(headers, "retry-after-ms")
    if raw_ms is not None:
        try:
            return float(raw_ms.strip()) / 1000.0
        except ValueError:
            pass
    raw = _header(headers, "retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    try:
        return float(raw)
    except ValueError:
        pass
    parsed = email.utils.parsedate_tz(raw)
    if parsed is None:
        return None
    return float(email.utils.mktime_tz(parsed)) - now


def should_retry_status(status: int, headers: Mapping[str, str] | None = None) -> bool:
    """Whether an error status is worth another attempt (`x-should-retry` overrides)."""
    hint = _header(headers or {}, "x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return status in RETRY_STATUSES or status >= 500


def should_retry_exception(exc: BaseException) -> bool:
    """Transport failures that happened before any of the response was read."""
    if isinstance(exc, httpx.TimeoutException):
        return isinstance(exc, (httpx.ConnectTimeout, httpx.PoolTimeout))
    return isinstance(exc, (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError))


@dataclass
class RetryPolicy:
    """How many attempts, and the clock, sleep and randomness used between them (injectable)."""

    max_retries: int = DEFAULT_MAX_RETRIES
    sleep: Sleep = asyncio.sleep
    clock: Callable[[], float] = time.time
    random: Callable[[], float] = field(default=random.random)

    def delay(self, retries_done: int, headers: Mapping[str, str] | None = None) -> float | None:
        """Seconds to wait before retry number `retries_done + 1`; None: the server asked for
        a longer wait than `MAX_RETRY_AFTER`, so retrying now is pointless."""
        if headers:
            asked = parse_retry_after(headers, self.clock())
            if asked is not None:
                if asked > MAX_RETRY_AFTER:
                    return None
                return max(asked, 0.0)
        base = min(INITIAL_RETRY_DELAY * (2.0 ** min(retries_done, 32)), MAX_RETRY_DELAY)
        jitter = 1.0 - 0.25 * self.random()
        return max(base * jitter, 0.0)

    def can_retry(self, retries_done: int) -> bool:
        return retries_done < self.max_retries
