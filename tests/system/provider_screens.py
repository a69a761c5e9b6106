"""Draws the providers dialog, the model picker (open), the parameter panel and the welcome
view under a real X server, and saves one PNG of each into the directory given as argv[1].

Run by test_provider_screenshots.py with DISPLAY set to a private Xvfb; no network, no keys.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path


def main() -> int:
    import keyring
    import qasync
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import (
        QApplication,
        QHBoxLayout,
        QLabel,
        QMainWindow,
        QVBoxLayout,
        QWidget,
    )

    from desktop.core.key_access import KeyAccess
    from desktop.core.local_servers import LocalServer
    from desktop.core.model_catalog import Capability, ModelCatalog
    from desktop.core.provider_templates import template
    from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
    from desktop.ui.model_picker import ModelPicker
    from desktop.ui.parameter_panel import ParameterPanel
    from desktop.ui.provider_editor import ProviderEditor
    from desktop.ui.providers_dialog import ProvidersDialog
    from desktop.ui.task_runner import TaskRunner
    from desktop.ui.theme import apply_theme
    from desktop.ui.welcome_view import WelcomeView
    from tests.helpers.memory_keyring import MemoryKeyring

    out = Path(sys.argv[1])
    scheme = sys.argv[2] if len(sys.argv) > 2 else "light"
    root = Path(tempfile.mkdtemp(prefix="screens-"))
    keyring.set_keyring(MemoryKeyring())
    app = QApplication([])
    apply_theme(app, scheme)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    tasks = TaskRunner()
    keys = KeyAccess(timeout=2)
    registry = ProviderRegistry(root)
    catalog = ModelCatalog(root)
    registry.add(ProviderProfile("MaxAPI", "https://api.maxapi.ai/v1"))
    registry.add(ProviderProfile("OpenRouter", "https://openrouter.ai/api/v1"))
    registry.add(ProviderProfile("Ollama", "http://127.0.0.1:11434/v1", key_source=KeySource.NONE))
    registry.move("MaxAPI", 0)
    catalog.set_models(
        "MaxAPI",
        ["gpt-4o", "gpt-4o-mini", "o3-mini", "claude-sonnet-4-20250514", "gemini-2.5-pro",
         "deepseek-reasoner", "dall-e-3", "text-embedding-3-small"],
    )  # fmt: skip
    catalog.set_models(
        "OpenRouter", ["openai/gpt-4.1", "anthropic/claude-3.5-sonnet", "qwen/qwen3-235b-a22b"]
    )
    catalog.set_models("Ollama", ["llama3.1:8b", "llava:13b", "qwen2.5-coder:7b"])
    catalog.set_favourite("MaxAPI", "claude-sonnet-4-20250514")
    catalog.note_used("Ollama", "llama3.1:8b")
    catalog.note_used("MaxAPI", "gpt-4o")
    catalog.set_override("qwen2.5-coder:7b", Capability.TOOLS)

    def pause(seconds: float = 0.4) -> None:
        loop.run_until_complete(asyncio.sleep(seconds))

    def save(widget: QWidget, name: str) -> None:
        widget.grab().save(str(out / f"{name}-{scheme}.png"))

    # Providers dialog, a relay selected with its connection options open.
    dialog = ProvidersDialog(ProviderEditor(registry, keys, catalog), keys, tasks)
    dialog.show()
    dialog.list_view.setCurrentIndex(dialog.list_model.index(0, 0))
    dialog.form.advanced_toggle.setChecked(True)
    dialog.form.extra_headers.setPlainText("X-Title: Switchboard")
    dialog.form.show_test_result(
        "Connected. 8 models available: gpt-4o, gpt-4o-mini, o3-mini, claude-sonnet-4, …",
        ok=True,
    )
    pause()
    save(dialog, "providers-dialog")
    dialog.revert()  # else adding asks what to do with the unsaved edit
    dialog.add_from_template("openai-compatible")
    dialog.form.base_url.setText("relay.example.com")
    dialog.form.key.setText("x")
    dialog.form.show_test_result(
        "Failed: relay.example.com rejected the key (401). Check it under Providers.", ok=False
    )
    pause()
    save(dialog, "providers-dialog-new")
    dialog.hide()

    # The model picker, open, in a header-like window.
    window = QMainWindow()
    central = QWidget()
    column = QVBoxLayout(central)
    header = QWidget()
    column.addWidget(header)
    hint = QLabel("(the chat view)")
    hint.setObjectName("hint")
    column.addWidget(hint, 1, Qt.AlignmentFlag.AlignCenter)
    row = QHBoxLayout(header)
    title = QLabel("New conversation")
    title.setObjectName("conversationTitle")
    row.addWidget(title)
    row.addStretch(1)
    picker = ModelPicker()
    picker.configure(providers=registry, catalog=catalog, keys=keys, tasks=tasks)
    picker.set_selection("MaxAPI", "gpt-4o")
    row.addWidget(picker)
    window.setCentralWidget(central)
    window.resize(900, 600)
    window.move(QPoint(40, 40))
    window.show()
    pause()
    picker.open_popup()
    pause()
    screen = app.primaryScreen()
    screen.grabWindow(0, 30, 30, 920, 620).save(str(out / f"model-picker-{scheme}.png"))
    picker.popup.search.setText("gpt")
    pause()
    screen.grabWindow(0, 30, 30, 920, 620).save(str(out / f"model-picker-filtered-{scheme}.png"))
    picker.popup.hide()
    window.hide()

    # The parameter panel with values set, one of them invalid.
    panel = ParameterPanel()
    panel.resize(300, 900)
    panel.set_values(
        {
            "temperature": 0.7,
            "max_tokens": 1024,
            "stop": ["###"],
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": "answer", "schema": {"type": "object"}},
            },
        },
        "You are a careful assistant. Answer in the user's language.",
    )
    panel.rows["top_p"].set_text("1.5")
    panel.show()
    pause()
    save(panel, "parameter-panel")

    # The welcome view with two local servers found.
    async def found() -> list[LocalServer]:
        return [
            LocalServer(template("ollama"), "http://127.0.0.1:11434/v1",
                        ("llama3.1:8b", "llava:13b", "qwen2.5-coder:7b", "phi4")),
            LocalServer(template("litellm"), "http://127.0.0.1:4000/v1", (), needs_key=True),
        ]  # fmt: skip

    welcome = WelcomeView(tasks, probe=found)
    welcome.resize(900, 640)
    welcome.show()
    loop.run_until_complete(welcome.start_probe())
    pause()
    save(welcome, "welcome-view")
    loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
