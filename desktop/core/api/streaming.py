"""The stream parser of each API style: bytes of a streamed reply in, typed events out.

See `desktop.core.api.events` for the contract. One implementation module per style:
`openai_chat_stream`, `anthropic_stream`, `responses_stream`, `completions_stream`; the
quirks they share (plain JSON bodies, `[DONE]`, errors inside a 200 stream, malformed
chunks) live in `base_stream`.
"""

from __future__ import annotations

from typing import Protocol

from desktop.core.api.anthropic_stream import AnthropicStreamParser
from desktop.core.api.completions_stream import CompletionsStreamParser
from desktop.core.api.events import StreamEvent
from desktop.core.api.openai_chat_stream import OpenAIChatStreamParser
from desktop.core.api.responses_stream import ResponsesStreamParser
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
