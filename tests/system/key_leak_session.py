"""A full Switchboard session run by test_key_leak.py in a child process (own D-Bus session).

Reads the key and the fake provider's URL as one JSON line on stdin, so the key is never in
argv or the environment. Adds the provider through the Providers dialog (key into the real
Secret Service), tests the connection, chats (a rejected request whose error echoes the key,
then a good one), exports the conversation in every format, makes a backup, and prints a JSON
report.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.core.chat_service import ChatService, ChatSettings
    from desktop.core.key_access import KeyAccess
    from desktop.core.logs import setup_logging
    from desktop.core.model_catalog import ModelCatalog
    from desktop.core.paths import DataDir
    from desktop.core.providers import ProviderRegistry
    from desktop.core.settings import Settings
    from desktop.core.store.export_html import export_html
    from desktop.core.store.export_json import write_json
    from desktop.core.store.export_markdown import export_markdown
    from desktop.core.store.store import Store
    from desktop.ui.provider_editor import ProviderEditor
    from desktop.ui.providers_dialog import ProvidersDialog
    from desktop.ui.task_runner import TaskRunner

    given = json.loads(sys.stdin.readline())
    key, base_url, root = given["key"], given["base_url"], Path(given["data_dir"])
    data = DataDir(root).ensure()
    setup_logging(data.logs, level=logging.DEBUG)
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    registry = ProviderRegistry(root)
    keys = KeyAccess()
    tasks = TaskRunner()
    catalog = ModelCatalog(root)
    dialog = ProvidersDialog(ProviderEditor(registry, keys, catalog), keys, tasks)
    dialog.add_from_template("openai-compatible")
    dialog.form.name.setText("Relay")
    dialog.form.base_url.setText(base_url)
    dialog.form.key.setText(key)
    saved = dialog.save_current()
    assert isinstance(saved, asyncio.Task), saved
    loop.run_until_complete(saved)
    test = dialog.test_connection()
    assert test is not None
    loop.run_until_complete(test)
    profile = registry.get("Relay")
    settings = Settings(data.settings_file)
    settings.set("chat.default_provider", "Relay")
    settings.set("chat.default_model", "fake-chat")
    catalog.note_used("Relay", "fake-chat")

    store = Store.open(data, backup_interval=None)
    service = ChatService(store, registry, secrets=keys)
    conversation = store.create_conversation("leak check", provider="Relay", model="fake-chat")
    chat = ChatSettings("Relay", "fake-chat", {"temperature": 0.2}, "Be brief.")

    async def exchanges() -> list[str]:
        errors = []
        try:
            for text in ("First (rejected)", "Second"):
                result = await service.send(conversation.id, text, chat)
                errors.append(result.error.details() if result.error else "")
        finally:
            await service.close()
        return errors

    errors = loop.run_until_complete(exchanges())
    exports = root / "exports"
    exports.mkdir()
    write_json(store, [conversation.id], exports / "conversation.json")
    (exports / "conversation.md").write_text(
        export_markdown(store, conversation.id, whole_tree=True)
    )
    (exports / "conversation.html").write_text(export_html(store, conversation.id, whole_tree=True))
    backup = store.backup_to(data.backups / "manual.sqlite3")
    store.close()
    logging.getLogger("leak").info("session over, errors: %s", errors)
    logging.shutdown()
    report = {
        "backend": keys.describe_backend(),
        "key_in_keyring": keys.get(profile.keyring_item) == key,
        "test_result": dialog.form.test_result.text(),
        "errors": errors,
        "backup": str(backup),
    }
    print(json.dumps(report), flush=True)
    loop.close()  # stops qasync's worker threads before Qt goes away
    return 0


if __name__ == "__main__":
    sys.exit(main())
