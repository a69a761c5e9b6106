"""Settings → Tools: the MCP servers, their status, their tools and what each may do.

Each server shows whether it runs (or why it failed); its tools list with their
descriptions and input schemas, a switch for offering each to models, and "always allow"
(the default is to ask before every run). Servers are added by command or URL, or imported
from an `mcp.json` / `claude_desktop_config.json`, which is what users already have.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.secrets import KeyringUnavailableError, SecretStore
from desktop.core.tools.contract import ToolSpec
from desktop.core.tools.hub import McpHub, McpServerError, ServerStatus
from desktop.core.tools.mcp_config import (
    ImportedServer,
    McpConfig,
    McpConfigError,
    ServerConfig,
    check_no_duplicates,
    read_import_file,
)
from desktop.ui.task_runner import TaskRunner
from desktop.ui.tools.server_form import ServerFormDialog

NAME_ROLE = Qt.ItemDataRole.UserRole
OFFERED, ALWAYS = 1, 2


class HubStatusBridge(QObject):
    """Carries the hub's status changes (made on its own thread) to the UI thread."""

    changed = Signal(str, object)  # server name, ServerStatus

    def __init__(self, hub: McpHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe = hub.subscribe(lambda name, status: self.changed.emit(name, status))

    def close(self) -> None:
        self._unsubscribe()


class ToolsDialog(QDialog):
    def __init__(self, hub: McpHub, tasks: TaskRunner, parent: QWidget | None = None,
                 secrets: SecretStore | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolsDialog")
        self.setWindowTitle(self.tr("Tools"))
        self.resize(900, 560)
        self._hub, self._tasks = hub, tasks
        self._secrets = secrets if secrets is not None else SecretStore()
        self._filling = False
        self.bridge = HubStatusBridge(hub, self)
        self.bridge.changed.connect(self._status_changed)
        self.finished.connect(lambda _code: self.bridge.close())

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "MCP servers give models tools. Nothing runs without your approval: each call is "
            "shown with its arguments first, unless you chose “Always allow” for that tool."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(splitter, 1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.server_list = QListWidget()
        self.server_list.setObjectName("mcpServerList")
        self.server_list.setSpacing(3)
        self.server_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.server_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        left_layout.addWidget(self.server_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr(
            "Servers from an mcp.json or claude_desktop_config.json file"))
        self.remove_button = QPushButton(self.tr("Remove"))
        for button in (self.add_button, self.import_button, self.remove_button):
            row.addWidget(button)
        left_layout.addLayout(row)
        splitter.addWidget(left)

        right = QWidget()
        detail = QVBoxLayout(right)
        detail.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("toolsServerTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        detail.addWidget(self.title)
        self.launch = QLabel()
        self.launch.setWordWrap(True)
        self.launch.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.addWidget(self.launch)
        self.status = QLabel()
        self.status.setObjectName("toolsServerStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail.addWidget(self.status)
        controls = QHBoxLayout()
        self.enabled = QCheckBox(self.tr("Use this server"))
        self.check_button = QPushButton(self.tr("Start and list tools"))
        controls.addWidget(self.enabled)
        controls.addStretch(1)
        controls.addWidget(self.check_button)
        detail.addLayout(controls)
        self.tools = QTreeWidget()
        self.tools.setObjectName("mcpToolTree")
        self.tools.setRootIsDecorated(False)
        self.tools.setHeaderLabels([self.tr("Tool"), self.tr("Offered"),
                                    self.tr("Always allow")])
        header = self.tools.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (OFFERED, ALWAYS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        detail.addWidget(self.tools, 2)
        self.schema = QPlainTextEdit()
        self.schema.setObjectName("mcpToolSchema")
        self.schema.setReadOnly(True)
        self.schema.setPlaceholderText(self.tr("Select a tool to see what it does and the "
                                               "arguments it takes."))
        detail.addWidget(self.schema, 1)
        splitter.addWidget(right)
        splitter.setSizes([260, 640])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.server_list.currentItemChanged.connect(lambda *_: self._show_current())
        self.enabled.toggled.connect(self._set_enabled)
        self.check_button.clicked.connect(lambda: self.check_server())
        self.tools.itemChanged.connect(self._tool_changed)
        self.tools.currentItemChanged.connect(lambda *_: self._show_schema())
        self.add_button.clicked.connect(self.add_server)
        self.import_button.clicked.connect(lambda: self.import_servers())
        self.remove_button.clicked.connect(self.remove_server)
        self.reload()

    # ----------------------------------------------------------------- servers

    def _config(self) -> McpConfig:
        return self._hub.config

    def current(self) -> ServerConfig | None:
        item: QListWidgetItem | None = self.server_list.currentItem()
        if item is None:
            return None
        name = str(item.data(NAME_ROLE))
        return self._config().get(name) if self._config().has(name) else None

    def reload(self, select: str | None = None) -> None:
        shown = self.current()
        keep = select or (shown.name if shown is not None else None)
        self.server_list.clear()
        for server in self._config().servers:
            item = QListWidgetItem()
            item.setData(NAME_ROLE, server.name)
            self._describe_item(item, server, self._hub.status(server.name))
            self.server_list.addItem(item)
            if server.name == keep:
                self.server_list.setCurrentItem(item)
        if self.server_list.currentItem() is None and self.server_list.count():
            self.server_list.setCurrentRow(0)
        self._show_current()

    def _state_text(self, server: ServerConfig, status: ServerStatus) -> str:
        if not server.enabled:
            return self.tr("Turned off")
        texts = {"stopped": self.tr("Not running — starts when a model first needs it"),
                 "starting": self.tr("Starting…"), "running": self.tr("Running"),
                 "failed": self.tr("Failed: %1").replace("%1", status.reason)}
        return texts.get(status.state, status.state)

    def _describe_item(self, item: QListWidgetItem, server: ServerConfig,
                       status: ServerStatus) -> None:
        short = {"stopped": self.tr("Not running"), "starting": self.tr("Starting…"),
                 "running": self.tr("Running"), "failed": self.tr("Failed")}
        state = short.get(status.state, status.state) if server.enabled else self.tr("Turned off")
        item.setText(f"{server.name}\n{state}")
        item.setToolTip(server.describe())
        colours = {"running": QColor("#2e9d5b"), "failed": QColor("#d0453a")}
        colour = colours.get(status.state) if server.enabled else None
        item.setForeground(colour if colour is not None
                           else self.palette().color(QPalette.ColorRole.Text))

    def _status_changed(self, name: str, status: ServerStatus) -> None:
        for row in range(self.server_list.count()):
            item = self.server_list.item(row)
            if item.data(NAME_ROLE) == name and self._config().has(name):
                self._describe_item(item, self._config().get(name), status)
        current = self.current()
        if current is not None and current.name == name:
            self.status.setText(self._state_text(current, status))
            if status.state == "running":
                self._fill_tools(current)

    def _show_current(self) -> None:
        server = self.current()
        has = server is not None
        for widget in (self.enabled, self.check_button, self.remove_button, self.tools):
            widget.setEnabled(has)
        if server is None:
            self.title.setText(self.tr("No MCP server yet"))
            self.launch.setText(self.tr("Add one by its command or URL, or import the "
                                        "mcp.json you already use with another client."))
            self.status.clear()
            self.tools.clear()
            self.schema.clear()
            return
        self.title.setText(server.name)
        kind = self.tr("Command") if server.transport == "stdio" else self.tr("URL")
        self.launch.setText(f"{kind}: {server.describe()}")
        self.status.setText(self._state_text(server, self._hub.status(server.name)))
        self._filling = True
        self.enabled.setChecked(server.enabled)
        self._filling = False
        self._fill_tools(server)

    def _fill_tools(self, server: ServerConfig) -> None:
        self._filling = True
        self.tools.clear()
        self.schema.clear()
        listed = self._hub.tools_of(server.name)
        if listed is None:
            self.schema.setPlaceholderText(self.tr(
                "Start the server to see its tools."))
        for spec in listed or ():
            policy = server.policy(spec.name)
            item = QTreeWidgetItem([spec.name, "", ""])
            item.setData(0, NAME_ROLE, spec)
            item.setToolTip(0, spec.description[:500])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(OFFERED, Qt.CheckState.Checked if policy.enabled
                               else Qt.CheckState.Unchecked)
            item.setCheckState(ALWAYS, Qt.CheckState.Checked if policy.always_allow
                               else Qt.CheckState.Unchecked)
            self.tools.addTopLevelItem(item)
        self._filling = False

    def _show_schema(self) -> None:
        item = self.tools.currentItem()
        spec = item.data(0, NAME_ROLE) if item is not None else None
        if not isinstance(spec, ToolSpec):
            self.schema.clear()
            return
        schema = json.dumps(spec.input_schema, indent=2, ensure_ascii=False)
        self.schema.setPlainText(f"{spec.description}\n\n{schema}".strip())

    def check_server(self, name: str | None = None) -> None:
        """Start the server (if needed) and list its tools; failures show as its status."""
        server = self._config().get(name) if name else self.current()
        if server is None:
            return
        self.check_button.setEnabled(False)

        async def listing() -> list[ToolSpec] | str:
            try:
                return await self._hub.server_tools(server.name)
            except McpServerError as exc:
                return str(exc)

        def done(result: list[ToolSpec] | str) -> None:
            self.check_button.setEnabled(True)
            current = self.current()
            if current is not None and current.name == server.name:
                if isinstance(result, str):
                    self.status.setText(self.tr("Failed: %1").replace("%1", result))
                self._fill_tools(current)

        self._tasks.start(listing(), name="list MCP tools", on_success=done,
                          on_failure=lambda exc: done(str(exc)))

    # ----------------------------------------------------------------- switches

    def _save(self, config: McpConfig) -> bool:
        try:
            config.save()
        except McpConfigError as exc:
            self._problem(str(exc))
            return False
        self._hub.set_config(config)
        return True

    def _copy(self) -> McpConfig:
        return dataclasses.replace(self._config(), servers=list(self._config().servers))

    def _set_enabled(self, enabled: bool) -> None:
        server = self.current()
        if self._filling or server is None or server.enabled == enabled:
            return
        config = self._copy()
        config.replace(dataclasses.replace(server, enabled=enabled))
        if self._save(config):
            self.reload(select=server.name)

    def _tool_changed(self, item: QTreeWidgetItem, column: int) -> None:
        server, spec = self.current(), item.data(0, NAME_ROLE)
        if self._filling or server is None or not isinstance(spec, ToolSpec):
            return
        checked = item.checkState(column) == Qt.CheckState.Checked
        change = {"enabled": checked} if column == OFFERED else {"always_allow": checked}
        if column not in (OFFERED, ALWAYS):
            return
        config = self._copy()
        config.replace(server.with_policy(spec.name, **change))
        self._save(config)

    # ----------------------------------------------------------------- add, import, remove

    def _problem(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Tools"), text, parent=self)
        box.setObjectName("toolsProblem")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _store_tokens(self, tokens: dict[str, str], then: str) -> None:
        """Bearer tokens go to the keyring off the UI thread (a locked keyring may wait)."""
        if not tokens:
            return

        async def store() -> None:
            for item, token in tokens.items():
                await asyncio.to_thread(self._secrets.set, item, token)

        def failed(exc: BaseException) -> None:
            message = str(exc) if isinstance(exc, KeyringUnavailableError) else repr(exc)
            self._problem(self.tr("The token of %1 was not stored: %2")
                          .replace("%1", then).replace("%2", message))

        self._tasks.start(store(), name="store MCP token", on_failure=failed)

    def add_server(self) -> None:
        form = ServerFormDialog({s.name for s in self._config().servers}, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            server = form.server
            if server is None:
                return
            config = self._copy()
            try:
                config.add(server)
            except McpConfigError as exc:
                self._problem(str(exc))
                return
            if self._save(config):
                if form.token:
                    self._store_tokens({server.token_item: form.token}, server.name)
                self.reload(select=server.name)

        form.accepted.connect(accepted)
        form.open()

    def import_servers(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import MCP servers"), str(Path.home()),
                self.tr("MCP configuration (*.json);;All files (*)"))
            if not path:
                return
        source = Path(path)

        def done(found: list[ImportedServer]) -> None:
            config = self._copy()
            try:
                check_no_duplicates(config, [entry.server.name for entry in found])
                for entry in found:
                    config.add(entry.server)
            except McpConfigError as exc:
                self._problem(str(exc))
                return
            if self._save(config):
                tokens = {e.server.token_item: e.token for e in found if e.token}
                self._store_tokens(tokens, source.name)
                self.reload(select=found[0].server.name if found else None)

        async def read() -> list[ImportedServer]:
            return await asyncio.to_thread(read_import_file, source)

        self._tasks.start(read(), name="import MCP servers", on_success=done,
                          on_failure=lambda exc: self._problem(str(exc)))

    def remove_server(self) -> None:
        server = self.current()
        if server is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove MCP server"),
                          self.tr("Remove %1? Its token, if any, is deleted from the system "
                                  "keyring.").replace("%1", server.name), parent=self)
        box.setObjectName("confirmRemoveServer")
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is not remove:
                return
            config = self._copy()
            config.remove(server.name)
            if self._save(config):
                self.reload()
                item = server.token_item
                self._tasks.start(asyncio.to_thread(self._secrets.delete, item),
                                  name="delete MCP token", on_failure=lambda _e: None)

        box.finished.connect(answered)
        box.open()
