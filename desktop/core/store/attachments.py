"""Attachment files stored once by content: `<attachments>/ab/cdef…` named by SHA-256."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

from desktop.core.store.errors import AttachmentTooLargeError, NotFoundError

DEFAULT_MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024  # documents; images have their own 20 MB cap
_HASH = re.compile(r"[0-9a-f]{64}")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
)


def sniff_mime(data: bytes) -> str | None:
    """The MIME type told by the file's first bytes, for the common image formats."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    return None


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_valid_hash(value: str) -> bool:
    return _HASH.fullmatch(value) is not None


class AttachmentFiles:
    """The files half of the attachment store; the `attachments` table is the other half."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def path_for(self, digest: str) -> Path:
        if not is_valid_hash(digest):
            raise NotFoundError(f"not an attachment hash: {digest!r}")
        return self.root / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        """Write `data` once (atomically) and return its hash; an existing copy is reused."""
        if len(data) > self.max_bytes:
            raise AttachmentTooLargeError(len(data), self.max_bytes)
        digest = content_hash(data)
        path = self.path_for(digest)
        if path.exists() and path.stat().st_size == len(data):
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            Path(tmp).replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
            raise
        return digest

    def read(self, digest: str) -> bytes:
        path = self.path_for(digest)
        try:
            return path.read_bytes()
        except FileNotFoundError as exc:
            raise NotFoundError(f"attachment {digest} is missing from {self.root}") from exc

    def remove(self, digest: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_for(digest).unlink()

    def stored_hashes(self) -> list[tuple[str, float]]:
        """Every stored file's hash and modification time (for the garbage sweep)."""
        found: list[tuple[str, float]] = []
        if not self.root.is_dir():
            return found
        for bucket in self.root.iterdir():
            if not bucket.is_dir() or len(bucket.name) != 2:
                continue
            for file in bucket.iterdir():
                digest = bucket.name + file.name
                if is_valid_hash(digest):
                    found.append((digest, file.stat().st_mtime))
        return found
