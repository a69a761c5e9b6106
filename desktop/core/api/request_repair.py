"""The two 400s that have a known fix: the client resends once with the body corrected."""

from __future__ import annotations

from typing import Any

from desktop.core.api.errors import APIStatusError, BadRequestError


def repaired_body(body: dict[str, Any] | None, error: APIStatusError) -> dict[str, Any] | None:
    """A corrected body for the two 400s that have a known fix, else None.

    Some relays reject `stream_options` (which we send by default to get usage), and newer
    OpenAI models refuse `max_tokens` and want `max_completion_tokens` instead.
    """
    if body is None or not isinstance(error, BadRequestError):
        return None
    message = (error.provider_message or "").lower()
    if "stream_options" in message and "stream_options" in body:
        return {k: v for k, v in body.items() if k != "stream_options"}
    if (
        "max_completion_tokens" in message
        and "max_tokens" in body
        and "max_completion_tokens" not in body
    ):
        fixed = {k: v for k, v in body.items() if k != "max_tokens"}
        fixed["max_completion_tokens"] = body["max_tokens"]
        return fixed
    return None
