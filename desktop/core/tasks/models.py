"""The value types of Studio tasks: what kind a task is, where it stands, and what it made.

A task is one request to an aggregator's asynchronous API (Midjourney through a
midjourney-proxy relay, Suno, Luma, Flux). It is kept in the history database (`task_ops`),
so its polling resumes after a restart, and its results are stored once by content, like
chat attachments. These types are plain frozen dataclasses: core, CLI and UI share them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class TaskFamily(StrEnum):
    """Which relay API a task goes through (one per provider capability)."""

    MIDJOURNEY = "mj"
    SUNO = "suno"
    LUMA = "luma"
    FLUX = "flux"


class TaskKind(StrEnum):
    """What a task does; the value is stored in the database and shown by `task list`."""

    MJ_IMAGINE = "mj.imagine"
    MJ_ACTION = "mj.action"  # a button of an earlier task (U1, V2, 🔄, zoom…)
    MJ_BLEND = "mj.blend"
    MJ_DESCRIBE = "mj.describe"
    MJ_MODAL = "mj.modal"  # the extra input a MODAL task asked for
    MJ_SHORTEN = "mj.shorten"
    MJ_SWAP = "mj.swap"  # insight-face swap
    SUNO_MUSIC = "suno.music"
    LUMA_CREATE = "luma.create"
    LUMA_EXTEND = "luma.extend"
    FLUX_IMAGE = "flux.image"

    @property
    def family(self) -> TaskFamily:
        return TaskFamily(self.value.split(".", 1)[0])


class TaskStatus(StrEnum):
    """Where a task stands, the same for every family (each relay's words are mapped).

    `PENDING` is known only here (created, not yet accepted by the server); `MODAL` means the
    server waits for `TaskRunner.modal(...)`. The last three are final.
    """

    PENDING = "pending"
    SUBMITTED = "submitted"
    IN_PROGRESS = "in_progress"
    MODAL = "modal"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return self in (TaskStatus.SUCCEEDED, TaskStatus.FAILED, TaskStatus.CANCELLED)

    @property
    def is_active(self) -> bool:
        """Still needs polling (PENDING is resubmitted, MODAL waits for the user)."""
        return self in (TaskStatus.PENDING, TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True)
class MjButton:
    """One Midjourney button of a finished task; `custom_id` goes to `TaskRunner.action`."""

    custom_id: str
    emoji: str = ""
    label: str = ""

    @property
    def caption(self) -> str:
        """What a button shows: the label (U1, V2…), else the emoji (🔄)."""
        return self.label or self.emoji or self.custom_id


@dataclass(frozen=True)
class TaskFile:
    """A result file of a task, stored once by content in the attachments directory.

    `role` says what it is to the task: "image", "audio", "video" or "cover" (a clip's
    picture). `path` is where the file lives (read-only; copy it to save it elsewhere).
    """

    hash: str
    mime: str
    name: str
    size: int
    role: str
    position: int = 0
    source_url: str = ""
    path: str = ""


@dataclass(frozen=True)
class TaskRecord:
    """One Studio task as kept in the store.

    `params` are the options it was submitted with (re-run submits the same again);
    `details` holds what the server said besides files (Describe's prompts, clip titles,
    the Midjourney prompt in English, seeds), always validated, small and JSON-safe.
    `parent_id` is the task whose button (or Modal) made this one.
    """

    id: int
    provider: str
    kind: TaskKind
    prompt: str
    params: dict[str, Any] = field(default_factory=dict)
    status: TaskStatus = TaskStatus.PENDING
    progress: int = 0  # percent, 0–100
    remote_id: str | None = None
    remote_status: str = ""  # the relay's own word (NOT_START, processing…), for display
    error: str | None = None
    error_code: str | None = None  # e.g. "mj.24", "failure", "timeout"
    created_at: float = 0.0
    updated_at: float = 0.0
    submitted_at: float | None = None
    finished_at: float | None = None
    next_poll_at: float | None = None
    parent_id: int | None = None
    buttons: tuple[MjButton, ...] = ()
    files: tuple[TaskFile, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def family(self) -> TaskFamily:
        return self.kind.family

    @property
    def elapsed(self) -> float:
        """Seconds from creation to the end (or to the last update while running)."""
        end = self.finished_at if self.finished_at is not None else self.updated_at
        return max(0.0, end - self.created_at)


class TaskEventKind(StrEnum):
    ADDED = "added"  # a new task exists (PENDING)
    UPDATED = "updated"  # status, progress, buttons or files changed
    FINISHED = "finished"  # reached SUCCEEDED, FAILED or CANCELLED (or MODAL, waiting)
    REMOVED = "removed"  # deleted from the store


@dataclass(frozen=True)
class TaskEvent:
    """What a `TaskRunner` listener hears: the task as it is now, after the change."""

    kind: TaskEventKind
    task: TaskRecord
