"""The Studio task part of `Store`: task rows (migration _V9_STUDIO_TASKS) and their files.

A task's result files are attachments (stored once by content); `task_files` says which
task made which file, so the attachment collector keeps them and deleting a task frees
only the files nothing else uses. Every mutation reports `StoreChanges(tasks=...)`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from typing import Any

from desktop.core.store.attachment_ops import AttachmentOps
from desktop.core.store.changes import StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.tasks.models import MjButton, TaskFile, TaskKind, TaskRecord, TaskStatus

_COLUMNS = (
    "id, provider, kind, prompt, params, status, progress, remote_id, remote_status, error, "
    "error_code, created_at, updated_at, submitted_at, finished_at, next_poll_at, parent_id, "
    "buttons, details"
)
# Columns `update_task` may set, and how each value goes into SQLite.
_UPDATABLE = frozenset({
    "status", "progress", "remote_id", "remote_status", "error", "error_code",
    "submitted_at", "finished_at", "next_poll_at", "buttons", "details", "params", "prompt",
})
ACTIVE_STATUSES = (TaskStatus.PENDING, TaskStatus.SUBMITTED, TaskStatus.IN_PROGRESS)


def _json_obj(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _buttons(text: str | None) -> tuple[MjButton, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    if not isinstance(value, list):
        return ()
    return tuple(
        MjButton(str(b.get("custom_id", "")), str(b.get("emoji", "")), str(b.get("label", "")))
        for b in value if isinstance(b, dict) and b.get("custom_id")
    )


def _sql_value(name: str, value: Any) -> Any:
    if name == "buttons":
        return json.dumps([{"custom_id": b.custom_id, "emoji": b.emoji, "label": b.label}
                           for b in value], ensure_ascii=False)
    if name in ("details", "params"):
        return json.dumps(dict(value), ensure_ascii=False)
    if name == "status":
        return str(TaskStatus(value))
    if name == "progress":
        return max(0, min(100, int(value)))
    return value


class TaskOps(AttachmentOps):
    """Studio tasks: create, update, list, and the files each one produced."""

    def create_task(
        self, provider: str, kind: TaskKind | str, prompt: str,
        params: Mapping[str, Any] | None = None, *, parent_id: int | None = None,
    ) -> TaskRecord:
        """A new task, PENDING (not yet sent); the runner submits it and updates it."""
        now = time.time()
        with self._write() as tx:
            cur = self._conn.execute(
                "INSERT INTO tasks (provider, kind, prompt, params, status, created_at, "
                "updated_at, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (provider, str(TaskKind(kind)), prompt,
                 json.dumps(dict(params or {}), ensure_ascii=False),
                 str(TaskStatus.PENDING), now, now, parent_id),
            )
            task_id = int(cur.lastrowid or 0)
            tx.report(StoreChanges(tasks=frozenset((task_id,))))
        return self.get_task(task_id)

    def update_task(self, task_id: int, **changes: Any) -> TaskRecord:
        """Set fields of a task (status, progress, remote_id, error, buttons, details…);
        `updated_at` follows. Unknown field names are a programming error (ValueError)."""
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise ValueError(f"unknown task fields: {sorted(unknown)}")
        names = sorted(changes)
        assignments = ", ".join(f"{name} = ?" for name in names)
        values = [_sql_value(name, changes[name]) for name in names]
        with self._write() as tx:
            cur = self._conn.execute(
                f"UPDATE tasks SET {assignments}{', ' if names else ''}updated_at = ? "
                "WHERE id = ?", (*values, time.time(), task_id),
            )
            if not cur.rowcount:
                raise NotFoundError(f"No task {task_id}.")
            tx.report(StoreChanges(tasks=frozenset((task_id,))))
        return self.get_task(task_id)

    def get_task(self, task_id: int) -> TaskRecord:
        """The task with its files; `NotFoundError` when there is none."""
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_COLUMNS} FROM tasks WHERE id = ?", (task_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"No task {task_id}.")
            return self._task_from_row(row)

    def list_tasks(
        self, *, statuses: Iterable[TaskStatus | str] | None = None,
        provider: str | None = None, limit: int = 500, offset: int = 0,
    ) -> list[TaskRecord]:
        """Tasks, newest first, optionally only those in `statuses` or of one provider."""
        sql = f"SELECT {_COLUMNS} FROM tasks WHERE 1"
        args: list[Any] = []
        if statuses is not None:
            wanted = [str(TaskStatus(s)) for s in statuses]
            sql += f" AND status IN ({', '.join('?' * len(wanted))})" if wanted else " AND 0"
            args += wanted
        if provider is not None:
            sql += " AND provider = ?"
            args.append(provider)
        sql += " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?"
        args += [max(0, limit), max(0, offset)]
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
            return [self._task_from_row(row) for row in rows]

    def active_tasks(self) -> list[TaskRecord]:
        """Tasks that still need submitting or polling (for `TaskRunner.resume_pending`)."""
        return list(reversed(self.list_tasks(statuses=ACTIVE_STATUSES, limit=10_000)))

    def task_files(self, task_id: int) -> list[TaskFile]:
        """The result files of a task, in the order the server listed them."""
        with self._lock:
            return self._files_of(task_id)

    def has_task_file(self, task_id: int, position: int) -> bool:
        """Whether the file at `position` is already stored (results are downloaded once)."""
        with self._lock:
            return self._conn.execute(
                "SELECT 1 FROM task_files WHERE task_id = ? AND position = ?",
                (task_id, position),
            ).fetchone() is not None

    def add_task_file(
        self, task_id: int, position: int, data: bytes, mime: str, name: str, role: str,
        source_url: str = "",
    ) -> TaskFile:
        """Store a result file once by content and record it as the task's `position`."""
        part = self.add_attachment(data, mime, name)
        with self._write() as tx:
            self._conn.execute(
                "INSERT OR REPLACE INTO task_files (task_id, position, hash, role, name, "
                "source_url) VALUES (?, ?, ?, ?, ?, ?)",
                (task_id, position, part.hash, role, name, source_url[:2000]),
            )
            self._conn.execute("UPDATE tasks SET updated_at = ? WHERE id = ?",
                               (time.time(), task_id))
            tx.report(StoreChanges(tasks=frozenset((task_id,))))
        return next(f for f in self.task_files(task_id) if f.position == position)

    def delete_task(self, task_id: int) -> None:
        """Forget a task and free its files that nothing else uses."""
        with self._write() as tx:
            hashes = [r[0] for r in self._conn.execute(
                "SELECT hash FROM task_files WHERE task_id = ?", (task_id,))]
            cur = self._conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
            if not cur.rowcount:
                raise NotFoundError(f"No task {task_id}.")
            gone = self._drop_unreferenced(tx, hashes, 0.0)
            tx.report(StoreChanges(tasks=frozenset((task_id,)), attachments_removed=gone))

    # ----------------------------------------------------------------- rows

    def _files_of(self, task_id: int) -> list[TaskFile]:
        rows = self._conn.execute(
            "SELECT f.hash, a.mime, f.name, a.size, f.role, f.position, f.source_url "
            "FROM task_files f JOIN attachments a ON a.hash = f.hash "
            "WHERE f.task_id = ? ORDER BY f.position", (task_id,),
        ).fetchall()
        return [TaskFile(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                         str(self.attachments.path_for(r[0]))) for r in rows]

    def _task_from_row(self, row: tuple[Any, ...]) -> TaskRecord:
        (task_id, provider, kind, prompt, params, status, progress, remote_id, remote_status,
         error, error_code, created, updated, submitted, finished, next_poll, parent_id,
         buttons, details) = row
        try:
            task_kind = TaskKind(kind)
            task_status = TaskStatus(status)
        except ValueError:  # a row written by a newer version: show it as failed
            task_kind, task_status = TaskKind.MJ_IMAGINE, TaskStatus.FAILED
        return TaskRecord(
            id=task_id, provider=provider, kind=task_kind, prompt=prompt,
            params=_json_obj(params), status=task_status, progress=int(progress or 0),
            remote_id=remote_id, remote_status=remote_status or "", error=error,
            error_code=error_code, created_at=created, updated_at=updated,
            submitted_at=submitted, finished_at=finished, next_poll_at=next_poll,
            parent_id=parent_id, buttons=_buttons(buttons), files=tuple(self._files_of(task_id)),
            details=_json_obj(details),
        )
