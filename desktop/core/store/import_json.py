"""Import Switchboard's own JSON export (`export_json`), validated before anything is written."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from pathlib import Path
from typing import Any

from desktop.core.citations import decode_citations
from desktop.core.progress import Progress, step
from desktop.core.reply_parts import ToolCall, Usage
from desktop.core.store.errors import ImportFormatError
from desktop.core.store.export_json import FORMAT, FORMAT_VERSION
from desktop.core.store.import_drafts import AttachmentDraft, ConversationDraft, MessageDraft
from desktop.core.store.import_fields import FieldReader
from desktop.core.store.import_limits import ReadBudget, read_json_file
from desktop.core.store.models import MessageStatus, Role, TextPart, ToolRun, ToolStatus


def parse_json_bytes(data: bytes, where: Path | str) -> Any:
    """Parse JSON; a broken or hostile document gets an ImportFormatError saying why."""
    try:
        return json.loads(data)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            where, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise ImportFormatError(where, f"is not UTF-8 text ({exc.reason})") from exc
    except ValueError as exc:  # an integer longer than Python's 4300-digit conversion limit
        raise ImportFormatError(where, f"holds a number that cannot be read ({exc})") from exc
    except RecursionError as exc:
        raise ImportFormatError(where, "is nested too deeply to be an export") from exc


def load_json_file(path: Path, budget: ReadBudget | None = None) -> Any:
    """Parse a JSON file (at most MAX_JSON_BYTES); errors name the line and column."""
    try:
        data = read_json_file(path, budget or ReadBudget(path))
    except OSError as exc:
        raise ImportFormatError(path, f"cannot be read ({exc.strerror or exc})") from exc
    return parse_json_bytes(data, path)


def is_switchboard_document(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == FORMAT


def _attachments(reader: FieldReader, document: dict[str, Any], max_bytes: int
                 ) -> dict[str, AttachmentDraft]:
    found: dict[str, AttachmentDraft] = {}
    table = reader.get(document, "attachments", dict, "attachments", required=False, default={})
    for digest, entry in table.items():
        field = f"attachments.{digest}"
        mime = reader.get(entry, "mime", str, f"{field}.mime")
        encoded = reader.get(entry, "data", str, f"{field}.data")
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            reader.fail(f"{field}.data", "is not valid base64")
        if hashlib.sha256(data).hexdigest() != digest:
            reader.fail(f"{field}.data", "does not match its SHA-256")
        if len(data) > max_bytes:
            reader.fail(field, f"is larger than the {max_bytes // 1048576} MiB attachment limit")
        found[digest] = AttachmentDraft(data, mime)
    return found


def _message(
    reader: FieldReader, raw: Any, field: str, known: set[str],
    attachments: dict[str, AttachmentDraft],
) -> MessageDraft:
    key = str(reader.get(raw, "id", (int, str), f"{field}.id"))
    parent = reader.get(raw, "parent", (int, str), f"{field}.parent", required=False)
    parent_key = None if parent is None else str(parent)
    if parent_key is not None and parent_key not in known:
        reader.fail(f"{field}.parent", f"refers to message {parent_key}, which does not come "
                                       "before it")
    if key in known:
        reader.fail(f"{field}.id", f"repeats message id {key}")
    role_name = reader.get(raw, "role", str, f"{field}.role")
    try:
        role = Role(role_name)
    except ValueError:
        reader.fail(f"{field}.role", f"{role_name!r} is not one of system/user/assistant/tool")
    parts: list[TextPart | AttachmentDraft] = []
    for j, part in enumerate(reader.get(raw, "parts", list, f"{field}.parts")):
        pfield = f"{field}.parts[{j}]"
        kind = reader.get(part, "type", str, f"{pfield}.type")
        if kind == "text":
            parts.append(TextPart(reader.get(part, "text", str, f"{pfield}.text")))
        elif kind == "image":
            digest = reader.get(part, "sha256", str, f"{pfield}.sha256")
            if digest not in attachments:
                reader.fail(f"{pfield}.sha256", "names an image missing from 'attachments'")
            draft = attachments[digest]
            name = reader.get(part, "name", str, f"{pfield}.name", required=False, default="")
            parts.append(AttachmentDraft(draft.data, draft.mime, name))
        elif kind == "file":
            digest = reader.get(part, "sha256", str, f"{pfield}.sha256")
            if digest not in attachments:
                reader.fail(f"{pfield}.sha256", "names a file missing from 'attachments'")
            draft = attachments[digest]
            name = reader.get(part, "name", str, f"{pfield}.name", required=False, default="")
            mime = reader.get(part, "mime", str, f"{pfield}.mime", required=False,
                              default=draft.mime)
            pages = reader.count(part, "pages", f"{pfield}.pages") or 0
            parts.append(AttachmentDraft(draft.data, mime[:100], name, document=True,
                                         pages=min(pages, 1_000_000)))
        else:
            reader.fail(f"{pfield}.type", f"unknown part type {kind!r}")
    status_name = reader.get(raw, "status", str, f"{field}.status", required=False,
                             default="complete")
    try:
        status = MessageStatus(status_name)
    except ValueError:
        reader.fail(f"{field}.status", f"unknown status {status_name!r}")
    if status is MessageStatus.STREAMING:
        status = MessageStatus.INTERRUPTED
    usage = None
    raw_usage = reader.get(raw, "usage", dict, f"{field}.usage", required=False)
    if raw_usage is not None:
        usage = Usage(**{
            name: reader.count(raw_usage, name, f"{field}.usage.{name}")
            for name in ("prompt_tokens", "completion_tokens", "reasoning_tokens",
                         "cached_tokens")
        }, raw=_usage_details(reader, raw_usage, f"{field}.usage.details"))
    tool_calls = tuple(
        ToolCall(
            reader.get(c, "id", str, f"{field}.tool_calls[{k}].id", required=False, default=""),
            reader.get(c, "name", str, f"{field}.tool_calls[{k}].name"),
            reader.get(c, "arguments", str, f"{field}.tool_calls[{k}].arguments",
                       required=False, default=""),
        )
        for k, c in enumerate(
            reader.get(raw, "tool_calls", list, f"{field}.tool_calls", required=False,
                       default=[])
        )
    )

    def opt(name: str, kind: type) -> Any:
        return reader.get(raw, name, kind, f"{field}.{name}", required=False)

    return MessageDraft(
        key=key, parent_key=parent_key, role=role, parts=parts,
        created_at=reader.timestamp(raw, "created_at", f"{field}.created_at"),
        reasoning=opt("reasoning", str) or "", tool_calls=tool_calls,
        tool_call_id=opt("tool_call_id", str), model=opt("model", str),
        provider=opt("provider", str), usage=usage,
        ttft_ms=reader.measure(raw, "ttft_ms", f"{field}.ttft_ms"),
        tokens_per_second=reader.measure(raw, "tokens_per_second", f"{field}.tokens_per_second"),
        finish_reason=opt("finish_reason", str), status=status, error=opt("error", str),
        tool=_tool_run(reader, raw, field),
        refusal=opt("refusal", str),
        citations=decode_citations(opt("citations", list) or []),
        cost=reader.cost(raw, f"{field}.cost"),
    )


def _tool_run(reader: FieldReader, raw: Any, field: str) -> ToolRun | None:
    """A tool message's run (name, server, status, duration), as written by export_json."""
    tool = reader.get(raw, "tool", dict, f"{field}.tool", required=False)
    if tool is None:
        return None
    status_name = reader.get(tool, "status", str, f"{field}.tool.status", required=False,
                             default="done")
    try:
        status = ToolStatus(status_name)
    except ValueError:
        reader.fail(f"{field}.tool.status", f"unknown tool status {status_name!r}")
    if not status.finished:  # it was waiting or running when exported: it never ended
        status = ToolStatus.CANCELLED
    return ToolRun(
        reader.get(tool, "name", str, f"{field}.tool.name"),
        reader.get(tool, "server", str, f"{field}.tool.server", required=False, default=""),
        status,
        reader.measure(tool, "duration_ms", f"{field}.tool.duration_ms"),
        bool(reader.get(tool, "is_error", bool, f"{field}.tool.is_error", required=False,
                        default=False)),
    )


MAX_USAGE_DETAILS_CHARS = 4000


def _usage_details(reader: FieldReader, usage: dict[str, Any], field: str) -> str | None:
    """The provider's whole usage object kept with a reply, as compact JSON (capped)."""
    details = reader.get(usage, "details", dict, field, required=False)
    if details is None:
        return None
    text = json.dumps(reader.free_json(details, field), ensure_ascii=False,
                      separators=(",", ":"))
    return text if len(text) <= MAX_USAGE_DETAILS_CHARS else None


def parse_switchboard_json(
    path: Path, document: Any, *, max_attachment_bytes: int, progress: Progress | None = None
) -> list[ConversationDraft]:
    """Validate a Switchboard export completely and turn it into drafts."""
    reader = FieldReader(path)
    if not is_switchboard_document(document):
        reader.fail("format", f"must be {FORMAT!r}")
    version = reader.get(document, "version", int, "version")
    if version > FORMAT_VERSION:
        reader.fail("version", f"{version} is newer than this Switchboard understands "
                               f"({FORMAT_VERSION}); update Switchboard")
    attachments = _attachments(reader, document, max_attachment_bytes)
    drafts = []
    conversations = reader.get(document, "conversations", list, "conversations")
    for i, raw in enumerate(conversations):
        step(progress, i, len(conversations))
        field = f"conversations[{i}]"
        title = reader.get(raw, "title", str, f"{field}.title", required=False, default="")
        conv = FieldReader(path, f"#{i + 1} {title!r}")
        created = conv.timestamp(raw, "created_at", f"{field}.created_at")
        draft = ConversationDraft(
            title=title,
            created_at=created,
            updated_at=conv.timestamp(raw, "updated_at", f"{field}.updated_at", default=created),
            pinned=bool(conv.get(raw, "pinned", bool, f"{field}.pinned", required=False)),
            archived=bool(conv.get(raw, "archived", bool, f"{field}.archived", required=False)),
            folder=conv.get(raw, "folder", str, f"{field}.folder", required=False),
            provider=conv.get(raw, "provider", str, f"{field}.provider", required=False),
            model=conv.get(raw, "model", str, f"{field}.model", required=False),
            params=conv.free_json(
                conv.get(raw, "params", dict, f"{field}.params", required=False, default={}),
                f"{field}.params",
            ),
            system_prompt=conv.get(raw, "system_prompt", str, f"{field}.system_prompt",
                                   required=False, default=""),
        )
        known: set[str] = set()
        for j, message in enumerate(conv.get(raw, "messages", list, f"{field}.messages")):
            parsed = _message(conv, message, f"{field}.messages[{j}]", known, attachments)
            known.add(parsed.key)
            draft.messages.append(parsed)
        leaf = conv.get(raw, "active_leaf", (int, str), f"{field}.active_leaf", required=False)
        if leaf is not None:
            if str(leaf) not in known:
                conv.fail(f"{field}.active_leaf", f"names message {leaf}, which is not there")
            draft.active_leaf_key = str(leaf)
        drafts.append(draft)
    return drafts
