"""Builds the Studio for an opened history and connects it: sidebar tab ↔ main area, the
view's requests → `StudioTasks`, the runner's events → the view.

Called by the composition root (`window_assembly.assemble`) with narrow parts; it knows no
window. Its `shutdown()` joins the window's: polling stops and resumes at the next start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QWidget

from desktop.core.providers import ProviderRegistry
from desktop.core.store.store import Store
from desktop.core.tasks import ClientFactory, TaskRecord, TaskStatus
from desktop.core.tasks import TaskRunner as CoreTaskRunner
from desktop.ui.sidebar import Sidebar
from desktop.ui.studio.form_base import TaskRequest
from desktop.ui.studio.main_area import CHATS, STUDIO, MainArea
from desktop.ui.studio.modal_dialog import ModalInputDialog
from desktop.ui.studio.sidebar_page import StudioSidebarPage
from desktop.ui.studio.studio_view import StudioView
from desktop.ui.studio.task_bridge import StudioTasks
from desktop.ui.task_runner import TaskRunner


class StudioWiring(QObject):
    """The Studio's parts: `runner` (core), `tasks` (bridge), `view`, `area`, `page`."""

    def __init__(self, *, store: Store, client_for: ClientFactory,
                 registry: ProviderRegistry, tasks: TaskRunner, sidebar: Sidebar,
                 splitter: QSplitter, chat: QWidget, focus: QWidget, side_panel: QWidget,
                 status: Callable[[str], None], window: QWidget,
                 runner: CoreTaskRunner | None = None) -> None:
        super().__init__(window)
        self.runner = runner if runner is not None else CoreTaskRunner(store, client_for)
        self.tasks = StudioTasks(self.runner, store, tasks, self)
        self.view = StudioView(registry.list)
        self.view.images.set_source(store.attachment_path)
        self.page = StudioSidebarPage()
        sidebar.set_studio_page(self.page)
        self.area = MainArea(splitter, chat, focus, self.view, side_panel, self)
        self.window = window
        self.status = status
        self.dialogs: list[ModalInputDialog] = []  # open Modal questions (kept alive)
        self._connect(sidebar)
        QShortcut(QKeySequence("Ctrl+Shift+S"), window, self.toggle,
                  context=Qt.ShortcutContext.WindowShortcut)

    def _connect(self, sidebar: Sidebar) -> None:
        view, bridge, area = self.view, self.tasks, self.area
        sidebar.section_requested.connect(area.show_section)
        sidebar.new_chat_requested.connect(lambda: area.show_section(CHATS))
        area.section_changed.connect(sidebar.show_section)
        area.section_changed.connect(self._section_shown)
        self.page.family_chosen.connect(view.form.show_kind)
        view.submit_requested.connect(self.submit)
        view.action_requested.connect(bridge.action)
        view.rerun_requested.connect(bridge.rerun)
        view.cancel_requested.connect(bridge.cancel)
        view.delete_requested.connect(bridge.delete)
        view.input_requested.connect(self._ask_again)
        bridge.tasks_loaded.connect(view.set_tasks)
        bridge.task_added.connect(lambda record: view.show_task(record, select=True))
        bridge.task_changed.connect(view.show_task)
        bridge.task_removed.connect(view.remove_task)
        bridge.failed.connect(self.status)
        bridge.modal_needed.connect(self.ask_modal)
        view.files.saved.connect(lambda path: self.status(
            view.tr("Saved to %1").replace("%1", path)))
        view.files.failed.connect(self.status)
        view.images.failed.connect(self.status)
        for signal in (view.model.rowsInserted, view.model.rowsRemoved,
                       view.model.modelReset, view.model.dataChanged):
            signal.connect(self._count_running)

    def _section_shown(self, section: str) -> None:
        if section == STUDIO:
            self.view.form.refresh_providers()  # the Providers dialog may have changed them

    def start(self) -> None:
        """Show the stored tasks and resume polling those still running."""
        self.tasks.load_and_resume()

    def toggle(self) -> None:
        self.area.show_section(CHATS if self.area.section == STUDIO else STUDIO)

    def submit(self, provider: str, request: TaskRequest) -> None:
        self.tasks.submit(provider, request.kind, request.prompt, request.params)

    def ask_modal(self, record: TaskRecord) -> None:
        """A task waits for extra input: a small dialog asks for it (not blocking)."""
        if any(d.task_id == record.id for d in self.dialogs):
            return
        dialog = ModalInputDialog(record, self.window)
        self.dialogs.append(dialog)

        def answered() -> None:
            if dialog.text():
                self.tasks.modal(record.id, dialog.text())

        dialog.accepted.connect(answered)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _ask_again(self, task_id: int) -> None:
        record = self.view.model.record(task_id)
        if record is not None and record.status is TaskStatus.MODAL:
            self.ask_modal(record)

    def _forget(self, dialog: ModalInputDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def _count_running(self, *_args: object) -> None:
        self.page.set_running(sum(1 for r in self.view.model.records()
                                  if not r.status.is_final))

    async def shutdown(self) -> None:
        await self.tasks.close()
