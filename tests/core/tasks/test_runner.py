"""The task runner against the fake relay (a real HTTP server) and a real history file:
submit, poll, results stored once, buttons, Modal, every submit code, FAILURE, timeouts."""

from __future__ import annotations

import asyncio
import hashlib

import pytest

from desktop.core.api.errors import ContentPolicyError, InternalServerError, RateLimitError
from desktop.core.tasks import (
    PollPolicy,
    TaskBannedPromptError,
    TaskEventKind,
    TaskFailedError,
    TaskKind,
    TaskQueueFullError,
    TaskRejectedError,
    TaskStateError,
    TaskStatus,
    TaskTimeoutError,
    TaskUnsupportedError,
    task_error,
)
from tests.helpers.fake_provider import Reply
from tests.helpers.fake_tasks import Plan

from .conftest import Studio, run


def test_imagine_polls_to_success_and_stores_the_image_once(studio: Studio) -> None:
    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "a red fox",
                                   {"bot_type": "NIJI_JOURNEY"})
        assert task.status is TaskStatus.SUBMITTED and task.remote_id
        done = await runner.wait(task.id)
        assert done.status is TaskStatus.SUCCEEDED and done.progress == 100
        assert [b.caption for b in done.buttons][:5] == ["U1", "U2", "U3", "U4", "🔄"]
        assert len(done.files) == 1 and done.files[0].mime == "image/png"
        assert done.files[0].name == "midjourney-1.png" and done.files[0].role == "image"
        again = await runner.refresh(task.id)  # the server still says SUCCESS
        assert again.files == done.files
        await runner.aclose()
        await studio.close_clients()

    run(scenario)
    body = studio.provider.bodies("/mj/submit/imagine")[0]
    assert body == {"prompt": "a red fox", "botType": "NIJI_JOURNEY", "base64Array": []}
    submit = next(r for r in studio.provider.requests if r.path == "/mj/submit/imagine")
    assert submit.headers["mj-api-secret"] == studio.key  # and the Bearer key
    assert submit.headers["authorization"] == f"Bearer {studio.key}"
    image = next(iter(studio.relay.file_fetches))
    assert studio.relay.file_fetches[image] == 1  # downloaded once, though fetched twice
    kinds = [e.kind for e in studio.events]
    assert kinds[0] is TaskEventKind.ADDED and kinds[-1] is TaskEventKind.FINISHED
    progress = [e.task.progress for e in studio.events]
    assert progress == sorted(progress) and 50 in progress
    stored = studio.store.list_tasks()[0]
    data = studio.store.read_attachment(stored.files[0].hash)
    assert hashlib.sha256(data).hexdigest() == stored.files[0].hash


def test_u2_then_a_modal_custom_zoom(studio: Studio) -> None:
    studio.relay.plan(Plan(), Plan(), Plan(outcome="modal"))

    async def scenario() -> None:
        runner = studio.runner()
        grid = await runner.wait((await runner.submit("Relay", "mj.imagine", "fox")).id)
        with pytest.raises(TaskStateError):
            await runner.action(grid.id, "MJ::not-a-button")
        u2 = next(b for b in grid.buttons if b.label == "U2")
        upscale = await runner.wait((await runner.action(grid.id, u2.custom_id)).id)
        assert upscale.kind is TaskKind.MJ_ACTION and upscale.parent_id == grid.id
        assert upscale.params["label"] == "U2" and upscale.status is TaskStatus.SUCCEEDED
        zoom = next(b for b in upscale.buttons if b.label == "Custom Zoom")
        waiting = await runner.wait((await runner.action(upscale.id, zoom.custom_id)).id)
        assert waiting.status is TaskStatus.MODAL
        await runner.modal(waiting.id, "zoom out --zoom 1.5")
        done = await runner.wait(waiting.id)
        assert done.status is TaskStatus.SUCCEEDED and done.files
        await runner.aclose()
        await studio.close_clients()

    run(scenario)
    actions = studio.provider.bodies("/mj/submit/action")
    assert actions[0]["customId"].startswith("MJ::JOB::upsample::2::")
    assert studio.provider.bodies("/mj/submit/modal")[0]["prompt"] == "zoom out --zoom 1.5"


@pytest.mark.parametrize(("code", "error", "parent"), [
    (23, TaskQueueFullError, RateLimitError),
    (24, TaskBannedPromptError, ContentPolicyError),
    (4, TaskRejectedError, TaskRejectedError),
])
def test_refused_submits_raise_typed_errors_and_are_stored_failed(
    studio: Studio, code: int, error: type[Exception], parent: type[Exception]
) -> None:
    studio.relay.plan(Plan(code=code))

    async def scenario() -> None:
        runner = studio.runner()
        with pytest.raises(error) as raised:
            await runner.submit("Relay", TaskKind.MJ_IMAGINE, "nsfw fox")
        assert isinstance(raised.value, parent) and raised.value.submit_code == code
        await studio.close_clients()

    run(scenario)
    stored = studio.store.list_tasks()[0]
    assert stored.status is TaskStatus.FAILED and stored.error_code == f"mj.{code}"
    assert isinstance(task_error(stored), error)  # the same type when read back later


@pytest.mark.parametrize("code", [21, 22])
def test_codes_21_and_22_are_accepted(studio: Studio, code: int) -> None:
    studio.relay.plan(Plan(code=code))

    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        assert (await runner.wait(task.id)).status is TaskStatus.SUCCEEDED
        await studio.close_clients()

    run(scenario)
    if code == 22:  # queued: the first wait follows the queue length
        assert studio.waits[0] == 5.0


def test_failure_keeps_the_reason_and_maps_to_a_typed_error(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="failure", fail_reason="Job failed: <b>GPU</b>\x1b[31m"))

    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        return await runner.wait(task.id)

    done = run(scenario)
    assert done.status is TaskStatus.FAILED and done.error_code == "failure"
    assert done.error == "Job failed: <b>GPU</b>[31m"  # the escape character is gone
    assert isinstance(task_error(done), TaskFailedError)


def test_a_stuck_task_times_out(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="stuck"))
    policy = PollPolicy(first=0.01, factor=1.0, longest=0.01,
                        timeouts={TaskKind.MJ_IMAGINE: 0.3})

    async def scenario() -> None:
        runner = studio.runner(policy)
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        return await runner.wait(task.id)

    done = run(scenario)
    assert done.status is TaskStatus.FAILED and done.error_code == "timeout"
    assert isinstance(task_error(done), TaskTimeoutError)
    assert "did not finish within" in (done.error or "")


def test_retry_after_sets_the_next_poll(studio: Studio) -> None:
    studio.relay.plan(Plan(retry_after=7))

    async def scenario() -> None:
        runner = studio.runner()
        return await runner.wait((await runner.submit("Relay", "mj.imagine", "fox")).id)

    assert run(scenario).status is TaskStatus.SUCCEEDED
    assert studio.waits.count(7.0) >= 2  # every poll after a Retry-After: 7


def test_a_provider_set_up_without_midjourney_refuses(studio: Studio) -> None:
    studio.task_apis = {"mj": False, "suno": True}

    async def scenario() -> None:
        with pytest.raises(TaskUnsupportedError):
            await studio.runner().submit("Relay", TaskKind.MJ_IMAGINE, "fox")

    run(scenario)
    assert studio.store.list_tasks() == []


def test_cancel_stops_polling(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="stuck"))

    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        waiting = asyncio.ensure_future(runner.wait(task.id))
        await studio.until(
            lambda: any(e.task.status is TaskStatus.IN_PROGRESS for e in studio.events))
        cancelled = await runner.cancel(task.id)
        assert (await waiting).status is TaskStatus.CANCELLED
        assert not runner.is_polling(task.id)
        with pytest.raises(TaskStateError):
            await runner.cancel(task.id)
        return cancelled

    assert run(scenario).status is TaskStatus.CANCELLED


def test_rerun_sends_the_same_prompt_and_params(studio: Studio) -> None:
    async def scenario() -> None:
        runner = studio.runner()
        first = await runner.wait((await runner.submit(
            "Relay", TaskKind.LUMA_CREATE, "waves", {"aspect_ratio": "9:16", "loop": True})).id)
        second = await runner.wait((await runner.rerun(first.id)).id)
        assert second.id != first.id and second.params == first.params
        await studio.close_clients()

    run(scenario)
    bodies = studio.provider.bodies("/luma/generations")
    assert bodies[0] == bodies[1] == {"user_prompt": "waves", "aspect_ratio": "9:16",
                                      "loop": True, "expand_prompt": True}



def test_image_seed_and_delete(studio: Studio) -> None:
    async def scenario() -> None:
        runner = studio.runner()
        done = await runner.wait((await runner.submit("Relay", "mj.imagine", "fox")).id)
        assert await runner.image_seed(done.id) == "1234567"
        await runner.delete(done.id)
        assert studio.events[-1].kind is TaskEventKind.REMOVED
        await studio.close_clients()
        return done

    done = run(scenario)
    assert studio.store.list_tasks() == []
    assert not studio.store.attachment_path(done.files[0].hash).exists()


def test_a_submit_is_not_sent_twice_unless_it_surely_did_not_arrive(studio: Studio) -> None:
    studio.retries = 2
    studio.provider.script("/mj/submit/imagine", Reply.error(502, "bad gateway"),
                           Reply.error(429, "slow down", **{"Retry-After": "0"}))
    studio.provider.script("/fetch", Reply.error(503, "busy"))

    async def scenario() -> None:
        runner = studio.runner()
        with pytest.raises(InternalServerError):  # a 502 may come after the job started
            await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")
        task = await runner.submit("Relay", TaskKind.MJ_IMAGINE, "fox")  # 429: retried
        done = await runner.wait(task.id)  # the 503 of a poll is retried by the client
        await studio.close_clients()
        return done

    assert run(scenario).status is TaskStatus.SUCCEEDED
    paths = [r.path for r in studio.provider.requests]
    assert paths.count("/mj/submit/imagine") == 3
