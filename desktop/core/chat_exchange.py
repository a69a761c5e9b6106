"""What one chat exchange is made of, for `ChatService` and its callers: the settings it is
sent with, the listener that follows it, its result, and the error raised before it starts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.api.errors import APIError
from desktop.core.api.events import StreamEvent
from desktop.core.api.retry import RetryWait
from desktop.core.passages import Passage
from desktop.core.store.models import Message

__all__ = ["ChatSettings", "ChatSetupError", "ExchangeListener", "ExchangeResult"]


class ChatSetupError(Exception):
    """The exchange could not start (unknown provider, no key, invalid parameters).

    Raised before anything is written, so the caller can keep the user's draft.
    """


@dataclass(frozen=True)
class ChatSettings:
    """What to send with: provider profile name, model, the parameters the user set, system."""

    provider: str
    model: str
    params: Mapping[str, Any] = field(default_factory=dict)
    system_prompt: str = ""
    stream: bool = True  # False: one plain request, for gateways whose streams are broken
    # Function tools offered (OpenAI `tools` entries, see core/tools/loop.py); not remembered.
    tools: tuple[dict[str, Any], ...] = ()
    tool_choice: str | None = None


class ExchangeListener:
    """Callbacks of one exchange; override what you need (all are no-ops here)."""

    def user_message_added(self, message: Message) -> None:
        """The user's message was saved."""

    def reply_started(self, message: Message) -> None:
        """An empty reply in status STREAMING was saved (one per choice)."""

    def reply_sources(self, message_id: int, passages: list[Passage]) -> None:
        """Knowledge-base passages were sent with reply `message_id` (and stored with it)."""

    def reply_event(self, message_id: int, event: StreamEvent) -> None:
        """A streamed event of reply `message_id` (deltas, usage, finish…)."""

    def reply_waiting(self, message_id: int, wait: RetryWait) -> None:
        """The request failed in a way worth retrying: the client waits `wait.delay` s first."""

    def reply_finished(self, message: Message) -> None:
        """The reply's final state, as stored."""


@dataclass
class ExchangeResult:
    user_message: Message | None
    replies: list[Message]
    error: APIError | None = None
