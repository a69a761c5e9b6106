"""Why a document cannot be attached: one typed error per reason, each with a message."""

from __future__ import annotations


class DocumentError(Exception):
    """The file cannot be attached; `str(error)` says why, naming the file."""

    reason = "refused"

    def __init__(self, name: str, detail: str) -> None:
        super().__init__(f"{name or 'The file'} cannot be attached: {detail}")
        self.name = name
        self.detail = detail


class EncryptedDocumentError(DocumentError):
    """A password-protected PDF (its text cannot be read without the password)."""

    reason = "encrypted"


class CorruptDocumentError(DocumentError):
    """The file claims a format but its content is broken or cut off."""

    reason = "corrupt"


class DocumentTooLargeError(DocumentError):
    """Over a limit: file size, decompressed size, pages, characters or extraction time."""

    reason = "too large"


class UnsupportedDocumentError(DocumentError):
    """A binary file that is not a document we read (an archive, an executable, a .doc…)."""

    reason = "unsupported"


class ScannedDocumentError(DocumentError):
    """A PDF without a text layer, for a model that cannot see its page images."""

    reason = "scanned"


class ImageFileError(DocumentError):
    """The file is an image: it goes the image way (prepared and sent as a picture)."""

    reason = "image"
