"""Fixtures of the task tests: the fake provider with its task relay, a real history file,
and a `Studio` that builds runners against them (fast polling, recorded waits)."""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.retry import RetryPolicy
from desktop.core.providers import KeySource, ProviderProfile
from desktop.core.store import Store
from desktop.core.tasks import PollPolicy, TaskEvent, TaskRunner
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.fake_tasks import TaskRelay

__all__ = ["fake_provider"]

FAST = PollPolicy(first=0.01, factor=1.0, longest=0.01, longest_hint=30.0, lost_after=3)


async def _no_wait(seconds: float) -> None:
    await asyncio.sleep(0)


@dataclass
class Studio:
    """A provider profile on the fake server, the store, and what runners heard and waited."""

    provider: FakeProvider
    relay: TaskRelay
    data_dir: Path
    key: str
    store: Store
    task_apis: dict[str, Any] = field(default_factory=dict)
    events: list[TaskEvent] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)
    clients: list[ApiClient] = field(default_factory=list)
    now: float = field(default_factory=time.time)
    retries: int = 0  # the client's own retries (its waits are skipped)
    _woken: asyncio.Event | None = None

    def profile(self) -> ProviderProfile:
        return ProviderProfile("Relay", self.provider.base_url, key_source=KeySource.NONE,
                               max_retries=0, task_apis=self.task_apis)

    async def client_for(self, name: str) -> ApiClient:
        assert name == "Relay"
        client = ApiClient(self.profile(), self.key, retry=RetryPolicy(
            max_retries=self.retries, sleep=_no_wait, random=lambda: 0.0))
        self.clients.append(client)
        return client

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Records the wait the runner asked for and moves the runner's clock by it; waits
        a moment only, so a scenario runs in real milliseconds."""
        self.waits.append(seconds)
        self.now += seconds
        await asyncio.sleep(0.002)

    def runner(self, policy: PollPolicy = FAST, **options: Any) -> TaskRunner:
        runner = TaskRunner(self.store, self.client_for, policy=policy, sleep=self.sleep,
                            clock=self.clock, **options)
        runner.add_listener(self._heard)
        return runner

    def _heard(self, event: TaskEvent) -> None:
        self.events.append(event)
        if self._woken is not None:
            self._woken.set()

    async def until(self, predicate: Callable[[], bool]) -> None:
        """Wait until `predicate()` holds, checking it after each event a runner reports."""
        while not predicate():
            self._woken = asyncio.Event()
            await self._woken.wait()

    def reopen(self) -> Store:
        """Close the history and open the same file again (a restart)."""
        self.store.close()
        self.store = Store.open(self.data_dir, backup_interval=None)
        return self.store

    async def close_clients(self) -> None:
        for client in self.clients:
            await client.aclose()
        self.clients.clear()


@pytest.fixture
def studio(tmp_path: Path, fake_provider: FakeProvider) -> Iterator[Studio]:
    relay = TaskRelay()
    fake_provider.tasks = relay
    key = "sk-test-" + secrets.token_hex(8)
    fake_provider.require_key = key
    store = Store.open(tmp_path / "data", backup_interval=None)
    studio = Studio(fake_provider, relay, tmp_path / "data", key, store)
    try:
        yield studio
    finally:
        studio.store.close()


def run(coro_factory: Callable[[], Awaitable[Any]]) -> Any:
    """Run a scenario on a fresh event loop."""
    async def main() -> Any:
        return await coro_factory()

    return asyncio.run(main())
