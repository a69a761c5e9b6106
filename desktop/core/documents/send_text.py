"""What a stored document becomes in a request: its text under a header, or the PDF itself.

The store keeps only the original file (a `FilePart`); the text is extracted again here and
kept for the session in a small cache by content hash, so a long conversation pays for a
big PDF once, not on every turn.
"""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from desktop.core.documents.errors import DocumentError
from desktop.core.documents.extract import PDF_MIME, document_prompt, extract_bytes
from desktop.core.store.models import FilePart

CACHE_CHARS = 8_000_000  # extracted text kept between requests (about 16-32 MB)

_lock = threading.Lock()
_cache: OrderedDict[str, tuple[str, int]] = OrderedDict()  # hash -> (body, pages)


def _body_of(part: FilePart, read_attachment: Callable[[str], bytes]) -> tuple[str, int]:
    with _lock:
        cached = _cache.get(part.hash)
        if cached is not None:
            _cache.move_to_end(part.hash)
            return cached
    try:
        document = extract_bytes(read_attachment(part.hash), part.name, with_images=False)
        found = (document.text, document.page_count)
    except DocumentError as exc:  # stored before a limit changed, or the file went bad
        found = (f"[The text of this file could not be read: {exc.detail}]", part.pages)
    with _lock:
        _cache[part.hash] = found
        total = sum(len(body) for body, _ in _cache.values())
        while total > CACHE_CHARS and len(_cache) > 1:
            _, (body, _pages) = _cache.popitem(last=False)
            total -= len(body)
    return found


def document_text(part: FilePart, read_attachment: Callable[[str], bytes]) -> str:
    """The document's text part: `=== Attached file: NAME (N pages) ===`, its text, an end."""
    body, pages = _body_of(part, read_attachment)
    return document_prompt(part.name, body, pages)


def document_content_part(part: FilePart, read_attachment: Callable[[str], bytes], *,
                          native_pdf: bool = False) -> dict[str, Any]:
    """An OpenAI chat content part for the document: `file` (a PDF sent natively) or text."""
    if native_pdf and part.mime == PDF_MIME:
        data = base64.b64encode(read_attachment(part.hash)).decode("ascii")
        return {"type": "file", "file": {"filename": part.name or "document.pdf",
                                         "file_data": f"data:{PDF_MIME};base64,{data}"}}
    return {"type": "text", "text": document_text(part, read_attachment)}
