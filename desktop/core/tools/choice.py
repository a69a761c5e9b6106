"""Which MCP servers and tools one conversation offers the model (the composer's Tools menu).

Stored on the conversation (column `tools`, see migrations) as JSON
`{"server": null | ["tool", ...]}`: null offers every enabled tool of the server, a list
only those. A new conversation offers none. Read from a file anything may have written, so
parsing is capped and forgiving: what does not fit is dropped, never raised.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.core.tools.contract import ToolSpec

MAX_SERVERS = 64
MAX_TOOLS = 500
MAX_NAME = 200


@dataclass(frozen=True)
class ToolChoice:
    """Servers on for a conversation; a server maps to None (all its tools) or some tools."""

    servers: Mapping[str, frozenset[str] | None] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return not self.servers

    def server_names(self) -> list[str]:
        return sorted(self.servers)

    def offers(self, spec: ToolSpec) -> bool:
        if spec.server not in self.servers:
            return False
        tools = self.servers[spec.server]
        return tools is None or spec.name in tools

    @property
    def count(self) -> int:
        """How many servers are on (what the Tools button's badge shows)."""
        return len(self.servers)

    def with_server(self, server: str, on: bool) -> ToolChoice:
        servers = dict(self.servers)
        if on:
            servers[server] = None
        else:
            servers.pop(server, None)
        return ToolChoice(servers)

    def with_tool(self, server: str, tool: str, on: bool, all_tools: Iterable[str]) -> ToolChoice:
        """Turn one tool of `server` on or off; `all_tools` are the tools the server lists."""
        every = frozenset(all_tools)
        current = self.servers.get(server, frozenset()) if server in self.servers else frozenset()
        chosen = set(every if current is None else current)
        if on:
            chosen.add(tool)
        else:
            chosen.discard(tool)
        servers = dict(self.servers)
        if not chosen:
            servers.pop(server, None)
        else:
            servers[server] = None if every and chosen >= every else frozenset(chosen)
        return ToolChoice(servers)

    def to_json(self) -> str:
        data = {name: (None if tools is None else sorted(tools))
                for name, tools in sorted(self.servers.items())}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> ToolChoice:
        try:
            data = json.loads(text or "{}")
        except (ValueError, RecursionError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        servers: dict[str, frozenset[str] | None] = {}
        for name, tools in list(data.items())[:MAX_SERVERS]:
            if not isinstance(name, str) or not name or len(name) > MAX_NAME:
                continue
            if tools is None:
                servers[name] = None
            elif isinstance(tools, list):
                names = frozenset(t for t in tools[:MAX_TOOLS]
                                  if isinstance(t, str) and 0 < len(t) <= MAX_NAME)
                if names:
                    servers[name] = names
        return cls(servers)
