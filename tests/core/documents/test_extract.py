"""Document extraction on real files: PDFs written with pypdf, Word files with python-docx,
text in UTF-8, UTF-16 and GB18030, and hostile ones (encrypted, cut off, zip bomb, 50 MB+)."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.documents import limits
from desktop.core.documents.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    ImageFileError,
    UnsupportedDocumentError,
)
from desktop.core.documents.extract import (
    DOCX_MIME,
    PDF_MIME,
    DocumentKind,
    document_prompt,
    extract_bytes,
    extract_file,
)
from desktop.core.documents.tokens import estimate_tokens
from tests.helpers.fake_provider import tiny_png
from tests.helpers.sample_documents import make_docx, make_pdf, zip_bomb_docx

CHINESE = "这是一个中文文本文件，用来测试编码检测。第二句话：报告在第三页。"


def test_pdf_text_page_by_page_with_markers() -> None:
    data = make_pdf(["Quarterly report\nRevenue grew", "Second page text", "Third (last) page"])
    document = extract_bytes(data, "report.pdf")
    assert document.kind is DocumentKind.PDF and document.mime == PDF_MIME
    assert document.page_count == 3 and not document.scanned
    assert document.pages[0] == "Quarterly report\nRevenue grew"
    assert document.pages[2] == "Third (last) page"
    assert "--- page 2 ---\nSecond page text" in document.text
    assert document.text.startswith("--- page 1 ---\nQuarterly report")
    prompt = document_prompt(document.name, document.text, document.page_count)
    assert prompt.startswith("=== Attached file: report.pdf (3 pages) ===\n--- page 1 ---")
    assert prompt.endswith("=== End of report.pdf ===")


def test_mixed_pdf_marks_the_page_without_text_and_keeps_its_image() -> None:
    document = extract_bytes(make_pdf(["Text page", None]), "mixed.pdf")
    assert not document.scanned
    assert "--- page 2 ---\n[no text on this page]" in document.text
    (image,) = document.page_images
    assert image.page == 2 and image.mime == "image/png"
    assert image.data.startswith(b"\x89PNG\r\n\x1a\n")


def test_scanned_pdf_offers_its_page_images() -> None:
    document = extract_bytes(make_pdf([None, None, None]), "scan.pdf")
    assert document.scanned and document.page_count == 3
    assert [image.page for image in document.page_images] == [1, 2, 3]


def test_encrypted_pdf_is_refused_with_the_reason() -> None:
    with pytest.raises(EncryptedDocumentError, match="password"):
        extract_bytes(make_pdf(["secret"], password="hunter2"), "locked.pdf")


def test_owner_password_only_pdf_opens() -> None:
    """Encrypted with an empty user password (printing limits only): readable."""
    document = extract_bytes(make_pdf(["Open to all"], password=""), "limits.pdf")
    assert document.pages == ("Open to all",)


@pytest.mark.parametrize("cut", [300, 600])
def test_cut_off_pdf_is_corrupt(cut: int) -> None:
    data = make_pdf(["Some text", "More text"])
    with pytest.raises(CorruptDocumentError, match="damaged"):
        extract_bytes(data[:cut], "broken.pdf")


def test_garbage_after_pdf_header_is_corrupt() -> None:
    with pytest.raises(CorruptDocumentError):
        extract_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40, "junk.pdf")


def test_too_many_pages_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PAGES", 2)
    with pytest.raises(DocumentTooLargeError, match="3 pages"):
        extract_bytes(make_pdf(["a", "b", "c"]), "long.pdf")


def test_too_many_characters_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHARS", 10)
    with pytest.raises(DocumentTooLargeError, match="characters"):
        extract_bytes(make_pdf(["short", "still short", "over the cap now"]), "many.pdf")
    with pytest.raises(DocumentTooLargeError, match="characters"):
        extract_bytes(b"x" * 11, "many.txt")


def test_docx_paragraphs_and_tables_in_order() -> None:
    data = make_docx(["Meeting notes", "第二段：中文内容"], [["Name", "Role"], ["Ada", "Lead"]])
    document = extract_bytes(data, "notes.docx")
    assert document.kind is DocumentKind.DOCX and document.mime == DOCX_MIME
    assert document.page_count == 0
    assert document.text == "Meeting notes\n第二段：中文内容\nName | Role\nAda | Lead"


def test_zip_bomb_docx_is_refused_before_parsing() -> None:
    with pytest.raises(DocumentTooLargeError, match="zip bomb"):
        extract_bytes(zip_bomb_docx(), "bomb.docx")


def test_zip_that_is_not_a_word_document_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UnsupportedDocumentError, match="zip archive, not a Word document"):
        extract_bytes(out.getvalue(), "archive.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedDocumentError, match="Excel"):
        extract_bytes(out.getvalue(), "sheet.xlsx")


def test_damaged_docx_is_corrupt() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<not really xml")
    with pytest.raises(CorruptDocumentError, match="Word document is damaged"):
        extract_bytes(out.getvalue(), "bad.docx")


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("gb18030", b""), ("gbk", b""),
])
def test_text_encodings_are_detected(encoding: str, bom: bytes) -> None:
    text = f"Title line\n{CHINESE}\nEnd."
    document = extract_bytes(bom + text.encode(encoding), "notes.txt")
    assert document.kind is DocumentKind.TEXT and document.mime == "text/plain"
    assert document.text == text


def test_short_gbk_text_is_read_as_chinese() -> None:
    """A few GBK characters are also valid CP949 or Big5; the tie goes to GB18030."""
    assert extract_bytes("你好，世界".encode("gbk"), "hi.txt").text == "你好，世界"


@pytest.mark.parametrize(("name", "content", "mime"), [
    ("table.csv", "a,b\n1,2\n", "text/csv"),
    ("data.json", '{"k": [1, 2]}', "application/json"),
    ("page.html", "<h1>Hi</h1><p>there</p>", "text/html"),
    ("README.md", "# Title\n\nBody", "text/markdown"),
    ("main.py", "print('hi')\r\n", "text/x-python"),
    ("Makefile", "all:\n\techo hi\n", "text/plain"),
])
def test_text_kinds_are_read_as_text(name: str, content: str, mime: str) -> None:
    document = extract_bytes(content.encode(), name)
    assert document.mime == mime
    assert document.text == content.replace("\r\n", "\n")


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x7fELF\x02\x01\x01" + b"\x00" * 60, "program"),
    (b"MZ\x90\x00" + b"\x00" * 60, "program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60, ".docx or PDF"),
    (bytes(range(256)) * 8, "binary file"),
])
def test_unknown_binaries_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(UnsupportedDocumentError, match=reason):
        extract_bytes(data, "thing.bin")


def test_an_image_goes_the_image_way() -> None:
    with pytest.raises(ImageFileError):
        extract_bytes(tiny_png(), "picture")


def test_empty_file_is_refused() -> None:
    with pytest.raises(CorruptDocumentError, match="empty"):
        extract_bytes(b"", "empty.txt")


def test_file_over_50_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as out:
        out.truncate(limits.MAX_DOCUMENT_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(DocumentTooLargeError, match=r"50\.0 MB; the limit is 50 MB"):
        extract_file(path)


def test_extract_file_reads_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["One"]))
    assert extract_file(path).pages == ("One",)
    with pytest.raises(Exception, match="cannot be attached"):
        extract_file(tmp_path / "missing.pdf")


def test_token_estimate() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens("abcd" * 100) == 100  # four Latin characters a token
    assert estimate_tokens("你好世界") == 4  # one per CJK character
    assert estimate_tokens("ab你好") == 3
    assert estimate_tokens("こんにちは 안녕") == 8  # kana and Hangul count as CJK; the space


def test_scan_images_are_capped() -> None:
    document = extract_bytes(make_pdf([None] * 12), "long scan.pdf")
    assert document.scanned and document.page_count == 12
    assert len(document.page_images) == limits.MAX_SCAN_IMAGES == 10


def test_blank_pdf_is_a_scan_without_images() -> None:
    document = extract_bytes(make_pdf([""]), "blank.pdf")
    assert document.scanned and document.page_images == ()


def test_extraction_time_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SECONDS", -1.0)
    with pytest.raises(DocumentTooLargeError, match="stopped at page 1 of 2"):
        extract_bytes(make_pdf(["a", "b"]), "slow.pdf")
