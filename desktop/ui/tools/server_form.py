"""Add an MCP server: a command (stdio) or a URL (Streamable HTTP) with a bearer token."""

from __future__ import annotations

import shlex

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.tools.mcp_config import McpConfigError, ServerConfig, http_server, stdio_server

MAX_ENV_LINES = 64


def parse_env(text: str) -> dict[str, str]:
    """KEY=VALUE lines (blank lines and # comments skipped)."""
    env: dict[str, str] = {}
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if len(lines) > MAX_ENV_LINES:
        raise McpConfigError(f"at most {MAX_ENV_LINES} environment variables")
    for line in lines:
        key, sep, value = line.partition("=")
        if not sep:
            raise McpConfigError(f"{line[:40]!r} is not KEY=VALUE")
        env[key.strip()] = value.strip()
    return env


class ServerFormDialog(QDialog):
    """The fields of a new server; `server` and `token` are set when it is accepted."""

    def __init__(self, taken: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mcpServerForm")
        self.setWindowTitle(self.tr("Add an MCP server"))
        self.setMinimumWidth(520)
        self.server: ServerConfig | None = None
        self.token = ""
        self._taken = {name.casefold() for name in taken}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. time"))
        form.addRow(self.tr("&Name"), self.name)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("A command on this computer (stdio)"), "stdio")
        self.kind.addItem(self.tr("A URL (Streamable HTTP)"), "http")
        form.addRow(self.tr("&Runs as"), self.kind)
        layout.addLayout(form)

        self.pages = QStackedWidget()
        stdio = QWidget()
        stdio_form = QFormLayout(stdio)
        stdio_form.setContentsMargins(0, 0, 0, 0)
        self.command = QLineEdit()
        self.command.setPlaceholderText("uvx mcp-server-time --local-timezone Europe/Paris")
        stdio_form.addRow(self.tr("&Command"), self.command)
        self.cwd = QLineEdit()
        self.cwd.setPlaceholderText(self.tr("optional"))
        stdio_form.addRow(self.tr("&Working directory"), self.cwd)
        self.env = QPlainTextEdit()
        self.env.setPlaceholderText(self.tr("KEY=VALUE, one per line (optional)"))
        self.env.setFixedHeight(72)
        stdio_form.addRow(self.tr("&Environment"), self.env)
        note = QLabel(self.tr("The server sees only these variables and a safe minimum "
                              "(PATH, HOME…), never your providers' keys."))
        note.setWordWrap(True)
        note.setObjectName("hint")
        stdio_form.addRow("", note)
        http = QWidget()
        http_form = QFormLayout(http)
        http_form.setContentsMargins(0, 0, 0, 0)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://example.com/mcp")
        http_form.addRow(self.tr("&URL"), self.url)
        self.token_field = QLineEdit()
        self.token_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_field.setPlaceholderText(self.tr("optional; kept in the system keyring"))
        http_form.addRow(self.tr("Bearer &token"), self.token_field)
        self.pages.addWidget(stdio)
        self.pages.addWidget(http)
        layout.addWidget(self.pages)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)

        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _build(self) -> ServerConfig:
        name = self.name.text().strip()
        if name.casefold() in self._taken:
            raise McpConfigError(self.tr("A server named %1 exists already.").replace("%1", name))
        if self.kind.currentData() == "http":
            return http_server(name, self.url.text().strip())
        try:
            words = shlex.split(self.command.text())
        except ValueError as exc:
            raise McpConfigError(self.tr("The command cannot be read: %1")
                                 .replace("%1", str(exc))) from exc
        if not words:
            raise McpConfigError(self.tr("Enter the command that starts the server."))
        return stdio_server(name, words[0], words[1:], parse_env(self.env.toPlainText()),
                            self.cwd.text().strip() or None)

    def _accept(self) -> None:
        try:
            self.server = self._build()
        except McpConfigError as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            return
        self.token = self.token_field.text().strip() if self.server.transport == "http" else ""
        self.accept()
