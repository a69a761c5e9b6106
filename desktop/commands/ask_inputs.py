"""What `ask` sends besides the prompt: --image files prepared as the window prepares them,
--file documents read as the window reads them."""

from __future__ import annotations

import base64
import dataclasses
import sys
from pathlib import Path
from typing import Any

from desktop.core.documents.errors import DocumentError
from desktop.core.documents.extract import (
    PDF_MIME,
    ExtractedDocument,
    document_prompt,
    extract_file,
)
from desktop.core.parameters import RequestValidationError
from desktop.core.settings import Settings


@dataclasses.dataclass(frozen=True)
class CliImage:
    """An image given with --image, made ready to send (oriented, downscaled, no EXIF)."""

    data: bytes
    mime: str
    name: str

    def content_part(self) -> dict[str, Any]:
        encoded = base64.b64encode(self.data).decode("ascii")
        return {"type": "image_url", "image_url": {"url": f"data:{self.mime};base64,{encoded}"}}


def prepare_images(paths: list[Path], max_side: int) -> list[CliImage]:
    """Each file checked and prepared as the window does; RequestValidationError says why not.

    Qt's image readers do the work (QtGui only: no display or QApplication is needed).
    """
    if not paths:
        return []
    from desktop.media.image_prepare import AttachmentError, prepare_file

    images = []
    for path in paths:
        try:
            prepared = prepare_file(path, max_side)
        except AttachmentError as error:
            raise RequestValidationError(str(error)) from error
        images.append(CliImage(prepared.data, prepared.mime, prepared.name))
    return images


def read_documents(paths: list[Path]) -> list[ExtractedDocument]:
    """Each --file read as the window reads it; RequestValidationError says why not."""
    documents = []
    for path in paths:
        try:
            document = extract_file(path, with_images=False)
        except DocumentError as error:
            raise RequestValidationError(str(error)) from error
        if document.scanned:
            raise RequestValidationError(
                f"{document.name} has no text layer (a scanned PDF): attach its pages as "
                "images with --image, or attach it in the window, which offers them to "
                "vision models.")
        limit = int(Settings.default("attachments.max_document_tokens"))
        if document.tokens > limit:
            print(f"switchboard: {document.name} is about {document.tokens:,} tokens "
                  f"(above {limit:,}); sending it anyway", file=sys.stderr)
        documents.append(document)
    return documents


def document_part(document: ExtractedDocument, native_pdf: bool) -> dict[str, Any]:
    """A document's content part: a PDF file part (native) or its text under a header."""
    if native_pdf and document.mime == PDF_MIME:
        encoded = base64.b64encode(document.data).decode("ascii")
        return {"type": "file", "file": {"filename": document.name,
                                         "file_data": f"data:{PDF_MIME};base64,{encoded}"}}
    return {"type": "text",
            "text": document_prompt(document.name, document.text, document.page_count)}
