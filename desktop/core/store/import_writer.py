"""Write one imported conversation (a `ConversationDraft`) inside the caller's transaction."""

from __future__ import annotations

import json
import sqlite3

from desktop.core.store.attachments import AttachmentFiles
from desktop.core.store.import_drafts import AttachmentDraft, ConversationDraft
from desktop.core.store.message_rows import (
    encode_parts,
    encode_tool_calls,
    link_attachment,
    reply_field_values,
    tool_columns,
    usage_columns,
)
from desktop.core.store.models import ContentPart, FilePart, ImagePart
from desktop.core.store.params import scrub_params
from desktop.core.store.tree_queries import newest_leaf


def _folder_id(conn: sqlite3.Connection, name: str, folders: dict[str, int], now: float) -> int:
    """The top-level folder called `name`, created when missing (`folders` caches ids)."""
    if name not in folders:
        cur = conn.execute(
            "INSERT INTO folders (name, parent_id, position, created_at) "
            "VALUES (?, NULL, (SELECT coalesce(max(position), -1) + 1 FROM folders "
            "WHERE parent_id IS NULL), ?)", (name, now),
        )
        folders[name] = int(cur.lastrowid or 0)
    return folders[name]


def insert_draft(
    conn: sqlite3.Connection,
    draft: ConversationDraft,
    images: dict[int, ImagePart | FilePart],
    folders: dict[str, int],
    files: AttachmentFiles,
    now: float,
) -> int:
    """Insert the conversation and its messages; return the new conversation id.

    `images` maps id() of each AttachmentDraft to the part its already-stored file became.
    """
    folder_id = _folder_id(conn, draft.folder, folders, now) if draft.folder else None
    cur = conn.execute(
        "INSERT INTO conversations (title, created_at, updated_at, pinned, archived, "
        "folder_id, provider, model, params, system_prompt) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.title, draft.created_at, draft.updated_at, int(draft.pinned),
         int(draft.archived), folder_id, draft.provider, draft.model,
         json.dumps(scrub_params(draft.params), ensure_ascii=False), draft.system_prompt),
    )
    conversation_id = int(cur.lastrowid or 0)
    ids: dict[str, int] = {}
    prompt_total = completion_total = 0
    for m in draft.messages:
        parts: list[ContentPart] = [
            images[id(p)] if isinstance(p, AttachmentDraft) else p for p in m.parts
        ]
        text, parts_json = encode_parts(parts)
        prompt, completion, reasoning_tokens, cached = usage_columns(m.usage)
        prompt_total += prompt or 0
        completion_total += completion or 0
        parent = ids[m.parent_key] if m.parent_key is not None else None
        cur = conn.execute(
            "INSERT INTO messages (conversation_id, parent_id, role, text, parts, "
            "reasoning, tool_calls, tool_call_id, model, provider, prompt_tokens, "
            "completion_tokens, reasoning_tokens, cached_tokens, ttft_ms, "
            "tokens_per_second, finish_reason, status, error, created_at, tool_name, "
            "tool_server, tool_status, tool_duration_ms, tool_is_error, refusal, "
            "citations, usage_json) "
            f"VALUES ({', '.join('?' * 28)})",
            (
                conversation_id, parent, str(m.role), text, parts_json, m.reasoning,
                encode_tool_calls(m.tool_calls), m.tool_call_id, m.model, m.provider,
                prompt, completion, reasoning_tokens, cached, m.ttft_ms,
                m.tokens_per_second, m.finish_reason, str(m.status), m.error, m.created_at,
                *tool_columns(m.tool),
                *reply_field_values(m.refusal, m.citations, m.usage),
            ),
        )
        ids[m.key] = int(cur.lastrowid or 0)
        if m.cost is not None:  # as exported: the prices of when it was sent
            conn.execute(
                "UPDATE messages SET cost = ?, cost_currency = ?, price_json = ?, "
                "cost_estimated = ? WHERE id = ?",
                (m.cost.amount, m.cost.currency, m.cost.price_json, int(m.cost.estimated),
                 ids[m.key]))
        for part in parts:
            if isinstance(part, ImagePart | FilePart):
                conn.execute(
                    "INSERT OR IGNORE INTO attachments (hash, mime, size, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (part.hash, part.mime, files.path_for(part.hash).stat().st_size, now),
                )
                link_attachment(conn, ids[m.key], part.hash)
    leaf = (
        ids[draft.active_leaf_key] if draft.active_leaf_key is not None
        else newest_leaf(conn, conversation_id, None)
    )
    conn.execute(
        "UPDATE conversations SET active_leaf_id = ?, prompt_tokens = ?, "
        "completion_tokens = ? WHERE id = ?",
        (leaf, prompt_total, completion_total, conversation_id),
    )
    return conversation_id
