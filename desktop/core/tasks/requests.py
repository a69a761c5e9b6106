"""The options each task kind takes, checked once, and the request each kind sends.

`check_params(kind, prompt, params)` validates what a form or the CLI gives (snake_case
keys, listed per kind in PARAMS) and returns the cleaned dict that is stored with the task
(so a re-run sends the same); `submit_request(...)` turns it into the relay's method, path
(relative to the host root, see `task_root`) and JSON body. Bad input raises
`RequestValidationError` (CLI exit 4) before anything is stored or sent.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.tasks.capabilities import MjMode
from desktop.core.tasks.models import TaskKind

MAX_PROMPT_CHARS = 8000
MAX_IMAGE_BYTES = 10 * 1024 * 1024  # one reference image (base64 data URL), decoded
MAX_IMAGES = 5
BOT_TYPES = ("MID_JOURNEY", "NIJI_JOURNEY")
BLEND_DIMENSIONS = ("PORTRAIT", "SQUARE", "LANDSCAPE")
ASPECT_RATIOS = ("1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21")
DEFAULT_FLUX_MODEL = "flux-schnell"
DEFAULT_SUNO_MODEL = "chirp-v3-5"
_REMOTE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_CUSTOM_ID = re.compile(r"[\x21-\x7e]{1,300}")

# The options of each kind (besides the prompt), for forms and for `-o KEY=VALUE`.
PARAMS: dict[TaskKind, tuple[str, ...]] = {
    TaskKind.MJ_IMAGINE: ("bot_type", "images"),
    TaskKind.MJ_ACTION: ("custom_id", "task_id", "label"),
    TaskKind.MJ_BLEND: ("bot_type", "images", "dimensions"),
    TaskKind.MJ_DESCRIBE: ("bot_type", "image"),
    TaskKind.MJ_MODAL: ("task_id", "mask"),
    TaskKind.MJ_SHORTEN: ("bot_type",),
    TaskKind.MJ_SWAP: ("source_image", "target_image"),
    TaskKind.SUNO_MUSIC: ("lyrics", "model", "title", "tags", "instrumental",
                          "continue_clip_id", "continue_at"),
    TaskKind.LUMA_CREATE: ("aspect_ratio", "expand_prompt", "loop", "image_url",
                           "image_end_url"),
    TaskKind.LUMA_EXTEND: ("generation_id", "aspect_ratio", "expand_prompt", "loop",
                           "image_url", "image_end_url"),
    TaskKind.FLUX_IMAGE: ("model", "size", "n"),
}
# Kinds that need a prompt (the others take images or a button).
NEEDS_PROMPT = frozenset({
    TaskKind.MJ_IMAGINE, TaskKind.MJ_SHORTEN, TaskKind.SUNO_MUSIC, TaskKind.LUMA_CREATE,
    TaskKind.FLUX_IMAGE,
})


@dataclass(frozen=True)
class SubmitRequest:
    """What to send: `path` is relative to the host root (`task_root`)."""

    method: str
    path: str
    body: dict[str, Any]


def remote_id(value: Any, what: str = "task id") -> str:
    """A server's task id, safe to put in a URL path (no slashes, dots-only or spaces)."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(
        value, bool) else ""
    if not _REMOTE_ID.fullmatch(text) or set(text) <= {"."}:
        raise RequestValidationError(f"The {what} {str(value)[:80]!r} is not a valid id.")
    return text


def image_data_url(value: Any, what: str = "image") -> str:
    """A reference image as a base64 `data:` URL (as midjourney-proxy wants), checked."""
    if not isinstance(value, str) or not value.startswith("data:image/"):
        raise RequestValidationError(f"The {what} must be a data:image/…;base64 URL.")
    header, comma, payload = value.partition(",")
    if not comma or not header.endswith(";base64"):
        raise RequestValidationError(f"The {what} must be base64-encoded.")
    if len(payload) * 3 // 4 > MAX_IMAGE_BYTES:
        raise RequestValidationError(f"The {what} is larger than 10 MB.")
    try:
        base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise RequestValidationError(f"The {what} is not valid base64.") from None
    return value


def encode_image(data: bytes, mime: str) -> str:
    """Image bytes as the data URL the image options take."""
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _text(value: Any, name: str, limit: int = 500) -> str:
    if not isinstance(value, str):
        raise RequestValidationError(f"{name} must be text.")
    if len(value) > limit:
        raise RequestValidationError(f"{name} is longer than {limit} characters.")
    return value.strip()


def _flag(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("1", "true", "yes", "on", "0", "false",
                                                     "no", "off"):
        return value.lower() in ("1", "true", "yes", "on")
    raise RequestValidationError(f"{name} must be true or false.")


def _choice(value: Any, name: str, choices: tuple[str, ...]) -> str:
    text = str(value).strip()
    upper = {c.upper(): c for c in choices}
    if text.upper() not in upper:
        raise RequestValidationError(f"{name} must be one of {', '.join(choices)}.")
    return upper[text.upper()]


def _number(value: Any, name: str, low: float, high: float, *, integer: bool = False) -> float:
    try:
        number = float(value) if not isinstance(value, bool) else float("nan")
    except (TypeError, ValueError):
        number = float("nan")
    if not low <= number <= high or (integer and number != int(number)):
        raise RequestValidationError(f"{name} must be a number from {low:g} to {high:g}.")
    return number


def _url(value: Any, name: str) -> str:
    text = _text(value, name, 4000)
    if text.startswith("data:image/"):
        return image_data_url(text, name)
    if not re.match(r"https?://[^\s]+$", text):
        raise RequestValidationError(f"{name} must be an http(s) address or a data:image URL.")
    return text


def _check_one(kind: TaskKind, key: str, value: Any) -> Any:
    if key == "bot_type":
        return _choice(value, "bot_type", BOT_TYPES)
    if key == "images":
        if not isinstance(value, list | tuple) or len(value) > MAX_IMAGES:
            raise RequestValidationError(f"images must be a list of at most {MAX_IMAGES}.")
        return [image_data_url(v, f"image {n}") for n, v in enumerate(value, 1)]
    if key in ("image", "mask", "source_image", "target_image"):
        return image_data_url(value, key)
    if key == "dimensions":
        return _choice(value, "dimensions", BLEND_DIMENSIONS)
    if key in ("task_id", "generation_id", "continue_clip_id"):
        return remote_id(value, key.replace("_", " "))
    if key == "custom_id":
        text = str(value).strip()
        if not _CUSTOM_ID.fullmatch(text):
            raise RequestValidationError("The button id is not valid.")
        return text
    if key == "aspect_ratio":
        return _choice(value, "aspect_ratio", ASPECT_RATIOS)
    if key in ("expand_prompt", "loop", "instrumental"):
        return _flag(value, key)
    if key in ("image_url", "image_end_url"):
        return _url(value, key)
    if key == "continue_at":
        return _number(value, key, 0, 3600)
    if key == "n":
        return int(_number(value, "n", 1, 10, integer=True))
    if key == "size":
        text = _text(value, "size", 20).lower().replace("*", "x")
        if text != "auto" and not re.fullmatch(r"\d{2,5}x\d{2,5}", text):
            raise RequestValidationError("size must look like 1024x1024.")
        return text
    if key == "lyrics":
        return _text(value, key, MAX_PROMPT_CHARS)
    return _text(value, key)  # model, title, tags, label


def check_params(kind: TaskKind, prompt: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The cleaned options of a task; `RequestValidationError` says what is wrong."""
    if len(prompt) > MAX_PROMPT_CHARS:
        raise RequestValidationError(f"The prompt is longer than {MAX_PROMPT_CHARS} characters.")
    if kind in NEEDS_PROMPT and not prompt.strip() and not (params or {}).get("lyrics"):
        raise RequestValidationError("This task needs a prompt.")
    allowed = PARAMS[kind]
    cleaned: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if key not in allowed:
            raise RequestValidationError(
                f"{kind} takes no option {key!r} (it takes {', '.join(allowed) or 'none'}).")
        if value is None or value == "":
            continue
        cleaned[key] = _check_one(kind, key, value)
    required = {
        TaskKind.MJ_ACTION: ("custom_id", "task_id"), TaskKind.MJ_MODAL: ("task_id",),
        TaskKind.MJ_DESCRIBE: ("image",), TaskKind.MJ_SWAP: ("source_image", "target_image"),
        TaskKind.LUMA_EXTEND: ("generation_id",),
    }.get(kind, ())
    missing = [key for key in required if key not in cleaned]
    if missing:
        raise RequestValidationError(f"{kind} needs {', '.join(missing)}.")
    if kind is TaskKind.MJ_BLEND and not 2 <= len(cleaned.get("images", ())) <= MAX_IMAGES:
        raise RequestValidationError(f"Blend takes 2 to {MAX_IMAGES} images.")
    return cleaned


def submit_request(
    kind: TaskKind, prompt: str, params: Mapping[str, Any], mode: MjMode = MjMode.DEFAULT
) -> SubmitRequest:
    """The relay request for a checked task (not for Flux, which is an images request)."""
    mj = f"{mode.prefix}mj"
    bot = {"botType": params.get("bot_type", "MID_JOURNEY")}
    if kind is TaskKind.MJ_IMAGINE:
        body = {"prompt": prompt, **bot, "base64Array": list(params.get("images", ()))}
        return SubmitRequest("POST", f"{mj}/submit/imagine", body)
    if kind is TaskKind.MJ_ACTION:
        body = {"customId": params["custom_id"], "taskId": params["task_id"]}
        return SubmitRequest("POST", f"{mj}/submit/action", body)
    if kind is TaskKind.MJ_BLEND:
        body = {**bot, "base64Array": list(params["images"]),
                "dimensions": params.get("dimensions", "SQUARE")}
        return SubmitRequest("POST", f"{mj}/submit/blend", body)
    if kind is TaskKind.MJ_DESCRIBE:
        return SubmitRequest("POST", f"{mj}/submit/describe", {**bot, "base64": params["image"]})
    if kind is TaskKind.MJ_MODAL:
        body = {"taskId": params["task_id"], "prompt": prompt}
        if "mask" in params:
            body["maskBase64"] = params["mask"]
        return SubmitRequest("POST", f"{mj}/submit/modal", body)
    if kind is TaskKind.MJ_SHORTEN:
        return SubmitRequest("POST", f"{mj}/submit/shorten", {"prompt": prompt, **bot})
    if kind is TaskKind.MJ_SWAP:
        body = {"sourceBase64": params["source_image"], "targetBase64": params["target_image"]}
        return SubmitRequest("POST", f"{mj}/insight-face/swap", body)
    if kind is TaskKind.SUNO_MUSIC:
        return SubmitRequest("POST", "suno/submit/music", _suno_body(prompt, params))
    if kind in (TaskKind.LUMA_CREATE, TaskKind.LUMA_EXTEND):
        body = {"user_prompt": prompt}
        for key in ("aspect_ratio", "expand_prompt", "loop", "image_url", "image_end_url"):
            if key in params:
                body[key] = params[key]
        if kind is TaskKind.LUMA_CREATE:
            body.setdefault("expand_prompt", True)
            return SubmitRequest("POST", "luma/generations", body)
        return SubmitRequest("POST", f"luma/generations/{params['generation_id']}/extend", body)
    raise RequestValidationError(f"{kind} is not sent through a task route.")


def _suno_body(prompt: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """Description mode (the prompt describes the song) unless lyrics are given (custom)."""
    body: dict[str, Any] = {"mv": params.get("model") or DEFAULT_SUNO_MODEL,
                            "make_instrumental": bool(params.get("instrumental", False))}
    if params.get("lyrics"):
        body["prompt"] = params["lyrics"]
        body["title"] = params.get("title") or prompt[:80]
        body["tags"] = params.get("tags", "")
    else:
        body["gpt_description_prompt"] = prompt
        for key in ("title", "tags"):
            if key in params:
                body[key] = params[key]
    if "continue_clip_id" in params:
        body["continue_clip_id"] = params["continue_clip_id"]
        body["continue_at"] = params.get("continue_at", 0)
    return body
