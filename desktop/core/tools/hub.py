"""The MCP hub: starts the configured MCP servers when first needed and runs their tools.

Why a thread of its own: the `mcp` SDK is built on anyio, whose cancel scopes and task groups
expect to own the event loop's task and cancellation machinery. qasync's loop (the window's)
runs callbacks from Qt's event loop and has had trouble with anyio's native cancellation and
subprocess child watchers; a stuck server or a slow handshake there would also compete with
UI work. So every MCP session lives on ONE dedicated asyncio loop on the thread "mcp-hub",
owned by the hub. The caller's loop (qasync, `asyncio.run` in the CLI) awaits each operation
through `asyncio.run_coroutine_threadsafe` + `asyncio.wrap_future`: cancelling the awaiting
task cancels the coroutine on the hub thread, which cancels the MCP request there.

The hub never raises to a caller of the executor methods except `asyncio.CancelledError`:
a server that does not start, crashes, hangs or answers nonsense gives an error `ToolResult`
with a clear message. Status changes (`ServerStatus`) go to subscribers, called ON THE HUB
THREAD (a UI must hop to its own thread).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import threading
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

from desktop.core.redaction import redact
from desktop.core.secrets import KeyringUnavailableError, SecretStore
from desktop.core.tools.contract import ToolResult, ToolSpec
from desktop.core.tools.mcp_config import McpConfig, ServerConfig, load_config
from desktop.core.tools.mcp_connection import (
    ConnectionLost,
    ServerConnection,
    describe_exception,
)
from desktop.core.tools.mcp_results import convert_result, error_result

log = logging.getLogger(__name__)
T = TypeVar("T")

State = Literal["stopped", "starting", "running", "failed"]
MAX_DESCRIPTION = 8000
MAX_SCHEMA_CHARS = 100_000
MAX_TOOLS_PER_SERVER = 2000


@dataclass(frozen=True)
class ServerStatus:
    state: State = "stopped"
    reason: str = ""


StatusCallback = Callable[[str, ServerStatus], None]


class McpServerError(Exception):
    """A server could not be started or listed (raised by `server_tools` only)."""


def launch_key(config: ServerConfig) -> tuple[Any, ...]:
    """What a running session depends on: a change here means a restart."""
    return (config.transport, config.command, config.args, sorted(config.env.items()),
            config.cwd, config.url, sorted(config.headers.items()), config.start_timeout,
            config.call_timeout)


class _Server:
    """What the hub thread knows of one server: its connection and its restart budget."""

    def __init__(self) -> None:
        self.connection: ServerConnection | None = None
        self.lock = asyncio.Lock()
        self.restarts_left = 1
        self.started_once = False  # a start was tried; later starts use restarts_left


class McpHub:
    """Runs MCP servers for the tool-call loop (implements `ToolExecutor`)."""

    def __init__(self, config: McpConfig, *, secrets: SecretStore | None = None) -> None:
        self._config = config
        self._secrets = secrets
        self._states: dict[str, ServerStatus] = {}
        self._tools: dict[str, tuple[ToolSpec, ...]] = {}
        self._subscribers: list[StatusCallback] = []
        self._lock = threading.Lock()
        self._servers: dict[str, _Server] = {}  # touched only on the hub thread
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    @classmethod
    def open(cls, data_dir_root: Path, *, secrets: SecretStore | None = None) -> McpHub:
        """A hub for the servers in `<data_dir_root>/mcp_servers.json` (see `warnings`)."""
        return cls(load_config(data_dir_root), secrets=secrets)

    @property
    def config(self) -> McpConfig:
        return self._config

    @property
    def warnings(self) -> list[str]:
        return list(self._config.warnings)

    def set_config(self, config: McpConfig) -> None:
        """Use a changed server list; servers whose launch settings changed (or that were
        removed or turned off) are stopped, and start again when next used."""
        old = {s.name: s for s in self._config.servers}
        self._config = config
        stale = [name for name, server in old.items()
                 if not config.has(name) or not config.get(name).enabled
                 or launch_key(config.get(name)) != launch_key(server)]
        if stale and self._loop is not None and not self._closed:
            self._submit(self._stop_servers(stale))

    def is_always_allowed(self, spec: ToolSpec) -> bool:
        """Whether the user chose "always allow" for this tool (the default is to ask)."""
        server = next((s for s in self._config.servers if s.name == spec.server), None)
        return server is not None and server.policy(spec.name).always_allow

    def set_tool_policy(self, server: str, tool: str, *, enabled: bool | None = None,
                        always_allow: bool | None = None) -> None:
        """Change and save one tool's switches; raises McpConfigError when saving fails."""
        changes = {key: value for key, value in
                   (("enabled", enabled), ("always_allow", always_allow)) if value is not None}
        config = self._config.get(server)
        self._config.replace(config.with_policy(tool, **changes))
        self._config.save()

    # --- status ---------------------------------------------------------------------------

    def status(self, name: str) -> ServerStatus:
        with self._lock:
            return self._states.get(name, ServerStatus())

    def subscribe(self, callback: StatusCallback) -> Callable[[], None]:
        """Call `callback(name, status)` on each change, ON THE HUB THREAD; returns a function
        that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)
        return unsubscribe

    def tools_of(self, name: str) -> tuple[ToolSpec, ...] | None:
        """Every tool `name` listed last time (enabled or not); None before the first listing."""
        with self._lock:
            return self._tools.get(name)

    def _set_status(self, name: str, state: State, reason: str = "") -> None:
        status = ServerStatus(state, redact(reason))
        with self._lock:
            if self._states.get(name) == status:
                return
            self._states[name] = status
            subscribers = list(self._subscribers)
        log.info("MCP server %r: %s%s", name, state, f" ({status.reason})" if reason else "")
        for callback in subscribers:
            try:
                callback(name, status)
            except Exception:
                log.exception("An MCP status subscriber failed")

    # --- the hub thread -------------------------------------------------------------------

    def _ensure_thread(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                ready = threading.Event()

                def run() -> None:
                    asyncio.set_event_loop(loop)
                    loop.call_soon(ready.set)
                    loop.run_forever()
                    loop.close()

                self._thread = threading.Thread(target=run, name="mcp-hub", daemon=True)
                self._thread.start()
                ready.wait()
                self._loop = loop
            return self._loop

    def _submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self._ensure_thread())

    async def _on_hub(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run `coro` on the hub thread; cancelling the caller cancels it there."""
        if self._closed:
            coro.close()
            raise RuntimeError("The MCP hub is closed.")
        return await asyncio.wrap_future(self._submit(coro))

    # --- ToolExecutor ---------------------------------------------------------------------

    async def list_tools(self, servers: Sequence[str] | None = None) -> list[ToolSpec]:
        """The enabled tools of the enabled `servers` (all when None); failed servers are
        skipped (their status says why)."""
        chosen = [s for s in self._config.servers if s.enabled
                  and (servers is None or s.name in servers)]
        if not chosen or self._closed:
            return []
        try:
            listed = await self._on_hub(self._list_many(chosen))
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("Listing MCP tools failed unexpectedly")
            return []
        return [spec for config, specs in zip(chosen, listed, strict=True)
                if not isinstance(specs, McpServerError)
                for spec in specs if config.policy(spec.name).enabled]

    async def server_tools(self, name: str) -> list[ToolSpec]:
        """Start `name` if needed and list all its tools; raises McpServerError with the reason."""
        config = self._config.get(name)
        result = (await self._on_hub(self._list_many([config])))[0]
        if isinstance(result, McpServerError):
            raise result
        return list(result)

    async def call_tool(self, spec: ToolSpec, arguments: dict[str, Any], *,
                        time_limit: float | None = None) -> ToolResult:
        started = time.perf_counter()
        try:
            if self._closed:
                return error_result("Tools are not available: the MCP hub was closed.")
            return await self._on_hub(self._call(spec, arguments, time_limit))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the hub thread itself failed; still a result, not a raise
            log.exception("MCP call failed unexpectedly")
            elapsed = (time.perf_counter() - started) * 1000
            return error_result(f"The tool {spec.name!r} could not be run: "
                                f"{redact(describe_exception(exc))}", elapsed)

    async def close(self) -> None:
        """Stop every started server and the hub thread."""
        if self._closed:
            return
        self._closed = True
        if self._loop is None:
            return
        future = self._submit(self._stop_everything())
        try:
            await asyncio.wrap_future(future)
        finally:
            loop, thread = self._loop, self._thread
            loop.call_soon_threadsafe(loop.stop)
            if thread is not None:
                await asyncio.to_thread(thread.join, 10)

    def shutdown(self, timeout: float = 15.0) -> None:
        """`close()` for code without a running loop (the app's last moments): blocks."""
        if self._closed:
            return
        self._closed = True
        if self._loop is None:
            return
        try:
            self._submit(self._stop_everything()).result(timeout)
        except Exception:
            log.warning("MCP servers did not all stop within %g s", timeout)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(timeout)

    # --- on the hub thread ----------------------------------------------------------------

    async def _stop_everything(self) -> None:
        """Stop the servers, let calls still running end with their error results, and cancel
        what is left, so that no caller waits on a loop that has stopped."""
        await self._stop_servers(None)
        current = asyncio.current_task()
        left = [task for task in asyncio.all_tasks() if task is not current]
        if left:
            _, pending = await asyncio.wait(left, timeout=1.0)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=1.0)

    async def _list_many(self, configs: list[ServerConfig]
                         ) -> list[tuple[ToolSpec, ...] | McpServerError]:
        return list(await asyncio.gather(*(self._list_one(c) for c in configs)))

    async def _list_one(self, config: ServerConfig) -> tuple[ToolSpec, ...] | McpServerError:
        try:
            connection = await self._connection(config)
            tools = await asyncio.wait_for(connection.list_tools(), config.call_timeout)
        except McpServerError as exc:
            return exc
        except Exception as exc:
            return self._failed(config, "could not list its tools", exc)
        found = (_spec(config.name, tool) for tool in tools[:MAX_TOOLS_PER_SERVER])
        specs = tuple(spec for spec in found if spec is not None)
        with self._lock:
            self._tools[config.name] = specs
        return specs

    async def _call(self, spec: ToolSpec, arguments: dict[str, Any],
                    time_limit: float | None) -> ToolResult:
        started = time.perf_counter()

        def failed(message: str) -> ToolResult:
            return error_result(message, (time.perf_counter() - started) * 1000)

        config = next((s for s in self._config.servers if s.name == spec.server), None)
        if config is None:
            return failed(f"There is no MCP server named {spec.server!r}.")
        if not config.enabled or not config.policy(spec.name).enabled:
            return failed(f"The tool {spec.name!r} of the MCP server {spec.server!r} is turned "
                          "off in the settings.")
        try:
            connection = await self._connection(config)
        except McpServerError as exc:
            return failed(str(exc))
        limit = time_limit if time_limit is not None else config.call_timeout
        try:
            result = await asyncio.wait_for(connection.call(spec.name, arguments), limit)
        except TimeoutError:
            return failed(f"The tool {spec.name!r} of the MCP server {config.name!r} did not "
                          f"answer within {limit:g} s.")
        except Exception as exc:
            if not connection.alive:  # let the session finish ending, for a better reason
                await connection.wait_ended(1.0)
            return failed(self._call_failure(config, spec.name, connection, exc))
        self._server(config.name).restarts_left = 1
        return convert_result(result, (time.perf_counter() - started) * 1000)

    def _call_failure(self, config: ServerConfig, tool: str, connection: ServerConnection,
                      exc: Exception) -> str:
        name = config.name
        if type(exc).__name__ == "ValidationError":
            log.info("MCP server %r sent a malformed result: %s", name, redact(str(exc)[:500]))
            return f"The MCP server {name!r} sent a malformed result for {tool!r}."
        code = getattr(exc, "code", None)
        lost = isinstance(exc, ConnectionLost) or code == -32000 or not connection.alive
        if lost and self._closed:
            return f"The call to {tool!r} on the MCP server {name!r} was stopped: tools shut down."
        if lost:
            reason = connection.failure_text()
            self._set_status(name, "failed", f"stopped during a call: {reason}")
            return (f"The MCP server {name!r} stopped during the call to {tool!r}"
                    f" ({reason}).")
        text = redact(describe_exception(exc))[:2000]
        if code is not None:
            return f"The MCP server {name!r} refused the call to {tool!r}: {text}"
        return f"The call to {tool!r} on the MCP server {name!r} failed: {text}"

    def _server(self, name: str) -> _Server:
        return self._servers.setdefault(name, _Server())

    async def _connection(self, config: ServerConfig) -> ServerConnection:
        """The running connection to `config`: started when first needed; after a crash or a
        failed start, started again once (a successful call renews that one restart)."""
        server = self._server(config.name)
        async with server.lock:
            current = server.connection
            if current is not None and current.alive:
                return current
            if current is not None:  # it died since the last call
                await current.stop()
                server.connection = None
            if server.started_once:
                if server.restarts_left <= 0:
                    raise McpServerError(
                        f"The MCP server {config.name!r} failed again after a restart "
                        f"({self.status(config.name).reason}). Turn it off and on to retry.")
                server.restarts_left -= 1
            server.started_once = True
            self._set_status(config.name, "starting")
            try:
                token = await asyncio.to_thread(self._token, config)
                connection = ServerConnection(config, token, on_end=self._on_end)
                await connection.start()
            except Exception as exc:
                raise self._failed(config, "did not start", exc) from None
            server.connection = connection
            self._set_status(config.name, "running")
            return connection

    def _on_end(self, connection: ServerConnection) -> None:
        """A session ended without being asked to (the process exited, the link dropped)."""
        self._set_status(connection.config.name, "failed",
                         f"stopped unexpectedly: {connection.failure_text()}")

    def _token(self, config: ServerConfig) -> str | None:
        if config.transport != "http":
            return None
        try:
            return (self._secrets or SecretStore()).get(config.token_item)
        except KeyringUnavailableError as exc:
            log.warning("MCP server %r: no token from the keyring: %s", config.name, exc)
            return None

    def _failed(self, config: ServerConfig, what: str, exc: BaseException) -> McpServerError:
        reason = redact(describe_exception(exc))
        self._set_status(config.name, "failed", f"{what}: {reason}")
        return McpServerError(f"The MCP server {config.name!r} {what}: {reason}")

    async def _stop_servers(self, names: list[str] | None) -> None:
        targets = [(name, self._servers.pop(name)) for name in list(self._servers)
                   if names is None or name in names]
        connections = [s.connection for _, s in targets if s.connection is not None]
        await asyncio.gather(*(c.stop() for c in connections), return_exceptions=True)
        for name, _ in targets:
            if name not in self._servers:  # not started again meanwhile
                self._set_status(name, "stopped")


def _spec(server: str, tool: Any) -> ToolSpec | None:
    """A ToolSpec from an MCP Tool, or None when its name or schema is unusable."""
    name = getattr(tool, "name", None)
    schema = getattr(tool, "input_schema", None)
    if not isinstance(name, str) or not name or len(name) > 256 or not isinstance(schema, dict):
        return None
    try:
        if len(json.dumps(schema)) > MAX_SCHEMA_CHARS:
            return None
    except (TypeError, ValueError, RecursionError):
        return None
    description = tool.description if isinstance(tool.description, str) else ""
    return ToolSpec(server=server, name=name, description=description[:MAX_DESCRIPTION],
                    input_schema=schema)
