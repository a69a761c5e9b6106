"""Child process for test_provider_keys: the real window, keys typed into the Providers dialog.

Runs with a private Secret Service (gnome-keyring on a private D-Bus), so every key really
goes over D-Bus. Reads one JSON line (base_url, key, data_dir) and prints one JSON report.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from pathlib import Path


def main() -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.core.model_choices import RowKind
    from desktop.ui.provider_wiring import ProviderWiring
    from tests.helpers.chat_window import data_dir_at, open_window

    given = json.loads(sys.stdin.readline())
    errors: list[str] = []

    class Errors(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.ERROR or record.exc_info:
                errors.append(record.getMessage())

    logging.getLogger().addHandler(Errors())
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    chat = open_window(data_dir_at(Path(given["data_dir"])), loop)
    wiring = chat.parts.providers
    assert isinstance(wiring, ProviderWiring)
    dialog = wiring.open_providers()
    for _ in range(3):  # one after the other, as fast as a user can
        dialog.add_from_template("openai-compatible")
        dialog.form.base_url.setText(given["base_url"])
        dialog.form.key.setText(given["key"])
        assert dialog.save_current() is not False
    added = [name for name in dialog.names()]
    chat.wait(lambda: chat.window.tasks.running == 0, timeout=30)
    dialog.reject()
    picker = chat.window.chat.model_picker
    statuses = {name: picker.status_of(name) for name in added}
    picker.open_popup()
    models = sorted({r.provider for r in picker.shown_rows() if r.kind is RowKind.MODEL})
    picker.popup.hide()
    report = {
        "backend": wiring.keys.describe_backend(),
        "added": added,
        "statuses": statuses,
        "with_models": models,
        "errors": errors,
    }
    print(json.dumps(report), flush=True)
    chat.close()
    chat.store.close()
    chat.wait(lambda: chat.window.tasks.running == 0)
    loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
