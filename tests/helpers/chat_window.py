"""The real main window on a real Store and ChatService, pointed at the fake provider.

`open_window(...)` builds one in a data directory; opening a second one on the same
directory (after closing the first) is how restart behaviour is tested.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.chat_service import ChatService
from desktop.core.paths import DataDir
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.settings import Settings
from desktop.core.store.models import Message
from desktop.core.store.store import Store
from desktop.core.window_state import WindowState
from desktop.ui.main_window import MainWindow
from desktop.ui.window_assembly import WindowParts, assemble

KEY_ENV = "SWITCHBOARD_TEST_FAKE_KEY"


def add_provider(data_dir: DataDir, base_url: str, name: str = "fake") -> None:
    """A provider profile whose key is read from an environment variable (set at runtime)."""
    registry = ProviderRegistry(data_dir.root)
    registry.add(ProviderProfile(name=name, base_url=base_url, key_source=KeySource.ENV,
                                 key_env=KEY_ENV, max_retries=0, connect_timeout=2.0))
    settings = Settings(data_dir.settings_file)
    settings.set("chat.default_provider", name)
    settings.set("chat.default_model", "fake-model")


def fake_key() -> str:
    return "sk-test-" + secrets.token_hex(8)


@dataclass
class ChatWindow:
    """A shown MainWindow with its store; `wait` drives Qt and asyncio together."""

    window: MainWindow
    store: Store
    loop: asyncio.AbstractEventLoop
    parts: WindowParts

    def wait(self, condition: Callable[[], bool], timeout: float = 10.0) -> None:
        wait_for(self.loop, condition, timeout)

    def idle(self) -> bool:
        """No exchange streaming and no store task of the window running."""
        return (not self.parts.exchanges.running and self.window.tasks.running == 0
                and not self.parts.conversation_list.busy)

    def type_and_send(self, text: str) -> None:
        composer = self.window.chat.composer
        composer.setPlainText(text)
        self.window.chat.send_button.click()

    def path(self, conversation_id: int | None = None) -> list[Message]:
        cid = conversation_id if conversation_id is not None else self.parts.state.conversation_id
        assert cid is not None
        return self.store.active_path(cid)

    def close(self) -> None:
        """Close the window from inside the running loop, as a user's click would."""
        self.loop.call_soon(self.window.close)
        self.wait(lambda: not self.window.isVisible(), timeout=10)
        self.window.deleteLater()


def wait_for(
    loop: asyncio.AbstractEventLoop, condition: Callable[[], bool], timeout: float = 10.0
) -> None:
    """Run the qasync loop until `condition()` holds.

    Unlike `run_until_complete`, this does not process events once more after the loop has
    stopped: qasync does that with no running loop set, and a task step that lands there
    fails with "no running event loop" (a stream's `asyncio.to_thread`, say).
    """
    deadline = time.monotonic() + timeout
    state = {"met": False, "timed_out": False, "over": False}

    def check() -> None:
        if state["over"]:
            return  # a check left behind by an earlier round
        if condition():
            state["met"] = True
            loop.stop()
        elif time.monotonic() > deadline:
            state["timed_out"] = True
            loop.stop()
        else:
            loop.call_later(0.005, check)

    # The loop can also end because Qt quit (the last window closed): then go round again.
    while not (state["met"] or state["timed_out"]):
        loop.call_soon(check)
        loop.run_forever()
        if not (state["met"] or state["timed_out"]) and condition():
            state["met"] = True
    state["over"] = True
    if state["timed_out"]:
        raise TimeoutError(f"condition not met within {timeout} s")


def open_window(data_dir: DataDir, loop: asyncio.AbstractEventLoop) -> ChatWindow:
    store = Store.open(data_dir, backup_interval=None)
    settings = Settings(data_dir.settings_file)
    window_state = WindowState(data_dir.window_state_file)
    window = MainWindow(window_state=window_state, settings=settings)
    window.show()
    service = ChatService(store, ProviderRegistry(data_dir.root))
    parts = assemble(window, store, service, settings, window_state)
    harness = ChatWindow(window, store, loop, parts)
    harness.wait(lambda: window.tasks.running == 0 and not parts.conversation_list.busy)
    return harness


def data_dir_at(path: Path) -> DataDir:
    return DataDir(path).ensure()
