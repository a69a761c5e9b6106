"""Reading the relays' replies without trusting them: every field typed, capped and checked.

`submit_reply` turns a submit answer into the server's task id (or the typed error of its
code); `task_state` turns a fetch answer of any family into a `RemoteState`. Wrapped replies
(`{"code": 0|200|"success", "message": ..., "data": {...}}`) are unwrapped first. Result
addresses must be http(s); anything else is dropped with a note in the state's `problems`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.api.errors import CONTENT_POLICY_MARKERS
from desktop.core.redaction import redact
from desktop.core.tasks.errors import (
    MJ_ACCEPTED_CODES,
    MJ_BANNED,
    MJ_QUEUE_FULL,
    TaskBannedPromptError,
    TaskQueueFullError,
    TaskRejectedError,
    TaskReplyError,
)
from desktop.core.tasks.models import MjButton, TaskFamily, TaskStatus

MAX_TEXT = 2000
MAX_URL = 4000
MAX_BUTTONS = 40
MAX_CLIPS = 8
MAX_FILES = 12
MAX_BATCH_ITEMS = 50
_WRAPPER_OK = {"0", "200", "success", "ok", "true"}
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")

_MJ_STATUS = {
    "NOT_START": TaskStatus.SUBMITTED, "SUBMITTED": TaskStatus.SUBMITTED,
    "QUEUED": TaskStatus.SUBMITTED, "IN_PROGRESS": TaskStatus.IN_PROGRESS,
    "MODAL": TaskStatus.MODAL, "SUCCESS": TaskStatus.SUCCEEDED,
    "FAILURE": TaskStatus.FAILED, "CANCEL": TaskStatus.CANCELLED,
}
# Suno (new-api's words and the upstream suno-api's) and Luma states, lower-cased.
_MEDIA_STATUS = {
    "not_start": TaskStatus.SUBMITTED, "submitted": TaskStatus.SUBMITTED,
    "queued": TaskStatus.SUBMITTED, "queueing": TaskStatus.SUBMITTED,
    "pending": TaskStatus.SUBMITTED, "in_progress": TaskStatus.IN_PROGRESS,
    "processing": TaskStatus.IN_PROGRESS, "streaming": TaskStatus.IN_PROGRESS,
    "dreaming": TaskStatus.IN_PROGRESS, "running": TaskStatus.IN_PROGRESS,
    "success": TaskStatus.SUCCEEDED, "complete": TaskStatus.SUCCEEDED,
    "completed": TaskStatus.SUCCEEDED, "succeeded": TaskStatus.SUCCEEDED,
    "failure": TaskStatus.FAILED, "failed": TaskStatus.FAILED, "error": TaskStatus.FAILED,
    "cancel": TaskStatus.CANCELLED, "cancelled": TaskStatus.CANCELLED,
}


@dataclass(frozen=True)
class RemoteFile:
    """A result the server names by address; `role` is image, audio, video or cover."""

    url: str
    role: str
    name: str


@dataclass(frozen=True)
class RemoteState:
    """What one fetch said about a task, already validated."""

    status: TaskStatus
    remote_status: str = ""
    progress: int | None = None
    error: str | None = None
    files: tuple[RemoteFile, ...] = ()
    buttons: tuple[MjButton, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    wait_hint: float | None = None  # seconds the server suggests before asking again
    problems: tuple[str, ...] = ()  # fields that were dropped (hostile or broken)


def text(value: Any, limit: int = MAX_TEXT) -> str:
    """A string field, or "" for anything else; control characters removed, capped."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)[:limit] if math.isfinite(value) else ""
    if not isinstance(value, str):
        return ""
    cleaned = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable())
    return redact(cleaned[:limit])


def web_url(value: Any) -> str | None:
    """An http(s) address without spaces or control characters, else None."""
    if not isinstance(value, str) or len(value) > MAX_URL:
        return None
    url = value.strip()
    if not re.match(r"(?i)https?://[^\s/?#@]+", url) or any(ord(c) < 33 for c in url):
        return None
    return url


def progress_of(value: Any) -> int | None:
    """"45%", "45", 45 or 0.45 as a percent 0–100; None when it says nothing."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,3}(?:\.\d+)?)\s*%?\s*", value)
        if not match:
            return None
        number = float(match.group(1))
    elif isinstance(value, int | float):
        number = float(value)
        if 0 < number < 1:
            number *= 100
    else:
        return None
    return max(0, min(100, int(number))) if math.isfinite(number) else None


def unwrap(reply: Any, who: str) -> Any:
    """The payload of a `{code, message, data}` wrapper; the reply itself when unwrapped.

    A wrapper whose code is not a success code is refused with its message.
    """
    if not isinstance(reply, dict) or "data" not in reply:
        return reply
    if not any(key in reply for key in ("code", "message", "msg", "success")):
        return reply
    code = reply.get("code", reply.get("success", 0))
    ok = str(code).strip().lower() in _WRAPPER_OK or code is True
    if not ok:
        message = text(reply.get("message") or reply.get("msg") or reply.get("error"), 300)
        raise TaskRejectedError(
            f"{who} refused the task: {message or f'code {text(code, 40)}'}.",
            provider=who, provider_message=message or None, code=text(code, 40) or None)
    return reply["data"]


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _wait_hint(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return max(0.0, min(float(value), 3600.0))
    return None


# ----------------------------------------------------------------- submit replies


def submit_reply(family: TaskFamily, reply: Any, who: str) -> tuple[str, float | None]:
    """The server's id of the task a submit created, and a wait hint; typed errors else."""
    data = unwrap(reply, who)
    if family is TaskFamily.MIDJOURNEY:
        return _mj_submit(data, who)
    if isinstance(data, list) and data:  # some Luma relays answer a list of generations
        data = data[0]
    if isinstance(data, dict):
        for key in ("id", "task_id", "taskId", "result"):
            task_id = data.get(key)
            if isinstance(task_id, str | int) and not isinstance(task_id, bool):
                return _checked_id(task_id, who), _wait_hint(data.get("estimate_wait_seconds"))
    if isinstance(data, str | int) and not isinstance(data, bool):
        return _checked_id(data, who), None
    raise TaskReplyError(f"{who} accepted the task but sent no task id.", provider=who)


def _checked_id(value: str | int, who: str) -> str:
    task_id = str(value).strip()
    if not _ID.fullmatch(task_id) or set(task_id) <= {"."}:
        raise TaskReplyError(f"{who} sent a task id that is not valid: {task_id[:60]!r}.",
                             provider=who)
    return task_id


def _mj_submit(data: Any, who: str) -> tuple[str, float | None]:
    if not isinstance(data, dict):
        raise TaskReplyError(f"{who} sent a Midjourney reply that is not an object.",
                             provider=who)
    raw_code = data.get("code")
    try:
        code = int(raw_code) if isinstance(raw_code, int | str) and not isinstance(
            raw_code, bool) else -1
    except ValueError:
        code = -1
    description = text(data.get("description") or data.get("message"), 300)
    properties = _obj(data.get("properties"))
    if code in MJ_ACCEPTED_CODES and data.get("result") not in (None, ""):
        result = data["result"]
        if not isinstance(result, str | int) or isinstance(result, bool):
            raise TaskReplyError(f"{who} sent a task id that is not text.", provider=who)
        queued = properties.get("numberOfQueues")
        hint = 5.0 * min(int(queued), 60) if isinstance(queued, int) and queued > 0 else None
        return _checked_id(result, who), hint
    said = f" ({description})" if description else ""
    common: dict[str, Any] = {"provider": who, "provider_message": description or None,
                              "code": f"mj.{code}", "submit_code": code}
    if code == MJ_QUEUE_FULL:
        raise TaskQueueFullError(
            f"{who}'s Midjourney queue is full (code 23){said}. Submit again later.", **common)
    banned = text(properties.get("bannedWord"), 80)
    if code == MJ_BANNED or any(m in description.lower() for m in CONTENT_POLICY_MARKERS):
        word = f" The banned word: {banned!r}." if banned else ""
        raise TaskBannedPromptError(
            f"{who} refused the prompt: it holds a banned word (code 24){said}.{word} "
            "Rephrase the prompt.", **common)
    raise TaskRejectedError(f"{who} refused the task (code {code}){said}.", **common)


# ----------------------------------------------------------------- fetch replies


def task_state(family: TaskFamily, reply: Any, who: str) -> RemoteState:
    """What a fetch of a `family` task says; `TaskReplyError` when it is no task at all."""
    data = unwrap(reply, who)
    if isinstance(data, list) and data and family is not TaskFamily.SUNO:
        data = data[0]
    if family is TaskFamily.MIDJOURNEY:
        if not isinstance(data, dict):
            raise TaskReplyError(f"{who} sent a Midjourney task that is not an object.",
                                 provider=who)
        return _mj_state(data)
    if family is TaskFamily.SUNO:
        return _suno_state(data, who)
    if family is TaskFamily.LUMA:
        if not isinstance(data, dict):
            raise TaskReplyError(f"{who} sent a Luma task that is not an object.", provider=who)
        return _luma_state(data)
    raise TaskReplyError(f"{family} tasks are not fetched.", provider=who)


def mj_task_states(reply: Any, wanted: set[str], who: str) -> dict[str, RemoteState]:
    """The tasks of a list-by-condition answer, by id (only ids asked for; at most one
    entry each). `TaskReplyError` when the answer is no list (the route is not there)."""
    data = unwrap(reply, who)
    if isinstance(data, dict) and isinstance(data.get("list") or data.get("content"), list):
        data = data.get("list") or data.get("content")  # paged variants
    if not isinstance(data, list):
        raise TaskReplyError(f"{who} answered the task list with something that is no list.",
                             provider=who)
    states: dict[str, RemoteState] = {}
    for item in data[:4 * MAX_BATCH_ITEMS]:
        if not isinstance(item, dict):
            continue
        task_id = text(item.get("id"), 128)
        if task_id in wanted and task_id not in states:
            states[task_id] = _mj_state(item)
    return states


def upload_reply(reply: Any, count: int, who: str) -> list[str]:
    """The addresses an upload-discord-images answer gives (`result: [url, ...]`)."""
    data = unwrap(reply, who)
    if isinstance(data, dict) and "code" in data:
        code = data.get("code")
        if code != 1 and str(code) != "1":
            _mj_submit(data, who)  # raises the typed error of its code
        data = data.get("result")
    if not isinstance(data, list):
        raise TaskReplyError(f"{who} sent no image addresses for the upload.", provider=who)
    urls = [web_url(item) for item in data[:count]]
    if not urls or any(url is None for url in urls):
        raise TaskReplyError(f"{who} sent image addresses that are not http(s).",
                             provider=who)
    return [url for url in urls if url is not None]


def _status(table: Mapping[str, TaskStatus], word: str) -> TaskStatus:
    # An unknown word means "still running": polling goes on until the time limit.
    return table.get(word, TaskStatus.IN_PROGRESS)


def _mj_state(data: dict[str, Any]) -> RemoteState:
    word = text(data.get("status"), 40).upper()
    status = _status(_MJ_STATUS, word)
    problems: list[str] = []
    files: list[RemoteFile] = []
    buttons: list[MjButton] = []
    raw_buttons = data.get("buttons")
    if isinstance(raw_buttons, list):
        for item in raw_buttons[:MAX_BUTTONS]:
            if not isinstance(item, dict):
                continue
            custom = item.get("customId")
            if isinstance(custom, str) and 0 < len(custom) <= 300 and all(
                    33 <= ord(c) <= 126 for c in custom):
                buttons.append(MjButton(custom, text(item.get("emoji"), 16),
                                        text(item.get("label"), 80)))
    if status is TaskStatus.SUCCEEDED:
        urls = data.get("imageUrls")
        named = [u.get("url") for u in urls if isinstance(u, dict)] if isinstance(
            urls, list) else []
        candidates = [data.get("imageUrl")] if data.get("imageUrl") else named
        for number, raw in enumerate(candidates[:MAX_FILES], start=1):
            url = web_url(raw)
            if url is None:
                problems.append(f"image address {text(raw, 80)!r} refused")
                continue
            files.append(RemoteFile(url, "image", f"midjourney-{number}"))
    details: dict[str, Any] = {}
    properties = _obj(data.get("properties"))
    for key, source in (("prompt_en", data.get("promptEn")),
                        ("final_prompt", properties.get("finalPrompt")),
                        ("action", data.get("action")),
                        ("description", data.get("description"))):
        value = text(source)
        if value:
            details[key] = value
    error = text(data.get("failReason"), MAX_TEXT) or None
    return RemoteState(status, word, progress_of(data.get("progress")), error, tuple(files),
                       tuple(buttons), details, None, tuple(problems))


def _suno_state(data: Any, who: str) -> RemoteState:
    if isinstance(data, dict) and isinstance(data.get("data"), list | dict):
        word = text(data.get("status"), 40).lower()
        error = text(data.get("fail_reason") or data.get("error"), MAX_TEXT) or None
        progress = progress_of(data.get("progress"))
        clips = data["data"]
    elif isinstance(data, list):
        word, error, progress, clips = "", None, None, data
    else:
        raise TaskReplyError(f"{who} sent a Suno task without clips.", provider=who)
    if isinstance(clips, dict):
        clips = list(clips.values())
    clip_states = [text(c.get("status"), 40).lower() for c in clips if isinstance(c, dict)]
    if not word:  # a bare clip list: the task is as far as its slowest clip
        done = clip_states and all(_MEDIA_STATUS.get(s) is TaskStatus.SUCCEEDED
                                   for s in clip_states)
        failed = any(_MEDIA_STATUS.get(s) is TaskStatus.FAILED for s in clip_states)
        word = "error" if failed else "complete" if done else "processing"
    status = _status(_MEDIA_STATUS, word)
    files: list[RemoteFile] = []
    problems: list[str] = []
    listed: list[dict[str, Any]] = []
    for number, clip in enumerate(clips[:MAX_CLIPS], start=1):
        if not isinstance(clip, dict):
            continue
        title = text(clip.get("title"), 120)
        metadata = _obj(clip.get("metadata"))
        listed.append({"id": text(clip.get("id"), 80), "title": title,
                       "tags": text(metadata.get("tags"), 300),
                       "duration": _wait_hint(metadata.get("duration"))})
        if error is None and metadata.get("error_message"):
            error = text(metadata.get("error_message")) or None
        if status is not TaskStatus.SUCCEEDED:
            continue
        for key, role in (("audio_url", "audio"), ("image_url", "cover")):
            raw = clip.get(key)
            if raw in (None, ""):
                continue
            url = web_url(raw)
            if url is None:
                problems.append(f"{key} {text(raw, 80)!r} refused")
                continue
            files.append(RemoteFile(url, role, f"suno-{number}"))
    return RemoteState(status, word, progress, error, tuple(files), (), {"clips": listed},
                       None, tuple(problems))


def _luma_state(data: dict[str, Any]) -> RemoteState:
    word = text(data.get("state") or data.get("status"), 40).lower()
    status = _status(_MEDIA_STATUS, word)
    files: list[RemoteFile] = []
    problems: list[str] = []
    if status is TaskStatus.SUCCEEDED:
        video = _obj(data.get("video"))
        thumb = _obj(data.get("thumbnail"))
        for raw, role in ((video.get("download_url") or video.get("url"), "video"),
                          (thumb.get("url"), "cover")):
            if raw in (None, ""):
                continue
            url = web_url(raw)
            if url is None:
                problems.append(f"{role} address {text(raw, 80)!r} refused")
                continue
            files.append(RemoteFile(url, role, f"luma-{role}"))
        if not any(f.role == "video" for f in files):
            status, word = TaskStatus.FAILED, word or "completed"
            problems.append("the finished generation names no usable video")
    error = text(data.get("failure_reason") or data.get("fail_reason"), MAX_TEXT) or None
    if status is TaskStatus.FAILED and error is None and problems:
        error = problems[-1]
    details = {"prompt": text(data.get("prompt"))} if text(data.get("prompt")) else {}
    return RemoteState(status, word, progress_of(data.get("progress")), error, tuple(files),
                       (), details, _wait_hint(data.get("estimate_wait_seconds")),
                       tuple(problems))
