"""Settings → Tools: MCP servers with their status and tools, switches, add, import, remove."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.secrets import SecretStore
from desktop.core.tools.mcp_config import load_config, stdio_server
from desktop.ui.tools.tools_dialog import ALWAYS, OFFERED, ToolsDialog
from tests.helpers.chat_window import ChatWindow
from tests.helpers.memory_keyring import MemoryKeyring


@pytest.fixture
def dialog(chat: ChatWindow) -> Iterator[ToolsDialog]:
    hub = chat.parts.tool_hub
    config = hub.config
    config.add(stdio_server("time", sys.executable,
                            ["-m", "mcp_server_time", "--local-timezone", "Europe/Paris"]))
    config.save()
    hub.set_config(config)
    shown = ToolsDialog(hub, chat.window.tasks, chat.window,
                        secrets=SecretStore(backend=MemoryKeyring()))
    shown.show()
    yield shown
    shown.close()


def _box(named: str) -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == named and w.isVisible()),
                None)


def test_the_settings_menu_opens_the_tools_dialog(chat: ChatWindow) -> None:
    chat.window.tools_action.trigger()
    chat.wait(lambda: chat.window.findChild(ToolsDialog, "toolsDialog") is not None)
    found = chat.window.findChild(ToolsDialog, "toolsDialog")
    assert found is not None and found.isVisible()
    assert found.title.text() == "No MCP server yet"
    found.close()


def test_a_server_starts_lists_its_tools_and_keeps_the_switches(
        chat: ChatWindow, dialog: ToolsDialog) -> None:
    assert dialog.server_list.count() == 1
    assert "Not running" in dialog.status.text()
    dialog.check_server()
    chat.wait(lambda: dialog.tools.topLevelItemCount() == 2, timeout=30)
    assert dialog.status.text() == "Running"
    names = [dialog.tools.topLevelItem(i).text(0) for i in range(2)]
    assert sorted(names) == ["convert_time", "get_current_time"]
    item = dialog.tools.topLevelItem(names.index("get_current_time"))
    dialog.tools.setCurrentItem(item)
    assert '"timezone"' in dialog.schema.toPlainText()  # the input schema, pretty-printed
    assert item.checkState(OFFERED) == Qt.CheckState.Checked
    assert item.checkState(ALWAYS) == Qt.CheckState.Unchecked  # the default is to ask

    item.setCheckState(ALWAYS, Qt.CheckState.Checked)
    other = dialog.tools.topLevelItem(names.index("convert_time"))
    other.setCheckState(OFFERED, Qt.CheckState.Unchecked)
    saved = load_config(chat.store.data_dir.root).get("time")
    assert saved.policy("get_current_time").always_allow
    assert not saved.policy("convert_time").enabled
    assert chat.parts.tool_hub.is_always_allowed(item.data(0, Qt.ItemDataRole.UserRole))

    dialog.enabled.setChecked(False)  # the server is turned off and stopped
    assert not load_config(chat.store.data_dir.root).get("time").enabled
    chat.wait(lambda: chat.parts.tool_hub.status("time").state == "stopped", timeout=15)
    assert "Turned off" in dialog.server_list.item(0).text()


def test_a_server_that_cannot_start_says_why(chat: ChatWindow, dialog: ToolsDialog) -> None:
    hub = chat.parts.tool_hub
    config = hub.config
    config.add(stdio_server("broken", str(Path(sys.executable).with_name("no-such-program"))))
    config.save()
    hub.set_config(config)
    dialog.reload(select="broken")
    dialog.check_server()
    chat.wait(lambda: dialog.status.text().startswith("Failed"), timeout=30)
    assert "broken" in dialog.status.text() or "no-such-program" in dialog.status.text()
    assert dialog.tools.topLevelItemCount() == 0


def test_import_adds_servers_and_puts_the_token_in_the_keyring(
        chat: ChatWindow, dialog: ToolsDialog, tmp_path: Path) -> None:
    source = tmp_path / "claude_desktop_config.json"
    source.write_text(json.dumps({"mcpServers": {
        "files": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"]},
        "remote": {"url": "https://mcp.example.com/mcp",
                   "headers": {"Authorization": "Bearer tok-123"}},
    }}))
    dialog.import_servers(str(source))
    chat.wait(lambda: dialog.server_list.count() == 3)
    chat.wait(lambda: chat.window.tasks.running == 0)
    config = load_config(chat.store.data_dir.root)
    assert config.get("remote").transport == "http"
    assert "Authorization" not in config.get("remote").headers  # the token is not in the file
    assert "tok-123" not in config.path.read_text()
    assert dialog._secrets.get("mcp:remote") == "tok-123"

    dialog.import_servers(str(source))  # again: refused as duplicates, nothing added
    chat.wait(lambda: _box("toolsProblem") is not None)
    box = _box("toolsProblem")
    assert box is not None and "Already configured" in box.text()
    box.close()
    assert len(load_config(chat.store.data_dir.root).servers) == 3


def test_remove_asks_first_and_deletes_the_token(chat: ChatWindow, dialog: ToolsDialog) -> None:
    dialog._secrets.set("mcp:time", "tok")
    dialog.remove_server()
    chat.wait(lambda: _box("confirmRemoveServer") is not None)
    box = _box("confirmRemoveServer")
    assert box is not None
    [remove] = [b for b in box.buttons()
                if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    remove.click()
    chat.wait(lambda: dialog.server_list.count() == 0 and chat.window.tasks.running == 0)
    assert not load_config(chat.store.data_dir.root).has("time")
    assert dialog._secrets.get("mcp:time") is None
