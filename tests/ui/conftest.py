"""GUI test fixtures: a qasync loop on the pytest-qt QApplication, driven explicitly."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import pytest
import qasync
from PySide6.QtWidgets import QApplication


@pytest.fixture
def qasync_loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync event loop set as the current asyncio loop for one test."""
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()
        asyncio.set_event_loop(None)


def run_until(
    loop: asyncio.AbstractEventLoop, condition: Callable[[], bool], timeout: float = 5.0
) -> None:
    """Run the qasync loop (Qt events and asyncio callbacks) until `condition()` holds."""

    async def wait() -> None:
        deadline = loop.time() + timeout
        while True:  # polled: the condition is any Python expression, not an awaitable
            if condition():
                return
            if loop.time() > deadline:
                raise TimeoutError(f"condition not met within {timeout} s")
            await asyncio.sleep(0.005)

    loop.run_until_complete(wait())
