"""The options each kind takes, checked before anything is stored or sent, and the request
bodies and paths each relay convention wants (with the Midjourney mode prefix)."""

from __future__ import annotations

import pytest

from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.providers import ProviderProfile
from desktop.core.tasks import MjMode, TaskApis, TaskKind, check_params, encode_image, task_root
from desktop.core.tasks.requests import submit_request
from tests.helpers.fake_provider import tiny_png

PNG = encode_image(tiny_png(), "image/png")


@pytest.mark.parametrize(("kind", "prompt", "params", "words"), [
    (TaskKind.MJ_IMAGINE, " ", {}, "needs a prompt"),
    (TaskKind.MJ_IMAGINE, "x", {"bot_type": "DALL_E"}, "bot_type must be one of"),
    (TaskKind.MJ_IMAGINE, "x", {"images": ["http://x/y.png"]}, "data:image"),
    (TaskKind.MJ_IMAGINE, "x", {"images": [PNG] * 6}, "at most 5"),
    (TaskKind.MJ_IMAGINE, "x", {"seed": 3}, "takes no option 'seed'"),
    (TaskKind.MJ_ACTION, "", {"custom_id": "MJ::x"}, "needs task_id"),
    (TaskKind.MJ_ACTION, "", {"custom_id": "MJ::x", "task_id": "../../etc"}, "not a valid id"),
    (TaskKind.MJ_BLEND, "", {"images": [PNG]}, "2 to 5 images"),
    (TaskKind.LUMA_CREATE, "x", {"aspect_ratio": "5:4"}, "aspect_ratio"),
    (TaskKind.LUMA_CREATE, "x", {"image_url": "file:///etc/passwd"}, "http(s)"),
    (TaskKind.LUMA_CREATE, "x", {"loop": "maybe"}, "true or false"),
    (TaskKind.FLUX_IMAGE, "x", {"n": 11}, "from 1 to 10"),
    (TaskKind.FLUX_IMAGE, "x", {"size": "big"}, "1024x1024"),
    (TaskKind.SUNO_MUSIC, "x" * 9000, {}, "longer than"),
])
def test_bad_options_are_refused(kind: TaskKind, prompt: str, params: dict[str, object],
                                 words: str) -> None:
    with pytest.raises(RequestValidationError, match=words.replace("(", r"\(").replace(
            ")", r"\)")):
        check_params(kind, prompt, params)


def test_midjourney_requests_and_the_mode_prefix() -> None:
    params = check_params(TaskKind.MJ_IMAGINE, "fox", {"bot_type": "niji_journey",
                                                       "images": [PNG]})
    request = submit_request(TaskKind.MJ_IMAGINE, "fox", params, MjMode.RELAX)
    assert request.path == "mj-relax/mj/submit/imagine"
    assert request.body == {"prompt": "fox", "botType": "NIJI_JOURNEY", "base64Array": [PNG]}
    swap = submit_request(TaskKind.MJ_SWAP, "", check_params(
        TaskKind.MJ_SWAP, "", {"source_image": PNG, "target_image": PNG}))
    assert swap.path == "mj/insight-face/swap" and set(swap.body) == {"sourceBase64",
                                                                      "targetBase64"}
    modal = submit_request(TaskKind.MJ_MODAL, "zoom", {"task_id": "1", "mask": PNG})
    assert modal.body == {"taskId": "1", "prompt": "zoom", "maskBase64": PNG}


def test_suno_and_luma_requests() -> None:
    suno = submit_request(TaskKind.SUNO_MUSIC, "rain", check_params(
        TaskKind.SUNO_MUSIC, "rain", {"continue_clip_id": "clip-1", "continue_at": "12.5"}))
    assert suno.path == "suno/submit/music"
    assert suno.body["continue_clip_id"] == "clip-1" and suno.body["continue_at"] == 12.5
    extend = submit_request(TaskKind.LUMA_EXTEND, "more", check_params(
        TaskKind.LUMA_EXTEND, "more", {"generation_id": "g-1", "expand_prompt": "false"}))
    assert extend.path == "luma/generations/g-1/extend"
    assert extend.body == {"user_prompt": "more", "expand_prompt": False}


def test_task_apis_are_read_leniently_and_kept_in_the_profile() -> None:
    profile = ProviderProfile("R", "https://relay.example/v1")
    assert task_root(profile) == "https://relay.example"
    assert task_root(ProviderProfile("R", "https://x.example/api/v1/")) == "https://x.example/api"
    apis = TaskApis(midjourney=True, mj_mode=MjMode.TURBO, flux_model="flux-pro")
    stored = apis.apply(profile)
    assert stored.task_apis == {"mj": True, "suno": False, "luma": False, "flux": False,
                                "mj_mode": "turbo", "flux_model": "flux-pro"}
    assert TaskApis.of(ProviderProfile.from_json(stored.to_json())) == apis
    odd = TaskApis.from_json({"mj": "yes", "mj_mode": "ludicrous", "probed_at": float("inf"),
                              "flux_model": ["x"]})
    assert odd == TaskApis()
