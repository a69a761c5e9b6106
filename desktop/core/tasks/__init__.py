"""Studio tasks: the aggregators' asynchronous APIs (Midjourney, Suno, Luma, Flux).

The public API the window and the CLI use:

- value types (`models`): `TaskKind`, `TaskFamily`, `TaskStatus`, `TaskRecord`, `TaskFile`,
  `MjButton`, `TaskEvent`, `TaskEventKind`;
- `TaskRunner` (`runner`): submit, action, modal, rerun, cancel, resume_pending, refresh,
  wait, delete, image_seed, add_listener; `PollPolicy` for its timing;
- `TaskApis`, `MjMode`, `task_root` (`capabilities`): what a provider offers, kept in
  `ProviderProfile.task_apis`; `probe_task_apis` finds out;
- typed errors (`errors`), all `APIError`s: `TaskSubmitError` (+ `TaskQueueFullError`,
  `TaskBannedPromptError`, `TaskRejectedError`), `TaskFailedError`, `TaskTimeoutError`,
  `TaskCancelledError`, `TaskStateError`, `TaskUnsupportedError`, `TaskNotFoundError`,
  `TaskReplyError`; `task_error(task)` rebuilds the error a stored task ended with;
- follow-ups (`follow_ups`): `extend_video` (Luma), `continue_song` (Suno, from a clip and
  a time), `upload_images` (Midjourney's upload-discord-images), `numbered_prompts`
  (Shorten's five / Describe's four prompts), `clip_ids`; several Midjourney polls share one
  `list-by-condition` request (`mj_batch.MjBatchFetcher`, the runner's `mj_batch`);
- the options of each kind (`requests`): `PARAMS`, `check_params`, `encode_image`,
  `BOT_TYPES`, `ASPECT_RATIOS`, `BLEND_DIMENSIONS`.

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
    task_error,
)
from desktop.core.tasks.follow_ups import (
    clip_ids,
    continue_song,
    extend_video,
    numbered_prompts,
    upload_images,
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
from desktop.core.tasks.policy import DEFAULT_TIMEOUTS, PollPolicy
from desktop.core.tasks.probe import probe_task_apis
from desktop.core.tasks.requests import (
    ASPECT_RATIOS,
    BLEND_DIMENSIONS,
    BOT_TYPES,
    PARAMS,
    check_params,
    encode_image,
)
from desktop.core.tasks.runner import ClientFactory, TaskListener, TaskRunner

__all__ = [
    "ASPECT_RATIOS",
    "BLEND_DIMENSIONS",
    "BOT_TYPES",
    "DEFAULT_TIMEOUTS",
    "PARAMS",
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
    "check_params",
    "clip_ids",
    "continue_song",
    "encode_image",
    "extend_video",
    "numbered_prompts",
    "probe_task_apis",
    "task_error",
    "task_root",
    "upload_images",
]
