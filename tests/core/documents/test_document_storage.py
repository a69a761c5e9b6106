"""Documents in the store (once by content, kept while a message uses them), exported with
the conversation (Markdown `_files/`, HTML link, JSON base64) and imported back from JSON."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.documents.extract import PDF_MIME
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json, write_json
from desktop.core.store.export_markdown import write_markdown
from desktop.core.store.importer import import_file
from desktop.core.store.models import FilePart, TextPart
from desktop.core.store.store import Store
from tests.helpers.sample_documents import make_pdf

PDF = make_pdf(["Page one", "Page two"])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "data", backup_interval=None)
    yield opened
    opened.close()


def conversation_with_pdf(store: Store) -> tuple[int, FilePart]:
    part = store.add_document(PDF, PDF_MIME, "Q3 report.pdf", 2)
    conversation = store.create_conversation(title="Reports")
    store.append_message(conversation.id, "user", [part, TextPart("Summarise it.")])
    store.append_message(conversation.id, "assistant", "It grew.")
    return conversation.id, part


def test_a_document_is_stored_once_and_kept_while_used(store: Store) -> None:
    cid, part = conversation_with_pdf(store)
    again = store.add_document(PDF, PDF_MIME, "copy.pdf", 2)
    assert again.hash == part.hash and part.size == len(PDF)
    files = [p for p in store.attachments.root.rglob("*") if p.is_file()]
    assert len(files) == 1
    (user, _reply) = store.messages(cid)
    assert user.parts == (part, TextPart("Summarise it."))
    assert user.files == (part,) and user.images == ()
    assert store.collect_attachments(grace_seconds=0) == 0  # linked: not collected
    assert store.read_attachment(part.hash) == PDF


def test_markdown_export_links_the_file_in_files_folder(store: Store, tmp_path: Path) -> None:
    cid, _part = conversation_with_pdf(store)
    dest = tmp_path / "out" / "chat.md"
    dest.parent.mkdir()
    written = write_markdown(store, cid, dest)
    (copy,) = written
    assert copy.parent.name == "chat_files" and copy.suffix == ".pdf"
    assert copy.read_bytes() == PDF
    text = dest.read_text(encoding="utf-8")
    assert f"📎 [Q3 report.pdf](chat_files/{copy.name.replace(' ', '%20')}) (2 pages, " in text


def test_html_export_has_a_download_link(store: Store) -> None:
    cid, _part = conversation_with_pdf(store)
    page = export_html(store, cid)
    encoded = base64.b64encode(PDF).decode("ascii")
    assert (f'<a download="Q3 report.pdf" href="data:application/pdf;base64,{encoded}">'
            "Q3 report.pdf</a> (2 pages") in page


def test_json_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    cid, part = conversation_with_pdf(store)
    document = export_json(store, [cid])
    (user_json, _reply) = document["conversations"][0]["messages"]
    assert user_json["parts"][0] == {"type": "file", "sha256": part.hash, "mime": PDF_MIME,
                                     "name": "Q3 report.pdf", "size": len(PDF), "pages": 2}
    assert base64.b64decode(document["attachments"][part.hash]["data"]) == PDF
    dest = tmp_path / "export.json"
    write_json(store, [cid], dest)
    other = Store.open(tmp_path / "other", backup_interval=None)
    try:
        (new_id,) = import_file(other, dest)
        (user, _reply) = other.messages(new_id)
        assert user.files == (FilePart(part.hash, PDF_MIME, "Q3 report.pdf", len(PDF), 2),)
        assert other.read_attachment(part.hash) == PDF
        assert other.collect_attachments(grace_seconds=0) == 0
    finally:
        other.close()


def test_import_refuses_a_file_part_without_its_data(store: Store, tmp_path: Path) -> None:
    cid, _part = conversation_with_pdf(store)
    document = export_json(store, [cid])
    document["attachments"] = {}
    dest = tmp_path / "broken.json"
    dest.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(Exception, match="missing from 'attachments'"):
        import_file(store, dest)
