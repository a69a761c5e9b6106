"""The HTTP side of the task APIs, on top of a provider's `ApiClient`.

Requests go through `ApiClient._send` (its retries, typed errors and Retry-After), to the
host root of the provider (`task_root`), with the key as Bearer and, on Midjourney routes,
also as `mj-api-secret` (midjourney-proxy and some relays authenticate with that header).
Replies are capped by the client's response limit and read by `replies`.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import GeneratedImage, ImageRequest
from desktop.core.tasks.capabilities import TaskApis, task_root
from desktop.core.tasks.downloads import TaskFileDownloader
from desktop.core.tasks.errors import TaskReplyError
from desktop.core.tasks.models import TaskFamily, TaskKind
from desktop.core.tasks.replies import (
    RemoteFile,
    RemoteState,
    mj_task_states,
    submit_reply,
    task_state,
    upload_reply,
)
from desktop.core.tasks.requests import DEFAULT_FLUX_MODEL, remote_id, submit_request

log = logging.getLogger(__name__)

MAX_HINT_SECONDS = 3600.0


def retry_after(headers: httpx.Headers, now: float) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date); None without one."""
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(0.0, min(seconds, MAX_HINT_SECONDS)) if math.isfinite(seconds) else None


@dataclass(frozen=True)
class Submitted:
    """A submit the server accepted: its task id and how long it suggests to wait."""

    remote_id: str
    wait_hint: float | None = None


class RelayClient:
    """Task requests for one provider (cheap: make one per call)."""

    def __init__(self, api: ApiClient) -> None:
        self.api = api
        self.apis = TaskApis.of(api.profile)
        self.root = task_root(api.profile)

    @property
    def who(self) -> str:
        return self.api.provider_name

    def _headers(self, family: TaskFamily) -> dict[str, str]:
        key = self.api._api_key
        return {"mj-api-secret": key} if family is TaskFamily.MIDJOURNEY and key else {}

    async def _json(
        self, method: str, path: str, family: TaskFamily, body: dict[str, Any] | None = None
    ) -> tuple[Any, float | None]:
        """The parsed reply and the server's wait hint (Retry-After), if any. A POST (a
        submit, which may be charged) is retried only when it surely did not arrive."""
        url = f"{self.root}/{path}"
        response = await self.api._send(method, url, body=body, accept="application/json",
                                        extra_headers=self._headers(family),
                                        once=method == "POST")
        hint = retry_after(response.headers, 0.0)
        raw = await self.api._read_body(response)
        try:
            return json.loads(raw), hint
        except (ValueError, RecursionError):
            snippet = " ".join(raw[:160].decode("utf-8", "replace").split())
            raise TaskReplyError(
                f"{self.who} answered {path} with something that is not JSON: {snippet!r}.",
                provider=self.who, status=response.status_code) from None

    async def submit(self, kind: TaskKind, prompt: str, params: dict[str, Any]) -> Submitted:
        """Send a checked task (not Flux); typed errors for every refusal."""
        request = submit_request(kind, prompt, params, self.apis.mj_mode)
        reply, header_hint = await self._json(request.method, request.path, kind.family,
                                              request.body)
        task_id, hint = submit_reply(kind.family, reply, self.who)
        return Submitted(task_id, header_hint if header_hint is not None else hint)

    async def fetch(self, kind: TaskKind, task_id: str) -> RemoteState:
        """The task as the server sees it now."""
        safe = remote_id(task_id)
        family = kind.family
        if family is TaskFamily.MIDJOURNEY:
            path = f"{self.apis.mj_mode.prefix}mj/task/{safe}/fetch"
        elif family is TaskFamily.SUNO:
            path = f"suno/fetch/{safe}"
        elif family is TaskFamily.LUMA:
            path = f"luma/generations/{safe}"
        else:
            raise TaskReplyError(f"{kind} tasks have nothing to fetch.", provider=self.who)
        reply, hint = await self._json("GET", path, family)
        state = task_state(family, reply, self.who)
        for problem in state.problems:
            log.warning("%s task %s: %s", self.who, safe, problem)
        if hint is not None:
            return RemoteState(**{**state.__dict__, "wait_hint": hint})
        return state

    async def fetch_many(self, task_ids: list[str]) -> dict[str, RemoteState]:
        """Several Midjourney tasks in one request (`POST /mj/task/list-by-condition`), by
        id; tasks the server left out are missing from the result."""
        ids = [remote_id(task_id) for task_id in task_ids]
        path = f"{self.apis.mj_mode.prefix}mj/task/list-by-condition"
        reply, _ = await self._json("POST", path, TaskFamily.MIDJOURNEY, {"ids": ids})
        states = mj_task_states(reply, set(ids), self.who)
        for task_id, state in states.items():
            for problem in state.problems:
                log.warning("%s task %s: %s", self.who, task_id, problem)
        return states

    async def upload_images(self, images: list[str]) -> list[str]:
        """Put images (checked data URLs) where Midjourney can read them
        (`POST /mj/submit/upload-discord-images`); their addresses, in order."""
        path = f"{self.apis.mj_mode.prefix}mj/submit/upload-discord-images"
        reply, _ = await self._json("POST", path, TaskFamily.MIDJOURNEY,
                                    {"base64Array": images})
        return upload_reply(reply, len(images), self.who)

    async def image_seed(self, task_id: str) -> str:
        """The seed of a finished Midjourney task's image (`/mj/task/{id}/image-seed`)."""
        path = f"{self.apis.mj_mode.prefix}mj/task/{remote_id(task_id)}/image-seed"
        reply, _ = await self._json("GET", path, TaskFamily.MIDJOURNEY)
        seed = reply.get("result") if isinstance(reply, dict) else None
        if not isinstance(seed, str | int) or isinstance(seed, bool) or len(str(seed)) > 40:
            raise TaskReplyError(f"{self.who} sent no image seed.", provider=self.who)
        return str(seed)

    async def flux(self, prompt: str, params: dict[str, Any]) -> list[GeneratedImage]:
        """Flux through the OpenAI images endpoint (it answers at once)."""
        request = ImageRequest(
            model=params.get("model") or self.apis.flux_model or DEFAULT_FLUX_MODEL,
            prompt=prompt, n=params.get("n"), size=params.get("size"),
        )
        return await self.api.generate_images(request)

    async def download(self, file: RemoteFile, limit: int) -> tuple[bytes, str]:
        """The bytes and type of a result file (without our key; addresses checked)."""
        downloader = TaskFileDownloader(self.api.http, self.api.profile, self.api.limits)
        image_cap = self.api.limits.image_bytes
        cap = min(limit, image_cap) if file.role in ("image", "cover") else limit
        return await downloader.fetch_file(file, cap)
