"""One MCP server's live session, owned by a task on the hub's event loop.

The SDK's `Client` is an anyio context manager whose cancel scopes belong to the task that
entered it, so one owner task enters it, signals `ready`, and waits until it is told to stop
or the transport ends (the server exited, the connection dropped). Calls run in their own
tasks on the same loop and only use the session's streams. A stdio server's stderr goes
through a pipe read by a small thread: lines are logged redacted and the last few kept for
error messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from collections import deque
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TextIO

from desktop.core.redaction import redact
from desktop.core.tools.mcp_config import ServerConfig

log = logging.getLogger(__name__)

STOP_GRACE_S = 8.0  # the SDK's stdio shutdown waits up to 2 s + 2 s + 2 s for a process
MAX_PAGES = 50
MAX_STDERR_LINES_LOGGED = 200
STDERR_TAIL_CHARS = 1500


class ConnectionLost(Exception):  # noqa: N818 - a state, named as the message says
    """The server went away (process exited, connection dropped)."""


class StderrTail:
    """A pipe for a server's stderr; a thread logs its lines redacted and keeps the last ones."""

    def __init__(self, server: str) -> None:
        self.server = server
        read_fd, write_fd = os.pipe()
        self.writer: TextIO | None = os.fdopen(write_fd, "w")
        self._reader = os.fdopen(read_fd, "rb")
        self._lines: deque[str] = deque(maxlen=20)
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._read, name=f"mcp-stderr-{server}",
                                        daemon=True)
        self._thread.start()

    def wait_eof(self, timeout: float) -> None:
        """Wait a little for the last lines (the reader ends when the process has exited)."""
        self._thread.join(timeout)

    def close_writer(self) -> None:
        """Drop our copy of the write end once the process has its own (EOF when it exits)."""
        if self.writer is not None:
            with contextlib.suppress(OSError):
                self.writer.close()
            self.writer = None

    def _read(self) -> None:
        logged = 0
        with self._reader:
            for raw in self._reader:
                line = redact(raw[:2000].decode("utf-8", "replace").rstrip())
                with self._lock:
                    self._lines.append(line)
                if logged < MAX_STDERR_LINES_LOGGED:
                    log.debug("MCP server %r stderr: %s", self.server, line)
                    logged += 1

    def tail(self) -> str:
        with self._lock:
            text = "\n".join(line for line in self._lines if line.strip())
        return text[-STDERR_TAIL_CHARS:]


class _WatchedRead:
    """A transport's read stream that sets `ended` when the server side is gone."""

    def __init__(self, stream: Any, ended: asyncio.Event) -> None:
        self._stream = stream
        self._ended = ended

    async def receive(self) -> Any:
        try:
            return await self._stream.receive()
        except Exception:
            self._ended.set()
            raise

    async def aclose(self) -> None:
        await self._stream.aclose()

    def __aiter__(self) -> _WatchedRead:
        return self

    async def __anext__(self) -> Any:
        try:
            return await self.receive()
        except Exception as exc:
            import anyio

            if isinstance(exc, anyio.EndOfStream | anyio.ClosedResourceError):
                raise StopAsyncIteration from None
            raise

    async def __aenter__(self) -> _WatchedRead:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


class ServerConnection:
    """A started (or starting) server: `start()`, then `list_tools()` / `call()`, `stop()`."""

    def __init__(self, config: ServerConfig, token: str | None, *,
                 on_end: Callable[[ServerConnection], None] | None = None) -> None:
        self.config = config
        self._on_end = on_end
        self._token = token
        self._ready = asyncio.Event()
        self._wake = asyncio.Event()  # stop requested, or the transport ended
        self._ended = asyncio.Event()
        self._stopping = False
        self._client: Any = None
        self._owner: asyncio.Task[None] | None = None
        self._failure: BaseException | None = None
        self.stderr: StderrTail | None = None
        self.http_status: int | None = None  # the last HTTP error status, for messages

    @property
    def alive(self) -> bool:
        return self._client is not None and not self._ended.is_set() and not self._wake.is_set()

    def failure_text(self) -> str:
        """Why the session ended or did not start: the error and the stderr tail."""
        parts = []
        if self.http_status is not None:
            hint = " (is the token right?)" if self.http_status in (401, 403) else ""
            parts.append(f"the server answered HTTP {self.http_status}{hint}")
        elif self._failure is not None:
            parts.append(describe_exception(self._failure))
        tail = self.stderr.tail() if self.stderr else ""
        if tail:
            parts.append(f"its last output: {tail}")
        return redact("; ".join(parts) or "it exited")

    async def start(self) -> None:
        """Start the server and finish the handshake within the start timeout."""
        cwd = self.config.cwd
        if (self.config.transport == "stdio" and cwd
                and not await asyncio.to_thread(Path(cwd).is_dir)):
            raise ConnectionLost(f"the working directory {cwd} does not exist")
        self._owner = asyncio.get_running_loop().create_task(self._own(),
                                                             name=f"mcp-{self.config.name}")
        waiter = asyncio.ensure_future(self._ready.wait())
        try:
            await asyncio.wait({waiter, self._owner}, timeout=self.config.start_timeout,
                               return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
        if self._ready.is_set() and self.alive:
            return
        if not self._owner.done():
            await self.stop()
            raise TimeoutError(f"no answer within {self.config.start_timeout:g} s")
        if self.stderr is not None:
            await asyncio.to_thread(self.stderr.wait_eof, 0.5)
        raise ConnectionLost(self.failure_text())

    async def _own(self) -> None:
        from mcp import Client, Implementation

        from desktop import APP_NAME, __version__

        try:
            async with contextlib.AsyncExitStack() as stack:
                transport = self._transport()
                try:
                    client = Client(transport, cache=None,
                                    client_info=Implementation(name=APP_NAME, version=__version__))
                    await stack.enter_async_context(client)
                finally:
                    if self.stderr is not None:
                        self.stderr.close_writer()
                self._client = client
                self._ready.set()
                await self._wake.wait()
        except Exception as exc:
            self._failure = _leaf(exc)
        finally:
            self._client = None
            self._ended.set()
            self._wake.set()
            if not self._stopping and self._ready.is_set():
                log.info("MCP server %r ended: %s", self.config.name, self.failure_text())
                if self._on_end is not None:
                    self._on_end(self)

    @contextlib.asynccontextmanager
    async def _transport(self) -> AsyncIterator[Any]:
        """The transport's streams, with the read side watched for the server going away."""
        if self.config.transport == "stdio":
            from mcp import StdioServerParameters
            from mcp.client.stdio import stdio_client

            params = StdioServerParameters(command=self.config.command,
                                           args=list(self.config.args),
                                           env=dict(self.config.env), cwd=self.config.cwd,
                                           encoding_error_handler="replace")
            self.stderr = StderrTail(self.config.name)
            assert self.stderr.writer is not None
            async with stdio_client(params, errlog=self.stderr.writer) as (read, write):
                yield _WatchedRead(read, self._wake), write
            return
        import httpx2
        from mcp.client.streamable_http import streamable_http_client

        headers = dict(self.config.headers)
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        timeout = httpx2.Timeout(self.config.start_timeout, read=self.config.call_timeout + 5)

        async def note_status(response: httpx2.Response) -> None:
            if response.status_code >= 400:
                self.http_status = response.status_code

        hooks = {"response": [note_status]}
        async with (httpx2.AsyncClient(headers=headers, timeout=timeout, event_hooks=hooks) as http,
                    streamable_http_client(self.config.url, http_client=http) as (read, write)):
            yield _WatchedRead(read, self._wake), write

    async def list_tools(self) -> list[Any]:
        """Every tool the server lists (all pages, at most MAX_PAGES)."""
        client = self._live()
        tools: list[Any] = []
        cursor: str | None = None
        for _ in range(MAX_PAGES):
            page = await client.list_tools(cursor=cursor)
            tools.extend(page.tools)
            cursor = page.next_cursor
            if not cursor:
                break
        return tools

    async def call(self, tool: str, arguments: dict[str, Any]) -> Any:
        return await self._live().call_tool(tool, arguments)

    async def wait_ended(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ended.wait(), seconds)

    def _live(self) -> Any:
        if not self.alive:
            raise ConnectionLost(self.failure_text())
        return self._client

    async def stop(self) -> None:
        """Leave the session (the SDK then stops the process); a start still under way, or an
        owner stuck past the grace period, is cancelled."""
        self._stopping = True
        self._wake.set()
        owner = self._owner
        if owner is None or owner.done():
            return
        if self._ready.is_set():
            done, _ = await asyncio.wait({owner}, timeout=STOP_GRACE_S)
            if done:
                return
        owner.cancel()
        await asyncio.wait({owner}, timeout=STOP_GRACE_S)


def _leaf(exc: BaseException) -> BaseException:
    """The first real error inside (nested) exception groups."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc


def describe_exception(exc: BaseException) -> str:
    exc = _leaf(exc)
    if isinstance(exc, FileNotFoundError):
        return f"the command was not found ({exc.filename or exc})"
    if isinstance(exc, PermissionError):
        return f"the command may not be run ({exc.filename or exc})"
    if isinstance(exc, ConnectionLost | TimeoutError) and str(exc):
        return str(exc)
    if getattr(exc, "code", None) == -32000:
        return "the connection closed (did the server exit?)"
    text = str(exc).strip() or type(exc).__name__
    name = type(exc).__name__
    if name in ("ConnectError", "ConnectTimeout"):
        return f"could not connect ({text})"
    if name == "HTTPStatusError":
        status = getattr(getattr(exc, "response", None), "status_code", "")
        return f"the server answered HTTP {status}"
    return text if name in text else f"{name}: {text}"
