"""Typed errors of the API client, shaped like openai-python's, each with a one-line fix.

Every error carries the HTTP status (when there was one), the provider's own message taken from
whatever body shape it used, the request id header, and `explanation`: one sentence naming the
provider and what to do. Messages pass through `redact()`, so no key can leak through them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from desktop.core.api.events import ChatResult
from desktop.core.redaction import redact

# Response headers that carry a request id, most specific first.
REQUEST_ID_HEADERS = (
    "x-request-id",
    "request-id",
    "x-oneapi-request-id",
    "openai-request-id",
    "anthropic-request-id",
    "x-amzn-requestid",
    "cf-ray",
)

# Error codes / types that mean "blocked by a content filter", whatever the status.
CONTENT_POLICY_MARKERS = (
    "content_filter",
    "content_policy",
    "content_policy_violation",
    "data_inspection_failed",
    "content_management_policy",
    "safety",
    "responsibleaipolicyviolation",
    "sensitive_words_detected",
)
# MaxToken documents "Content blocked due to safety concerns" as a 503 (its "content policy
# violation"); relays word the same thing in many ways, under any status.
_POLICY_TEXT = re.compile(
    r"content[ _-]?(policy|filter|management)|safety (system|policy|concerns?|filter)|"
    r"inappropriate content|data[ _-]inspection|(content|prompt|request) (was )?blocked|"
    r"blocked (due to|for|by) (safety|the safety|content|moderation)|policy violation|"
    r"flagged by (the )?moderation",
    re.IGNORECASE,
)
_BALANCE_TEXT = re.compile(
    r"insufficient[ _-]?(balance|quota|funds|credit)|quota|余额|credit balance|billing|"
    r"payment required",
    re.IGNORECASE,
)
# Stricter, for a 429: a bare "quota" there usually means a per-minute limit (Gemini).
_EXHAUSTED_TEXT = re.compile(
    r"insufficient[ _-]?(balance|quota|funds|credit)|余额|credit balance|billing|"
    r"payment required|exceeded your current quota",
    re.IGNORECASE,
)
MAX_MESSAGE_CHARS = 500


class APIError(Exception):
    """Base of every error the client raises."""

    def __init__(
        self,
        explanation: str,
        *,
        provider: str = "",
        provider_message: str | None = None,
        status: int | None = None,
        request_id: str | None = None,
        code: str | None = None,
        partial: ChatResult | None = None,
    ) -> None:
        self.explanation = redact(explanation)
        self.provider = provider
        self.provider_message = redact(provider_message) if provider_message else None
        self.status = status
        self.request_id = request_id
        self.code = code
        # What had arrived of the reply before the error (streams only); never thrown away.
        self.partial = partial
        super().__init__(self.explanation)

    def details(self) -> str:
        """Explanation plus the provider's words and the request id, for a log or a dialog."""
        parts = [self.explanation]
        if self.provider_message and self.provider_message not in self.explanation:
            parts.append(f"Provider said: {self.provider_message}")
        if self.request_id:
            parts.append(f"Request id: {self.request_id}")
        return "\n".join(parts)


class APIStatusError(APIError):
    """The provider answered with an error status (or an error inside a 200 stream)."""

    # False when the status says "retry" but the message says waiting will not help
    # (content filter, quota used up).
    retryable = True
    # True when the account's balance or quota is used up: the CLI points to
    # `switchboard provider balance`, the window to the balance under Providers.
    balance_exhausted = False


class BadRequestError(APIStatusError):
    """400/422: the provider rejected a parameter or the request shape."""


class AuthenticationError(APIStatusError):
    """401: missing, wrong or revoked key."""


class PermissionDeniedError(APIStatusError):
    """403 (and 402): no access to this model, or the account has no balance left."""


class NotFoundError(APIStatusError):
    """404: unknown model or endpoint (often a base URL without or with a doubled /v1)."""


class RateLimitError(APIStatusError):
    """429: too many requests or tokens per minute."""


class ContentPolicyError(APIStatusError):
    """The provider's content filter blocked the prompt or the reply; sending it again is
    pointless, so it is never retried (whatever status it came with)."""

    retryable = False


class InternalServerError(APIStatusError):
    """5xx: the provider or an upstream it relays to failed."""


class APIConnectionError(APIError):
    """No HTTP answer at all: DNS failure, connection refused or reset, TLS failure."""


class APITimeoutError(APIConnectionError):
    """Connecting or waiting for data took longer than the profile's timeout."""


class StreamInterruptedError(APIError):
    """The stream broke off after part of the reply arrived; `partial` keeps that part."""


class MalformedResponseError(APIError):
    """The provider answered 200 with a body we cannot make sense of."""


class ResponseTooLargeError(MalformedResponseError):
    """The provider sent more than a limit allows (a body, a line, a list, an image).

    `limit` is the limit in bytes (or entries), `received` how much had arrived when reading
    stopped (at least `limit` + 1, or the announced Content-Length)."""

    def __init__(self, explanation: str, *, limit: int, received: int, **kwargs: Any) -> None:
        super().__init__(explanation, **kwargs)
        self.limit = limit
        self.received = received


class StreamTooLargeError(ResponseTooLargeError, StreamInterruptedError):
    """A streamed reply passed a limit: it is interrupted, and `partial` keeps its text."""


def request_id_from(headers: Mapping[str, str]) -> str | None:
    """The provider's request id, from the first of the usual headers that is present."""
    lowered = {key.lower(): value for key, value in headers.items()}
    for name in REQUEST_ID_HEADERS:
        value = lowered.get(name)
        if value:
            return value.strip()
    return None


def _shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_of_html(body: str) -> str:
    """An HTML error page cut short: its <title>, else its first visible text."""
    title = re.search(r"<title[^>]*>(.*?)</title>", body, re.IGNORECASE | re.DOTALL)
    if title and title.group(1).strip():
        return html.unescape(title.group(1)).strip()
    without = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.IGNORECASE | re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", " ", without))
    return _shorten(text, 200)


def _message_from_json(data: Any) -> tuple[str | None, str | None]:
    """(message, code) from the common error JSON shapes; (None, None) when none matches."""
    if isinstance(data, list) and data:
        return _message_from_json(data[0])
    if not isinstance(data, dict):
        return (data if isinstance(data, str) and data else None), None
    error = data.get("error")
    if isinstance(error, dict):
        message = error.get("message") or error.get("msg") or error.get("detail")
        code = error.get("code") or error.get("type")
        if not isinstance(message, str):
            message = json.dumps(error, ensure_ascii=False) if message is None else str(message)
        return message, (str(code) if code is not None else None)
    if isinstance(error, str) and error:
        message = data.get("message")
        text = f"{error}: {message}" if isinstance(message, str) and message else error
        return text, None
    detail = data.get("detail")
    if isinstance(detail, str) and detail:
        return detail, None
    if isinstance(detail, list) and detail:  # FastAPI validation errors
        parts = []
        for item in detail:
            if isinstance(item, dict):
                loc = ".".join(str(p) for p in item.get("loc", ()) if p != "body")
                msg = str(item.get("msg", ""))
                parts.append(f"{loc}: {msg}" if loc else msg)
            else:
                parts.append(str(item))
        return "; ".join(parts), None
    for key in ("message", "msg", "error_msg", "errorMessage"):
        value = data.get(key)
        if isinstance(value, str) and value:
            code = data.get("code") or data.get("type")
            return value, (str(code) if code is not None else None)
    return None, None


def extract_provider_message(body: bytes | str, content_type: str = "") -> tuple[str, str | None]:
    """The provider's own error text and code from a response body of any usual shape."""
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    stripped = text.strip()
    if not stripped:
        return "", None
    if stripped[:1] in "{[":
        try:
            data = json.loads(stripped)
        except ValueError:
            pass
        else:
            message, code = _message_from_json(data)
            if message is not None:
                return redact(_shorten(message)), code
            return redact(_shorten(stripped)), None
    if "html" in content_type.lower() or re.match(r"(?is)\s*<(!doctype|html|head|body)", stripped):
        return redact(_text_of_html(stripped)), None
    return redact(_shorten(stripped)), None


def _is_content_policy(status: int, message: str, code: str | None) -> bool:
    code_text = (code or "").lower()
    if any(marker in code_text for marker in CONTENT_POLICY_MARKERS):
        return True
    if _POLICY_TEXT.search(message):  # under any status: never retried, exit code 15
        return True
    return status == 451


def classify_status(
    status: int, message: str = "", code: str | None = None
) -> type[APIStatusError]:
    """The error class for an HTTP status, looking at the message for policy and balance cases."""
    if _is_content_policy(status, message, code):
        return ContentPolicyError
    if status == 401:
        return AuthenticationError
    if status in (402, 403):
        return PermissionDeniedError
    if status == 404:
        return NotFoundError
    if status == 429:
        return RateLimitError
    if status in (400, 409, 413, 422):
        return BadRequestError
    if status >= 500:
        return InternalServerError
    return APIStatusError


def is_quota_exhausted(status: int, message: str, code: str | None) -> bool:
    """A 429 that no wait will fix: the account's quota or balance is used up
    (OpenAI's `insufficient_quota`, relays' "余额不足")."""
    code_text = (code or "").lower()
    return status == 429 and (
        "insufficient_quota" in code_text
        or "billing" in code_text
        or bool(_EXHAUSTED_TEXT.search(message))
    )


def _explain(
    cls: type[APIStatusError], provider: str, status: int, message: str, code: str | None = None
) -> str:
    who = provider or "The provider"
    if cls is RateLimitError and is_quota_exhausted(status, message, code):
        return (
            f"{who} refused the request: the account quota or balance is used up ({status}). "
            f"Check the plan and billing with {who}."
        )
    if cls is AuthenticationError:
        return f"{who} rejected the key ({status}). Check it under Providers."
    if cls is PermissionDeniedError:
        if status == 402 or _BALANCE_TEXT.search(message):
            return (
                f"{who} refused the request: the account balance or quota is used up "
                f"({status}). Top it up with {who}."
            )
        return f"{who} denied access ({status}). The key may not be allowed to use this model."
    if cls is NotFoundError:
        return (
            f"{who} does not know this model or endpoint ({status}). "
            "Check the model name and the provider's base URL."
        )
    if cls is RateLimitError:
        return f"{who} is rate limiting requests ({status}). Wait a moment and try again."
    if cls is ContentPolicyError:
        return f"{who}'s content filter blocked this request ({status}). Rephrase the prompt."
    if cls is BadRequestError:
        return (
            f"{who} rejected the request ({status}). "
            "A parameter may not be supported by this model."
        )
    if cls is InternalServerError:
        return f"{who} had a server error ({status}). Try again later or pick another model."
    return f"{who} answered with an error ({status})."


def error_from_status(
    status: int,
    headers: Mapping[str, str],
    body: bytes | str,
    *,
    provider: str = "",
) -> APIStatusError:
    """Build the typed error for an error response (status, headers and the body read so far)."""
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    message, code = extract_provider_message(body, content_type)
    cls = classify_status(status, message, code)
    explanation = _explain(cls, provider, status, message, code)
    if message:
        explanation = f"{explanation} ({message})" if len(message) <= 160 else explanation
    error = cls(
        explanation,
        provider=provider,
        provider_message=message or None,
        status=status,
        request_id=request_id_from(headers),
        code=code,
    )
    if cls is ContentPolicyError or is_quota_exhausted(status, message, code):
        error.retryable = False
    error.balance_exhausted = is_quota_exhausted(status, message, code) or (
        cls is PermissionDeniedError and (status == 402 or bool(_BALANCE_TEXT.search(message))))
    return error


def error_from_stream(
    message: str,
    *,
    code: str | None,
    status: int | None,
    provider: str = "",
    partial: ChatResult | None = None,
    request_id: str | None = None,
) -> APIStatusError:
    """The typed error for an error the provider reported inside a 200 stream."""
    effective = status if status and status >= 400 else 500
    cls = classify_status(effective, message, code)
    if status is None or status < 400:
        # Without a status, only the code can tell a filter from a plain failure.
        cls = ContentPolicyError if _is_content_policy(400, message, code) else cls
        if code and "rate" in code.lower():
            cls = RateLimitError
    who = provider or "The provider"
    text = redact(_shorten(message)) if message else ""
    if partial is None:  # an error object in a whole (non-streamed) 200 reply
        explanation = _explain(cls, provider, effective, text)
        explanation = f"{explanation} ({text})" if text and len(text) <= 160 else explanation
    else:
        base = f"{who} reported an error in the middle of the reply"
        if cls is ContentPolicyError:
            base = f"{who}'s content filter stopped the reply"
        explanation = f"{base}: {text}" if text else f"{base}."
    if partial is not None and any(c.text or c.reasoning for c in partial.choices):
        explanation += " The text received so far is kept."
    return cls(
        explanation,
        provider=provider,
        provider_message=text or None,
        status=status,
        request_id=request_id,
        code=code,
        partial=partial,
    )


class ToolsUnsupportedError(BadRequestError):
    """The provider or model refused a request because it offered tools.

    Raised by the tool-call loop in place of the provider's 400, so the UI can offer to send
    without tools: the user's text is saved, and `reply_id` is the failed reply, which
    `ChatService.regenerate` without tools replaces.
    """

    retryable = False
    reply_id: int | None = None


# Messages of providers and relays that refuse function calling (checked on 400-class errors).
_TOOLS_REFUSED = re.compile(
    r"(does not|doesn't|do not|not) support(s|ed)? (tools|tool[ _-]?(use|calls?|calling)|"
    r"function[ _-]?call(s|ing)?|functions)|"
    r"(tools?|tool_choice|functions?|function[ _-]?call(s|ing)?) (is|are) not (supported|"
    r"allowed|available)|unsupported (parameter|field|argument)s?:? ['\"`]?(tools|tool_choice)|"
    r"unrecognized request argument supplied: (tools|tool_choice)|"
    r"extra (inputs|fields) (are|is) not permitted.{0,40}(tools|tool_choice)|"
    r"['\"`](tools|tool_choice)['\"`].{0,60}(not supported|unsupported|unknown|invalid)|"
    r"no endpoints? found that supports? (tool|function)",
    re.IGNORECASE,
)


def tools_unsupported(error: APIError) -> ToolsUnsupportedError | None:
    """The typed error when `error` says that tools were refused, else None."""
    if not isinstance(error, BadRequestError | NotFoundError) or error.status is None:
        return None
    text = " ".join(t for t in (error.provider_message, error.explanation) if t)
    if not _TOOLS_REFUSED.search(text):
        return None
    who = error.provider or "The provider"
    said = f" ({_shorten(error.provider_message, 160)})" if error.provider_message else ""
    return ToolsUnsupportedError(
        f"{who} or this model does not support tools{said}. Send without tools, or pick a "
        "model that supports function calling.",
        provider=error.provider, provider_message=error.provider_message, status=error.status,
        request_id=error.request_id, code=error.code,
    )
