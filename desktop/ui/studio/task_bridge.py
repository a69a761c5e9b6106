"""The Studio's one bridge to the core task runner: requests go out through the window's
TaskRunner (which holds every coroutine), and the runner's events come back as Qt signals.

The core runner polls in its own asyncio tasks on the qasync loop, so a task that takes
twenty minutes never blocks the window; its listener is called on the loop's thread (the UI
thread under qasync), so events are re-emitted as they come.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.api.errors import APIError
from desktop.core.store.store import Store
from desktop.core.tasks import (
    TaskEvent,
    TaskEventKind,
    TaskKind,
    TaskRecord,
    continue_song,
    extend_video,
    upload_images,
)
from desktop.core.tasks import TaskRunner as CoreTaskRunner
from desktop.ui.task_runner import TaskRunner

HISTORY_LIMIT = 200  # tasks the Studio shows at start (newest first)


def error_text(exc: BaseException) -> str:
    """One line for the user: the typed error's explanation and the relay's own words."""
    if isinstance(exc, APIError):
        text = str(exc)
        said = getattr(exc, "provider_message", "") or ""
        if said and said not in text:
            text = f"{text} ({said})"
        return text[:600]
    return (str(exc) or type(exc).__name__)[:600]


class StudioTasks(QObject):
    """Submits, presses buttons, answers Modal, re-runs and cancels; reports every change."""

    task_added = Signal(object)  # TaskRecord, a new task (PENDING)
    task_changed = Signal(object)  # TaskRecord, after any other stored change
    task_removed = Signal(int)
    tasks_loaded = Signal(object)  # list[TaskRecord], newest first
    failed = Signal(str)  # a request the server or the runner refused (one line)
    modal_needed = Signal(object)  # TaskRecord waiting for extra input
    uploaded = Signal(object)  # list[str]: the addresses of uploaded images
    upload_failed = Signal(str)  # why an upload failed (one line)

    def __init__(self, runner: CoreTaskRunner, store: Store, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.store = store
        self.tasks = tasks
        self._unsubscribe: Callable[[], None] | None = runner.add_listener(self._on_event)
        self._asked_modal: set[int] = set()

    def _on_event(self, event: TaskEvent) -> None:
        if event.kind is TaskEventKind.REMOVED:
            self.task_removed.emit(event.task.id)
            return
        if event.kind is TaskEventKind.ADDED:
            self.task_added.emit(event.task)
        else:
            self.task_changed.emit(event.task)
        if event.task.status == "modal" and event.task.id not in self._asked_modal:
            self._asked_modal.add(event.task.id)
            self.modal_needed.emit(event.task)

    # ----------------------------------------------------------------- start-up

    def load_and_resume(self) -> None:
        """Show the stored tasks, then resume polling the ones still running."""
        async def load() -> list[TaskRecord]:
            return await asyncio.to_thread(self.store.list_tasks, limit=HISTORY_LIMIT)

        def loaded(records: list[TaskRecord]) -> None:
            self.tasks_loaded.emit(records)
            self._run(self.runner.resume_pending(), "resume Studio tasks")

        self.tasks.start(load(), name="load Studio tasks", on_success=loaded,
                         on_failure=lambda exc: self.failed.emit(error_text(exc)))

    # ----------------------------------------------------------------- requests

    def submit(self, provider: str, kind: TaskKind, prompt: str,
               params: Mapping[str, Any]) -> None:
        self._run(self.runner.submit(provider, kind, prompt, dict(params)), "submit a task")

    def action(self, task_id: int, custom_id: str) -> None:
        self._run(self.runner.action(task_id, custom_id), "press a Midjourney button")

    def modal(self, task_id: int, prompt: str) -> None:
        self._run(self.runner.modal(task_id, prompt), "send the Modal input")

    def extend(self, task_id: int, prompt: str) -> None:
        """Continue a finished Luma video (a new LUMA_EXTEND task, its parent `task_id`)."""
        self._run(extend_video(self.runner, task_id, prompt), "extend a video")

    def continue_clip(self, task_id: int, clip_index: int, at: float, prompt: str) -> None:
        """A new Suno task continuing clip `clip_index` of `task_id` from `at` seconds."""
        self._run(continue_song(self.runner, task_id, clip_index, at, prompt),
                  "continue a song")

    def upload(self, provider: str, images: list[str]) -> None:
        """Midjourney's image upload (no task): the addresses come back as `uploaded`."""
        self.tasks.start(upload_images(self.runner, provider, list(images)),
                         name="upload images", on_success=self.uploaded.emit,
                         on_failure=lambda exc: self.upload_failed.emit(error_text(exc)))

    def rerun(self, task_id: int) -> None:
        self._run(self.runner.rerun(task_id), "re-run a task")

    def cancel(self, task_id: int) -> None:
        self._run(self.runner.cancel(task_id), "cancel a task")

    def delete(self, task_id: int) -> None:
        """Stop polling the task and forget it (with files no other task uses)."""
        self.tasks.start(self.runner.delete(task_id), name="delete a task",
                         on_success=lambda _none: self.task_removed.emit(task_id),
                         on_failure=lambda exc: self.failed.emit(error_text(exc)))

    def _run(self, coro: Any, name: str) -> None:
        # The failed task itself is stored (FAILED, with its reason) and reported through
        # the listener; the line here is for the status bar.
        self.tasks.start(coro, name=name,
                         on_failure=lambda exc: self.failed.emit(error_text(exc)))

    async def close(self) -> None:
        """Stop listening and polling; running tasks resume at the next start."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        await self.runner.aclose()
