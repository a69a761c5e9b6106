"""Conversations parsed from an import file (JSON, ChatGPT), validated, ready to write at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.core.pricing.cost import MessageCost
from desktop.core.reply_parts import Citation, ToolCall, Usage
from desktop.core.store.models import MessageStatus, Role, TextPart, ToolRun


@dataclass(frozen=True, slots=True)
class AttachmentDraft:
    """An image's (or a document's) bytes, stored by content when the import is written."""

    data: bytes
    mime: str
    name: str = ""
    document: bool = False  # an attached document (PDF, Word, text), not an image
    pages: int = 0


@dataclass(slots=True)
class MessageDraft:
    """One message; `parent_key` names an earlier message of the same draft (None: a root)."""

    key: str
    parent_key: str | None
    role: Role
    parts: list[TextPart | AttachmentDraft]
    created_at: float
    reasoning: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    model: str | None = None
    provider: str | None = None
    usage: Usage | None = None
    ttft_ms: float | None = None
    tokens_per_second: float | None = None
    finish_reason: str | None = None
    status: MessageStatus = MessageStatus.COMPLETE
    error: str | None = None
    tool: ToolRun | None = None
    refusal: str | None = None
    citations: tuple[Citation, ...] = ()
    cost: MessageCost | None = None  # what the reply cost when it was sent (exported)


@dataclass(slots=True)
class ConversationDraft:
    """A conversation to import; messages are in an order where parents come first."""

    title: str
    created_at: float
    updated_at: float
    messages: list[MessageDraft] = field(default_factory=list)
    active_leaf_key: str | None = None
    pinned: bool = False
    archived: bool = False
    provider: str | None = None
    model: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    system_prompt: str = ""
    folder: str | None = None
