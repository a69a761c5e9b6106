"""The conversation history: a SQLite message tree with full-text search, backups and import/export.

`Store` (in `store.py`) is the only entry point the GUI and the CLI use; nothing outside this
package writes SQL. Every committed mutation reports a `StoreChanges` to `Store.subscribe`rs.
"""

from desktop.core.store.changes import ConversationField, MessageRef, StoreChanges
from desktop.core.store.errors import (
    AttachmentTooLargeError,
    FtsUnavailableError,
    ImportFormatError,
    NotFoundError,
    StoreDamagedError,
    StoreError,
    StoreVersionError,
)
from desktop.core.store.models import (
    Conversation,
    ConversationSummary,
    FilePart,
    Folder,
    ImagePart,
    Message,
    MessageHit,
    MessageStatus,
    Preset,
    Role,
    SearchHit,
    SearchResults,
    TextPart,
)
from desktop.core.store.store import ACTIVE_LEAF, UNSET, ActiveLeaf, Store

__all__ = [
    "ACTIVE_LEAF",
    "UNSET",
    "ActiveLeaf",
    "AttachmentTooLargeError",
    "Conversation",
    "ConversationField",
    "ConversationSummary",
    "FilePart",
    "Folder",
    "FtsUnavailableError",
    "ImagePart",
    "ImportFormatError",
    "Message",
    "MessageHit",
    "MessageRef",
    "MessageStatus",
    "NotFoundError",
    "Preset",
    "Role",
    "SearchHit",
    "SearchResults",
    "Store",
    "StoreChanges",
    "StoreDamagedError",
    "StoreError",
    "StoreVersionError",
    "TextPart",
]
