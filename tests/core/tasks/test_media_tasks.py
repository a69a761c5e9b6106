"""Suno clips (real WAV), Luma videos (a real MP4; plain and `{code, data}`-wrapped
replies) and Flux images through the images endpoint."""

from __future__ import annotations

from desktop.core.tasks import TaskKind, TaskStatus
from desktop.core.wav_audio import read_wav
from tests.helpers.fake_tasks import Plan
from tests.helpers.tiny_video import tiny_mp4

from .conftest import Studio, run


def test_suno_stores_two_playable_clips_and_their_covers(studio: Studio) -> None:
    async def scenario() -> None:
        runner = studio.runner()
        task = await runner.submit("Relay", TaskKind.SUNO_MUSIC, "a calm lofi song",
                                   {"tags": "lofi", "instrumental": True})
        return await runner.wait(task.id)

    done = run(scenario)
    assert done.status is TaskStatus.SUCCEEDED
    assert [(f.role, f.mime) for f in done.files] == [
        ("audio", "audio/wav"), ("cover", "image/png"), ("audio", "audio/wav"),
        ("cover", "image/png")]
    audio = studio.store.read_attachment(done.files[0].hash)
    assert read_wav(audio).frames  # a real WAV the player can open
    assert [c["title"] for c in done.details["clips"]] == ["Song 1", "Song 2"]
    assert studio.provider.bodies("/suno/submit/music")[0] == {
        "mv": "chirp-v3-5", "make_instrumental": True,
        "gpt_description_prompt": "a calm lofi song", "tags": "lofi"}


def test_suno_custom_mode_sends_lyrics(studio: Studio) -> None:
    async def scenario() -> None:
        runner = studio.runner()
        return await runner.submit("Relay", TaskKind.SUNO_MUSIC, "Night drive",
                                   {"lyrics": "[Verse]\nlights", "title": "Night"})

    run(scenario)
    body = studio.provider.bodies("/suno/submit/music")[0]
    assert body["prompt"] == "[Verse]\nlights" and body["title"] == "Night"
    assert "gpt_description_prompt" not in body


def test_luma_video_wrapped_replies_and_extend(studio: Studio) -> None:
    studio.relay.wrapped = True

    async def scenario() -> None:
        runner = studio.runner()
        first = await runner.wait((await runner.submit(
            "Relay", TaskKind.LUMA_CREATE, "a wave", {"aspect_ratio": "16:9"})).id)
        extended = await runner.wait((await runner.submit(
            "Relay", TaskKind.LUMA_EXTEND, "further",
            {"generation_id": first.remote_id})).id)
        return first, extended

    first, extended = run(scenario)
    assert first.status is TaskStatus.SUCCEEDED and extended.status is TaskStatus.SUCCEEDED
    video = next(f for f in first.files if f.role == "video")
    assert video.mime == "video/mp4" and video.name == "luma-video.mp4"
    assert studio.store.read_attachment(video.hash) == tiny_mp4()
    extend = [r for r in studio.provider.requests if r.path.endswith("/extend")]
    assert extend[0].path == f"/luma/generations/{first.remote_id}/extend"


def test_luma_failure(studio: Studio) -> None:
    studio.relay.plan(Plan(outcome="failure", fail_reason="prompt rejected"))

    async def scenario() -> None:
        runner = studio.runner()
        return await runner.wait((await runner.submit("Relay", "luma.create", "x")).id)

    done = run(scenario)
    assert done.status is TaskStatus.FAILED and done.error == "prompt rejected"


def test_flux_answers_at_once_through_the_images_endpoint(studio: Studio) -> None:
    studio.task_apis = {"flux": True, "flux_model": "flux-dev"}

    async def scenario() -> None:
        runner = studio.runner()
        return await runner.submit("Relay", TaskKind.FLUX_IMAGE, "a lighthouse",
                                   {"size": "512*512", "n": 2})

    done = run(scenario)
    assert done.status is TaskStatus.SUCCEEDED and len(done.files) == 2
    assert studio.provider.bodies("/images/generations")[0] == {
        "model": "flux-dev", "prompt": "a lighthouse", "n": 2, "size": "512x512"}
