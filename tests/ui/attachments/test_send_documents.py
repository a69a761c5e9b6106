"""Documents attached in the real window and sent to the fake provider.

A PDF and a Word file picked with the attach button show as chips (name, pages or
characters, tokens), go out as text parts with headers in each API style, are stored once
and shown on the sent message as file chips that open with the system viewer. A large file
asks first; a refused one (encrypted) leaves the rest of the draft alone; a scanned PDF
becomes page images for a vision model and is refused for others. Screenshots of the tray
and the sent message, light and dark, go to /work/shots (or the artifacts folder).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QUrl
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.api.styles import ApiStyle
from desktop.core.store.models import FilePart, MessageStatus, TextPart
from desktop.ui import theme
from desktop.ui.attachments.intake import DocumentSource
from tests.helpers.chat_window import KEY_ENV, ChatWindow, fake_key
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.sample_documents import make_docx, make_pdf
from tests.helpers.sample_images import encode, two_colour_image
from tests.ui.attachments.test_send_images import CHAT_PATHS, open_chat

__all__ = ["fake_provider"]

SHOTS = Path("/work/shots")
PAGES = [f"Quarterly report, page {n}\nRevenue grew by {n * 3} % against the last quarter."
         for n in range(1, 4)]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    pdf = tmp_path / "Q3 report.pdf"
    pdf.write_bytes(make_pdf(PAGES))
    docx = tmp_path / "meeting-notes.docx"
    docx.write_bytes(make_docx(["Decisions of the meeting", "会议决定：下季度增加预算。"],
                               [["Owner", "Task"], ["Ada", "Budget"]]))
    return pdf, docx


def attach_with_button(chat: ChatWindow, *paths: Path) -> None:
    pane = chat.window.chat
    tray = pane.attachments
    before = len(tray.documents())
    pane.choose_files = lambda parent: list(paths)
    pane.attach_button.click()
    chat.wait(lambda: len(tray.documents()) == before + len(paths) and not tray.is_busy())


def user_texts(style: ApiStyle, body: dict[str, Any]) -> list[str]:
    if style is ApiStyle.OPENAI_RESPONSES:
        return [p["text"] for p in body["input"][-1]["content"] if p["type"] == "input_text"]
    return [p["text"] for p in body["messages"][-1]["content"] if p["type"] == "text"]


def shoot(widget: QWidget, name: str, artifacts_dir: Path, area: QRect | None = None) -> Path:
    folder = SHOTS if SHOTS.is_dir() else artifacts_dir
    target = folder / f"docs-{name}.png"
    assert widget.grab(area if area is not None else widget.rect()).save(str(target))
    return target


@pytest.mark.parametrize("style", list(CHAT_PATHS), ids=str)
def test_pdf_and_docx_are_sent_as_text_and_shown_as_file_chips(
    style: ApiStyle, tmp_path: Path, fake_provider: FakeProvider,
    qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    files: tuple[Path, Path],
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url, style, "plain-model")
    pdf, docx = files
    try:
        attach_with_button(chat, pdf, docx)
        tray = chat.window.chat.attachments
        first, second = tray.document_items()
        chip = tray.document_chip(first.key)
        assert chip is not None and chip.isVisible()
        assert chip.name_label.text() == "Q3 report.pdf"
        assert chip.detail_label.text().startswith("3 pages · ≈")
        docx_chip = tray.document_chip(second.key)
        assert docx_chip is not None and "characters · ≈" in docx_chip.detail_label.text()
        chat.type_and_send("Summarise both files.")
        chat.wait(chat.idle)
        assert tray.is_empty()
        assert chat.parts.exchanges.vision.dialog is None  # documents are not images
        (body,) = fake_provider.bodies(CHAT_PATHS[style])
        sent = user_texts(style, body)
        assert sent[0].startswith("=== Attached file: Q3 report.pdf (3 pages) ===\n"
                                  "--- page 1 ---\nQuarterly report, page 1")
        assert "--- page 3 ---\nQuarterly report, page 3" in sent[0]
        assert sent[1] == ("=== Attached file: meeting-notes.docx ===\nDecisions of the "
                           "meeting\n会议决定：下季度增加预算。\nOwner | Task\nAda | Budget\n"
                           "=== End of meeting-notes.docx ===")
        assert sent[2] == "Summarise both files."
        user, reply = chat.path()
        assert reply.status is MessageStatus.COMPLETE
        assert [type(p) for p in user.parts] == [FilePart, FilePart, TextPart]
        assert user.files[0].pages == 3 and user.files[0].name == "Q3 report.pdf"
        assert chat.store.read_attachment(user.files[0].hash) == pdf.read_bytes()
        card = chat.window.chat.chat_view.area.bound_widget(user.id)
        assert card is not None and card.file_strip.isVisible()
        assert card.file_strip.parts == user.files
        assert card.file_strip.detail(user.files[0]).startswith("PDF · 3 pages · ")
        opened: list[QUrl] = []
        chat.window.chat.chat_view.area.files.open_url = lambda url: opened.append(url) or True
        qtbot.mouseClick(card.file_strip, Qt.MouseButton.LeftButton,
                         pos=card.file_strip.chip_rect(0).center())
        chat.wait(lambda: bool(opened))
        shown = Path(opened[0].toLocalFile())
        assert shown.name == "Q3 report.pdf" and shown.read_bytes() == pdf.read_bytes()
    finally:
        chat.close()
        chat.store.close()


def test_editing_a_message_keeps_its_documents(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, files: tuple[Path, Path],
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    tray = chat.window.chat.attachments
    try:
        attach_with_button(chat, files[0])
        chat.type_and_send("Summarise.")
        chat.wait(chat.idle)
        original = chat.path()[0]
        chat.parts.editing.edit(original.id)
        chat.wait(lambda: len(tray.documents()) == 1 and not tray.is_busy())
        assert tray.documents()[0].name == "Q3 report.pdf"  # its name, not the stored hash
        chat.type_and_send("Summarise in one line.")
        chat.wait(chat.idle)
        edited = chat.path()[0]
        assert edited.id != original.id and edited.files == original.files
        body = fake_provider.bodies("/v1/chat/completions")[-1]
        assert body["messages"][-1]["content"][0]["text"].startswith(
            "=== Attached file: Q3 report.pdf (3 pages) ===")
        assert len(chat.store.attachments.stored_hashes()) == 1
    finally:
        chat.close()
        chat.store.close()


def test_large_document_asks_and_declining_removes_only_it(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, files: tuple[Path, Path],
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    big = tmp_path / "big.md"
    big.write_text("# Log\n" + "word " * 6000, encoding="utf-8")  # ~7.5k tokens
    pane = chat.window.chat
    tray = pane.attachments
    try:
        pane.composer.setPlainText("Keep this draft.")
        attach_with_button(chat, files[1])
        chat.window.settings.set("attachments.max_document_tokens", 5000)
        assert tray.document_token_limit == 5000  # the live setting reached the tray
        tray.add_sources([DocumentSource(big.name, big)])
        chat.wait(lambda: tray.questions.dialog is not None)
        dialog = tray.questions.dialog
        assert dialog is not None and "big.md" in dialog.text() and "5k" in dialog.text()
        assert tray.is_busy()  # not sendable until answered
        dialog.reject()  # "Remove it"
        chat.wait(lambda: tray.questions.dialog is None)
        assert [d.name for d in tray.documents()] == ["meeting-notes.docx"]
        assert pane.composer.toPlainText() == "Keep this draft."
        tray.add_sources([DocumentSource(big.name, big)])
        chat.wait(lambda: tray.questions.dialog is not None)
        tray.questions.keep_button.click()  # type: ignore[union-attr]
        chat.wait(lambda: len(tray.documents()) == 2 and not tray.is_busy())
        # A model whose context is known and smaller than the setting: that limit applies.
        tray.model_context = lambda: 4000
        tray.add_sources([DocumentSource(big.name, big)])
        chat.wait(lambda: tray.questions.dialog is not None)
        assert "the limit is 4k" in tray.questions.dialog.text()  # type: ignore[union-attr]
        tray.questions.dialog.reject()  # type: ignore[union-attr]
        chat.wait(lambda: tray.questions.dialog is None and len(tray.documents()) == 2)
        tray.model_context = lambda: None
        # Eight chips are wider than the pane: the tray scrolls instead of widening the window.
        width = chat.window.width()
        many = [tmp_path / f"part-{n}.txt" for n in range(6)]
        for path in many:
            path.write_text("notes", encoding="utf-8")
        tray.add_sources([DocumentSource(p.name, p) for p in many])
        chat.wait(lambda: len(tray.documents()) == 8 and not tray.is_busy())
        chat.wait(lambda: True, timeout=0.1)
        assert chat.window.width() == width
        assert tray.width() < 8 * 236 and tray.isVisible()
    finally:
        chat.close()
        chat.store.close()


def test_refused_documents_say_why_and_keep_the_draft(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch, files: tuple[Path, Path],
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url, model="plain-model")
    pane = chat.window.chat
    tray = pane.attachments
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(make_pdf(["secret"], password="pw"))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([None]))
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ" + b"\x00" * 100)
    try:
        pane.composer.setPlainText("Draft stays.")
        attach_with_button(chat, files[0])
        tray.add_sources([DocumentSource(locked.name, locked)])
        chat.wait(lambda: pane.notice.isVisible() and len(tray.document_items()) == 1)
        assert "locked.pdf is protected by a password" in pane.notice_label.text()
        tray.add_sources([DocumentSource(scan.name, scan)])
        chat.wait(lambda: "scan.pdf" in pane.notice_label.text())
        assert "not known to read images" in pane.notice_label.text()
        assert "plain-model" in pane.notice_label.text()
        tray.add_sources([DocumentSource(program.name, program)])
        chat.wait(lambda: "setup.exe" in pane.notice_label.text())
        assert "program" in pane.notice_label.text()
        huge = tmp_path / "huge.txt"
        with huge.open("wb") as out:
            out.truncate(50 * 1024 * 1024 + 1)  # sparse: nothing is written or read
        tray.add_sources([DocumentSource(huge.name, huge)])
        chat.wait(lambda: "huge.txt" in pane.notice_label.text())
        assert "the limit is 50 MB" in pane.notice_label.text()
        assert [d.name for d in tray.documents()] == ["Q3 report.pdf"]
        assert tray.images() == [] and pane.composer.toPlainText() == "Draft stays."
    finally:
        chat.close()
        chat.store.close()


def test_scanned_pdf_becomes_page_images_for_a_vision_model(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url, model="gpt-4o")
    jpeg = encode(two_colour_image(120, 160), "JPEG")
    scan = tmp_path / "signed contract.pdf"
    scan.write_bytes(make_pdf([None, None], jpeg=jpeg, image_side=120))
    tray = chat.window.chat.attachments
    try:
        tray.add_sources([DocumentSource(scan.name, scan)])
        chat.wait(lambda: len(tray.images()) == 2 and not tray.is_busy())
        assert tray.documents() == []
        assert [i.name for i in tray.images()] == ["signed contract-page-1.jpg",
                                                   "signed contract-page-2.jpg"]
        assert tray.images()[0].mime == "image/jpeg"
        chat.type_and_send("Who signed?")
        chat.wait(chat.idle)
        content = fake_provider.bodies("/v1/chat/completions")[0]["messages"][-1]["content"]
        assert [p["type"] for p in content] == ["text", "image_url", "image_url"]
        blank = tmp_path / "drawing.pdf"  # no text and no image to take out
        blank.write_bytes(make_pdf([""]))
        tray.add_sources([DocumentSource(blank.name, blank)])
        pane = chat.window.chat
        chat.wait(lambda: "drawing.pdf" in pane.notice_label.text())
        assert "cannot be extracted" in pane.notice_label.text() and tray.is_empty()
    finally:
        chat.close()
        chat.store.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_tray_and_sent_message(
    scheme: str, tmp_path: Path, fake_provider: FakeProvider,
    qasync_loop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch,
    files: tuple[Path, Path], artifacts_dir: Path,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, scheme)
    fake_provider.default_text = ("Revenue grew each month of the quarter (3 %, 6 %, 9 %). "
                                  "The meeting agreed to raise next quarter's budget; Ada owns it.")
    chat = open_chat(tmp_path, qasync_loop, fake_provider.base_url)
    notes = tmp_path / "main.py"
    notes.write_text("print('hello')\n" * 40, encoding="utf-8")
    try:
        chat.window.resize(1360, 760)
        attach_with_button(chat, *files, notes)
        chat.window.chat.composer.setPlainText("Summarise these files for the board.")
        chat.wait(lambda: True, timeout=0.2)
        pane = chat.window.chat
        top = pane.attachments.mapTo(pane, QPoint(0, 0)).y() - 12
        tray_shot = shoot(pane, f"tray-{scheme}", artifacts_dir,
                          QRect(0, top, pane.width(), pane.height() - top))
        chat.window.chat.send_button.click()
        chat.wait(chat.idle)
        chat.wait(lambda: True, timeout=0.3)
        window_shot = shoot(chat.window, f"sent-{scheme}", artifacts_dir)
        assert tray_shot.stat().st_size > 2000 and window_shot.stat().st_size > 2000
        user = chat.path()[0]
        card = chat.window.chat.chat_view.area.bound_widget(user.id)
        assert card is not None and card.file_strip.isVisible()
        point = card.file_strip.mapTo(chat.window, QPoint(0, 0))
        assert point.y() > 0
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
