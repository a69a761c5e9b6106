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
from desktop.ui.studio.follow_up_dialog import FollowUpDialog
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
        self.dialogs: list[ModalInputDialog | FollowUpDialog] = []  # open questions (kept alive)
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
        view.upload_requested.connect(bridge.upload)
        bridge.uploaded.connect(view.form.upload_finished)
        bridge.upload_failed.connect(view.form.upload_failed)
        view.action_requested.connect(bridge.action)
        view.rerun_requested.connect(bridge.rerun)
        view.cancel_requested.connect(bridge.cancel)
        view.delete_requested.connect(bridge.delete)
        view.input_requested.connect(self._ask_again)
        view.extend_requested.connect(self.ask_extend)
        view.continue_requested.connect(self.ask_continue)
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

    def ask_extend(self, task_id: int) -> None:
        """"Extend…" under a Luma video: ask for the prompt, then extend it."""
        record = self.view.model.record(task_id)
        if record is not None:
            self._open_follow_up(FollowUpDialog(record, parent=self.window),
                                 lambda d: self.tasks.extend(task_id, d.text()))

    def ask_continue(self, task_id: int, clip_index: int, at: float) -> None:
        """"Continue from…" under a Suno clip: ask for the prompt and the second."""
        record = self.view.model.record(task_id)
        if record is None:
            return
        clips = record.details.get("clips") or []
        clip = clips[clip_index] if 0 <= clip_index < len(clips) else {}
        name = str(clip.get("title") or "") or self.view.tr("clip %1").replace(
            "%1", str(clip_index + 1))
        length = clip.get("duration")
        duration = float(length) if isinstance(length, int | float) and length > 0 else None
        dialog = FollowUpDialog(record, clip=name, at=at, duration=duration,
                                parent=self.window)
        self._open_follow_up(dialog, lambda d: self.tasks.continue_clip(
            task_id, clip_index, d.seconds(), d.text()))

    def _open_follow_up(self, dialog: FollowUpDialog,
                        send: Callable[[FollowUpDialog], None]) -> None:
        self.dialogs.append(dialog)

        def answered() -> None:
            if dialog.text():
                send(dialog)

        dialog.accepted.connect(answered)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _ask_again(self, task_id: int) -> None:
        record = self.view.model.record(task_id)
        if record is not None and record.status is TaskStatus.MODAL:
            self.ask_modal(record)

    def _forget(self, dialog: ModalInputDialog | FollowUpDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def _count_running(self, *_args: object) -> None:
        self.page.set_running(sum(1 for r in self.view.model.records()
                                  if not r.status.is_final))

    async def shutdown(self) -> None:
        await self.tasks.close()
