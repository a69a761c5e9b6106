"""First start, no provider yet: offer the local servers that answer, next to "Add a provider".

The probe of 127.0.0.1 (Ollama, LM Studio, llama.cpp, vLLM, LiteLLM) runs in the background
through the TaskRunner; each server found gets a one-click "Use it" button. The view saves
nothing itself: it asks (`server_chosen`, `add_provider_requested`) and the provider editor
writes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.local_servers import LocalServer, probe_local_servers
from desktop.core.provider_templates import local_templates, template
from desktop.ui.task_runner import TaskRunner

Probe = Callable[[], Coroutine[Any, Any, list[LocalServer]]]
QUICK_TEMPLATES = ("openai", "anthropic", "openrouter", "deepseek", "gemini", "maxapi")


class WelcomeView(QWidget):
    """The getting-started page shown instead of the chat while no provider exists."""

    server_chosen = Signal(object)  # the LocalServer whose "Use it" was pressed
    add_provider_requested = Signal(str)  # a template id, "" to choose in the dialog

    def __init__(
        self, tasks: TaskRunner, *, probe: Probe | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.tasks = tasks
        self._probe = probe or probe_local_servers
        self._found: list[LocalServer] = []
        self._probing = False
        self._probe_task: asyncio.Task[list[LocalServer]] | None = None

        self.title = QLabel()
        self.title.setObjectName("welcomeTitle")
        self.title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setObjectName("hint")
        self.add_button = QPushButton()
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(lambda: self.add_provider_requested.emit(""))
        self.quick_buttons: list[QPushButton] = []
        for template_id in QUICK_TEMPLATES:
            button = QPushButton(template(template_id).name)
            button.clicked.connect(
                lambda _=False, t=template_id: self.add_provider_requested.emit(t)
            )
            self.quick_buttons.append(button)
        self.local_title = QLabel()
        self.local_title.setObjectName("sectionTitle")
        self.local_title.setContentsMargins(0, 12, 0, 0)
        self.local_status = QLabel()
        self.local_status.setObjectName("hint")
        self.local_status.setWordWrap(True)
        self.local_list = QVBoxLayout()
        self.local_list.setSpacing(6)
        self.rescan_button = QPushButton()
        self.rescan_button.clicked.connect(lambda: self.start_probe())
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addLayout(_row(self.add_button))
        quick = QGridLayout()
        quick.setHorizontalSpacing(8)
        quick.setVerticalSpacing(8)
        for number, button in enumerate(self.quick_buttons):
            quick.addWidget(button, number // 3, number % 3)
        column.addLayout(quick)
        column.addWidget(self.local_title)
        column.addWidget(self.local_status)
        column.addLayout(self.local_list)
        column.addLayout(_row(self.rescan_button))
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(620)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(holder, 10)
        centre.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Connect a model provider"))
        self.intro.setText(
            self.tr(
                "Switchboard talks to any OpenAI-compatible API: cloud providers, relay gateways "
                "and servers on this computer. Keys are kept in your system keyring only."
            )
        )
        self.add_button.setText(self.tr("Add a provider…"))
        self.add_button.setAccessibleName(self.tr("Add a provider"))
        for template_id, button in zip(QUICK_TEMPLATES, self.quick_buttons, strict=True):
            button.setAccessibleName(self.tr("Add %1").replace("%1", template(template_id).name))
        self.local_title.setText(self.tr("ON THIS COMPUTER"))
        self.rescan_button.setText(self.tr("Look again"))
        self.rescan_button.setAccessibleName(self.tr("Look for local servers again"))
        if self._probing:
            ports = ", ".join(f"{t.name} {t.local_port}" for t in local_templates())
            self.local_status.setText(
                self.tr("Looking for local servers on 127.0.0.1 (%1)…").replace("%1", ports)
            )
        elif self._probe_task is not None:
            self._show_found(self._found)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def found(self) -> list[LocalServer]:
        return list(self._found)

    def start_probe(self) -> asyncio.Task[list[LocalServer]]:
        """Look for local servers in the background (one probe at a time)."""
        if self._probe_task is not None and not self._probe_task.done():
            return self._probe_task
        self._probing = True
        self.rescan_button.setEnabled(False)
        self._probe_task = self.tasks.start(
            self._probe(),
            name="look for local servers",
            on_success=self._show_found,
            on_failure=lambda exc: self._show_found([]),
        )
        self.retranslate_ui()
        return self._probe_task

    def stop_probe(self) -> None:
        """Cancel a running probe (before the view is deleted: its answer must not land on
        deleted widgets)."""
        if self._probe_task is not None and not self._probe_task.done():
            self._probe_task.cancel()
        self._probing = False

    def _show_found(self, servers: list[LocalServer]) -> None:
        self._probing = False
        self._found = list(servers)
        self.rescan_button.setEnabled(True)
        while self.local_list.count():
            item = self.local_list.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not servers:
            self.local_status.setText(
                self.tr(
                    "No local server answered. Start Ollama, LM Studio, llama.cpp, vLLM or "
                    "LiteLLM and look again, or add a provider above."
                )
            )
            return
        self.local_status.setText(self.tr("These servers answered:"))
        for server in servers:
            self.local_list.addWidget(self._server_card(server))

    def _server_card(self, server: LocalServer) -> QFrame:
        card = QFrame()
        card.setObjectName("localServerCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(card)
        row.setContentsMargins(12, 8, 12, 8)
        if server.needs_key:
            detail = self.tr("asks for a key")
        else:
            detail = self.tr("%n model(s)", "", len(server.models))
            if server.models:
                detail += (
                    " — " + ", ".join(server.models[:3]) + (" …" if len(server.models) > 3 else "")
                )
        label = QLabel(f"<b>{server.name}</b>  <span>{server.base_url}</span><br>{detail}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        row.addWidget(label, 1)
        use = QPushButton(self.tr("Use it"))
        use.setAccessibleName(self.tr("Use %1").replace("%1", server.name))
        use.clicked.connect(lambda _=False, s=server: self.use_server(s))
        row.addWidget(use)
        return card

    def use_server(self, server: LocalServer) -> None:
        """What "Use it" does: ask for a provider for this server (the editor saves it)."""
        self.server_chosen.emit(server)


def _row(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row
