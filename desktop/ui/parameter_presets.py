"""The keeper of saved parameter presets (Store) and per-model defaults (ModelCatalog).

The one writer of both: the parameter panel only asks (its `preset_*_requested` and
`model_defaults_*_requested` signals) and is told the result (`presets_changed`). The
composition root builds one and calls `connect_panel`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.core.model_catalog import ModelCatalog
from desktop.core.store import Store
from desktop.core.store.models import Preset
from desktop.ui.parameter_panel import ParameterPanel
from desktop.ui.task_runner import TaskRunner


class ParameterPresets(QObject):
    """Saves, renames and deletes presets and per-model defaults, off the UI thread."""

    presets_changed = Signal(list)  # list[Preset], sorted by name, after each change

    def __init__(
        self,
        store: Store,
        tasks: TaskRunner,
        catalog: ModelCatalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._catalog = catalog

    def connect_panel(self, panel: ParameterPanel) -> asyncio.Task[list[Preset]]:
        """Serve `panel`'s requests and keep its list current; loads the list now."""
        panel.preset_save_requested.connect(self.save)
        panel.preset_rename_requested.connect(self.rename)
        panel.preset_delete_requested.connect(self.delete)
        self.presets_changed.connect(panel.set_presets)
        if self._catalog is not None:
            panel.set_defaults_lookup(self._catalog.defaults)
            panel.model_defaults_save_requested.connect(self.save_model_defaults)
            panel.model_defaults_clear_requested.connect(self.clear_model_defaults)
        return self.reload()

    def _run(self, name: str, work: Callable[[], object]) -> asyncio.Task[list[Preset]]:
        def then_list() -> list[Preset]:
            work()
            return self._store.presets.list()

        return self._tasks.start(
            asyncio.to_thread(then_list), name=name, on_success=self.presets_changed.emit
        )

    def reload(self) -> asyncio.Task[list[Preset]]:
        return self._run("load presets", lambda: None)

    def save(
        self, name: str, params: dict[str, Any], system_prompt: str
    ) -> asyncio.Task[list[Preset]]:
        """Save `params` and `system_prompt` as preset `name` (replacing one of that name)."""
        store = self._store
        return self._run(
            "save preset",
            lambda: store.presets.save(name, params=params, system_prompt=system_prompt),
        )

    def rename(self, old: str, new: str) -> asyncio.Task[list[Preset]]:
        store = self._store

        def work() -> None:
            preset = store.presets.get(old)
            store.presets.save(
                new, params=preset.params, model=preset.model, system_prompt=preset.system_prompt
            )
            if new != old:
                store.presets.delete(old)

        return self._run("rename preset", work)

    def delete(self, name: str) -> asyncio.Task[list[Preset]]:
        store = self._store
        return self._run("delete preset", lambda: store.presets.delete(name))

    def save_model_defaults(
        self, provider: str, model: str, params: dict[str, Any], system_prompt: str
    ) -> None:
        """New conversations with this provider and model start from these values."""
        if self._catalog is not None:
            self._catalog.set_defaults(provider, model, params, system_prompt)

    def clear_model_defaults(self, provider: str, model: str) -> None:
        if self._catalog is not None:
            self._catalog.set_defaults(provider, model, None)
