"""The wire protocols a provider can speak."""

from __future__ import annotations

from enum import StrEnum


class ApiStyle(StrEnum):
    """Which request/response format a provider profile uses."""

    OPENAI_CHAT = "openai-chat"
    OPENAI_RESPONSES = "openai-responses"
    ANTHROPIC_MESSAGES = "anthropic-messages"
    OPENAI_COMPLETIONS = "openai-completions"
