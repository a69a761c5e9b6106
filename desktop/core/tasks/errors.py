"""Typed errors of the task APIs, on top of the chat client's (`desktop.core.api.errors`).

A refused submit and a task the server reports as FAILURE are errors the CLI maps to exit
codes and the Studio shows, like chat errors: each has one sentence saying what happened and
what to do, and keeps the relay's own words in `provider_message`. A banned prompt (code 24)
is a `ContentPolicyError` (exit 15), a full queue (23) a `RateLimitError` (exit 14), a task
that took too long an `APITimeoutError` (exit 17).
"""

from __future__ import annotations

from typing import Any

from desktop.core.api.errors import (
    APIError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    ContentPolicyError,
    MalformedResponseError,
    RateLimitError,
)
from desktop.core.tasks.models import TaskRecord, TaskStatus

# midjourney-proxy's submit codes (ReturnCode): see docs/task-apis.md.
MJ_OK = 1
MJ_EXISTS = 21  # the task exists already, or it waits for Modal input
MJ_QUEUED = 22  # accepted, waiting in the queue
MJ_QUEUE_FULL = 23
MJ_BANNED = 24  # the prompt holds a banned word
MJ_ACCEPTED_CODES = frozenset({MJ_OK, MJ_EXISTS, MJ_QUEUED})


class TaskError(APIError):
    """Base of every task error. `task_id` is the local task when one exists."""

    def __init__(self, explanation: str, *, task_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(explanation, **kwargs)
        self.task_id = task_id


class TaskSubmitError(TaskError, APIStatusError):
    """The relay refused a submit: a code other than 1, 21 or 22 (`submit_code`)."""

    def __init__(self, explanation: str, *, submit_code: int | None = None,
                 **kwargs: Any) -> None:
        super().__init__(explanation, **kwargs)
        self.submit_code = submit_code


class TaskRejectedError(TaskSubmitError, BadRequestError):
    """Any other refusal code (4: validation error, 3: not found, 9: failure…)."""


class TaskQueueFullError(TaskSubmitError, RateLimitError):
    """Code 23: the relay's queue is full; submit again later."""


class TaskBannedPromptError(TaskSubmitError, ContentPolicyError):
    """Code 24 (or a content-policy failure): the prompt holds a banned word."""

    retryable = False


class TaskFailedError(TaskError):
    """The server ran the task and reported FAILURE (`provider_message` is its reason)."""


class TaskCancelledError(TaskError):
    """The task was cancelled (by the user or on the server)."""


class TaskTimeoutError(TaskError, APITimeoutError):
    """The task did not finish within its kind's time limit; polling stopped."""


class TaskNotFoundError(TaskError):
    """No task with this id in the store (or the relay does not know its remote id)."""


class TaskStateError(TaskError):
    """The task cannot do this now (a button on an unfinished task, Modal when not asked)."""


class TaskUnsupportedError(TaskError):
    """The provider does not offer this task API (see its task settings), or the API has no
    way to do this (most relays cannot cancel)."""


class TaskReplyError(TaskError, MalformedResponseError):
    """The relay answered 200 with a body that is not a valid task reply."""


def task_error(task: TaskRecord) -> TaskError | None:
    """The typed error a stored task ended with (FAILED or CANCELLED), else None.

    Built from the task's `error_code`, so the CLI reports a task that failed in an
    earlier run (or in the window) with the same exit code as one it watched fail.
    """
    if task.status is TaskStatus.CANCELLED:
        return TaskCancelledError(task.error or "The task was cancelled.", task_id=task.id,
                                  provider=task.provider)
    if task.status is not TaskStatus.FAILED:
        return None
    code = task.error_code or "failure"
    message = task.error or "The task failed without a reason."
    common: dict[str, Any] = {"task_id": task.id, "provider": task.provider}
    if code == "timeout":
        return TaskTimeoutError(message, **common)
    if code in ("banned", f"mj.{MJ_BANNED}"):
        return TaskBannedPromptError(message, code=code, submit_code=MJ_BANNED, **common)
    if code == f"mj.{MJ_QUEUE_FULL}":
        return TaskQueueFullError(message, code=code, submit_code=MJ_QUEUE_FULL, **common)
    if code.startswith("mj.") or code == "submit":
        return TaskRejectedError(message, code=code, **common)
    if code == "lost":
        return TaskNotFoundError(message, **common)
    return TaskFailedError(message, code=code, **common)
