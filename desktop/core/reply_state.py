"""What `ChatService` keeps of a reply while it streams: its stored message, checkpointer,
timings and the citations so far (a conversation opened again mid-stream shows them)."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from desktop.core.api.events import AnnotationsEvent, ChatResult
from desktop.core.citations import MAX_CITATIONS, citations_from
from desktop.core.reply_parts import Citation, Usage
from desktop.core.store.checkpoint import StreamCheckpointer
from desktop.core.store.models import Message, MessageStatus, TextPart


@dataclass
class Totals:
    """What a request reported for the whole reply (filled as the stream goes)."""

    result: ChatResult | None = None
    usage: Usage | None = None
    model: str | None = None


class ReplyState:
    """One choice being streamed: its stored message, checkpointer and timings."""

    def __init__(self, message: Message, checkpointer: StreamCheckpointer, started: float,
                 conversation_id: int) -> None:
        self.message = message
        self.checkpointer = checkpointer
        self.started = started
        self.conversation_id = conversation_id
        self.first_token: float | None = None
        self.base_length = 0  # a continued reply's old text: not part of this request's speed
        self.citations: list[Citation] = []  # streamed annotations (stored when it ends)

    def timings(self, usage: Usage | None) -> tuple[float | None, float | None]:
        if self.first_token is None:
            return None, None
        ttft_ms = (self.first_token - self.started) * 1000
        elapsed = time.monotonic() - self.first_token
        tokens = usage.completion_tokens if usage and usage.completion_tokens else None
        if tokens is None:  # an estimate when the provider sent no usage: this request's text
            tokens = max(1, (len(self.checkpointer.text) - self.base_length) // 4)
        return ttft_ms, (tokens / elapsed if elapsed > 0.05 else None)

    def current(self) -> Message:
        """The reply as streamed so far (the checkpointer holds the one copy of its text)."""
        text, reasoning = self.checkpointer.text, self.checkpointer.reasoning
        return replace(self.message, parts=(TextPart(text),) if text else (),
                       reasoning=reasoning, status=MessageStatus.STREAMING,
                       refusal=self.checkpointer.refusal, citations=tuple(self.citations))

    def add_annotations(self, event: AnnotationsEvent) -> None:
        room = MAX_CITATIONS - len(self.citations)
        if room > 0:
            found = citations_from(event.annotations, base=event.base, position=event.position)
            self.citations += found[:room]
