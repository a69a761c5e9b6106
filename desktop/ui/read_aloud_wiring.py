"""Read aloud in the window: the cards' buttons, the speech cache, settings, notices."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop.core.chat_service import ChatService
from desktop.core.settings import Settings
from desktop.core.speech import SpeechCache, SpeechSettings, SpeechSource
from desktop.core.store.changes import StoreChanges
from desktop.core.store.store import Store
from desktop.ui.chat_view import ChatView
from desktop.ui.open_conversation import OpenConversation
from desktop.ui.read_aloud import ReadAloud
from desktop.ui.speech_cache_sweeper import speech_cache_sweeper, store_has_message
from desktop.ui.task_runner import TaskRunner


class ReadAloudWiring:
    """Connects one ReadAloud to the chat view, the open conversation and the settings."""

    def __init__(self, *, view: ChatView, state: OpenConversation, store: Store,
                 service: ChatService, settings: Settings, tasks: TaskRunner,
                 provider: Callable[[], str], status: Callable[[str], None],
                 settings_action: QAction, dialog_parent: QWidget) -> None:
        self._store = store
        self._service = service
        self._settings = settings
        self._tasks = tasks
        self._provider = provider
        self._dialog_parent = dialog_parent
        megabytes = int(settings.get("speech.cache_mb"))
        self.cache = SpeechCache(store.data_dir.root / "speech", megabytes * 1_000_000)
        source = SpeechSource(self.cache, service.client_for)
        self.read_aloud = ReadAloud(tasks, source, self._speech_settings, dialog_parent)
        self.read_aloud.dialog_parent = dialog_parent

        def toggle(message_id: int) -> None:
            message = state.messages.get(message_id)
            if message is not None:
                self.read_aloud.toggle(message_id, message.text)

        view.read_aloud_requested.connect(toggle)
        self.read_aloud.reading_changed.connect(view.set_reading)
        self.read_aloud.notice.connect(status)
        state.opened.connect(lambda _id: self.read_aloud.stop())
        view.delete_requested.connect(lambda _id: self.read_aloud.stop())
        settings_action.triggered.connect(self.open_settings)

    def _speech_settings(self) -> SpeechSettings | None:
        """Read at use time, so a changed setting applies to the next reading."""
        settings = SpeechSettings.from_settings(self._settings, self._provider())
        if not settings.provider:
            self.read_aloud.notice.emit(self.read_aloud.tr(
                "Choose a provider first: read aloud uses the conversation's provider."))
            return None
        return settings

    def open_settings(self) -> None:
        from desktop.ui.speech_settings import SpeechSettingsDialog

        names = [profile.name for profile in self._service.providers.list()]
        dialog = SpeechSettingsDialog(self._settings, names, self._dialog_parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.read_aloud.stop)  # the next reading uses the new settings
        dialog.open()

    def sweep(self) -> None:
        """Audio of messages no longer in the history is removed (at start)."""
        self._tasks.start(asyncio.to_thread(self.cache.sweep, store_has_message(self._store)),
                          name="sweep speech cache")

    def store_changed_slot(self) -> Callable[[StoreChanges], None]:
        """For `StoreEvents.changed`: deleted messages' audio leaves the cache at once."""
        return speech_cache_sweeper(self.cache, self._tasks, store_has_message(self._store))
