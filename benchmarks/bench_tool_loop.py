"""Benchmark of the tool-call loop's overhead per step, the tools' own time excluded.

The fake provider (a real HTTP server on 127.0.0.1, in a thread) plays a model that asks for
tools round after round; the tools are the in-process ones of the tests. A step is one round:
store the reply's calls, approve, run, store the results, send the next request. Printed:
the wall time per step, the tools' own time per step, the overhead (the difference), and a
plain request without tools for comparison (so what the loop adds beyond HTTP shows too).
Target: overhead ≤ 20 ms per step. Run from the repository root::

    .venv/bin/python benchmarks/bench_tool_loop.py [--steps 10] [--runs 5] [--parallel 2]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.chat_service import ChatService, ChatSettings
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.reply_parts import ToolCall
from desktop.core.store.store import Store
from desktop.core.tools.contract import ToolResult, ToolSpec
from desktop.core.tools.loop import ToolLoop
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.fake_tool_model import ToolScript
from tests.helpers.tool_executor import SPECS, LocalTools, wire

KEY_ENV = "SWITCHBOARD_BENCH_TOOLS_KEY"
STYLES = {"chat": "openai-chat", "anthropic": "anthropic-messages",
          "responses": "openai-responses"}


class TimedTools(LocalTools):
    """The test tools, with the time spent inside them added up."""

    def __init__(self) -> None:
        super().__init__()
        self.tool_seconds = 0.0

    async def call_tool(self, spec: ToolSpec, arguments: dict[str, Any], *,
                        time_limit: float | None = None) -> ToolResult:
        started = time.perf_counter()
        try:
            return await super().call_tool(spec, arguments, time_limit=time_limit)
        finally:
            self.tool_seconds += time.perf_counter() - started


async def approve(_call: ToolCall, _spec: ToolSpec) -> bool:
    return True


async def one_run(service: ChatService, style: str, steps: int) -> tuple[float, float, float]:
    """(loop seconds, tool seconds, plain request seconds) of one turn of `steps` rounds."""
    store = service.store
    settings = ChatSettings(provider=style, model="fake-tools")
    tools = TimedTools()
    loop = ToolLoop(service, tools, SPECS, approve=approve, max_steps=steps)
    conversation = await asyncio.to_thread(store.create_conversation)
    started = time.perf_counter()
    result = await loop.send(conversation.id, "go", settings)
    elapsed = time.perf_counter() - started
    assert result.steps == steps, result
    plain = await asyncio.to_thread(store.create_conversation)
    started = time.perf_counter()
    await service.send(plain.id, "go", ChatSettings(provider=style, model="fake-tools"))
    return elapsed, tools.tool_seconds, time.perf_counter() - started


async def bench(data: Path, provider: FakeProvider, args: argparse.Namespace) -> None:
    store = Store.open(data, backup_interval=None)
    registry = ProviderRegistry(data)
    for name, style in STYLES.items():
        registry.add(ProviderProfile(name=name, base_url=provider.base_url, api_style=style,
                                     key_source=KeySource.ENV, key_env=KEY_ENV, max_retries=0))
    service = ChatService(store, registry)
    print(f"{args.steps} rounds per turn, {args.parallel} call(s) per round, {args.runs} runs; "
          "medians in ms")
    print(f"{'style':<10} {'per step':>9} {'tools':>7} {'overhead':>9} "
          f"{'plain request':>14} {'loop only':>10}")
    try:
        for style in STYLES:
            await one_run(service, style, args.steps)  # warm up: connections, caches
            runs = [await one_run(service, style, args.steps) for _ in range(args.runs)]
            per_step = statistics.median(r[0] for r in runs) / args.steps * 1000
            tools = statistics.median(r[1] for r in runs) / args.steps * 1000
            plain = statistics.median(r[2] for r in runs) * 1000
            overhead = per_step - tools
            print(f"{style:<10} {per_step:9.2f} {tools:7.2f} {overhead:9.2f} {plain:14.2f} "
                  f"{overhead - plain:10.2f}")
        print("overhead = per step - tools (includes the step's HTTP request to the local "
              "fake provider); loop only = overhead - a plain request; target: overhead ≤ 20")
    finally:
        await service.close()
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--parallel", type=int, default=2, help="calls per round")
    args = parser.parse_args()
    os.environ[KEY_ENV] = "sk-bench"
    calls = [(wire("add"), {"a": i, "b": 1}) for i in range(args.parallel)]
    with tempfile.TemporaryDirectory() as tmp, FakeProvider() as provider:
        ToolScript([calls] * args.steps).install(provider)
        asyncio.run(bench(Path(tmp), provider, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
