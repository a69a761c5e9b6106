"""One entry point: a file's bytes become an `ExtractedDocument`, or a typed refusal says why.

The kind is told by the content (a `.txt` that is really a PDF is read as a PDF): `%PDF-` is a
PDF, a zip holding `word/document.xml` is Word, a known image goes the image way
(ImageFileError), other binaries are refused and everything else is read as text.
"""

from __future__ import annotations

import mimetypes
import time
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.documents import limits
from desktop.core.documents.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    ImageFileError,
    UnsupportedDocumentError,
)
from desktop.core.documents.text_files import decode_text
from desktop.core.documents.tokens import estimate_tokens
from desktop.core.store.attachments import sniff_mime

if TYPE_CHECKING:  # the readers load on first use: pypdf (with cryptography) and python-docx
    # (with lxml) hold about 40 MB, which a window that never reads a document should not pay
    from desktop.core.documents.pdf_text import PageImage

PDF_MIME = "application/pdf"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_BINARIES = (
    (b"\x7fELF", "it is a program (ELF executable)."),
    (b"MZ", "it is a program (Windows executable)."),
    (b"\xcf\xfa\xed\xfe", "it is a program (Mach-O executable)."),
    (b"\xca\xfe\xba\xbe", "it is a program or Java class file."),
    (b"\xd0\xcf\x11\xe0", "old Word/Excel (.doc, .xls) files are not supported; save it as "
                          ".docx or PDF."),
    (b"\x1f\x8b", "it is a gzip archive."),
    (b"7z\xbc\xaf", "it is a 7-Zip archive."),
    (b"Rar!", "it is a RAR archive."),
)
# Extensions offered in the file dialog (any other text file is accepted too).
DOCUMENT_EXTENSIONS = (
    "pdf", "docx", "txt", "md", "markdown", "rst", "csv", "tsv", "json", "jsonl", "xml",
    "html", "htm", "yaml", "yml", "toml", "ini", "cfg", "log", "py", "js", "ts", "tsx", "jsx",
    "java", "kt", "c", "h", "cpp", "hpp", "cc", "cs", "go", "rs", "rb", "php", "swift", "sh",
    "bat", "ps1", "sql", "css", "scss", "lua", "r", "m", "tex",
)


class DocumentKind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    TEXT = "text"


@dataclass(frozen=True)
class ExtractedDocument:
    """A readable document: its original bytes and the text a model is sent.

    `text`, `chars` and `tokens` are computed once (a 2 M character text takes milliseconds).
    """

    name: str
    mime: str
    data: bytes
    kind: DocumentKind
    pages: tuple[str, ...]  # PDF: one entry per page; otherwise the whole text
    page_images: tuple[PageImage, ...] = field(default=())  # pages with no text (PDF)
    encoding: str | None = None  # text files

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.kind is DocumentKind.PDF else 0

    @property
    def scanned(self) -> bool:
        """A PDF with no text on any page (a scan or a drawing)."""
        return self.kind is DocumentKind.PDF and not any(self.pages)

    @cached_property
    def text(self) -> str:
        """The body a model is sent: PDF pages under `--- page N ---` markers."""
        if self.kind is not DocumentKind.PDF:
            return self.pages[0] if self.pages else ""
        return document_body(self.pages)

    @cached_property
    def chars(self) -> int:
        return sum(len(page) for page in self.pages)

    @cached_property
    def tokens(self) -> int:
        return estimate_tokens(self.text)


def document_body(pages: tuple[str, ...]) -> str:
    """PDF pages joined under page markers; a page without text says so."""
    return "\n\n".join(
        f"--- page {number} ---\n{text or '[no text on this page]'}"
        for number, text in enumerate(pages, 1))


def document_prompt(name: str, body: str, pages: int = 0) -> str:
    """The text part a document becomes in a request: a header naming it, its text, an end."""
    shown = name.replace("\n", " ").strip() or "document"
    count = f" ({pages} page{'s' if pages != 1 else ''})" if pages else ""
    return f"=== Attached file: {shown}{count} ===\n{body}\n=== End of {shown} ==="


def _text_mime(name: str) -> str:
    guessed = mimetypes.guess_type(name)[0] or ""
    if guessed.startswith("text/") or guessed in ("application/json", "application/xml"):
        return guessed
    return "text/plain"


def kind_of(data: bytes) -> DocumentKind | None:
    """The document kind told by the first bytes; None: not a PDF or zip (maybe text)."""
    if data.startswith(b"%PDF-"):
        return DocumentKind.PDF
    if data.startswith(b"PK\x03\x04"):
        return DocumentKind.DOCX
    return None


def extract_bytes(data: bytes, name: str, *, with_images: bool = True) -> ExtractedDocument:
    """Read a document's text (blocking: call it in a worker thread); DocumentError says why not."""
    if len(data) > limits.MAX_DOCUMENT_BYTES:
        raise DocumentTooLargeError(
            name, f"the file is {len(data) / 1048576:.1f} MB; the limit is "
                  f"{limits.MAX_DOCUMENT_BYTES // 1048576} MB.")
    if not data:
        raise CorruptDocumentError(name, "the file is empty.")
    deadline = time.monotonic() + limits.MAX_SECONDS
    kind = kind_of(data)
    if kind is DocumentKind.PDF:
        from desktop.core.documents.pdf_text import read_pdf

        pdf = read_pdf(data, name, with_images=with_images, deadline=deadline)
        return ExtractedDocument(name, PDF_MIME, data, kind, pdf.pages, pdf.images)
    if kind is DocumentKind.DOCX:
        from desktop.core.documents.docx_text import read_docx

        return ExtractedDocument(name, DOCX_MIME, data, kind, (read_docx(data, name, deadline),))
    image = sniff_mime(data)
    if image is not None and image.startswith("image/"):
        raise ImageFileError(name, "it is an image.")
    for magic, reason in _BINARIES:
        if data.startswith(magic):
            raise UnsupportedDocumentError(name, reason)
    text, encoding = decode_text(data, name)
    if len(text) > limits.MAX_CHARS:
        raise DocumentTooLargeError(
            name, f"it holds over {limits.MAX_CHARS:,} characters of text.")
    return ExtractedDocument(name, _text_mime(name), data, DocumentKind.TEXT, (text,),
                             encoding=encoding)


def extract_file(path: Path, name: str | None = None, *,
                 with_images: bool = True) -> ExtractedDocument:
    """`extract_bytes` on a file, refusing an oversize one before reading it (blocking)."""
    name = name or path.name
    try:
        size = path.stat().st_size
        if size > limits.MAX_DOCUMENT_BYTES:
            raise DocumentTooLargeError(
                name, f"the file is {size / 1048576:.1f} MB; the limit is "
                      f"{limits.MAX_DOCUMENT_BYTES // 1048576} MB.")
        if not path.is_file():
            raise UnsupportedDocumentError(name, "it is not a regular file.")
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(name, exc.strerror or str(exc)) from exc
    return extract_bytes(data, name, with_images=with_images)
