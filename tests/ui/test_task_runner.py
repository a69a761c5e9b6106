from __future__ import annotations

import asyncio
import gc

from desktop.core import notices
from desktop.ui.task_runner import TaskRunner
from tests.ui.conftest import run_until


def test_result_reaches_success_callback(qasync_loop: asyncio.AbstractEventLoop) -> None:
    runner = TaskRunner()
    results: list[int] = []

    async def work() -> int:
        await asyncio.sleep(0.01)
        return 42

    runner.start(work(), name="answer", on_success=results.append)
    assert runner.running == 1
    run_until(qasync_loop, lambda: results == [42])
    assert runner.running == 0


def test_task_survives_garbage_collection(qasync_loop: asyncio.AbstractEventLoop) -> None:
    runner = TaskRunner()
    finished: list[str] = []

    async def work() -> str:
        for _ in range(5):
            await asyncio.sleep(0.005)
            gc.collect()
        return "done"

    # No reference to the task is kept here: only the runner holds it.
    runner.start(work(), name="gc", on_success=finished.append)
    gc.collect()
    run_until(qasync_loop, lambda: finished == ["done"])


def test_failure_goes_to_callback_or_notice(qasync_loop: asyncio.AbstractEventLoop) -> None:
    runner = TaskRunner()
    seen: list[notices.Notice] = []
    unsubscribe = notices.subscribe(seen.append)
    failures: list[BaseException] = []
    signalled: list[tuple[str, str]] = []
    runner.task_failed.connect(lambda name, message: signalled.append((name, message)))

    async def boom() -> None:
        raise ValueError("bad gateway reply")

    try:
        runner.start(boom(), name="with-callback", on_failure=failures.append)
        runner.start(boom(), name="unhandled")
        run_until(qasync_loop, lambda: len(signalled) == 2)
    finally:
        unsubscribe()
    assert [type(exc) for exc in failures] == [ValueError]
    assert [n.text for n in seen] == ["unhandled failed: bad gateway reply"]
    assert {name for name, _ in signalled} == {"with-callback", "unhandled"}


def test_cancel_all_cancels_without_callbacks(qasync_loop: asyncio.AbstractEventLoop) -> None:
    runner = TaskRunner()
    called: list[object] = []

    async def forever() -> None:
        await asyncio.sleep(3600)

    task = runner.start(forever(), name="forever", on_success=called.append,
                        on_failure=called.append)
    run_until(qasync_loop, lambda: True)
    runner.cancel_all()
    run_until(qasync_loop, lambda: task.done() and runner.running == 0)
    assert task.cancelled()
    assert called == []
    assert runner.running == 0


def test_writes_on_one_queue_land_in_the_order_asked(
        qasync_loop: asyncio.AbstractEventLoop) -> None:
    import threading

    runner = TaskRunner()
    landed: list[str] = []

    def write(value: str, delay: float) -> str:
        threading.Event().wait(delay)  # on a worker thread: the first write is the slow one
        landed.append(value)
        return value

    runner.write_in_order("settings", write, "shown on opening", 0.3, name="first")
    runner.write_in_order("settings", write, "the user's pick", 0.0, name="second")
    runner.write_in_order("other", write, "another queue", 0.0, name="other")
    run_until(qasync_loop, lambda: len(landed) == 3)
    # The other queue did not wait for the slow write; the same queue did.
    assert landed == ["another queue", "shown on opening", "the user's pick"]
