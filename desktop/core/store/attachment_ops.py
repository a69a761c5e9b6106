"""The attachment part of `Store`: add, read and garbage-collect files stored by content."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from desktop.core.store.attachments import sniff_mime
from desktop.core.store.changes import StoreChanges
from desktop.core.store.models import FilePart, ImagePart
from desktop.core.store.store_base import StoreBase
from desktop.core.store.writer import Transaction


class AttachmentOps(StoreBase):
    """Attachments: rows in `attachments`, files in `AttachmentFiles`."""

    def add_attachment(self, data: bytes, mime: str | None = None, name: str = "") -> ImagePart:
        """Store a file once by content (size-limited) and return the part to put in a message."""
        mime = mime or sniff_mime(data) or "application/octet-stream"
        digest = self.attachments.put(data)
        with self._write() as tx:
            # Adding again renews created_at, so the grace time protects the new use too.
            self._conn.execute(
                "INSERT INTO attachments (hash, mime, size, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(hash) DO UPDATE SET created_at = excluded.created_at",
                (digest, mime, len(data), time.time()),
            )
            tx.report(StoreChanges(attachments_added=frozenset((digest,))))
        return ImagePart(digest, mime, name)

    def add_document(self, data: bytes, mime: str, name: str, pages: int = 0) -> FilePart:
        """Store a document (PDF, Word, text) once by content; the part that names it."""
        part = self.add_attachment(data, mime, name)
        return FilePart(part.hash, mime, name, len(data), pages)

    def read_attachment(self, digest: str) -> bytes:
        return self.attachments.read(digest)

    def attachment_path(self, digest: str) -> Path:
        return self.attachments.path_for(digest)

    def _drop_unreferenced(
        self, tx: Transaction, hashes: Iterable[str], grace_seconds: float | None = None
    ) -> frozenset[str]:
        """Remove attachments from `hashes` that no message refers to any more (in `tx`).

        One added (again) within the grace time stays: it may be about to be sent. Returns
        the removed hashes; their files go after the commit, so a rollback never loses one.
        """
        grace = self.attachment_grace_seconds if grace_seconds is None else grace_seconds
        cutoff = time.time() - grace
        gone: list[str] = []
        for digest in hashes:
            cur = self._conn.execute(
                "DELETE FROM attachments WHERE hash = ? AND created_at <= ? AND NOT EXISTS "
                "(SELECT 1 FROM message_attachments WHERE hash = ?) AND NOT EXISTS "
                "(SELECT 1 FROM task_files WHERE hash = ?)",
                (digest, cutoff, digest, digest),
            )
            if cur.rowcount:
                gone.append(digest)
        if gone:
            tx.after_commit(lambda: self._remove_files(gone))
        return frozenset(gone)

    def _remove_files(self, digests: Iterable[str]) -> None:
        for digest in digests:
            self.attachments.remove(digest)

    def collect_attachments(self, grace_seconds: float | None = None) -> int:
        """Remove attachments (rows and files) nothing refers to and older than the grace time.

        The grace time (default `attachment_grace_seconds`) protects a file added for a
        message that is still being composed. Returns how many were removed. Removed rows
        are reported as `attachments_removed`; stray files (never committed) are not.
        """
        grace = self.attachment_grace_seconds if grace_seconds is None else grace_seconds
        cutoff = time.time() - grace
        with self._write() as tx:
            orphans = self._hashes_of(
                "SELECT hash FROM attachments a WHERE created_at <= ? AND NOT EXISTS "
                "(SELECT 1 FROM message_attachments m WHERE m.hash = a.hash) AND NOT EXISTS "
                "(SELECT 1 FROM task_files t WHERE t.hash = a.hash)", (cutoff,)
            )
            gone = self._drop_unreferenced(tx, orphans, grace)
            tx.report(StoreChanges(attachments_removed=gone))
            known = {r[0] for r in self._conn.execute("SELECT hash FROM attachments")}
        stray = [d for d, mtime in self.attachments.stored_hashes()
                 if d not in known and mtime <= cutoff]
        for digest in stray:  # a file whose row was never committed
            self.attachments.remove(digest)
        return len(orphans) + len(stray)
