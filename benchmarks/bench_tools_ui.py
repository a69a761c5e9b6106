"""UI lag of the real window while tools are listed and while a tool loop runs.

A 5 ms QTimer probes the window's event loop; lag = actual interval - 5 ms (max and p99).

- Listing: the Tools menu asks the MCP hub for the tools of the test Streamable HTTP server
  in its 200-tools mode (start, handshake, list on the hub's thread), then builds the menu
  with the 200 tools (on the UI thread).
- Loop: turns of a two-step tool loop through the real window (fake provider in its own
  process, streamed replies; tool cards appended and updated as the calls run), each call
  through the hub to the same server (its `echo` tool), always allowed; the model is
  offered all 200+ tools.

Run from the repository root::

    .venv/bin/python benchmarks/bench_tools_ui.py [--turns 10]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_gui_stream import start_fake_provider  # noqa: E402

PROBE_MS = 5.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class AllowAll:
    def is_always_allowed(self, spec: object) -> bool:
        return True

    def set_tool_policy(self, server: str, tool: str, *, enabled: bool | None = None,
                        always_allow: bool | None = None) -> None:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=10)
    args = parser.parse_args()

    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.secrets import SecretStore
    from desktop.core.store.models import Role
    from desktop.core.tools.choice import ToolChoice
    from desktop.core.tools.contract import wire_name
    from desktop.core.tools.hub import McpHub
    from desktop.core.tools.mcp_config import McpConfig, http_server
    from desktop.ui.theme import apply_theme
    from tests.helpers.chat_window import KEY_ENV, add_provider, data_dir_at, fake_key, open_window
    from tests.helpers.mcp_http_server import McpHttpServer
    from tests.helpers.memory_keyring import MemoryKeyring

    workdir = Path(tempfile.mkdtemp(prefix="bench-tools-ui-"))
    echo = wire_name("web", "echo")
    script = {"repeat": True, "tool_script": {"steps": [
        [[echo, {"text": "one"}]], [[echo, {"text": "two"}], [echo, {"text": "three"}]]]}}
    provider, base_url = start_fake_provider(script, workdir)
    os.environ[KEY_ENV] = fake_key()
    token = "mcp-" + secrets.token_hex(12)
    server = McpHttpServer(token, many=200).start()

    app = QApplication(sys.argv)
    apply_theme(app, "light")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    data = data_dir_at(workdir / "data")
    add_provider(data, base_url)
    chat = open_window(data, loop)
    chat.window.resize(1280, 900)
    keys = SecretStore(backend=MemoryKeyring())
    config = McpConfig(workdir / "mcp_servers.json")
    web = http_server("web", server.url)
    config.add(web)
    keys.set(web.token_item, token)
    hub = McpHub(config, secrets=keys)
    turns = chat.parts.tool_turns
    turns.executor = hub
    turns.policy = AllowAll()
    turns.servers = lambda: [(s.name, None if hub.tools_of(s.name) is None else [
        t.name for t in hub.tools_of(s.name) or ()]) for s in config.servers]

    stamps: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(int(PROBE_MS))
    probe.timeout.connect(lambda: stamps.append(time.perf_counter()))

    def lags() -> list[float]:
        return [max(0.0, (b - a) * 1000 - PROBE_MS) for a, b in itertools.pairwise(stamps)]

    try:
        # -- listing 200 tools (the Tools menu opening) --------------------------------------
        button = chat.window.chat.tool_choice
        stamps.clear()
        probe.start()
        started = time.perf_counter()
        turns.refresh_servers()
        chat.wait(lambda: bool(button.servers) and button.servers[0][1] is not None,
                  timeout=60)
        listed_s = time.perf_counter() - started
        menu_started = time.perf_counter()
        button.build_menu()
        menu_ms = (time.perf_counter() - menu_started) * 1000
        chat.wait(lambda: time.perf_counter() - started >= listed_s + 0.3)
        probe.stop()
        listing = lags()
        count = len(button.servers[0][1] or [])

        # -- turns of a two-step loop ---------------------------------------------------------
        turns.set_choice(ToolChoice({"web": None}))
        stamps.clear()
        probe.start()
        started = time.perf_counter()
        for number in range(args.turns):
            chat.type_and_send(f"Turn {number}: echo a few things.")
            chat.wait(lambda: bool(chat.parts.exchanges.running), timeout=30)
            chat.wait(chat.idle, timeout=120)
        loop_s = time.perf_counter() - started
        probe.stop()
        running = lags()
        tools = sum(1 for m in chat.path() if m.role is Role.TOOL)
        answers = chat.path()[-1].text
    finally:
        chat.close()
        hub.shutdown()
        chat.store.close()
        server.stop()
        provider.kill()

    print()
    print("Tools in the window: UI lag (5 ms probe; lag = interval - 5 ms)")
    print(f"{'measure':<58}{'value':>14}")
    print("-" * 72)
    print(f"{f'listing {count} tools (start, handshake, list)':<58}{listed_s * 1000:>11.0f} ms")
    print(f"{'  lag max meanwhile':<58}{max(listing, default=0):>11.1f} ms")
    print(f"{'  lag p99 meanwhile':<58}{percentile(listing, 0.99):>11.1f} ms")
    print(f"{f'building the Tools menu with {count} tools':<58}{menu_ms:>11.1f} ms")
    print(f"{f'{args.turns} two-step loops (3 calls each, {tools} cards on the path)':<58}"
          f"{loop_s * 1000:>11.0f} ms")
    print(f"{'  per turn':<58}{loop_s * 1000 / max(1, args.turns):>11.0f} ms")
    print(f"{'  lag max meanwhile':<58}{max(running, default=0):>11.1f} ms")
    print(f"{'  lag p99 meanwhile':<58}{percentile(running, 0.99):>11.1f} ms")
    print(f"{'  last answer':<58}{answers[:40]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
