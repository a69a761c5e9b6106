"""Polling survives a restart of Switchboard (the history file reopened) and of the relay
(its HTTP server stopped and started again on the same port in the middle of polling)."""

from __future__ import annotations

import asyncio

from desktop.core.tasks import TaskKind, TaskNotFoundError, TaskStatus, task_error
from tests.helpers.fake_tasks import Plan, restart_on_same_port

from .conftest import Studio, run


def test_resume_after_switchboard_restarts(studio: Studio) -> None:
    studio.relay.plan(Plan(steps=4))

    async def first_run() -> int:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        await studio.until(
            lambda: studio.store.get_task(task.id).status is TaskStatus.IN_PROGRESS)
        await runner.aclose()  # the app quits (or crashes) while the task runs
        await studio.close_clients()
        return task.id

    task_id = run(first_run)
    lost = studio.store.create_task("Relay", TaskKind.SUNO_MUSIC, "never confirmed")
    studio.reopen()  # a new process: the same SQLite file
    assert studio.store.get_task(task_id).status is TaskStatus.IN_PROGRESS

    async def second_run() -> None:
        runner = studio.runner()
        resumed = await runner.resume_pending()
        assert [t.id for t in resumed] == [task_id]
        done = await runner.wait(task_id)
        assert done.status is TaskStatus.SUCCEEDED and len(done.files) == 1
        await studio.close_clients()

    run(second_run)
    never_sent = studio.store.get_task(lost.id)
    assert never_sent.status is TaskStatus.FAILED and never_sent.error_code == "lost"
    assert isinstance(task_error(never_sent), TaskNotFoundError)
    assert len(studio.provider.bodies("/suno/submit/music")) == 0  # not sent twice


def test_relay_restart_in_the_middle_of_polling(studio: Studio) -> None:
    studio.relay.plan(Plan(steps=3))
    restarted = []

    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.LUMA_CREATE, "a wave")
        await studio.until(
            lambda: studio.store.get_task(task.id).status is TaskStatus.IN_PROGRESS)
        studio.provider.stop()
        failures_before = len(studio.waits)
        await asyncio.sleep(0.1)  # polls fail: connection refused
        restarted.append(await asyncio.to_thread(restart_on_same_port, studio.provider))
        done = await runner.wait(task.id)
        assert len(studio.waits) > failures_before
        assert done.status is TaskStatus.SUCCEEDED
        assert any(f.role == "video" for f in done.files)
        await studio.close_clients()

    try:
        run(scenario)
    finally:
        for server in restarted:
            server.stop()


def test_a_relay_that_forgot_the_task_ends_it(studio: Studio) -> None:
    studio.relay.plan(Plan(steps=5))

    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        studio.relay.tasks.clear()  # a relay restarted without its state
        return await runner.wait(task.id)

    done = run(scenario)
    assert done.status is TaskStatus.FAILED and done.error_code == "lost"
