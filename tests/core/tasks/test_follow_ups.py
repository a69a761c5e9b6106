"""Issue 17's follow-ups against the fake relay: several Midjourney polls in one
list-by-condition request (and the fallback), Shorten's five prompts, FaceSwap, the image
upload, Luma Extend from a finished video and Suno continue from a clip."""

from __future__ import annotations

import pytest

from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.tasks import (
    TaskKind,
    TaskStateError,
    TaskStatus,
    continue_song,
    extend_video,
    numbered_prompts,
    upload_images,
)
from tests.helpers.fake_provider import tiny_png
from tests.helpers.fake_tasks import Plan

from .conftest import Studio, run

PNG = "data:image/png;base64," + __import__("base64").b64encode(tiny_png(4, 4)).decode()


def _fetch_gets(studio: Studio) -> int:
    return sum(1 for r in studio.provider.requests
               if r.method == "GET" and r.path.startswith("/mj/task/"))


def _resume_three(studio: Studio) -> list[TaskStatus]:
    """Three imagines submitted, then a restart: the resumed polls come due together."""
    studio.relay.plan(Plan(steps=3), Plan(steps=3), Plan(steps=3))

    async def scenario() -> list[TaskStatus]:
        first = studio.runner()
        ids = [(await first.submit("Relay", TaskKind.MJ_IMAGINE, f"fox {n}")).id
               for n in range(3)]
        await first.aclose()
        second = studio.runner()
        await second.resume_pending()
        done = [await second.wait(task_id) for task_id in ids]
        assert all(len(task.files) == 1 for task in done)
        await second.aclose()
        await studio.close_clients()
        return [task.status for task in done]

    return run(scenario)


def test_mj_polls_due_together_share_one_list_request(studio: Studio) -> None:
    statuses = _resume_three(studio)
    assert statuses == [TaskStatus.SUCCEEDED] * 3
    assert studio.relay.list_requests >= 2  # every round after the restart
    sizes = [len(body["ids"]) for body in studio.provider.bodies("/mj/task/list-by-condition")]
    assert sizes.count(3) >= 2 and set(sizes) <= {2, 3}
    # A task polled alone (the first one, before the others were submitted) is fetched by
    # itself; all other polls went into the lists (four fetches each without them).
    assert _fetch_gets(studio) <= 3


def test_mj_polls_fall_back_to_one_fetch_each_without_the_list_route(studio: Studio) -> None:
    studio.relay.list_by_condition = False
    statuses = _resume_three(studio)
    assert statuses == [TaskStatus.SUCCEEDED] * 3
    assert studio.relay.list_requests == 0
    # Asked once by each runner (before and after the restart), then never again.
    assert 1 <= len(studio.provider.bodies("/mj/task/list-by-condition")) <= 2
    assert _fetch_gets(studio) >= 9  # then every task by itself


def test_shorten_gives_five_prompts_and_faceswap_an_image(studio: Studio) -> None:
    async def scenario() -> tuple:
        runner = studio.runner()
        short = await runner.wait((await runner.submit(
            "Relay", TaskKind.MJ_SHORTEN, "a red fox sitting by an old lighthouse")).id)
        swap = await runner.wait((await runner.submit(
            "Relay", TaskKind.MJ_SWAP, "", {"source_image": PNG, "target_image": PNG})).id)
        await runner.aclose()
        await studio.close_clients()
        return short, swap

    short, swap = run(scenario)
    prompts = numbered_prompts(short)
    assert len(prompts) == 5 and prompts[0] == "a red fox, lighthouse, dusk"
    assert short.files == () and short.status is TaskStatus.SUCCEEDED
    assert swap.status is TaskStatus.SUCCEEDED and [f.role for f in swap.files] == ["image"]
    assert studio.provider.bodies("/mj/insight-face/swap")[0] == {
        "sourceBase64": PNG, "targetBase64": PNG}


def test_upload_images_returns_their_addresses(studio: Studio) -> None:
    async def scenario() -> list[str]:
        runner = studio.runner()
        with pytest.raises(RequestValidationError):
            await upload_images(runner, "Relay", ["not an image"])
        urls = await upload_images(runner, "Relay", [PNG, PNG])
        await studio.close_clients()
        return urls

    urls = run(scenario)
    assert urls == [f"{studio.provider.url}/task-files/upload-{n}.png" for n in (1, 2)]
    assert studio.provider.bodies("/mj/submit/upload-discord-images") == [
        {"base64Array": [PNG, PNG]}]


def test_luma_extend_and_suno_continue_follow_a_finished_task(studio: Studio) -> None:
    async def scenario() -> tuple:
        runner = studio.runner()
        video = await runner.wait((await runner.submit(
            "Relay", TaskKind.LUMA_CREATE, "a wave", {"aspect_ratio": "9:16"})).id)
        longer = await runner.wait((await extend_video(runner, video.id, "the wave breaks")).id)
        song = await runner.wait((await runner.submit(
            "Relay", TaskKind.SUNO_MUSIC, "lofi", {"model": "chirp-v4"})).id)
        with pytest.raises(TaskStateError):
            await continue_song(runner, song.id, 5, 10.0, "")
        more = await runner.wait((await continue_song(runner, song.id, 1, 12.5, "a bridge")).id)
        await runner.aclose()
        await studio.close_clients()
        return video, longer, song, more

    video, longer, song, more = run(scenario)
    assert longer.kind is TaskKind.LUMA_EXTEND and longer.parent_id == video.id
    assert longer.status is TaskStatus.SUCCEEDED
    extend = next(r for r in studio.provider.requests if r.path.endswith("/extend"))
    assert extend.path == f"/luma/generations/{video.remote_id}/extend"
    assert extend.json == {"user_prompt": "the wave breaks", "aspect_ratio": "9:16"}
    assert more.parent_id == song.id and more.status is TaskStatus.SUCCEEDED
    body = studio.provider.bodies("/suno/submit/music")[-1]
    assert body["continue_clip_id"] == f"{song.remote_id}-2" and body["continue_at"] == 12.5
    assert body["mv"] == "chirp-v4" and body["gpt_description_prompt"] == "a bridge"
