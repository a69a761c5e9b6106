"""Import a file into the history, whatever its format; all of it or nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.core.progress import Progress, step
from desktop.core.store import import_limits
from desktop.core.store.errors import ImportFormatError
from desktop.core.store.import_chatgpt import (
    FolderAssets,
    ZipAssets,
    looks_like_chatgpt_export,
    parse_chatgpt_export,
)
from desktop.core.store.import_drafts import ConversationDraft
from desktop.core.store.import_json import (
    is_switchboard_document,
    load_json_file,
    parse_json_bytes,
    parse_switchboard_json,
)
from desktop.core.store.import_limits import ReadBudget, check_zip_members
from desktop.core.store.store import Store

_CHATGPT_JSON = "conversations.json"


def import_file(store: Store, path: Path, progress: Progress | None = None) -> list[int]:
    """Import a Switchboard JSON export, ChatGPT's conversations.json or its export zip.

    The whole file is validated before anything is written, and written in one transaction;
    what it may make us read is capped (`import_limits`). Returns the new conversations' ids.
    `progress` (phases "reading", "checking", "writing") can cancel it up to the commit:
    then `WorkCancelledError` is raised and nothing was imported.
    """
    step(progress, 0, 0, "reading")
    try:
        drafts = _drafts(path, store.attachments.max_bytes, ReadBudget(path), progress)
    except RecursionError as exc:
        raise ImportFormatError(path, "is nested too deeply to be an export") from exc
    return store.import_drafts(drafts, progress)


def _drafts(path: Path, limit: int, budget: ReadBudget,
            progress: Progress | None) -> list[ConversationDraft]:
    if zipfile.is_zipfile(path):
        return _chatgpt_zip(path, limit, budget, progress)
    document = load_json_file(path, budget)
    step(progress, phase="checking")
    if is_switchboard_document(document):
        return parse_switchboard_json(path, document, max_attachment_bytes=limit,
                                      progress=progress)
    if looks_like_chatgpt_export(document):
        return parse_chatgpt_export(path, document, max_attachment_bytes=limit,
                                    files=FolderAssets(path.parent, budget), progress=progress)
    raise ImportFormatError(
        path, "is neither a Switchboard export nor ChatGPT's conversations.json"
    )


def _chatgpt_zip(path: Path, limit: int, budget: ReadBudget,
                 progress: Progress | None) -> list[ConversationDraft]:
    """Drafts from ChatGPT's export zip (conversations.json plus the image files)."""
    try:
        check_zip_members(path)
        with zipfile.ZipFile(path) as archive:
            if len(archive.infolist()) > import_limits.MAX_MEMBERS:  # the end record did not say
                raise ImportFormatError(
                    path, f"holds more than {import_limits.MAX_MEMBERS:,} files"
                )
            names = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == _CHATGPT_JSON]
            if not names:
                raise ImportFormatError(path, f"holds no {_CHATGPT_JSON}")
            member = archive.getinfo(min(names, key=len))
            where = f"{path}!{member.filename}"
            with archive.open(member) as handle:
                data = budget.read(
                    handle, member.file_size, import_limits.MAX_JSON_BYTES, member.filename
                )
            document = parse_json_bytes(data, where)
            del data
            step(progress, phase="checking")
            return parse_chatgpt_export(
                Path(where), document, max_attachment_bytes=limit,
                files=ZipAssets(archive, budget), progress=progress,
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            EOFError) as exc:
        raise ImportFormatError(path, f"cannot be read as a zip file ({exc})") from exc
