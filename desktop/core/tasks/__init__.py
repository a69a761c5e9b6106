"""Studio tasks: the aggregators' asynchronous APIs (Midjourney, Suno, Luma, Flux).

The public API the window and the CLI use:

- value types (`models`): `TaskKind`, `TaskFamily`, `TaskStatus`, `TaskRecord`, `TaskFile`,
  `MjButton`, `TaskEvent`, `TaskEventKind`;
- `TaskRunner` (`runner`): submit, action, modal, rerun, cancel, resume_pending, refresh,
  wait, add_listener; `PollPolicy` for its timing;
- `TaskApis`, `MjMode`, `task_root` (`capabilities`): what a provider offers, kept in
  `ProviderProfile.task_apis`; `probe_task_apis` finds out;
- typed errors (`errors`), all `APIError`s: `TaskSubmitError` (+ `TaskQueueFullError`,
  `TaskBannedPromptError`, `TaskRejectedError`), `TaskFailedError`, `TaskTimeoutError`,
  `TaskCancelledError`, `TaskStateError`, `TaskUnsupportedError`, `TaskNotFoundError`,
  `TaskReplyError`.

Storage is `Store`'s: `create_task`, `update_task`, `get_task`, `list_tasks`,
`active_tasks`, `task_files`, `delete_task` (desktop/core/store/task_ops.py). The relay
conventions, with sources, are in docs/task-apis.md.
"""

from desktop.core.tasks.capabilities import MjMode, TaskApis, task_root
from desktop.core.tasks.errors import (
    TaskBannedPromptError,
    TaskCancelledError,
    TaskError,
    TaskFailedError,
    TaskNotFoundError,
    TaskQueueFullError,
    TaskRejectedError,
    TaskReplyError,
    TaskStateError,
    TaskSubmitError,
    TaskTimeoutError,
    TaskUnsupportedError,
)
from desktop.core.tasks.models import (
    MjButton,
    TaskEvent,
    TaskEventKind,
    TaskFamily,
    TaskFile,
    TaskKind,
    TaskRecord,
    TaskStatus,
)
from desktop.core.tasks.runner import ClientFactory, PollPolicy, TaskListener, TaskRunner

__all__ = [
    "ClientFactory",
    "MjButton",
    "MjMode",
    "PollPolicy",
    "TaskApis",
    "TaskBannedPromptError",
    "TaskCancelledError",
    "TaskError",
    "TaskEvent",
    "TaskEventKind",
    "TaskFailedError",
    "TaskFamily",
    "TaskFile",
    "TaskKind",
    "TaskListener",
    "TaskNotFoundError",
    "TaskQueueFullError",
    "TaskRecord",
    "TaskRejectedError",
    "TaskReplyError",
    "TaskRunner",
    "TaskStateError",
    "TaskStatus",
    "TaskSubmitError",
    "TaskTimeoutError",
    "TaskUnsupportedError",
    "task_root",
]
