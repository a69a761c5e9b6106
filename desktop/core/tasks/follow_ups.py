"""Tasks made from a finished one, and Midjourney's image upload, on top of `TaskRunner`.

    await extend_video(runner, luma_task_id, "the camera rises above the clouds")
    await continue_song(runner, suno_task_id, clip_index=0, at=42.5, prompt="a bridge")
    urls = await upload_images(runner, "relay", ["data:image/png;base64,…"])

Each new task's parent is the task it follows (`TaskRecord.parent_id`) and it goes to the
same provider. The relay conventions are in docs/task-apis.md.
"""

from __future__ import annotations

import asyncio
import re
from typing import TYPE_CHECKING, Any

from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.tasks.errors import TaskStateError
from desktop.core.tasks.models import TaskFamily, TaskKind, TaskRecord, TaskStatus
from desktop.core.tasks.relay_client import RelayClient
from desktop.core.tasks.requests import MAX_IMAGES, image_data_url

if TYPE_CHECKING:
    from desktop.core.tasks.runner import TaskRunner

MAX_PROMPTS = 5
# "1️⃣ a fox", "1. a fox", "1) a fox": Midjourney numbers Describe's and Shorten's prompts
# with keycap emojis; relays that translate them use plain digits.
_NUMBERED = re.compile(r"^\s*(?:[1-9]\ufe0f?\u20e3|[1-9][.)])\s*(.+)$")


def numbered_prompts(task: TaskRecord) -> list[str]:
    """The prompts a Shorten (five) or Describe (four) task answered, in order; the
    server's text is in `details` (`final_prompt`, else `prompt_en`, else `description`)."""
    for key in ("final_prompt", "prompt_en", "description"):
        lines = str(task.details.get(key) or "").splitlines()
        prompts = [m.group(1).strip(" *")[:2000] for m in map(_NUMBERED.match, lines)
                   if m and m.group(1).strip(" *")]
        if prompts:
            return prompts[:MAX_PROMPTS]
    return []


async def _finished(runner: TaskRunner, task_id: int, family: TaskFamily) -> TaskRecord:
    task = await asyncio.to_thread(runner.store.get_task, task_id)
    if task.family is not family or task.remote_id is None:
        raise TaskStateError(f"Task {task_id} is no {family.name.title()} task of the "
                             "provider.", task_id=task_id)
    if task.status is not TaskStatus.SUCCEEDED:
        raise TaskStateError(f"Task {task_id} has not finished.", task_id=task_id)
    return task


async def extend_video(runner: TaskRunner, task_id: int, prompt: str) -> TaskRecord:
    """Continue a finished Luma video (`POST /luma/generations/{id}/extend`)."""
    task = await _finished(runner, task_id, TaskFamily.LUMA)
    params: dict[str, Any] = {key: task.params[key] for key in ("aspect_ratio", "loop")
                              if key in task.params}
    return await runner.submit(task.provider, TaskKind.LUMA_EXTEND, prompt,
                               {**params, "generation_id": task.remote_id}, parent_id=task.id)


def clip_ids(task: TaskRecord) -> list[str]:
    """The ids of a Suno task's clips, in order ("" where the server gave none)."""
    clips = task.details.get("clips")
    if not isinstance(clips, list):
        return []
    return [str(clip.get("id") or "") if isinstance(clip, dict) else "" for clip in clips]


async def continue_song(runner: TaskRunner, task_id: int, clip_index: int, at: float,
                        prompt: str) -> TaskRecord:
    """A new Suno task that continues clip `clip_index` of a finished task from `at`
    seconds (`continue_clip_id`, `continue_at`), with the same model and options."""
    task = await _finished(runner, task_id, TaskFamily.SUNO)
    ids = clip_ids(task)
    if not 0 <= clip_index < len(ids) or not ids[clip_index]:
        raise TaskStateError(f"Task {task_id} has no clip {clip_index + 1}.", task_id=task_id)
    params: dict[str, Any] = {key: task.params[key] for key in (
        "model", "instrumental", "tags", "title") if key in task.params}
    params.update(continue_clip_id=ids[clip_index], continue_at=at)
    return await runner.submit(task.provider, TaskKind.SUNO_MUSIC, prompt or task.prompt,
                               params, parent_id=task.id)


async def upload_images(runner: TaskRunner, provider: str, images: list[str]) -> list[str]:
    """Upload images (data URLs) for Midjourney (`/mj/submit/upload-discord-images`) and
    return their addresses, for prompts (`URL prompt`) and reference images."""
    if not 1 <= len(images) <= MAX_IMAGES:
        raise RequestValidationError(f"Upload 1 to {MAX_IMAGES} images.")
    checked = [image_data_url(image, f"image {n}") for n, image in enumerate(images, 1)]
    api = await runner._client_for(provider)
    runner._check_offered(api, TaskKind.MJ_IMAGINE)
    return await RelayClient(api).upload_images(checked)
