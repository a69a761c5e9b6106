"""The provider form's Detect button: probe which task APIs the edited provider answers
(with the form's settings, saved or not), in the background through the TaskRunner."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject

from desktop.core.api.client import ApiClient
from desktop.core.api.retry import RetryPolicy
from desktop.core.key_access import KeyAccess
from desktop.core.model_fetch import resolve_key
from desktop.core.providers import KeySource, ProviderError
from desktop.core.tasks import TaskApis
from desktop.core.tasks.probe import probe_task_apis
from desktop.ui.provider_form import ProviderForm
from desktop.ui.studio.task_bridge import error_text
from desktop.ui.task_runner import TaskRunner


class TaskApiDetector(QObject):
    """Connects `form.task_apis.detect_requested` to a probe of the form's profile."""

    def __init__(self, form: ProviderForm, keys: KeyAccess, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.keys = keys
        self.tasks = tasks
        form.task_apis.detect_requested.connect(self.detect)

    def detect(self) -> None:
        fields = self.form.task_apis
        try:
            profile = replace(self.form.profile(), max_retries=0)
        except ProviderError as exc:
            self.form.show_error(str(exc))
            return
        typed = self.form.typed_key()
        fields.detect_button.setEnabled(False)
        fields.detect_result.setText(self.tr("Asking %1…").replace("%1", profile.base_url))

        async def probe() -> TaskApis:
            key = typed or None
            if key is None and profile.key_source is not KeySource.NONE:
                key = await resolve_key(profile, self.keys, limit_s=self.keys.timeout)
            async with ApiClient(profile, key, retry=RetryPolicy(max_retries=0)) as api:
                return await probe_task_apis(api)

        self.tasks.start(probe(), name=f"detect the task APIs of {profile.name}",
                         on_success=fields.show_detected,
                         on_failure=lambda exc: fields.show_detect_failed(error_text(exc)))
