"""Import a file into the history, whatever its format; all of it or nothing."""

from __future__ import annotations

from pathlib import Path

from desktop.core.store.errors import ImportFormatError
from desktop.core.store.import_chatgpt import looks_like_chatgpt_export, parse_chatgpt_export
from desktop.core.store.import_json import (
    is_switchboard_document,
    load_json_file,
    parse_switchboard_json,
)
from desktop.core.store.store import Store


def import_file(store: Store, path: Path) -> list[int]:
    """Import a Switchboard JSON export or ChatGPT's conversations.json; return new ids.

    The whole file is validated before anything is written, and written in one transaction.
    """
    document = load_json_file(path)
    limit = store.attachments.max_bytes
    if is_switchboard_document(document):
        drafts = parse_switchboard_json(path, document, max_attachment_bytes=limit)
    elif looks_like_chatgpt_export(document):
        drafts = parse_chatgpt_export(path, document, max_attachment_bytes=limit)
    else:
        raise ImportFormatError(
            path, "is neither a Switchboard export nor ChatGPT's conversations.json"
        )
    return store.import_drafts(drafts)
