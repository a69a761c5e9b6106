"""Parts of an assistant reply that the network layer decodes and the store keeps.

Token usage and tool calls live here, below both `desktop.core.api` and `desktop.core.store`,
so that storage does not depend on the network package.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Usage:
    """Token counts as reported by the provider; None where it did not say.

    `raw` is the provider's whole usage object as JSON text (capped), for the footer's
    tooltip; it takes no part in comparisons.
    """

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None
    reasoning_tokens: int | None = None
    cached_tokens: int | None = None
    raw: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Citation:
    """A source the reply cites: an http(s) address, its title, and where in the text.

    `start`/`end` index the reply's text (characters); `end` None means "after the text".
    """

    url: str
    title: str = ""
    start: int | None = None
    end: int | None = None
    cited_text: str = ""


@dataclass(slots=True)
class ToolCall:
    """One tool call the model asked for: its id, the function's name, the JSON arguments."""

    id: str
    name: str
    arguments: str
