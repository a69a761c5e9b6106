"""Typed errors: the provider's message from every usual body shape, classes, request ids."""

from __future__ import annotations

import json
import secrets

import pytest

from desktop.core.api.errors import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ContentPolicyError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    error_from_status,
    error_from_stream,
    extract_provider_message,
    request_id_from,
)
from desktop.core.api.events import ChatResult, Choice


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (
            b'{"error": {"message": "Invalid model", "code": "model_not_found"}}',
            "",
            "Invalid model",
        ),
        (b'{"error": "quota exceeded"}', "", "quota exceeded"),
        (b'{"message": "Too many requests"}', "", "Too many requests"),
        (b'{"detail": "Not authenticated"}', "", "Not authenticated"),
        (
            b'{"detail": [{"loc": ["body", "messages"], "msg": "field required"}]}',
            "",
            "messages: field required",
        ),
        (b"upstream connect error", "text/plain", "upstream connect error"),
        (
            b"<html><head><title>502 Bad Gateway</title></head><body><h1>x</h1></body></html>",
            "text/html",
            "502 Bad Gateway",
        ),
        (
            b"<html><body><h1>Service  Unavailable</h1><script>x()</script></body></html>",
            "",
            "Service Unavailable",
        ),
        ('{"error": {"message": "余额不足"}}'.encode(), "", "余额不足"),
        (b'[{"error": {"message": "in a list"}}]', "", "in a list"),
    ],
)
def test_provider_message_from_body_shapes(body: bytes, content_type: str, expected: str) -> None:
    message, _code = extract_provider_message(body, content_type)
    assert message == expected


def test_html_page_is_cut_short() -> None:
    page = "<html><body>" + "<p>lorem ipsum</p>" * 500 + "</body></html>"
    message, _ = extract_provider_message(page, "text/html")
    assert 0 < len(message) <= 200


def test_empty_body_gives_empty_message() -> None:
    assert extract_provider_message(b"  ") == ("", None)


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (401, {"error": {"message": "bad key"}}, AuthenticationError),
        (403, {"error": {"message": "insufficient balance"}}, PermissionDeniedError),
        (402, {"error": {"message": "pay up"}}, PermissionDeniedError),
        (404, {"error": {"message": "no such model"}}, NotFoundError),
        (400, {"error": {"message": "bad param"}}, BadRequestError),
        (422, {"detail": [{"loc": ["body", "n"], "msg": "too big"}]}, BadRequestError),
        (429, {"error": {"message": "slow down"}}, RateLimitError),
        (500, {"error": {"message": "boom"}}, InternalServerError),
        (502, "bad gateway", InternalServerError),
        (503, {"error": {"message": "Content policy violation"}}, ContentPolicyError),
        (400, {"error": {"message": "blocked", "code": "content_filter"}}, ContentPolicyError),
        (400, {"error": {"message": "x", "code": "data_inspection_failed"}}, ContentPolicyError),
        (400, {"error": {"message": "x", "type": "content_policy_violation"}}, ContentPolicyError),
        (418, {"error": {"message": "teapot"}}, APIStatusError),
    ],
)
def test_status_classes(status: int, body: object, cls: type[APIStatusError]) -> None:
    raw = body if isinstance(body, str) else json.dumps(body)
    error = error_from_status(status, {"x-request-id": "req-1"}, raw, provider="MaxAPI")
    assert type(error) is cls
    assert error.status == status
    assert error.request_id == "req-1"
    assert "MaxAPI" in error.explanation
    assert str(status) in error.explanation


def test_auth_explanation_names_provider_and_fix() -> None:
    error = error_from_status(401, {}, b'{"error": {"message": "bad"}}', provider="MaxAPI")
    assert error.explanation.startswith("MaxAPI rejected the key (401). Check it under Providers.")
    assert error.provider_message == "bad"


def test_balance_explanation() -> None:
    error = error_from_status(
        403, {}, '{"error": {"message": "Insufficient balance"}}', provider="X"
    )
    assert "balance" in error.explanation


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"X-Request-Id": "a"}, "a"),
        ({"request-id": "b"}, "b"),
        ({"cf-ray": "8c1-LAX"}, "8c1-LAX"),
        ({"x-request-id": "a", "cf-ray": "c"}, "a"),
        ({}, None),
    ],
)
def test_request_id_headers(headers: dict[str, str], expected: str | None) -> None:
    assert request_id_from(headers) == expected


def test_key_echoed_by_provider_is_redacted() -> None:
    key = "sk-test-" + secrets.token_hex(8)
    body = json.dumps({"error": {"message": f"Incorrect API key provided: {key}"}})
    error = error_from_status(401, {}, body, provider="P")
    assert key not in error.details()
    assert key not in str(error)


def test_stream_error_keeps_partial_and_says_so() -> None:
    partial = ChatResult(choices=[Choice(index=0, text="half a repl")])
    error = error_from_stream(
        "upstream died", code=None, status=None, provider="Relay", partial=partial
    )
    assert isinstance(error, APIStatusError)
    assert error.partial is partial
    assert "kept" in error.explanation
    assert "upstream died" in error.explanation


def test_stream_error_with_policy_code() -> None:
    error = error_from_stream("no", code="content_filter", status=None, provider="R", partial=None)
    assert isinstance(error, ContentPolicyError)


def test_stream_error_with_status() -> None:
    error = error_from_stream("slow", code=None, status=429, provider="R", partial=ChatResult())
    assert isinstance(error, RateLimitError)


@pytest.mark.parametrize(
    ("message", "code", "exhausted"),
    [
        ("You exceeded your current quota, please check your plan.", "insufficient_quota", True),
        ("余额不足", None, True),
        ("Resource has been exhausted (e.g. check quota).", "429", False),
        ("Rate limit reached for requests", "rate_limit_exceeded", False),
    ],
)
def test_quota_or_rate_limit(message: str, code: str | None, exhausted: bool) -> None:
    body = json.dumps({"error": {"message": message, "code": code}})
    error = error_from_status(429, {}, body, provider="P")
    assert isinstance(error, RateLimitError)
    assert error.retryable is not exhausted
