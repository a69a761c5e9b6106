"""The retry policy on its own: which failures retry, and how long to wait (fake clock)."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from desktop.core.api.retry import (
    MAX_RETRY_DELAY,
    RetryPolicy,
    parse_retry_after,
    should_retry_exception,
    should_retry_status,
)

NOW = 1_700_000_000.0


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504, 529])
def test_retryable_statuses(status: int) -> None:
    assert should_retry_status(status)


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 422])
def test_final_statuses(status: int) -> None:
    assert not should_retry_status(status)


def test_x_should_retry_header_overrides() -> None:
    assert should_retry_status(400, {"x-should-retry": "true"})
    assert not should_retry_status(503, {"X-Should-Retry": "false"})


def test_retryable_exceptions() -> None:
    request = httpx.Request("GET", "http://x")
    assert should_retry_exception(httpx.ConnectError("refused", request=request))
    assert should_retry_exception(httpx.ConnectTimeout("slow", request=request))
    assert should_retry_exception(httpx.RemoteProtocolError("gone", request=request))
    assert not should_retry_exception(httpx.ReadTimeout("slow", request=request))


def test_retry_after_seconds() -> None:
    assert parse_retry_after({"Retry-After": "7"}, NOW) == 7.0
    assert parse_retry_after({"retry-after": "1.5"}, NOW) == 1.5


def test_retry_after_ms_wins() -> None:
    assert parse_retry_after({"retry-after-ms": "250", "retry-after": "9"}, NOW) == 0.25


def test_retry_after_http_date() -> None:
    date = email.utils.formatdate(NOW + 30, usegmt=True)
    assert parse_retry_after({"Retry-After": date}, NOW) == pytest.approx(30.0)


def test_retry_after_garbage_is_ignored() -> None:
    assert parse_retry_after({"Retry-After": "soon"}, NOW) is None
    assert parse_retry_after({}, NOW) is None


def _policy(jitter: float = 0.0) -> RetryPolicy:
    return RetryPolicy(max_retries=2, clock=lambda: NOW, random=lambda: jitter)


def test_backoff_doubles_from_half_a_second_and_caps() -> None:
    policy = _policy()
    assert [policy.delay(i) for i in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, MAX_RETRY_DELAY]


def test_jitter_shortens_by_at_most_a_quarter() -> None:
    assert _policy(jitter=1.0).delay(0) == pytest.approx(0.375)
    assert _policy(jitter=0.5).delay(2) == pytest.approx(1.75)


def test_retry_after_honoured_up_to_120_seconds() -> None:
    policy = _policy()
    assert policy.delay(0, {"Retry-After": "120"}) == 120.0
    assert policy.delay(0, {"Retry-After": "121"}) is None
    date = email.utils.formatdate(NOW + 3600, usegmt=True)
    assert policy.delay(0, {"Retry-After": date}) is None


def test_retry_after_in_the_past_means_now() -> None:
    date = email.utils.formatdate(NOW - 10, usegmt=True)
    assert _policy().delay(0, {"Retry-After": date}) == 0.0


def test_can_retry_counts() -> None:
    policy = _policy()
    assert policy.can_retry(0) and policy.can_retry(1) and not policy.can_retry(2)
    assert not RetryPolicy(max_retries=0).can_retry(0)
