"""Documents come into the tray the ways images do: dropped, pasted as files, picked in the
file dialog; an image file without an image's name still goes the image way; a document
removed with its × leaves the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from pytestqt.qtbot import QtBot

from desktop.ui.attachments.dialogs import DOCUMENT_PATTERNS
from desktop.ui.chat_pane import ChatPane
from tests.helpers.sample_documents import make_docx, make_pdf
from tests.helpers.sample_images import encode, two_colour_image
from tests.ui.attachments.test_composer_attachments import drag, file_mime, pane, paste

__all__ = ["pane"]


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["One", "Two"]))
    return path


def wait_documents(qtbot: QtBot, pane: ChatPane, count: int) -> None:
    qtbot.waitUntil(lambda: len(pane.attachments.documents()) == count
                    and not pane.attachments.is_busy(), timeout=10_000)


def test_dropped_pdf_becomes_a_document_chip(qtbot: QtBot, pane: ChatPane, pdf: Path) -> None:
    target = pane.composer.viewport()
    mime = file_mime(pdf)
    assert drag(target, mime, "enter")
    assert drag(target, mime, "drop")
    wait_documents(qtbot, pane, 1)
    (item,) = pane.attachments.document_items()
    chip = pane.attachments.document_chip(item.key)
    assert chip is not None and chip.isVisible()
    assert chip.detail_label.text().startswith("2 pages · ≈")
    assert pane.attachments.images() == []


def test_pasted_files_mix_documents_and_images(
    qtbot: QtBot, pane: ChatPane, pdf: Path, tmp_path: Path
) -> None:
    memo = tmp_path / "memo.docx"
    memo.write_bytes(make_docx(["Memo"]))
    photo = tmp_path / "photo.png"
    photo.write_bytes(encode(two_colour_image(64, 48), "PNG"))
    unnamed = tmp_path / "scan-without-extension"  # an image whose name does not say so
    unnamed.write_bytes(encode(two_colour_image(32, 32), "PNG"))
    paste(qtbot, pane, file_mime(pdf, memo, photo, unnamed))
    qtbot.waitUntil(lambda: len(pane.attachments.documents()) == 2
                    and len(pane.attachments.images()) == 2
                    and not pane.attachments.is_busy(), timeout=10_000)
    assert [d.name for d in pane.attachments.documents()] == ["report.pdf", "memo.docx"]
    assert sorted(i.name for i in pane.attachments.images()) == [
        "photo.png", "scan-without-extension"]


def test_attach_button_takes_documents_and_remove_drops_one(
    qtbot: QtBot, pane: ChatPane, pdf: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes", encoding="utf-8")
    pane.choose_files = lambda parent: [pdf, notes]
    pane.attach_button.click()
    wait_documents(qtbot, pane, 2)
    first = pane.attachments.document_items()[0]
    chip = pane.attachments.document_chip(first.key)
    assert chip is not None
    chip.remove_button.click()
    assert [d.name for d in pane.attachments.documents()] == ["notes.md"]


def test_file_dialog_filter_lists_documents() -> None:
    for pattern in ("*.pdf", "*.docx", "*.txt", "*.md", "*.csv", "*.json", "*.html", "*.py"):
        assert pattern in DOCUMENT_PATTERNS.split()


def test_file_urls_that_are_not_local_are_ignored(pane: ChatPane) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/report.pdf")])
    assert not drag(pane, mime, "enter")
