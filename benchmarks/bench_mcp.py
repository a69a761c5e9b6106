"""Benchmark of the MCP hub: its overhead per call, and listing 200 tools.

- Overhead per call: `McpHub.call_tool` on a trivial tool (`echo` of our stdio test server)
  against the SDK's own `Client.call_tool` to the same server on the caller's loop; the
  difference is what the hub adds (the hop to its thread and back, result conversion).
- Listing: the test HTTP server with 200 tools; the first listing (start + handshake + list)
  and a second one, plus the longest stall of the caller's loop meanwhile (a 5 ms ticker),
  which is what a window would feel.

Run from the repository root::

    .venv/bin/python benchmarks/bench_mcp.py [--calls 300]
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.secrets import SecretStore  # noqa: E402
from desktop.core.tools.contract import ToolSpec  # noqa: E402
from desktop.core.tools.hub import McpHub  # noqa: E402
from desktop.core.tools.mcp_config import McpConfig, http_server, stdio_server  # noqa: E402
from tests.helpers.mcp_http_server import McpHttpServer  # noqa: E402
from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402

STDIO_SERVER = str(ROOT / "tests" / "helpers" / "mcp_stdio_server.py")


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(values) * 1000:7.3f} ms   p95 {p95 * 1000:7.3f} ms"


async def _direct_round_trips(calls: int) -> list[float]:
    from mcp import Client, StdioServerParameters
    from mcp.client.stdio import stdio_client

    params = StdioServerParameters(command=sys.executable, args=[STDIO_SERVER])
    times = []
    async with Client(stdio_client(params), cache=None) as client:
        for _ in range(20):
            await client.call_tool("echo", {"text": "warm"})
        for _ in range(calls):
            started = time.perf_counter()
            await client.call_tool("echo", {"text": "x"})
            times.append(time.perf_counter() - started)
    return times


async def _hub_round_trips(calls: int, folder: Path) -> list[float]:
    config = McpConfig(folder / "mcp_servers.json")
    config.add(stdio_server("bench", sys.executable, [STDIO_SERVER]))
    hub = McpHub(config)
    spec = ToolSpec("bench", "echo")
    times = []
    try:
        for _ in range(20):
            await hub.call_tool(spec, {"text": "warm"})
        for _ in range(calls):
            started = time.perf_counter()
            result = await hub.call_tool(spec, {"text": "x"})
            times.append(time.perf_counter() - started)
            assert result.text == "x", result
    finally:
        await hub.close()
    return times


async def _listing(folder: Path) -> tuple[float, float, float, int]:
    token = secrets.token_hex(12)
    with McpHttpServer(token, many=200) as server:
        store = SecretStore(backend=MemoryKeyring())
        config = McpConfig(folder / "mcp_servers.json")
        web = http_server("web", server.url)
        config.add(web)
        store.set(web.token_item, token)
        hub = McpHub(config, secrets=store)
        lag = 0.0
        running = True

        async def ticker() -> None:
            nonlocal lag
            while running:
                before = time.perf_counter()
                await asyncio.sleep(0.005)
                lag = max(lag, time.perf_counter() - before - 0.005)

        tick = asyncio.ensure_future(ticker())
        try:
            started = time.perf_counter()
            tools = await hub.list_tools()
            first = time.perf_counter() - started
            started = time.perf_counter()
            await hub.server_tools("web")
            second = time.perf_counter() - started
        finally:
            running = False
            await tick
            await hub.close()
    return first, second, lag, len(tools)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        direct = asyncio.run(_direct_round_trips(args.calls))
        through_hub = asyncio.run(_hub_round_trips(args.calls, Path(folder)))
        first, second, lag, count = asyncio.run(_listing(Path(folder)))
    overhead = statistics.median(through_hub) - statistics.median(direct)
    print(f"MCP call round trip, {args.calls} calls of a trivial stdio tool (echo):")
    print(f"  SDK client on the caller's loop  {_ms(direct)}")
    print(f"  through McpHub (thread hop)      {_ms(through_hub)}")
    print(f"  hub overhead per call (medians)  {overhead * 1000:7.3f} ms")
    print(f"Listing {count} tools over Streamable HTTP (127.0.0.1):")
    print(f"  first (start, handshake, list)   {first * 1000:7.1f} ms")
    print(f"  again (running server)           {second * 1000:7.1f} ms")
    print(f"  longest stall of the caller's loop meanwhile  {lag * 1000:5.1f} ms")


if __name__ == "__main__":
    main()
