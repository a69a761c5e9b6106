"""Parts of an assistant reply that the network layer decodes and the store keeps.

Token usage and tool calls live here, below both `desktop.core.api` and `desktop.core.store`,
so that storage does not depend on the network package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Usage:
    """Token counts as reported by the provider; None where it did not say."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    reasoning_tokens: int | None = None
    cached_tokens: int | None = None


@dataclass(slots=True)
class ToolCall:
    """One tool call the model asked for: its id, the function's name, the JSON arguments."""

    id: str
    name: str
    arguments: str
