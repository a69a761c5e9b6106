"""The aggregators' task routes for the fake provider: Midjourney, Suno and Luma.

    relay = TaskRelay()                      # its state lives here, not in the server
    fake_provider.tasks = relay
    relay.plan(Plan(steps=3))                # what the next submitted task does

Routes at the host root, as new-api and midjourney-proxy serve them (optionally behind a
mode prefix such as `/mj-fast`): `POST /mj/submit/{imagine,action,blend,describe,modal,
shorten,upload-discord-images}`, `POST /mj/insight-face/swap`, `GET /mj/task/{id}/fetch`,
`POST /mj/task/list-by-condition` (off with `list_by_condition=False`: a 404 as from relays
without it), `GET /mj/task/{id}/image-seed`, `POST /suno/submit/music`, `GET /suno/fetch/{id}`,
`POST /luma/generations`, `POST /luma/generations/{id}/extend`, `GET /luma/generations/{id}`,
and the result files under `/task-files/` (PNG images, real WAV clips, a real MP4 video).

Each fetch moves a task one step: NOT_START, IN_PROGRESS with rising progress, then the
plan's outcome: "success" (MJ with U1–U4, V1–V4 and 🔄 buttons), "failure" (with
`fail_reason`), "stuck" (never ends: timeouts), "modal" (MJ waits for /submit/modal),
"hostile" (bad addresses and field types) or "huge" (Suno clips of 3 MB). `Plan.code` is
the Midjourney submit code (1, 21 and 22 accept; 23, 24 and others refuse).
`fail_upload(code, description)` makes the next upload refuse. `wrapped=True` wraps every
Midjourney and Luma reply in `{"code": 0, "message": "", "data": …}`. Because the state is
this object, a test can stop the HTTP server mid-polling and start a new one on the same
port with the same relay (`restart_on_same_port`): the tasks go on where they were.
"""

from __future__ import annotations

import collections
import hashlib
import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.wav_audio import tone_wav
from tests.helpers.tiny_video import tiny_mp4

if TYPE_CHECKING:
    from tests.helpers.fake_provider import FakeProvider, RecordedRequest, Reply

SHORTENED = ("**Important tokens**\nfox, lighthouse, dusk\n\n**Shortened prompts**\n"
             "1️⃣ a red fox, lighthouse, dusk\n\n2️⃣ a red fox at a lighthouse at dusk\n\n"
             "3️⃣ a red fox sitting by a lighthouse, dusk, oil\n\n"
             "4️⃣ a red fox sitting by a lighthouse at dusk, oil painting\n\n"
             "5️⃣ a red fox sitting by an old lighthouse at dusk, oil painting, warm light")
OUTCOMES = ("success", "failure", "stuck", "modal", "hostile", "huge")
_MJ = re.compile(r"^(?:/mj-(?:fast|relax|turbo))?/mj/(.+)$")


@dataclass
class Plan:
    """What the next submitted task does."""

    outcome: str = "success"
    steps: int = 2  # fetches in progress before the outcome
    code: int = 1  # the Midjourney submit code
    fail_reason: str = "Upstream job failed: the GPU fell over"
    retry_after: float | None = None  # sent as Retry-After on each fetch
    submit_id: str | None = None  # the id the submit answers (a hostile one, say)


@dataclass
class FakeTask:
    id: str
    family: str  # "mj", "suno", "luma"
    action: str
    prompt: str
    plan: Plan
    body: dict[str, Any]
    fetches: int = 0
    modal_done: bool = False


def _id(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


@dataclass
class TaskRelay:
    """The fake relay's state; thread-safe (the server answers on several threads)."""

    wrapped: bool = False
    list_by_condition: bool = True
    list_requests: int = 0
    uploads: int = 0
    # What the next uploads answer instead of success, in order: (code, description).
    upload_failures: collections.deque[tuple[int, str]] = field(
        default_factory=collections.deque)
    tasks: dict[str, FakeTask] = field(default_factory=dict)
    plans: collections.deque[Plan] = field(default_factory=collections.deque)
    file_fetches: collections.Counter[str] = field(default_factory=collections.Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def plan(self, *plans: Plan) -> None:
        """What the next submits do, in order (then the default Plan())."""
        with self._lock:
            self.plans.extend(plans)

    def fail_upload(self, code: int, description: str) -> None:
        """The next upload-discord-images answers `{code, description}` (no addresses)."""
        with self._lock:
            self.upload_failures.append((code, description))

    def answer(self, provider: FakeProvider, request: RecordedRequest) -> Reply | None:
        """The reply for a task route, or None when the path is not one."""
        from tests.helpers.fake_provider import Reply

        path = request.path.split("?", 1)[0].rstrip("/")
        with self._lock:
            if path.startswith("/task-files/"):
                return self._file(path.removeprefix("/task-files/"))
            body = request.json if isinstance(request.json, dict) else {}
            matched = _MJ.match(path)
            if matched:
                return self._mj(provider, request.method, matched.group(1), body)
            if path == "/suno/submit/music" and request.method == "POST":
                task = self._new("suno", "MUSIC", str(body.get("gpt_description_prompt")
                                                      or body.get("prompt") or ""), body)
                return Reply.json({"code": "success", "message": "", "data": task.id})
            if path.startswith("/suno/fetch/"):
                return self._suno_fetch(provider, path.removeprefix("/suno/fetch/"))
            if path.startswith("/luma/generations"):
                return self._luma(provider, request.method, path, body)
        return None

    # ----------------------------------------------------------------- helpers

    def _new(self, family: str, action: str, prompt: str, body: dict[str, Any]) -> FakeTask:
        plan = self.plans.popleft() if self.plans else Plan()
        task = FakeTask(_id(family, len(self.tasks), prompt), family, action, prompt, plan, body)
        self.tasks[task.id] = task
        return task

    def _wrap(self, data: Any, *, status: int = 200, headers: dict[str, str] | None = None
              ) -> Reply:
        from tests.helpers.fake_provider import Reply

        payload = {"code": 0, "message": "", "data": data} if self.wrapped else data
        return Reply.json(payload, status=status, headers=headers)

    def _step(self, task: FakeTask) -> tuple[str, int]:
        """(phase, percent) after one more fetch: "queued", "running" or the outcome."""
        task.fetches += 1
        if task.fetches == 1:
            return "queued", 0
        if task.plan.outcome == "stuck" or task.fetches <= task.plan.steps:
            return "running", min(90, 100 * (task.fetches - 1) // max(1, task.plan.steps))
        if task.plan.outcome == "modal" and not task.modal_done:
            return "modal", 0
        return task.plan.outcome if task.plan.outcome != "modal" else "success", 100

    def _headers(self, task: FakeTask) -> dict[str, str]:
        hint = task.plan.retry_after
        return {"Retry-After": f"{hint:g}"} if hint is not None else {}

    def _file(self, name: str) -> Reply:
        from tests.helpers.fake_provider import Reply, tiny_png

        self.file_fetches[name] += 1
        if name.endswith(".png"):
            return Reply.text(tiny_png(8, 8), content_type="image/png")
        if name.endswith(".wav"):
            return Reply.text(tone_wav(0.3, 8000), content_type="audio/wav")
        if name.endswith(".mp4"):
            return Reply.text(tiny_mp4(), content_type="video/mp4")
        if name.endswith(".huge"):
            return Reply.text(b"RIFF" + b"\0" * (3 * 1024 * 1024), content_type="audio/wav")
        return Reply.error(404, f"no file {name}")

    # ----------------------------------------------------------------- Midjourney

    def _mj(self, provider: FakeProvider, method: str, rest: str, body: dict[str, Any]
            ) -> Reply:
        from tests.helpers.fake_provider import Reply

        if method == "POST" and rest == "submit/upload-discord-images":
            images = body.get("base64Array")
            if not isinstance(images, list) or not images:
                return self._wrap({"code": 4, "description": "base64Array is empty"})
            if self.upload_failures:
                code, description = self.upload_failures.popleft()
                return self._wrap({"code": code, "description": description})
            self.uploads += len(images)
            return self._wrap({"code": 1, "description": "success", "result": [
                f"{provider.url}/task-files/upload-{self.uploads - len(images) + n}.png"
                for n in range(1, len(images) + 1)]})
        if method == "POST" and rest == "task/list-by-condition":
            if not self.list_by_condition:
                return Reply.error(404, f"Invalid URL ({method} /mj/{rest})")
            self.list_requests += 1
            ids = body.get("ids") if isinstance(body.get("ids"), list) else []
            found = [self.tasks[str(i)] for i in ids if str(i) in self.tasks]
            return self._wrap([self._mj_task(provider, t) for t in found if t.family == "mj"])
        if method == "POST" and (rest.startswith("submit/") or rest == "insight-face/swap"):
            action = rest.removeprefix("submit/").upper().replace("INSIGHT-FACE/SWAP", "SWAP")
            if action == "MODAL":
                task = self.tasks.get(str(body.get("taskId")))
                if task is None:
                    return self._wrap({"code": 3, "description": "task not found"})
                task.modal_done = True
                return self._wrap({"code": 1, "description": "Submit success",
                                   "result": task.id})
            if action == "ACTION" and str(body.get("taskId")) not in self.tasks:
                return self._wrap({"code": 3, "description": "parent task not found"})
            prompt = str(body.get("prompt") or body.get("customId") or "")
            task = self._new("mj", action, prompt, body)
            code = task.plan.code
            if code in (1, 21, 22):
                properties = {"numberOfQueues": 1} if code == 22 else {}
                return self._wrap({"code": code, "description": "Submit success",
                                   "result": task.plan.submit_id or task.id,
                                   "properties": properties})
            del self.tasks[task.id]
            described = {23: "Queue is full, please try again later",
                         24: "May contain sensitive words"}.get(code, "Validation error")
            props = {"bannedWord": "nsfw", "promptEn": prompt} if code == 24 else {}
            return self._wrap({"code": code, "description": described, "properties": props})
        parts = rest.split("/")
        if method == "GET" and len(parts) == 3 and parts[0] == "task":
            task = self.tasks.get(parts[1])
            if task is None or task.family != "mj":
                return Reply.error(404, "task_no_exist")
            if parts[2] == "image-seed":
                return self._wrap({"code": 1, "description": "ok", "result": "1234567"})
            return self._wrap(self._mj_task(provider, task), headers=self._headers(task))
        return Reply.error(404, f"Invalid URL ({method} /mj/{rest})")

    def _mj_task(self, provider: FakeProvider, task: FakeTask) -> dict[str, Any]:
        phase, percent = self._step(task)
        data: dict[str, Any] = {
            "id": task.id, "action": task.action, "prompt": task.prompt,
            "promptEn": task.prompt, "description": f"/{task.action.lower()} {task.prompt}",
            "status": {"queued": "NOT_START", "running": "IN_PROGRESS", "modal": "MODAL",
                       "success": "SUCCESS", "failure": "FAILURE", "stuck": "IN_PROGRESS",
                       "hostile": "SUCCESS", "huge": "SUCCESS"}[phase],
            "progress": f"{percent}%", "imageUrl": "", "failReason": "", "buttons": [],
            "properties": {},
        }
        if phase == "failure":
            data["failReason"] = task.plan.fail_reason
        if phase == "success":
            data["imageUrl"] = f"{provider.url}/task-files/{task.id}.png"
            data["buttons"] = self._buttons(task)
            if task.action == "DESCRIBE":
                data["properties"] = {"finalPrompt": "1️⃣ a fox --ar 1:1\n\n2️⃣ a red fox"}
            if task.action == "SHORTEN":  # Midjourney's /shorten answer: five prompts, no image
                data["imageUrl"] = ""
                data["properties"] = {"finalPrompt": SHORTENED}
        if phase == "hostile":
            data.update(imageUrl="file:///etc/passwd", progress={"x": 1},
                        buttons=[{"customId": "MJ::JOB::upsample::1::x\n"}, 7, "U1",
                                 {"customId": 12, "label": "U9"}, *[
                                     {"customId": f"MJ::n::{i}", "label": "L" * 500}
                                     for i in range(100)]],
                        failReason=None, prompt={"nested": ["deep"]})
        return data

    @staticmethod
    def _buttons(task: FakeTask) -> list[dict[str, Any]]:
        tag = task.id[:8]
        if task.action in ("IMAGINE", "BLEND") or (
                task.action == "ACTION" and "variation" in str(task.body.get("customId"))):
            buttons = [{"customId": f"MJ::JOB::upsample::{i}::{tag}", "emoji": "",
                        "label": f"U{i}", "type": 2, "style": 2} for i in range(1, 5)]
            buttons.append({"customId": f"MJ::JOB::reroll::0::{tag}::SOLO", "emoji": "🔄",
                            "label": "", "type": 2, "style": 2})
            buttons += [{"customId": f"MJ::JOB::variation::{i}::{tag}", "emoji": "",
                         "label": f"V{i}", "type": 2, "style": 2} for i in range(1, 5)]
            return buttons
        if task.action == "ACTION":
            return [{"customId": f"MJ::JOB::variation::1::{tag}::SOLO", "emoji": "🪄",
                     "label": "Vary (Strong)"},
                    {"customId": f"MJ::Outpaint::50::1::{tag}::SOLO", "emoji": "🔍",
                     "label": "Zoom Out 2x"},
                    {"customId": f"MJ::CustomZoom::{tag}", "emoji": "🔍",
                     "label": "Custom Zoom"}]
        return []

    # ----------------------------------------------------------------- Suno

    def _suno_fetch(self, provider: FakeProvider, task_id: str) -> Reply:
        from tests.helpers.fake_provider import Reply

        task = self.tasks.get(task_id)
        if task is None or task.family != "suno":
            return Reply.json({"code": "task_not_exist", "message": "task_not_exist",
                               "data": None}, status=400)
        phase, percent = self._step(task)
        status = {"queued": "SUBMITTED", "running": "IN_PROGRESS", "success": "SUCCESS",
                  "failure": "FAILURE", "stuck": "IN_PROGRESS", "hostile": "SUCCESS",
                  "modal": "IN_PROGRESS", "huge": "SUCCESS"}[phase]
        clips = []
        for number in (1, 2):
            clip: dict[str, Any] = {
                "id": f"{task.id}-{number}", "title": f"Song {number}",
                "status": "complete" if phase == "success" else "streaming",
                "audio_url": "", "image_url": "", "video_url": "",
                "metadata": {"tags": "lofi", "prompt": task.prompt, "duration": 0.3},
            }
            if phase == "success":
                clip["audio_url"] = f"{provider.url}/task-files/{task.id}-{number}.wav"
                clip["image_url"] = f"{provider.url}/task-files/{task.id}-{number}.png"
            if phase == "huge":
                clip["audio_url"] = f"{provider.url}/task-files/{task.id}-{number}.huge"
                clip["image_url"] = f"{provider.url}/task-files/{task.id}-{number}.png"
            if phase == "hostile":
                clip["audio_url"] = "javascript:alert(1)"
                clip["image_url"] = "ftp://example.com/x.png"
            clips.append(clip)
        return Reply.json({"code": "success", "message": "", "data": {
            "task_id": task.id, "action": "MUSIC", "status": status,
            "fail_reason": task.plan.fail_reason if phase == "failure" else "",
            "progress": f"{percent}%", "data": clips}}, headers=self._headers(task))

    # ----------------------------------------------------------------- Luma

    def _luma(self, provider: FakeProvider, method: str, path: str, body: dict[str, Any]
              ) -> Reply:
        from tests.helpers.fake_provider import Reply

        rest = path.removeprefix("/luma/generations").strip("/")
        if method == "POST" and (not rest or rest.endswith("/extend")):
            parent = rest.removesuffix("/extend")
            if parent and parent not in self.tasks:
                return Reply.error(404, "generation not found")
            task = self._new("luma", "EXTEND" if parent else "CREATE",
                             str(body.get("user_prompt", "")), body)
            return self._wrap({"id": task.id, "state": "pending", "prompt": task.prompt,
                               "video": None, "estimate_wait_seconds": None})
        task = self.tasks.get(rest)
        if method != "GET" or task is None or task.family != "luma":
            return Reply.error(404, "generation not found")
        phase, _percent = self._step(task)
        data: dict[str, Any] = {
            "id": task.id, "prompt": task.prompt, "liked": None,
            "state": {"queued": "pending", "running": "processing", "success": "completed",
                      "failure": "failed", "stuck": "processing", "hostile": "completed",
                      "huge": "completed",
                      "modal": "processing"}[phase],
            "video": None, "thumbnail": None, "created_at": "2026-12-04T12:00:00Z",
        }
        if phase == "success":
            video = f"{provider.url}/task-files/{task.id}.mp4"
            data["video"] = {"url": video, "download_url": video, "width": 64, "height": 48}
            data["thumbnail"] = {"url": f"{provider.url}/task-files/{task.id}.png"}
        if phase == "failure":
            data["failure_reason"] = task.plan.fail_reason
        if phase == "hostile":
            data["video"] = {"url": "http://[::1", "download_url": 42}
        return self._wrap(data, headers=self._headers(task))


def restart_on_same_port(provider: FakeProvider) -> FakeProvider:
    """Stop `provider` and start a new server on its port with the same task relay."""
    from tests.helpers.fake_provider import FakeProvider

    port, relay, key = provider.port, provider.tasks, provider.require_key
    provider.stop()
    fresh = FakeProvider(port=port)
    fresh.tasks = relay
    fresh.require_key = key
    return fresh.start()
