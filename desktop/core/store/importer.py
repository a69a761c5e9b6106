"""Import a file into the history, whatever its format; all of it or nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from desktop.core.store.errors import ImportFormatError
from desktop.core.store.import_chatgpt import (
    ZipAssets,
    looks_like_chatgpt_export,
    parse_chatgpt_export,
)
from desktop.core.store.import_drafts import ConversationDraft
from desktop.core.store.import_json import (
    is_switchboard_document,
    load_json_file,
    parse_switchboard_json,
)
from desktop.core.store.store import Store

_CHATGPT_JSON = "conversations.json"


def import_file(store: Store, path: Path) -> list[int]:
    """Import a Switchboard JSON export, ChatGPT's conversations.json or its export zip.

    The whole file is validated before anything is written, and written in one transaction.
    Returns the ids of the new conversations.
    """
    limit = store.attachments.max_bytes
    if zipfile.is_zipfile(path):
        return store.import_drafts(_chatgpt_zip(path, limit))
    document = load_json_file(path)
    if is_switchboard_document(document):
        drafts = parse_switchboard_json(path, document, max_attachment_bytes=limit)
    elif looks_like_chatgpt_export(document):
        drafts = parse_chatgpt_export(path, document, max_attachment_bytes=limit)
    else:
        raise ImportFormatError(
            path, "is neither a Switchboard export nor ChatGPT's conversations.json"
        )
    return store.import_drafts(drafts)


def _chatgpt_zip(path: Path, limit: int) -> list[ConversationDraft]:
    """Drafts from ChatGPT's export zip (conversations.json plus the image files)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == _CHATGPT_JSON]
            if not names:
                raise ImportFormatError(path, f"holds no {_CHATGPT_JSON}")
            member = min(names, key=len)
            try:
                document = json.loads(archive.read(member))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise ImportFormatError(f"{path}!{member}", f"is not valid JSON ({exc})") from exc
            return parse_chatgpt_export(
                Path(f"{path}!{member}"), document, max_attachment_bytes=limit,
                files=ZipAssets(archive),
            )
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFormatError(path, f"cannot be read as a zip file ({exc})") from exc
