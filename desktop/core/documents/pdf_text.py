"""PDF text page by page with pypdf, and the page images of a scan (pages with no text layer).

pypdf's own limits cap decompression (its configuration's decoding-work and output caps);
ours cap pages, characters and time (checked between pages: one hostile page can still take
a while, pypdf cannot be interrupted inside a page).

Page images are taken from the page's image XObjects without Pillow (which pypdf's
`page.images` needs, and which the app does not ship): JPEG streams (DCTDecode) as they are,
8-bit grey or RGB pixels (Flate) encoded as PNG. JPEG 2000, CCITT and JBIG2 scans and pages
drawn with vector paths cannot be offered as images.
"""

from __future__ import annotations

import io
import logging
import struct
import time
import zlib
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError, PdfReadError, PyPdfError

from desktop.core.documents import limits
from desktop.core.documents.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
)

log = logging.getLogger(__name__)
_PNG_KINDS = {"/DeviceGray": (1, 0), "/DeviceRGB": (3, 2)}  # channels, PNG colour type


@dataclass(frozen=True)
class PageImage:
    """One image of a scanned page, encoded as JPEG or PNG."""

    page: int  # 1-based
    data: bytes
    mime: str


@dataclass(frozen=True)
class PdfText:
    pages: tuple[str, ...]  # text of each page ("" where there is no text layer)
    images: tuple[PageImage, ...]  # images of the pages without text (at most MAX_SCAN_IMAGES)


def _png(width: int, height: int, channels: int, colour: int, pixels: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body)))

    stride = width * channels
    rows = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6))
            + chunk(b"IEND", b""))


def _image_of(xobject: Any) -> tuple[bytes, str] | None:
    """(bytes, mime) of an image XObject we can hand on without Pillow, else None."""
    filters = xobject.get("/Filter")
    names = [str(f) for f in filters] if isinstance(filters, list) else [str(filters)]
    if names and names[-1] == "/DCTDecode":
        data = xobject.get_data()
        return (bytes(data), "image/jpeg") if data[:3] == b"\xff\xd8\xff" else None
    width, height = int(xobject.get("/Width", 0)), int(xobject.get("/Height", 0))
    space = str(xobject.get("/ColorSpace", ""))
    if (int(xobject.get("/BitsPerComponent", 0)) != 8 or space not in _PNG_KINDS
            or not 0 < width * height <= limits.MAX_SCAN_PIXELS):
        return None
    channels, colour = _PNG_KINDS[space]
    pixels = bytes(xobject.get_data())
    if len(pixels) < width * height * channels:
        return None
    return _png(width, height, channels, colour, pixels), "image/png"


def _page_images(page: Any, number: int, room: int) -> list[PageImage]:
    """Up to `room` images of one page (a hostile page may hold thousands)."""
    found: list[PageImage] = []
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return found
    for ref in list(xobjects.get_object().values())[:room * 4]:
        if len(found) >= room:
            break
        xobject = ref.get_object()
        if xobject.get("/Subtype") != "/Image":
            continue
        try:
            image = _image_of(xobject)
        except (PyPdfError, ValueError, zlib.error) as exc:
            log.info("page %d: an image could not be read: %s", number, exc)
            continue
        if image is not None and len(image[0]) <= limits.MAX_SCAN_IMAGE_BYTES:
            found.append(PageImage(number, image[0], image[1]))
    return found


def _open(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # An owner password alone (printing, copying limits) opens with an empty password.
            try:
                opened = reader.decrypt("")
            except (NotImplementedError, PyPdfError) as exc:
                raise EncryptedDocumentError(
                    name, f"it is encrypted in a way that cannot be read ({exc}).") from exc
            if not opened:
                raise EncryptedDocumentError(
                    name, "it is protected by a password; remove the password and attach it "
                          "again.")
        return reader
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError, zlib.error) as exc:
        if isinstance(exc, FileNotDecryptedError):
            raise EncryptedDocumentError(name, "it is protected by a password.") from exc
        raise CorruptDocumentError(name, f"the PDF is damaged ({exc}).") from exc


def read_pdf(data: bytes, name: str, *, with_images: bool = True,
             deadline: float | None = None) -> PdfText:
    """The text of each page and, for pages without text, their images (blocking)."""
    reader = _open(data, name)
    deadline = deadline if deadline is not None else time.monotonic() + limits.MAX_SECONDS
    try:
        count = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise CorruptDocumentError(name, f"its pages cannot be read ({exc}).") from exc
    if count > limits.MAX_PAGES:
        raise DocumentTooLargeError(
            name, f"it has {count:,} pages; the limit is {limits.MAX_PAGES:,}.")
    if count == 0:
        raise CorruptDocumentError(name, "the PDF has no pages.")
    pages: list[str] = []
    images: list[PageImage] = []
    chars = 0
    for number in range(1, count + 1):
        if time.monotonic() > deadline:
            raise DocumentTooLargeError(
                name, f"reading it took over {limits.MAX_SECONDS:.0f} s (stopped at page "
                      f"{number} of {count}).")
        try:
            page = reader.pages[number - 1]
            text = (page.extract_text() or "").strip()
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                RecursionError, zlib.error) as exc:
            raise CorruptDocumentError(name, f"page {number} is damaged ({exc}).") from exc
        chars += len(text)
        if chars > limits.MAX_CHARS:
            raise DocumentTooLargeError(
                name, f"it holds over {limits.MAX_CHARS:,} characters of text.")
        pages.append(text)
        if not text and with_images and len(images) < limits.MAX_SCAN_IMAGES:
            images.extend(_page_images(page, number, limits.MAX_SCAN_IMAGES - len(images)))
    return PdfText(tuple(pages), tuple(images))
