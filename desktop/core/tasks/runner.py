"""`TaskRunner`: submits Studio tasks, polls them to the end, and stores their results.

    runner = TaskRunner(store, chat_service.client_for)
    unsubscribe = runner.add_listener(lambda event: print(event.kind, event.task.progress))
    await runner.resume_pending()                      # once, after opening the store
    task = await runner.submit("relay", TaskKind.MJ_IMAGINE, "a red fox")
    done = await runner.wait(task.id)                  # SUCCEEDED, FAILED, CANCELLED or MODAL
    upscale = await runner.action(done.id, done.buttons[0].custom_id)

Every state is written to the store before listeners hear of it, so a crash loses nothing:
`resume_pending()` picks up every task still SUBMITTED or IN_PROGRESS. Polling backs off
(`PollPolicy`), honours the server's hints, and gives up after the kind's time limit
(stored on the task as a timeout). Result files are downloaded once (http/https only,
capped) and stored by content. No Qt here: listeners are plain callables, called on the
event loop's thread (the window bridges them to signals).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from desktop.core.api.errors import (
    APIError,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
)
from desktop.core.store.errors import StoreError
from desktop.core.tasks.capabilities import TaskApis
from desktop.core.tasks.downloads import EXTENSIONS
from desktop.core.tasks.errors import (
    TaskError,
    TaskReplyError,
    TaskStateError,
    TaskTimeoutError,
    TaskUnsupportedError,
)
from desktop.core.tasks.mj_batch import MjBatchFetcher
from desktop.core.tasks.models import (
    TaskEvent,
    TaskEventKind,
    TaskFamily,
    TaskKind,
    TaskRecord,
    TaskStatus,
)
from desktop.core.tasks.policy import DEFAULT_TIMEOUTS, PollPolicy
from desktop.core.tasks.relay_client import RelayClient
from desktop.core.tasks.replies import RemoteFile, RemoteState
from desktop.core.tasks.requests import check_params

if TYPE_CHECKING:
    from desktop.core.api.client import ApiClient
    from desktop.core.store.store import Store

__all__ = ["DEFAULT_TIMEOUTS", "ClientFactory", "PollPolicy", "TaskListener", "TaskRunner"]

log = logging.getLogger(__name__)

TaskListener = Callable[[TaskEvent], None]
ClientFactory = Callable[[str], Awaitable["ApiClient"]]
"""Gives the (shared) API client of a provider by name, e.g. `ChatService.client_for`."""

_BANNED = re.compile(r"banned|sensitive|敏感|content[ _-]?polic|safety|moderation", re.I)
LOST_TEXT = ("Switchboard stopped before the server confirmed this task, so it was not sent "
             "again. Re-run it if it does not appear with the provider.")


class TaskRunner:
    """Runs Studio tasks for the window and the CLI (one per store)."""

    def __init__(
        self,
        store: Store,
        client_for: ClientFactory,
        *,
        policy: PollPolicy | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        download_bytes: int | None = None,
    ) -> None:
        """`client_for(provider)` gives a provider's ApiClient (not closed by the runner).
        `download_bytes` caps each audio or video file (default: the attachment limit;
        images also keep the client's image limit)."""
        self.store = store
        self._client_for = client_for
        self.policy = policy or PollPolicy()
        self._clock = clock
        self._sleep = sleep
        self._download_bytes = download_bytes or store.attachments.max_bytes
        self._listeners: list[TaskListener] = []
        self._polls: dict[int, asyncio.Task[None]] = {}
        self._waiters: dict[int, list[asyncio.Future[TaskRecord]]] = {}
        self.mj_batch = MjBatchFetcher()  # Midjourney polls due together: one list request

    # ----------------------------------------------------------------- listening

    def add_listener(self, listener: TaskListener) -> Callable[[], None]:
        """Call `listener(TaskEvent)` after each stored change; returns the unsubscribe.

        Called on the event loop's thread; a listener that raises is logged and kept.
        """
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def _emit(self, kind: TaskEventKind, task: TaskRecord) -> None:
        event = TaskEvent(kind, task)
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("a task listener failed")
        if task.status.is_final or task.status is TaskStatus.MODAL:
            for future in self._waiters.pop(task.id, []):
                if not future.done():
                    future.set_result(task)

    async def _update(self, task_id: int, **changes: Any) -> TaskRecord:
        task = await asyncio.to_thread(self.store.update_task, task_id, **changes)
        final = task.status.is_final or task.status is TaskStatus.MODAL
        self._emit(TaskEventKind.FINISHED if final else TaskEventKind.UPDATED, task)
        return task

    async def _get(self, task_id: int) -> TaskRecord:
        return await asyncio.to_thread(self.store.get_task, task_id)

    # ----------------------------------------------------------------- starting tasks

    async def submit(
        self, provider: str, kind: TaskKind | str, prompt: str,
        params: Mapping[str, Any] | None = None, *, parent_id: int | None = None,
    ) -> TaskRecord:
        """Create the task, send it, and poll it in the background; returns it SUBMITTED
        (Flux answers at once: returned SUCCEEDED with its images).

        Raises the typed error of a refused submit (`TaskSubmitError` and subclasses, or any
        `APIError`) after storing the task as FAILED with it; `TaskUnsupportedError` when
        the provider's task settings leave this API out; `RequestValidationError` for bad
        params (nothing stored). The params of each kind: `requests.PARAMS`.
        """
        kind = TaskKind(kind)
        cleaned = check_params(kind, prompt, params)
        api = await self._client_for(provider)
        self._check_offered(api, kind)
        task = await asyncio.to_thread(self.store.create_task, provider, kind, prompt, cleaned,
                                       parent_id=parent_id)
        self._emit(TaskEventKind.ADDED, task)
        return await self._send(task, RelayClient(api))

    @staticmethod
    def _check_offered(api: ApiClient, kind: TaskKind) -> None:
        # A profile nobody configured (no task settings at all) may try every API.
        if api.profile.task_apis and not TaskApis.of(api.profile).offers(kind.family):
            raise TaskUnsupportedError(
                f"{api.provider_name} is not set up for {kind.family.name.title()} tasks. "
                "Turn them on in its provider settings (or probe them).",
                provider=api.provider_name)

    async def _send(self, task: TaskRecord, relay: RelayClient) -> TaskRecord:
        try:
            if task.kind is TaskKind.FLUX_IMAGE:
                return await self._run_flux(task, relay)
            submitted = await relay.submit(task.kind, task.prompt, task.params)
        except asyncio.CancelledError:
            await asyncio.shield(self._update(
                task.id, status=TaskStatus.CANCELLED, finished_at=self._clock(),
                error="Cancelled before the server answered; it may still run there."))
            raise
        except APIError as exc:
            code = exc.code if isinstance(exc, TaskError) and exc.code else "submit"
            await self._update(task.id, status=TaskStatus.FAILED, error=exc.explanation,
                               error_code=code, finished_at=self._clock())
            if isinstance(exc, TaskError):
                exc.task_id = task.id
            raise
        now = self._clock()
        task = await self._update(
            task.id, status=TaskStatus.SUBMITTED, remote_id=submitted.remote_id,
            submitted_at=now, next_poll_at=now + self.policy.delay(0, submitted.wait_hint))
        self._start_polling(task)
        return task

    async def _run_flux(self, task: TaskRecord, relay: RelayClient) -> TaskRecord:
        now = self._clock()
        await self._update(task.id, status=TaskStatus.IN_PROGRESS, submitted_at=now)
        images = await relay.flux(task.prompt, task.params)
        for position, image in enumerate(images):
            mime = image.content_type or "image/png"
            await asyncio.to_thread(
                self.store.add_task_file, task.id, position, image.data, mime,
                f"flux-{position + 1}{image.extension}", "image", image.url or "")
        details = {"revised_prompt": images[0].revised_prompt} if images and images[
            0].revised_prompt else {}
        return await self._update(task.id, status=TaskStatus.SUCCEEDED, progress=100,
                                  finished_at=self._clock(), details=details)

    async def action(self, task_id: int, custom_id: str) -> TaskRecord:
        """Press a Midjourney button of a finished task: a new MJ_ACTION task (its parent is
        `task_id`). The server may answer MODAL: then call `modal` on the new task."""
        parent = await self._get(task_id)
        if parent.family is not TaskFamily.MIDJOURNEY or parent.remote_id is None:
            raise TaskStateError("Only Midjourney tasks have buttons.", task_id=task_id)
        if parent.status is not TaskStatus.SUCCEEDED:
            raise TaskStateError("The task has not finished yet; its buttons come when it "
                                 "has.", task_id=task_id)
        button = next((b for b in parent.buttons if b.custom_id == custom_id), None)
        if parent.buttons and button is None:
            raise TaskStateError(f"Task {task_id} has no button {custom_id!r}.",
                                 task_id=task_id)
        params = {"custom_id": custom_id, "task_id": parent.remote_id}
        if button is not None and button.caption != custom_id:
            params["label"] = button.caption
        return await self.submit(parent.provider, TaskKind.MJ_ACTION, parent.prompt, params,
                                 parent_id=parent.id)

    async def modal(
        self, task_id: int, prompt: str = "", extra: Mapping[str, Any] | None = None
    ) -> TaskRecord:
        """Give the extra input a MODAL task waits for (a prompt for Custom Zoom, Vary
        (Region) with `extra={"mask": "data:image/png;base64,…"}`); polling goes on with
        the same task, under the id the server answers."""
        task = await self._get(task_id)
        if task.status is not TaskStatus.MODAL or task.remote_id is None:
            raise TaskStateError(f"Task {task_id} is not waiting for input.", task_id=task_id)
        params = check_params(TaskKind.MJ_MODAL, prompt,
                              {**(extra or {}), "task_id": task.remote_id})
        relay = RelayClient(await self._client_for(task.provider))
        submitted = await relay.submit(TaskKind.MJ_MODAL, prompt, params)
        now = self._clock()
        task = await self._update(
            task_id, status=TaskStatus.SUBMITTED, remote_id=submitted.remote_id,
            submitted_at=now, next_poll_at=now + self.policy.delay(0, submitted.wait_hint),
            details={**task.details, "modal_prompt": prompt[:2000]})
        self._start_polling(task)
        return task

    async def rerun(self, task_id: int) -> TaskRecord:
        """Submit a new task with the same provider, kind, prompt and params."""
        task = await self._get(task_id)
        return await self.submit(task.provider, task.kind, task.prompt, task.params,
                                 parent_id=task.parent_id)

    async def cancel(self, task_id: int) -> TaskRecord:
        """Stop a task: polling ends and it is stored CANCELLED. The relays offer no remote
        cancel for these APIs, so the server may still finish (and charge) it."""
        task = await self._get(task_id)
        if task.status.is_final:
            raise TaskStateError(f"Task {task_id} has already ended ({task.status}).",
                                 task_id=task_id)
        poll = self._polls.pop(task_id, None)
        if poll is not None:
            poll.cancel()
            await asyncio.gather(poll, return_exceptions=True)
        return await self._update(
            task_id, status=TaskStatus.CANCELLED, finished_at=self._clock(),
            error="Cancelled in Switchboard; the provider may still finish (and charge) it.")

    async def resume_pending(self) -> list[TaskRecord]:
        """Start polling every task the store has SUBMITTED or IN_PROGRESS (after a restart
        or a crash); a PENDING one, whose submit never got an answer, is marked FAILED
        rather than sent twice. Returns the tasks now being polled."""
        resumed = []
        for task in await asyncio.to_thread(self.store.active_tasks):
            if task.status is TaskStatus.PENDING or task.remote_id is None:
                if task.id not in self._polls:  # not a submit of ours still in flight
                    await self._update(task.id, status=TaskStatus.FAILED, error=LOST_TEXT,
                                       error_code="lost", finished_at=self._clock())
                continue
            self._start_polling(task)
            resumed.append(task)
        return resumed

    async def delete(self, task_id: int) -> None:
        """Stop polling a task and forget it (its files go unless another task uses them)."""
        task = await self._get(task_id)
        poll = self._polls.pop(task_id, None)
        if poll is not None:
            poll.cancel()
            await asyncio.gather(poll, return_exceptions=True)
        await asyncio.to_thread(self.store.delete_task, task_id)
        self._emit(TaskEventKind.REMOVED, task)

    async def image_seed(self, task_id: int) -> str:
        """The seed of a finished Midjourney task's image (to reuse with `--seed`)."""
        task = await self._get(task_id)
        if task.family is not TaskFamily.MIDJOURNEY or task.remote_id is None:
            raise TaskStateError("Only Midjourney tasks have an image seed.", task_id=task_id)
        relay = RelayClient(await self._client_for(task.provider))
        return await relay.image_seed(task.remote_id)

    async def refresh(self, task_id: int) -> TaskRecord:
        """Ask the server about a task now (one fetch) and store what changed; a finished
        task whose files are missing gets them downloaded."""
        task = await self._get(task_id)
        if task.remote_id is None or task.kind is TaskKind.FLUX_IMAGE:
            return task
        relay = RelayClient(await self._client_for(task.provider))
        state = await relay.fetch(task.kind, task.remote_id)
        return await self._apply(task, state, relay)

    async def wait(self, task_id: int) -> TaskRecord:
        """Wait until the task is final or MODAL (polling it if nobody does); returns it.

        Bound the wait with `asyncio.timeout`; the task's own time limit applies anyway.
        """
        future: asyncio.Future[TaskRecord] = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(task_id, []).append(future)
        try:
            task = await self._get(task_id)
            if task.status.is_final or task.status is TaskStatus.MODAL:
                return task
            if task.remote_id is not None:
                self._start_polling(task)
            return await asyncio.shield(future)
        finally:
            waiters = self._waiters.get(task_id, [])
            if future in waiters:
                waiters.remove(future)
            if not waiters:
                self._waiters.pop(task_id, None)

    def is_polling(self, task_id: int) -> bool:
        return task_id in self._polls and not self._polls[task_id].done()

    async def aclose(self) -> None:
        """Stop polling (the tasks stay as stored and resume next time)."""
        polls = list(self._polls.values())
        for poll in polls:
            poll.cancel()
        await asyncio.gather(*polls, return_exceptions=True)
        self._polls.clear()
        await self.mj_batch.aclose()

    # ----------------------------------------------------------------- polling

    def _start_polling(self, task: TaskRecord) -> None:
        task_id = task.id
        if self.is_polling(task_id):
            return
        poll = asyncio.get_running_loop().create_task(self._poll_guarded(task_id))
        self._polls[task_id] = poll
        if task.family is TaskFamily.MIDJOURNEY:  # its fetches may share a list request
            self.mj_batch.join(task.provider)
            poll.add_done_callback(lambda _done: self.mj_batch.leave(task.provider))
        poll.add_done_callback(
            lambda done: self._polls.pop(task_id) if self._polls.get(task_id) is done else None)

    async def _poll_guarded(self, task_id: int) -> None:
        try:
            await self._poll(task_id)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # a bug must not leave the task (and its waiters) hanging
            log.exception("polling task %s failed", task_id)
            await self._update(task_id, status=TaskStatus.FAILED, error_code="internal",
                               error=f"Polling stopped on an internal error: {exc}",
                               finished_at=self._clock())

    async def _poll(self, task_id: int) -> None:
        attempt = failures = 0
        while True:
            task = await self._get(task_id)
            if not task.status.is_active or task.remote_id is None:
                return
            deadline = (task.submitted_at or task.created_at) + self.policy.timeout_for(task.kind)
            now = self._clock()
            if now >= deadline:
                await self._time_out(task)
                return
            wait = min(max(0.0, (task.next_poll_at or now) - now), deadline - now)
            if wait > 0:
                await self._sleep(wait)
            try:
                relay = RelayClient(await self._client_for(task.provider))
                state = await (self.mj_batch.fetch(relay, task.remote_id)
                               if task.family is TaskFamily.MIDJOURNEY
                               else relay.fetch(task.kind, task.remote_id))
            except (AuthenticationError, PermissionDeniedError) as exc:
                await self._fail(task, exc.explanation, "fetch")
                return
            except Exception as exc:  # network, 5xx, a relay that restarted, the keyring
                failures += 1
                lost = isinstance(exc, NotFoundError | TaskReplyError)
                if lost and failures >= self.policy.lost_after:
                    await self._fail(task, getattr(exc, "explanation", str(exc)), "lost")
                    return
                log.info("polling task %s: %s (attempt %d)", task_id, exc, failures)
                delay = self.policy.delay(attempt + failures)
                await asyncio.to_thread(self.store.update_task, task_id,
                                        next_poll_at=self._clock() + delay)
                continue
            failures = 0
            attempt += 1
            task = await self._apply(task, state, relay,
                                     next_poll_at=self._clock() + self.policy.delay(
                                         attempt, state.wait_hint))
            if not task.status.is_active:
                return

    async def _time_out(self, task: TaskRecord) -> None:
        limit = self.policy.timeout_for(task.kind)
        error = TaskTimeoutError(
            f"The task did not finish within {limit / 60:g} minutes, so Switchboard stopped "
            f"waiting. `switchboard task fetch {task.id}` asks the provider again.",
            task_id=task.id, provider=task.provider)
        await self._fail(task, error.explanation, "timeout")

    async def _fail(self, task: TaskRecord, message: str, code: str) -> TaskRecord:
        return await self._update(task.id, status=TaskStatus.FAILED, error=message,
                                  error_code=code, finished_at=self._clock())

    async def _apply(
        self, task: TaskRecord, state: RemoteState, relay: RelayClient,
        next_poll_at: float | None = None,
    ) -> TaskRecord:
        """Store what a fetch said (and download a finished task's files)."""
        changes: dict[str, Any] = {}
        if state.progress is not None and state.progress != task.progress:
            changes["progress"] = state.progress
        if state.remote_status != task.remote_status:
            changes["remote_status"] = state.remote_status
        if state.buttons and state.buttons != task.buttons:
            changes["buttons"] = state.buttons
        details = {**task.details, **state.details}
        if details != task.details:
            changes["details"] = details
        status = state.status
        if status is TaskStatus.SUCCEEDED:
            if changes:
                task = await self._update(task.id, **changes)
                changes = {}
            problems = [*state.problems, *await self._download(task, relay, state.files)]
            changes.update(progress=100, error="; ".join(problems) or None,
                           error_code="download" if problems else None)
        elif status is TaskStatus.FAILED:
            reason = state.error or "The provider reported that the task failed."
            changes.update(error=reason, error_code="banned" if _BANNED.search(reason)
                           else "failure")
        elif status is TaskStatus.CANCELLED:
            changes["error"] = state.error or "The task was cancelled at the provider."
        if status is not task.status:
            changes["status"] = status
            if status.is_final:
                changes["finished_at"] = self._clock()
            elif task.status.is_final:  # a timed-out task the server still runs
                changes.update(finished_at=None, error=None, error_code=None)
        if changes:
            return await self._update(task.id, next_poll_at=next_poll_at, **changes)
        if next_poll_at is not None:  # nothing new to report: only the next poll time
            return await asyncio.to_thread(self.store.update_task, task.id,
                                           next_poll_at=next_poll_at)
        return task

    async def _download(
        self, task: TaskRecord, relay: RelayClient, files: tuple[RemoteFile, ...]
    ) -> list[str]:
        """Fetch and store each file not stored yet; what went wrong, per file."""
        problems: list[str] = []
        for position, file in enumerate(files):
            if await asyncio.to_thread(self.store.has_task_file, task.id, position):
                continue
            try:
                data, mime = await relay.download(file, self._download_bytes)
                name = f"{file.name}{EXTENSIONS.get(mime, '')}"
                await asyncio.to_thread(self.store.add_task_file, task.id, position, data,
                                        mime, name, file.role, file.url)
            except (APIError, StoreError) as exc:
                log.warning("task %s: file %d not stored: %s", task.id, position + 1, exc)
                problems.append(f"{file.role} {position + 1}: {exc}")
                continue
            self._emit(TaskEventKind.UPDATED, await self._get(task.id))
        return problems
