"""Word documents (.docx) with python-docx: paragraphs and tables in document order.

A .docx is a zip archive; its members' declared sizes are checked before python-docx opens
it (zipfile never inflates a member past its declared size, so the declared sizes bound the
work): total size, member count and each member's compression ratio (a zip bomb's is 1000+).
"""

from __future__ import annotations

import io
import time
import zipfile
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from desktop.core.documents import limits
from desktop.core.documents.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    UnsupportedDocumentError,
)

DOCX_MAIN_PART = "word/document.xml"


def check_docx_archive(data: bytes, name: str) -> None:
    """Refuse a zip that is not a Word document or would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise CorruptDocumentError(name, f"the archive is damaged ({exc}).") from exc
    names = {member.filename for member in members}
    if DOCX_MAIN_PART not in names:
        if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
            raise UnsupportedDocumentError(
                name, "Excel and PowerPoint files are not supported; save it as PDF or text.")
        raise UnsupportedDocumentError(name, "it is a zip archive, not a Word document.")
    if len(members) > limits.MAX_ZIP_MEMBERS:
        raise DocumentTooLargeError(name, f"it holds {len(members):,} parts.")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > 1024 * 1024 and (
                member.file_size > member.compress_size * limits.MAX_ZIP_RATIO):
            raise DocumentTooLargeError(
                name, f"{member.filename} would inflate {member.compress_size:,} bytes to "
                      f"{member.file_size:,} (a zip bomb?).")
    if total > limits.MAX_UNZIPPED_BYTES:
        raise DocumentTooLargeError(
            name, f"it would unpack to {total / 1048576:.0f} MB; the limit is "
                  f"{limits.MAX_UNZIPPED_BYTES // 1048576} MB.")


def _table_text(table: Table) -> str:
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        rows.append(" | ".join(cells))
    return "\n".join(rows)


def read_docx(data: bytes, name: str, deadline: float | None = None) -> str:
    """The document's text: paragraphs, and tables as `a | b | c` rows (blocking)."""
    check_docx_archive(data, name)
    deadline = deadline if deadline is not None else time.monotonic() + limits.MAX_SECONDS
    try:
        document: Any = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        chars = 0
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = item.text
            elif isinstance(item, Table):
                text = _table_text(item)
            else:
                continue
            chars += len(text) + 1
            if chars > limits.MAX_CHARS:
                raise DocumentTooLargeError(
                    name, f"it holds over {limits.MAX_CHARS:,} characters of text.")
            if time.monotonic() > deadline:
                raise DocumentTooLargeError(
                    name, f"reading it took over {limits.MAX_SECONDS:.0f} s.")
            blocks.append(text)
    except (DocumentTooLargeError, UnsupportedDocumentError):
        raise
    except Exception as exc:  # lxml, zipfile, KeyError: a damaged package, in many shapes
        raise CorruptDocumentError(name, f"the Word document is damaged ({exc}).") from exc
    return "\n".join(blocks).strip()
