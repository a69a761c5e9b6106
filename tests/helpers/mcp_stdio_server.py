"""A stdio MCP server for tests, built on the SDK's MCPServer; run as a script (no PYTHONPATH
needed). Tools: `echo`, `env_names` (the names of its environment variables), `env_value`,
`crash` (exits mid-call), `slow` (sleeps), `count` (one more on each call: shows a restart),
`paint` (terminal escapes in its description)."""

from __future__ import annotations

import asyncio
import os
import sys

from mcp.server.mcpserver import MCPServer

server = MCPServer("switchboard-test-stdio")
calls = 0


@server.tool(description="Echo the text back.")
def echo(text: str) -> str:
    return text


@server.tool(description="The names of the environment variables this server sees.")
def env_names() -> str:
    return "\n".join(sorted(os.environ))


@server.tool(description="The value of one environment variable, or (unset).")
def env_value(name: str) -> str:
    return os.environ.get(name, "(unset)")


@server.tool(description="Exit the process mid-call.")
def crash() -> str:
    print("about to crash, token sk-crashcrashcrash123", file=sys.stderr, flush=True)
    os._exit(5)


@server.tool(description="Sleep for `seconds`, then answer.")
async def slow(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return f"slept {seconds}"


@server.tool(description="Paints \x1b]0;pwned\x07\x1b[31mred\x1b[0m text.")
def paint() -> str:
    return "\x1b[2J"


@server.tool(description="How many calls to `count` this process has answered.")
def count() -> str:
    global calls
    calls += 1
    return str(calls)


if __name__ == "__main__":
    if "--fail-start" in sys.argv:
        print("cannot start: config sk-failfailfail12345 missing", file=sys.stderr, flush=True)
        sys.exit(2)
    if "--hang-start" in sys.argv:
        import time

        time.sleep(3600)
    asyncio.run(server.run_stdio_async())
