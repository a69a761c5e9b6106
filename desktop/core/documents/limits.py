"""Caps on what one attached document may cost: hostile files stop at these, with a reason."""

from __future__ import annotations

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024  # the file as it is on disk
MAX_PAGES = 2000  # PDF pages read
MAX_CHARS = 2_000_000  # extracted text (about 500k tokens of English)
MAX_SECONDS = 60.0  # extraction time, checked between pages and paragraphs
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024  # a DOCX's members, decompressed, all together
MAX_ZIP_MEMBERS = 5000
MAX_ZIP_RATIO = 200  # decompressed / compressed size of one member (a bomb reaches 1000+)
MAX_SCAN_IMAGES = 10  # page images offered from a scanned PDF (a message's attachment cap)
MAX_SCAN_PIXELS = 40_000_000  # one raw page image re-encoded as PNG
MAX_SCAN_IMAGE_BYTES = 20 * 1024 * 1024  # one decoded page image
