"""`TaskRunner`: submits Studio tasks, polls them to the end, and stores their results.

    runner = TaskRunner(store, chat_service.client_for)
    unsubscribe = runner.add_listener(lambda event: print(event.kind, event.task.progress))
    await runner.resume_pending()                      # once, after opening the store
    task = await runner.submit("relay", TaskKind.MJ_IMAGINE, "a red fox")
    done = await runner.wait(task.id)                  # SUCCEEDED, FAILED, CANCELLED or MODAL
    upscale = await runner.action(done.id, done.buttons[0].custom_id)

Every state is written to the store before listeners hear of it, so a crash loses nothing:
`resume_pending()` picks up every task still SUBMITTED or IN_PROGRESS (and resubmits one
left PENDING before its submit was answered). Polling backs off (`PollPolicy`), honours
Retry-After, and gives up after the kind's time limit (`TaskTimeoutError`, stored on the
task). Result files are downloaded once (http/https only, capped) and stored by content.
No Qt here: listeners are plain callables, called on the event loop's thread.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.tasks.models import TaskEvent, TaskFamily, TaskKind, TaskRecord

if TYPE_CHECKING:
    from desktop.core.api.client import ApiClient
    from desktop.core.store.store import Store

TaskListener = Callable[[TaskEvent], None]
ClientFactory = Callable[[str], Awaitable["ApiClient"]]
"""Gives the (shared) API client of a provider by name, e.g. `ChatService.client_for`."""

# Seconds a task of each family may take before polling gives up.
DEFAULT_TIMEOUTS: dict[TaskFamily, float] = {
    TaskFamily.MIDJOURNEY: 15 * 60.0,
    TaskFamily.SUNO: 10 * 60.0,
    TaskFamily.LUMA: 20 * 60.0,
    TaskFamily.FLUX: 5 * 60.0,
}


@dataclass(frozen=True)
class PollPolicy:
    """How often to poll: `first` seconds after submit, then ×`factor` up to `longest`.

    A server's hint (Retry-After, or a 429) is honoured up to `longest_hint`. `timeouts`
    overrides the time limit per family or per kind.
    """

    first: float = 2.0
    factor: float = 1.5
    longest: float = 20.0
    longest_hint: float = 120.0
    timeouts: Mapping[TaskFamily | TaskKind, float] = field(default_factory=dict)

    def delay(self, attempt: int, hint: float | None = None) -> float:
        """Seconds before poll number `attempt` (0-based), or the server's hint."""
        if hint is not None and hint >= 0:
            return min(hint, self.longest_hint)
        return float(min(self.longest, self.first * self.factor ** max(0, attempt)))

    def timeout_for(self, kind: TaskKind) -> float:
        if kind in self.timeouts:
            return self.timeouts[kind]
        if kind.family in self.timeouts:
            return self.timeouts[kind.family]
        return DEFAULT_TIMEOUTS[kind.family]


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
        `download_bytes` caps each result file (default: the attachment limit)."""
        self.store = store
        self._client_for = client_for
        self.policy = policy or PollPolicy()
        self._clock = clock
        self._sleep = sleep
        self._download_bytes = download_bytes
        self._listeners: list[TaskListener] = []
        self._polls: dict[int, asyncio.Task[None]] = {}

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

    # ----------------------------------------------------------------- starting tasks

    async def submit(
        self, provider: str, kind: TaskKind, prompt: str,
        params: Mapping[str, Any] | None = None, *, parent_id: int | None = None,
    ) -> TaskRecord:
        """Create the task, send it, and poll it in the background; returns it SUBMITTED
        (or already final for Flux, which answers at once).

        Raises the typed error of a refused submit (`TaskSubmitError` and subclasses, an
        `APIError`), after storing the task as FAILED with that error; `TaskUnsupportedError`
        when the provider does not offer the kind's API; `RequestValidationError` for bad
        params (nothing stored). `params` by kind: see `desktop.core.tasks.requests`.
        """
        raise NotImplementedError

    async def action(self, task_id: int, custom_id: str) -> TaskRecord:
        """Press a Midjourney button of a finished task: a new MJ_ACTION task (its parent is
        `task_id`). The server may answer MODAL: then call `modal` on the new task."""
        raise NotImplementedError

    async def modal(
        self, task_id: int, prompt: str = "", extra: Mapping[str, Any] | None = None
    ) -> TaskRecord:
        """Give the extra input a MODAL task waits for (a prompt for Custom Zoom, Vary
        (Region) with `extra={"maskBase64": ...}`); polling goes on with the same task."""
        raise NotImplementedError

    async def rerun(self, task_id: int) -> TaskRecord:
        """Submit a new task with the same provider, kind, prompt and params."""
        raise NotImplementedError

    async def cancel(self, task_id: int) -> TaskRecord:
        """Stop a task: polling ends and it is stored CANCELLED. The relays offer no remote
        cancel for these APIs, so the server may still finish (and charge) it."""
        raise NotImplementedError

    async def resume_pending(self) -> list[TaskRecord]:
        """Start polling every task the store has SUBMITTED or IN_PROGRESS (after a restart
        or a crash); a PENDING one, whose submit never got an answer, is marked FAILED
        rather than sent twice. Returns the tasks now being polled."""
        raise NotImplementedError

    async def refresh(self, task_id: int) -> TaskRecord:
        """Ask the server about a task now (one fetch), store and report what changed."""
        raise NotImplementedError

    async def wait(self, task_id: int) -> TaskRecord:
        """Wait until the task is final or MODAL (polling it if nobody does); returns it.

        Bound the wait with `asyncio.timeout`; the task's own time limit applies anyway.
        """
        raise NotImplementedError

    def is_polling(self, task_id: int) -> bool:
        return task_id in self._polls and not self._polls[task_id].done()

    async def aclose(self) -> None:
        """Stop polling (the tasks stay as stored and resume next time)."""
        polls = list(self._polls.values())
        for poll in polls:
            poll.cancel()
        await asyncio.gather(*polls, return_exceptions=True)
        self._polls.clear()
