"""A Streamable HTTP MCP server for tests, on 127.0.0.1, built on the SDK's server side.

Run as a script (`python mcp_http_server.py --token T [--many N]`): it binds a free port, prints
`PORT <n>` on stdout, and serves `/mcp` with uvicorn until killed. Every request must carry
`Authorization: Bearer T`. Tools: `echo`, `crash` (the process exits mid-call), `hang`,
`malformed` (a result that breaks the protocol's schema), `huge`, `image`, `bad_image`,
`fails` (an `isError` result), `shout_escape` (terminal escape sequences) and, with `--many N`,
`tool_0` … `tool_{N-1}`.

`McpHttpServer` starts it in a subprocess (so `crash` really kills a server) for the tests.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

HERE = Path(__file__).resolve()

# The smallest valid PNG: 1x1, one grey pixel.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=="
)


def build_app(token: str, many: int) -> Any:
    """The ASGI app: the SDK's MCP server behind a bearer check and a result corrupter."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ToolError
    from mcp.types import ImageContent, TextContent

    server = MCPServer("switchboard-test-http")

    @server.tool(description="Echo the text back.")
    def echo(text: str) -> str:
        return text

    @server.tool(description="Exit the server process mid-call.")
    def crash() -> str:
        os._exit(3)

    @server.tool(description="Never answer.")
    async def hang() -> str:
        await asyncio.sleep(3600)
        return "woke up"

    @server.tool(description="Answers with a result that is not a CallToolResult.")
    def malformed() -> str:
        return "replaced by the corrupter"

    @server.tool(description="Return `size` characters.")
    def huge(size: int) -> str:
        return "x" * size

    @server.tool(description="Return a PNG image and a caption.")
    def image() -> list[Any]:
        data = base64.b64encode(TINY_PNG).decode()
        return [TextContent(type="text", text="a grey pixel"),
                ImageContent(type="image", data=data, mime_type="image/png")]

    @server.tool(description="Return image content that is not an image.")
    def bad_image() -> list[Any]:
        return [ImageContent(type="image", data="!!not base64!!", mime_type="image/png"),
                ImageContent(type="image", data=base64.b64encode(b"plain text").decode(),
                             mime_type="image/png")]

    @server.tool(description="Fail the way tools report failures.")
    def fails() -> str:
        raise ToolError("the disk is full")

    @server.tool(description="Text with terminal escape sequences.")
    def shout_escape() -> str:
        return "\x1b]0;pwned\x07\x1b[31mred\x1b[0m"

    for index in range(many):
        server.add_tool(_numbered(index), name=f"tool_{index}",
                        description=f"Numbered test tool {index}; returns its number.")

    app = server.streamable_http_app(json_response=True)
    return _Guard(app, token)


def _numbered(index: int) -> Any:
    def tool(value: int = 0) -> str:
        return str(index + value)
    return tool


class _Guard:
    """ASGI middleware: 401 without the bearer token; the `malformed` tool's reply rewritten."""

    def __init__(self, app: Any, token: str) -> None:
        self.app = app
        self.expected = f"Bearer {token}".encode()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if headers.get(b"authorization") != self.expected:
            await _send_json(send, 401, {"error": "missing or wrong bearer token"})
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
        request = _json_or_none(body)
        if (isinstance(request, dict) and request.get("method") == "tools/call"
                and (request.get("params") or {}).get("name") == "malformed"):
            reply = {"jsonrpc": "2.0", "id": request.get("id"),
                     "result": {"content": [{"type": "text"}, {"type": "image", "data": 5}]}}
            await _send_json(send, 200, reply)
            return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # type: ignore[no-any-return]

        await self.app(scope, replay, send)


def _json_or_none(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


async def _send_json(send: Any, status: int, payload: Any) -> None:
    data = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser()
    parser.add_argument("--token", required=True)
    parser.add_argument("--many", type=int, default=0)
    args = parser.parse_args()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(build_app(args.token, args.many), log_level="warning", lifespan="on")
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


class McpHttpServer:
    """The server above in a subprocess; `url` once started. Use as a context manager."""

    def __init__(self, token: str, *, many: int = 0) -> None:
        self.token = token
        self.many = many
        self.process: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self) -> McpHttpServer:
        command = [sys.executable, str(HERE), "--token", self.token, "--many", str(self.many)]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.stop()
            raise RuntimeError(f"the test MCP server did not start: {line!r}")
        self.url = f"http://127.0.0.1:{int(line.split()[1])}/mcp"
        _wait_for_port(self.url)
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
        if self.process is not None:
            self.process.wait(10)
            if self.process.stdout is not None:
                self.process.stdout.close()

    def __enter__(self) -> McpHttpServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def _wait_for_port(url: str) -> None:
    port = int(url.split(":")[2].split("/")[0])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the test MCP server did not listen")


if __name__ == "__main__":
    main()
