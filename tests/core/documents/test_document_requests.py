"""Documents stored once and sent through ChatService to the fake provider (a real server), in
each API style: as text parts with a header and page markers, or natively as PDF files."""

from __future__ import annotations

import asyncio
import base64
import secrets
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.styles import ApiStyle
from desktop.core.chat_messages import title_from
from desktop.core.chat_service import ChatService, ChatSettings
from desktop.core.documents import send_text
from desktop.core.documents.extract import DOCX_MIME, PDF_MIME
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.store.models import FilePart, TextPart
from desktop.core.store.store import Store
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.sample_documents import make_docx, make_pdf

__all__ = ["fake_provider"]
KEY_ENV = "SWITCHBOARD_TEST_DOCS_KEY"
T = TypeVar("T")
PATHS = {ApiStyle.OPENAI_CHAT: "/chat/completions", ApiStyle.ANTHROPIC_MESSAGES: "/messages",
         ApiStyle.OPENAI_RESPONSES: "/responses"}
PDF = make_pdf(["Revenue grew 12 %.", "Costs fell."])


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path, backup_interval=None)
    yield opened
    opened.close()


def service_for(store: Store, tmp_path: Path, base_url: str, style: ApiStyle,
                native: bool) -> ChatService:
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="fake", base_url=base_url, key_source=KeySource.ENV,
                                 key_env=KEY_ENV, max_retries=0, api_style=style,
                                 send_pdfs_natively=native))
    return ChatService(store, registry)


def drive(service: ChatService, coro: Coroutine[Any, Any, T]) -> T:
    async def scenario() -> T:
        try:
            return await coro
        finally:
            await service.close()

    return asyncio.run(scenario())


def user_content(style: ApiStyle, body: dict[str, Any]) -> list[dict[str, Any]]:
    if style is ApiStyle.OPENAI_RESPONSES:
        return list(body["input"][-1]["content"])
    return list(body["messages"][-1]["content"])


def texts(style: ApiStyle, content: list[dict[str, Any]]) -> list[str]:
    kind = "input_text" if style is ApiStyle.OPENAI_RESPONSES else "text"
    return [part["text"] for part in content if part["type"] == kind]


@pytest.mark.parametrize("style", list(PATHS), ids=str)
def test_documents_go_as_text_with_header_and_page_markers(
    style: ApiStyle, store: Store, tmp_path: Path, fake_provider: FakeProvider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-" + secrets.token_hex(8))
    pdf = store.add_document(PDF, PDF_MIME, "report.pdf", 2)
    docx = store.add_document(make_docx(["Hello from Word"]), DOCX_MIME, "memo.docx")
    service = service_for(store, tmp_path, fake_provider.base_url, style, native=False)
    conversation = store.create_conversation()
    drive(service, service.send(conversation.id, [pdf, docx, TextPart("Summarise both.")],
                                ChatSettings("fake", "m")))
    (body,) = fake_provider.bodies(PATHS[style])
    sent = texts(style, user_content(style, body))
    assert sent[0] == ("=== Attached file: report.pdf (2 pages) ===\n--- page 1 ---\n"
                       "Revenue grew 12 %.\n\n--- page 2 ---\nCosts fell.\n"
                       "=== End of report.pdf ===")
    assert sent[1] == "=== Attached file: memo.docx ===\nHello from Word\n=== End of memo.docx ==="
    assert sent[2] == "Summarise both."
    (user, _reply) = store.messages(conversation.id)
    assert user.files == (pdf, docx) and user.text == "Summarise both."
    assert store.read_attachment(pdf.hash) == PDF  # the original is what is stored


@pytest.mark.parametrize("style", list(PATHS), ids=str)
def test_pdfs_go_natively_when_the_provider_says_so(
    style: ApiStyle, store: Store, tmp_path: Path, fake_provider: FakeProvider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KEY_ENV, "sk-" + secrets.token_hex(8))
    pdf = store.add_document(PDF, PDF_MIME, "report.pdf", 2)
    notes = store.add_document(b"plain notes", "text/plain", "notes.txt")
    service = service_for(store, tmp_path, fake_provider.base_url, style, native=True)
    conversation = store.create_conversation()
    drive(service, service.send(conversation.id, [pdf, notes, TextPart("What changed?")],
                                ChatSettings("fake", "m")))
    (body,) = fake_provider.bodies(PATHS[style])
    content = user_content(style, body)
    encoded = base64.b64encode(PDF).decode("ascii")
    if style is ApiStyle.OPENAI_CHAT:
        assert content[0] == {"type": "file", "file": {
            "filename": "report.pdf", "file_data": f"data:application/pdf;base64,{encoded}"}}
    elif style is ApiStyle.ANTHROPIC_MESSAGES:
        assert content[0] == {"type": "document", "title": "report.pdf", "source": {
            "type": "base64", "media_type": "application/pdf", "data": encoded}}
    else:
        assert content[0] == {"type": "input_file", "filename": "report.pdf",
                              "file_data": f"data:application/pdf;base64,{encoded}"}
    # A text file has no native form: it still goes as text.
    assert texts(style, content) == [
        "=== Attached file: notes.txt ===\nplain notes\n=== End of notes.txt ===",
        "What changed?"]


def test_extracted_text_is_cached_by_content(store: Store) -> None:
    part = store.add_document(PDF, PDF_MIME, "report.pdf", 2)
    reads: list[str] = []

    def read(digest: str) -> bytes:
        reads.append(digest)
        return store.read_attachment(digest)

    send_text._cache.clear()
    first = send_text.document_text(part, read)
    again = send_text.document_text(FilePart(part.hash, PDF_MIME, "renamed.pdf"), read)
    assert reads == [part.hash]  # extracted once
    assert "Revenue grew" in first and again.startswith("=== Attached file: renamed.pdf")


def test_a_stored_file_that_no_longer_reads_is_named_not_fatal(store: Store) -> None:
    part = store.add_document(b"%PDF-1.7\ngarbage", PDF_MIME, "gone.pdf", 1)
    send_text._cache.clear()
    text = send_text.document_text(part, store.read_attachment)
    assert "could not be read" in text and "gone.pdf" in text


def test_a_document_alone_titles_the_conversation() -> None:
    assert title_from([FilePart("0" * 64, PDF_MIME, "Q3 report.pdf")]) == "Q3 report.pdf"
