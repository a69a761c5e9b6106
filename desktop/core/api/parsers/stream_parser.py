"""The stream parser of each API style: bytes of a streamed reply in, typed events out.

See `desktop.core.api.events` for the contract. One implementation module per style:
`openai_chat`, `anthropic`, `responses`, `completions`; the quirks they share (plain JSON
bodies, `[DONE]`, errors inside a 200 stream, malformed chunks) live in `json_event_stream`.
"""

from __future__ import annotations

from typing import Protocol

from desktop.core.api.events import StreamEvent
from desktop.core.api.parsers.anthropic import AnthropicStreamParser
from desktop.core.api.parsers.completions import CompletionsStreamParser
from desktop.core.api.parsers.openai_chat import OpenAIChatStreamParser
from desktop.core.api.parsers.responses import ResponsesStreamParser
from desktop.core.api.styles import ApiStyle


class StreamParser(Protocol):
    """Incremental parser of one streamed response."""

    def feed(self, data: bytes) -> list[StreamEvent]:
        """Decode the next piece of the body (any size, any boundary)."""
        ...

    def close(self) -> list[StreamEvent]:
        """End of body: flush, then exactly one final `StreamEnd`."""
        ...


def make_stream_parser(style: ApiStyle) -> StreamParser:
    """A fresh parser for one response of the given style."""
    parsers: dict[ApiStyle, type[StreamParser]] = {
        ApiStyle.OPENAI_CHAT: OpenAIChatStreamParser,
        ApiStyle.OPENAI_COMPLETIONS: CompletionsStreamParser,
        ApiStyle.ANTHROPIC_MESSAGES: AnthropicStreamParser,
        ApiStyle.OPENAI_RESPONSES: ResponsesStreamParser,
    }
    return parsers[ApiStyle(style)]()
