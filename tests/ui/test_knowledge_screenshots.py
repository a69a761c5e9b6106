"""Screenshots of knowledge bases in the real window, light and dark: the Knowledge bases
dialog while a base is indexed, a reply's source chips, and a chip's passage. Left in the
artifacts directory (and in $SWITCHBOARD_SHOTS as kb-*.png when set)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui import theme
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider
from tests.ui.test_knowledge_window import (
    add_files,
    chip_centre,
    create_base,
    docs,
    indexed,
    open_dialog,
    slow_embeddings,
    wiring,
)

__all__ = ["docs"]  # the fixture


def save(chat: ChatWindow, widget: QWidget, directory: Path, name: str) -> None:
    chat.wait(lambda: True, timeout=0.3)
    target = directory / name
    assert widget.grab().save(str(target))
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    if shots:
        shutil.copy(target, Path(shots) / name)


def test_dialog_while_indexing_chips_and_passage_light_and_dark(
        chat: ChatWindow, docs: list[Path], tmp_path: Path, fake_provider: FakeProvider,
        artifacts_dir: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    try:
        chat.window.resize(1100, 720)
        dialog = open_dialog(chat)
        create_base(chat, dialog, "Support handbook")
        add_files(chat, dialog, docs)
        chat.wait(lambda: indexed(chat, "Support handbook"), timeout=30)

        # A second, larger base indexed slowly: the dialog shows its progress.
        slow_embeddings(fake_provider, 0.4)
        folder = tmp_path / "manuals"
        folder.mkdir()
        for number in range(12):
            (folder / f"Router manual, chapter {number + 1}.txt").write_text(
                " ".join(f"Chapter {number} paragraph {k}: firmware, ports and setup."
                         for k in range(80)), encoding="utf-8")
        knowledge = wiring(chat)
        knowledge.bases.batch_size = 4
        create_base(chat, dialog, "Product manuals")
        dialog.ops.choose_folder = lambda _parent: str(folder)
        dialog.add_folder_button.click()
        chat.wait(lambda: knowledge.indexing.busy)
        run = knowledge.indexing.running("Product manuals")
        assert run is not None
        chat.wait(lambda: run.progress.phase == "Embedding" and run.progress.done > 8,
                  timeout=20)
        for scheme in ("light", "dark"):
            theme.apply_theme(app, scheme)
            save(chat, dialog, artifacts_dir, f"kb-dialog-indexing-{scheme}.png")
        theme.apply_theme(app, "light")
        dialog.cancel_button.click()
        chat.wait(lambda: not knowledge.indexing.busy, timeout=20)
        dialog.close()
        slow_embeddings(fake_provider, 0.0)

        button = chat.window.chat.kb_choice
        chat.wait(lambda: any(name == "Support handbook" for name, _n in button.bases))
        button.build_menu()
        [attach] = [a for a in button.kb_menu.actions() if a.data() == "Support handbook"]
        attach.trigger()
        chat.window.settings.set("knowledge.min_score_percent", 5)
        fake_provider.default_text = (
            "Customers may return a product within **thirty days** of delivery [1], and the "
            "refund goes back to the original payment method. A faulty display is replaced "
            "free of charge while the warranty runs [2]; batteries are covered for one year "
            "[3].")
        chat.type_and_send("Refunds and a broken display?")
        chat.wait(chat.idle, timeout=20)
        reply = chat.path()[-1]
        book = chat.window.chat.chat_view.area.kb_sources
        chat.wait(lambda: bool(book.of(reply.id)))
        widget = chat.window.chat.chat_view.area.bound_widget(reply.id)
        assert widget is not None
        for scheme in ("light", "dark"):
            theme.apply_theme(app, scheme)
            save(chat, chat.window, artifacts_dir, f"kb-chips-{scheme}.png")
            QTest.mouseClick(widget.kb_chips, Qt.MouseButton.LeftButton,
                             pos=chip_centre(chat, reply.id, 1))
            popup = knowledge.passage_dialog
            assert popup is not None
            save(chat, popup, artifacts_dir, f"kb-passage-{scheme}.png")
            popup.close()
    finally:
        style, palette, sheet, colours = saved
        app.setStyle(style)
        app.setPalette(palette)
        app.setStyleSheet(sheet)
        theme._current = colours
