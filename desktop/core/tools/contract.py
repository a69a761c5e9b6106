"""The contract between whoever runs tools (MCP servers) and the tool-call loop.

The loop offers `ToolSpec`s to the model under their `wire_name`, asks the user through an
`ApprovalCallback`, and runs approved calls through a `ToolExecutor`. Executors run on the
caller's asyncio loop from the caller's point of view (an MCP executor may hop to its own
thread inside); cancelling the awaiting task cancels the call.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core.reply_parts import ToolCall

_WIRE_NAME_OK = re.compile(r"[^A-Za-z0-9_-]")
WIRE_NAME_MAX = 64  # OpenAI's and Anthropic's limit for a function name


@dataclass(frozen=True)
class ToolSpec:
    """One tool a server offers: `name` as the server knows it, its JSON Schema input."""

    server: str
    name: str
    description: str = ""
    input_schema: dict[str, Any] = field(default_factory=lambda: {"type": "object"})

    @property
    def wire_name(self) -> str:
        return wire_name(self.server, self.name)


@dataclass(frozen=True)
class ToolImage:
    mime: str
    data: bytes


@dataclass(frozen=True)
class ToolResult:
    """What a call gave back: text for the model, images (MCP image content), an error flag."""

    text: str
    images: tuple[ToolImage, ...] = ()
    is_error: bool = False
    duration_ms: float = 0.0
    truncated: bool = False


class ToolExecutor(Protocol):
    """Lists and runs tools (implemented by the MCP hub)."""

    async def list_tools(self, servers: Sequence[str] | None = None) -> list[ToolSpec]:
        """The enabled tools of `servers` (all enabled servers when None)."""
        ...

    async def call_tool(self, spec: ToolSpec, arguments: dict[str, Any], *,
                        time_limit: float | None = None) -> ToolResult:
        """Run one call. Failures (server down, timeout, malformed result) come back as a
        `ToolResult` with `is_error=True` and a clear message, never as an exception (a call
        over `time_limit` seconds, or the server's default, is such a failure);
        cancellation (`asyncio.CancelledError`) propagates."""
        ...

    async def close(self) -> None:
        """Stop every server that was started."""
        ...


# Asked before each call that is not always allowed: True runs it, False sends a denial.
ApprovalCallback = Callable[[ToolCall, ToolSpec], Awaitable[bool]]

DENIED_TEXT = "The user denied this tool call."


def wire_name(server: str, tool: str) -> str:
    """The function name the model sees: `server__tool`, limited to [A-Za-z0-9_-]{1,64}.

    Too long or changed by the character rule: shortened and made unique with a hash.
    """
    raw = f"{server}__{tool}" if server else tool
    clean = _WIRE_NAME_OK.sub("_", raw)
    if clean == raw and len(clean) <= WIRE_NAME_MAX:
        return clean
    digest = hashlib.sha256(raw.encode()).hexdigest()[:8]
    return f"{clean[:WIRE_NAME_MAX - 9]}_{digest}"
