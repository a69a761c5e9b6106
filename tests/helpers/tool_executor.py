"""An in-process ToolExecutor with real tools, for tests of the tool-call loop (no MCP).

Tools of server `local`: `add` (a + b), `now` (the UTC time), `sleep` (waits `seconds`,
for Stop tests), `image` (a PNG), `fail` (an error result), `explode` (raises, which the
contract forbids: the loop must cope anyway).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from desktop.core.tools.contract import ToolImage, ToolResult, ToolSpec
from tests.helpers.fake_provider import tiny_png

SERVER = "local"
_NUMBER = {"type": "number"}
SPECS = (
    ToolSpec(SERVER, "add", "Add two numbers.",
             {"type": "object", "properties": {"a": _NUMBER, "b": _NUMBER},
              "required": ["a", "b"]}),
    ToolSpec(SERVER, "now", "The current UTC time.", {"type": "object", "properties": {}}),
    ToolSpec(SERVER, "sleep", "Wait some seconds.",
             {"type": "object", "properties": {"seconds": _NUMBER}}),
    ToolSpec(SERVER, "image", "A small grey image.", {"type": "object", "properties": {}}),
    ToolSpec(SERVER, "fail", "Always fails.", {"type": "object", "properties": {}}),
    ToolSpec(SERVER, "explode", "Raises an exception.", {"type": "object", "properties": {}}),
)
BY_NAME = {spec.name: spec for spec in SPECS}


def wire(name: str) -> str:
    """The name the model calls a local tool by."""
    return BY_NAME[name].wire_name


class LocalTools:
    """Implements the ToolExecutor protocol; records every call and every cancelled call."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.cancelled: list[str] = []
        self.sleeping = asyncio.Event()  # set while `sleep` runs (create the tools in the loop)
        self.closed = False
        self.running = 0
        self.most_at_once = 0  # the most calls that ran at the same time

    async def list_tools(self, servers: Sequence[str] | None = None) -> list[ToolSpec]:
        if servers is not None and SERVER not in servers:
            return []
        return list(SPECS)

    async def call_tool(self, spec: ToolSpec, arguments: dict[str, Any], *,
                        time_limit: float | None = None) -> ToolResult:
        self.calls.append((spec.name, arguments))
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        try:
            return await self._call(spec, arguments)
        finally:
            self.running -= 1

    async def _call(self, spec: ToolSpec, arguments: dict[str, Any]) -> ToolResult:
        started = time.monotonic()
        if spec.name == "add":
            a, b = arguments.get("a"), arguments.get("b")
            if not isinstance(a, int | float) or not isinstance(b, int | float):
                return ToolResult("add needs numbers a and b.", is_error=True)
            text = str(a + b)
        elif spec.name == "now":
            text = datetime.now(UTC).isoformat(timespec="seconds")
        elif spec.name == "sleep":
            self.sleeping.set()
            try:
                await asyncio.sleep(float(arguments.get("seconds", 30)))
            except asyncio.CancelledError:
                self.cancelled.append(spec.name)
                raise
            text = "slept"
        elif spec.name == "image":
            return ToolResult("A 2x2 grey image.", (ToolImage("image/png", tiny_png()),),
                              duration_ms=(time.monotonic() - started) * 1000)
        elif spec.name == "fail":
            return ToolResult("The tool broke on purpose.", is_error=True)
        elif spec.name == "explode":
            raise RuntimeError("boom")
        else:
            return ToolResult(f"No tool {spec.name}.", is_error=True)
        return ToolResult(text, duration_ms=(time.monotonic() - started) * 1000)

    async def close(self) -> None:
        self.closed = True
