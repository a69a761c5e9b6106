"""Hostile relay replies: addresses that are not http(s), broken field types, oversized files,
ids that would climb out of the URL path. Nothing is fetched that should not be, nothing
crashes, and the task says what was refused."""

from __future__ import annotations

import pytest

from desktop.core.tasks import TaskKind, TaskReplyError, TaskStatus
from desktop.core.tasks.errors import TaskRejectedError
from desktop.core.tasks.models import TaskFamily
from desktop.core.tasks.replies import progress_of, submit_reply, task_state, unwrap, web_url
from tests.helpers.fake_tasks import Plan

from .conftest import Studio, run


def test_hostile_midjourney_task(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="hostile"))

    async def scenario() -> None:
        runner = studio.runner()
        return await runner.wait((await runner.submit("Relay", "mj.imagine", "fox")).id)

    done = run(scenario)
    assert done.status is TaskStatus.SUCCEEDED and done.files == ()
    assert "file:///etc/passwd" in (done.error or "") and done.error_code == "download"
    assert 0 < len(done.buttons) <= 40  # capped; the malformed ones dropped
    assert all(len(b.label) <= 80 and b.custom_id.startswith("MJ::n::") for b in done.buttons)
    assert not studio.relay.file_fetches


def test_hostile_suno_and_luma_addresses_are_not_fetched(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="hostile"), Plan(outcome="hostile"))

    async def scenario() -> None:
        runner = studio.runner()
        suno = await runner.wait((await runner.submit("Relay", "suno.music", "x")).id)
        luma = await runner.wait((await runner.submit("Relay", "luma.create", "x")).id)
        return suno, luma

    suno, luma = run(scenario)
    assert suno.files == () and "javascript:alert(1)" in (suno.error or "")
    assert luma.status is TaskStatus.FAILED and "no usable video" in (luma.error or "")


def test_a_file_over_the_cap_is_refused(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="huge"))

    async def scenario() -> None:
        runner = studio.runner(download_bytes=1024 * 1024)
        return await runner.wait((await runner.submit("Relay", "suno.music", "x")).id)

    done = run(scenario)
    assert [f.role for f in done.files] == ["cover", "cover"]
    assert "larger than the limit of 1 MB" in (done.error or "")


def test_a_submit_id_that_would_leave_the_path_is_refused(studio: Studio) -> None:
    studio.relay.plan(Plan(submit_id="../../admin"))

    async def scenario() -> None:
        with pytest.raises(TaskReplyError):
            await studio.runner().submit("Relay", TaskKind.MJ_IMAGINE, "fox")

    run(scenario)
    assert studio.store.list_tasks()[0].status is TaskStatus.FAILED


@pytest.mark.parametrize("value", [
    "file:///etc/passwd", "javascript:alert(1)", "http://", "https://a b", "//x.com/y",
    "http://x.com/\x00", 42, None, {"url": "http://x"}, "http://" + "a" * 5000,
])
def test_web_url_refuses(value: object) -> None:
    assert web_url(value) is None


@pytest.mark.parametrize(("value", "percent"), [
    ("45%", 45), ("100%", 100), ("250%", 100), (0.5, 50), (7, 7), ("lots", None),
    (True, None), (float("nan"), None), ({"x": 1}, None), ("-5%", None),
])
def test_progress_of(value: object, percent: int | None) -> None:
    assert progress_of(value) == percent


def test_replies_of_the_wrong_shape_are_typed_errors() -> None:
    with pytest.raises(TaskReplyError):
        task_state(TaskFamily.MIDJOURNEY, ["not", "a", "task"], "R")
    with pytest.raises(TaskReplyError):
        task_state(TaskFamily.SUNO, {"code": "success", "data": "text"}, "R")
    with pytest.raises(TaskReplyError):
        submit_reply(TaskFamily.MIDJOURNEY, {"code": 1, "result": {"id": 1}}, "R")
    with pytest.raises(TaskRejectedError) as refused:
        unwrap({"code": 500, "message": "upstream \x1b[2Jbusy", "data": None}, "R")
    assert "\x1b" not in str(refused.value)
    state = task_state(TaskFamily.MIDJOURNEY, {"status": "WHATEVER", "progress": "12%"}, "R")
    assert state.status is TaskStatus.IN_PROGRESS and state.remote_status == "WHATEVER"
