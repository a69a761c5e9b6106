"""Plain dataclasses the Store hands out; no SQL or Qt here."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop.core.pricing.cost import MessageCost
from desktop.core.reply_parts import Citation, ToolCall, Usage


class Role(StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"
    TOOL = "tool"


class MessageStatus(StrEnum):
    """Where a message is in its life: `streaming` until the reply ends one way or another."""

    COMPLETE = "complete"
    STREAMING = "streaming"
    INTERRUPTED = "interrupted"
    ERROR = "error"


class ToolStatus(StrEnum):
    """Where one tool call (a `Role.TOOL` message) is: asked, running, or how it ended."""

    PENDING = "pending"  # waiting for the user's approval
    APPROVED = "approved"  # approved (or always allowed) and running
    DONE = "done"
    FAILED = "failed"  # the tool (or the call's arguments) gave an error, sent to the model
    DENIED = "denied"
    CANCELLED = "cancelled"  # stopped by the user while waiting or running
    SKIPPED = "skipped"  # not run: the loop's step limit was reached

    @property
    def finished(self) -> bool:
        return self not in (ToolStatus.PENDING, ToolStatus.APPROVED)


@dataclass(frozen=True, slots=True)
class ToolRun:
    """What a `Role.TOOL` message records about its call besides the result text and images.

    `name` is the tool's own name on `server` (the model saw `wire_name(server, name)`).
    """

    name: str
    server: str = ""
    status: ToolStatus = ToolStatus.DONE
    duration_ms: float | None = None
    is_error: bool = False


# The result of a call that was waiting or running when Switchboard stopped (crash recovery).
TOOL_NOT_FINISHED = "The tool call did not finish: Switchboard stopped before it ended."

STOPPED_BY_USER = "Stopped."  # the error text of a reply the user stopped (not a failure)


@dataclass(frozen=True, slots=True)
class TextPart:
    text: str


@dataclass(frozen=True, slots=True)
class ImagePart:
    """An image kept in the attachment store under its SHA-256 hex digest."""

    hash: str
    mime: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class FilePart:
    """A document (PDF, Word, text) kept in the attachment store under its SHA-256 hex digest.

    Only the original file is stored; its text is extracted again when a request is built
    (`desktop.core.documents.send_text`), so one copy is the single source of truth.
    """

    hash: str
    mime: str
    name: str = ""
    size: int = 0  # bytes
    pages: int = 0  # PDF pages; 0 for other files


ContentPart = TextPart | ImagePart | FilePart


@dataclass(frozen=True, slots=True)
class Message:
    """One node of a conversation's message tree."""

    id: int
    conversation_id: int
    parent_id: int | None
    role: Role
    parts: tuple[ContentPart, ...]
    created_at: float
    status: MessageStatus = MessageStatus.COMPLETE
    reasoning: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None
    model: str | None = None
    provider: str | None = None
    usage: Usage | None = None
    ttft_ms: float | None = None
    tokens_per_second: float | None = None
    finish_reason: str | None = None
    error: str | None = None
    tool: ToolRun | None = None  # set on Role.TOOL messages written by the tool-call loop
    refusal: str | None = None
    """What the model said when it refused; '' when it refused without saying; None: no refusal."""
    citations: tuple[Citation, ...] = ()
    cost: MessageCost | None = None  # what the reply cost when it was sent (core/pricing)

    @property
    def stopped_by_user(self) -> bool:
        """The user pressed Stop: the reply is incomplete on purpose, not broken."""
        return self.status is MessageStatus.INTERRUPTED and self.error == STOPPED_BY_USER

    @property
    def text(self) -> str:
        """All text parts joined by blank lines (what search indexes)."""
        return "\n\n".join(part.text for part in self.parts if isinstance(part, TextPart))

    @property
    def images(self) -> tuple[ImagePart, ...]:
        return tuple(part for part in self.parts if isinstance(part, ImagePart))

    @property
    def files(self) -> tuple[FilePart, ...]:
        """Attached documents (PDF, Word, text files)."""
        return tuple(part for part in self.parts if isinstance(part, FilePart))


@dataclass(frozen=True, slots=True)
class Conversation:
    """A conversation's settings and bookkeeping; its messages are fetched separately."""

    id: int
    title: str
    created_at: float
    updated_at: float
    pinned: bool = False
    archived: bool = False
    folder_id: int | None = None
    provider: str | None = None
    model: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    system_prompt: str = ""
    active_leaf_id: int | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass(slots=True)
class ConversationSummary:
    """What the sidebar shows for one conversation (cheap to load by the ten thousand).

    Not frozen: a frozen dataclass's __init__ is ~4x slower, which shows at 10,000 rows.
    """

    id: int
    title: str
    updated_at: float
    pinned: bool
    archived: bool
    folder_id: int | None
    model: str | None


@dataclass(frozen=True, slots=True)
class Folder:
    id: int
    name: str
    parent_id: int | None
    position: int
    created_at: float


@dataclass(frozen=True, slots=True)
class Preset:
    """Named request parameters (temperature, max_tokens…) with an optional model and prompt."""

    id: int
    name: str
    model: str | None
    params: dict[str, Any]
    system_prompt: str
    created_at: float
    updated_at: float


# Search snippets wrap each hit in these marker characters; the UI turns them into bold.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True, slots=True)
class MessageHit:
    """One matching message; `snippet` marks hits with HIGHLIGHT_START/HIGHLIGHT_END."""

    message_id: int
    role: Role
    snippet: str
    created_at: float


@dataclass(frozen=True, slots=True)
class SearchHit:
    """All shown hits of one conversation, newest message hit first."""

    conversation_id: int
    title: str
    title_snippet: str | None
    updated_at: float
    messages: tuple[MessageHit, ...]
    message_count: int


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of search results, grouped by conversation.

    `order` is "relevance" (bm25) for selective queries and "newest" when the query matches
    so many messages that only the newest are looked at; `truncated` says so.
    """

    query: str
    fts_query: str
    hits: tuple[SearchHit, ...]
    order: str
    truncated: bool
    has_more: bool
