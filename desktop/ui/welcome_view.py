"""First start, no provider yet: offer the local servers that answer, next to "Add a provider".

The probe of 127.0.0.1 (Ollama, LM Studio, llama.cpp, vLLM, LiteLLM) runs in the background
through the TaskRunner; each server found gets a one-click "Use it" button.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Qt, Signal
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
from desktop.core.model_catalog import ModelCatalog
from desktop.core.provider_templates import local_templates, template, unique_name
from desktop.core.providers import ProviderProfile, ProviderRegistry
from desktop.ui.task_runner import TaskRunner

Probe = Callable[[], Coroutine[Any, Any, list[LocalServer]]]
QUICK_TEMPLATES = ("openai", "anthropic", "openrouter", "deepseek", "gemini", "maxapi")


class WelcomeView(QWidget):
    """The getting-started page shown instead of the chat while no provider exists."""

    provider_added = Signal(str)  # the name of a provider added from this page
    add_provider_requested = Signal(str)  # a template id, "" to choose in the dialog

    def __init__(
        self,
        registry: ProviderRegistry,
        tasks: TaskRunner,
        *,
        catalog: ModelCatalog | None = None,
        probe: Probe | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.registry = registry
        self.tasks = tasks
        self.catalog = catalog
        self._probe = probe or probe_local_servers
        self._found: list[LocalServer] = []
        self._probe_task: asyncio.Task[list[LocalServer]] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        title = QLabel(self.tr("Connect a model provider"))
        title.setObjectName("welcomeTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        column.addWidget(title)
        intro = QLabel(
            self.tr(
                "Switchboard talks to any OpenAI-compatible API: cloud providers, relay gateways "
                "and servers on this computer. Keys are kept in your system keyring only."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        column.addWidget(intro)

        self.add_button = QPushButton(self.tr("Add a provider…"))
        self.add_button.setObjectName("primary")
        self.add_button.setAccessibleName(self.tr("Add a provider"))
        self.add_button.clicked.connect(lambda: self.add_provider_requested.emit(""))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        column.addLayout(row)

        quick = QGridLayout()
        quick.setHorizontalSpacing(8)
        quick.setVerticalSpacing(8)
        for number, template_id in enumerate(QUICK_TEMPLATES):
            item = template(template_id)
            button = QPushButton(item.name)
            button.setAccessibleName(self.tr("Add %1").replace("%1", item.name))
            button.clicked.connect(
                lambda _=False, t=template_id: self.add_provider_requested.emit(t)
            )
            quick.addWidget(button, number // 3, number % 3)
        column.addLayout(quick)

        local_title = QLabel(self.tr("ON THIS COMPUTER"))
        local_title.setObjectName("sectionTitle")
        local_title.setContentsMargins(0, 12, 0, 0)
        column.addWidget(local_title)
        self.local_status = QLabel()
        self.local_status.setObjectName("hint")
        self.local_status.setWordWrap(True)
        column.addWidget(self.local_status)
        self.local_list = QVBoxLayout()
        self.local_list.setSpacing(6)
        column.addLayout(self.local_list)
        self.rescan_button = QPushButton(self.tr("Look again"))
        self.rescan_button.setAccessibleName(self.tr("Look for local servers again"))
        self.rescan_button.clicked.connect(lambda: self.start_probe())
        rescan_row = QHBoxLayout()
        rescan_row.addWidget(self.rescan_button)
        rescan_row.addStretch(1)
        column.addLayout(rescan_row)

        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(620)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(holder, 10)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

    def found(self) -> list[LocalServer]:
        return list(self._found)

    def start_probe(self) -> asyncio.Task[list[LocalServer]]:
        """Look for local servers in the background (one probe at a time)."""
        if self._probe_task is not None and not self._probe_task.done():
            return self._probe_task
        ports = ", ".join(f"{t.name} {t.local_port}" for t in local_templates())
        self.local_status.setText(
            self.tr("Looking for local servers on 127.0.0.1 (%1)…").replace("%1", ports)
        )
        self.rescan_button.setEnabled(False)
        self._probe_task = self.tasks.start(
            self._probe(),
            name="look for local servers",
            on_success=self._show_found,
            on_failure=lambda exc: self._show_found([]),
        )
        return self._probe_task

    def _show_found(self, servers: list[LocalServer]) -> None:
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
        use.clicked.connect(lambda _=False, s=server: self.add_local(s))
        row.addWidget(use)
        return card

    def add_local(self, server: LocalServer) -> ProviderProfile:
        """Save a provider for a found server (its models cached) and announce it."""
        name = unique_name(server.name, {p.name for p in self.registry})
        profile = self.registry.add(server.profile(name))
        if self.catalog is not None and server.models:
            self.catalog.set_models(profile.name, list(server.models))
        self.provider_added.emit(profile.name)
        return profile
