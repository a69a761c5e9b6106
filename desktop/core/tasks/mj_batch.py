"""Polling several Midjourney tasks of one provider in one request.

midjourney-proxy (and new-api, which relays it) answers `POST /mj/task/list-by-condition
{"ids": [...]}` with the list of those tasks. The runner's poll loops ask `MjBatchFetcher`
instead of fetching each task: fetches that come due together go out as one list request.
The runner says how many Midjourney tasks of a provider it polls (`join`/`leave`); a fetch
waits until all of them asked or `window` seconds passed (real time, short against the
seconds between polls), so polls that come due together (after a restart, several buttons
pressed at once) go out as one list request, and a lone task is fetched at once. A provider
that does not answer the list (404/405, a reply that is no list) is remembered and gets one
fetch per task from then on; a task missing from the list is fetched on its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from desktop.core.api.errors import APIStatusError
from desktop.core.tasks.errors import TaskReplyError
from desktop.core.tasks.models import TaskKind
from desktop.core.tasks.replies import RemoteState

if TYPE_CHECKING:
    from desktop.core.tasks.relay_client import RelayClient

log = logging.getLogger(__name__)

MAX_BATCH = 50  # ids in one list request
WINDOW_SECONDS = 0.5  # how long a due fetch waits for the other polls of its provider
_ABSENT_STATUSES = (400, 404, 405, 501)


class MjBatchFetcher:
    """Coalesces Midjourney fetches per provider (one per `TaskRunner`)."""

    def __init__(self, window: float = WINDOW_SECONDS) -> None:
        self.window = window
        self._members: dict[str, int] = {}
        self._full: dict[str, asyncio.Event] = {}
        self._pending: dict[str, dict[str, list[asyncio.Future[RemoteState]]]] = {}
        self._relays: dict[str, RelayClient] = {}
        self._flushes: set[asyncio.Task[None]] = set()
        self.unsupported: set[str] = set()  # providers without list-by-condition
        self.batches = 0  # list requests sent (for tests and logs)

    def join(self, provider: str) -> None:
        """A poll loop of a Midjourney task of `provider` started."""
        self._members[provider] = self._members.get(provider, 0) + 1

    def leave(self, provider: str) -> None:
        """That poll loop ended."""
        self._members[provider] = max(0, self._members.get(provider, 0) - 1)
        self._check_full(provider)

    def _check_full(self, provider: str) -> None:
        event = self._full.get(provider)
        if event is not None and len(self._pending.get(provider, ())) >= self._members.get(
                provider, 0):
            event.set()

    async def fetch(self, relay: RelayClient, remote_id: str) -> RemoteState:
        """The task's state, from a list request when others are due too."""
        who = relay.who
        if who in self.unsupported or self._members.get(who, 0) <= 1:
            return await relay.fetch(TaskKind.MJ_IMAGINE, remote_id)
        loop = asyncio.get_running_loop()
        future: asyncio.Future[RemoteState] = loop.create_future()
        batch = self._pending.setdefault(who, {})
        if not batch:
            self._relays[who] = relay
            self._full[who] = asyncio.Event()
            flush = loop.create_task(self._flush(who))
            self._flushes.add(flush)
            flush.add_done_callback(self._flushes.discard)
        batch.setdefault(remote_id, []).append(future)
        self._check_full(who)
        return await future

    async def aclose(self) -> None:
        """Stop the list requests still waiting (the runner is closing)."""
        flushes = list(self._flushes)
        for flush in flushes:
            flush.cancel()
        await asyncio.gather(*flushes, return_exceptions=True)
        self._pending.clear()
        self._relays.clear()
        self._full.clear()

    async def _flush(self, who: str) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._full[who].wait(), self.window)
        self._full.pop(who, None)
        batch = self._pending.pop(who, {})
        relay = self._relays.pop(who)
        # Polls cancelled meanwhile (a task cancelled, the runner closing) need no answer.
        batch = {key: futures for key, futures in batch.items()
                 if not all(future.done() for future in futures)}
        ids = list(batch)
        states: dict[str, RemoteState] = {}
        if len(ids) > 1 and who not in self.unsupported:
            try:
                for start in range(0, len(ids), MAX_BATCH):
                    states.update(await relay.fetch_many(ids[start:start + MAX_BATCH]))
                    self.batches += 1
            except asyncio.CancelledError:
                raise
            except (APIStatusError, TaskReplyError) as exc:
                if isinstance(exc, TaskReplyError) or exc.status in _ABSENT_STATUSES:
                    log.info("%s does not answer list-by-condition (%s); fetching one by one",
                             who, exc)
                    self.unsupported.add(who)
            except Exception as exc:  # network: each task's own fetch reports it
                log.info("list-by-condition at %s failed: %s", who, exc)
        for remote_id, futures in batch.items():
            state = states.get(remote_id)
            if state is None:
                try:
                    state = await relay.fetch(TaskKind.MJ_IMAGINE, remote_id)
                except Exception as exc:
                    for future in futures:
                        if not future.done():
                            future.set_exception(exc)
                    continue
            for future in futures:
                if not future.done():
                    future.set_result(state)
