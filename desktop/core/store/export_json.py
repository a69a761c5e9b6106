"""Lossless JSON export of conversations (every branch, images inline), re-importable."""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.atomic_file import write_bytes_atomic
from desktop.core.citations import encode_citations
from desktop.core.passages import Passage
from desktop.core.progress import Progress, step
from desktop.core.store.export_costs import cost_json, cost_totals
from desktop.core.store.export_sources import sources_json
from desktop.core.store.models import Conversation, FilePart, Message, TextPart
from desktop.core.store.store import Store

FORMAT = "switchboard.conversations"
FORMAT_VERSION = 1


def _message_json(message: Message, sources: Sequence[Passage] = ()) -> dict[str, Any]:
    parts: list[dict[str, Any]] = []
    for part in message.parts:
        if isinstance(part, TextPart):
            parts.append({"type": "text", "text": part.text})
        elif isinstance(part, FilePart):
            parts.append({"type": "file", "sha256": part.hash, "mime": part.mime,
                          "name": part.name, "size": part.size, "pages": part.pages})
        else:
            parts.append({"type": "image", "sha256": part.hash, "mime": part.mime,
                          "name": part.name})
    usage = None
    if message.usage is not None:
        usage = {
            "prompt_tokens": message.usage.prompt_tokens,
            "completion_tokens": message.usage.completion_tokens,
            "reasoning_tokens": message.usage.reasoning_tokens,
            "cached_tokens": message.usage.cached_tokens,
        }
        if message.usage.raw:
            with contextlib.suppress(ValueError):  # stored by us: always JSON, but never fail
                usage["details"] = json.loads(message.usage.raw)
    return {
        "id": message.id,
        "parent": message.parent_id,
        "role": str(message.role),
        "parts": parts,
        "reasoning": message.reasoning,
        "tool_calls": [
            {"id": c.id, "name": c.name, "arguments": c.arguments} for c in message.tool_calls
        ],
        "tool_call_id": message.tool_call_id,
        "model": message.model,
        "provider": message.provider,
        "usage": usage,
        "ttft_ms": message.ttft_ms,
        "tokens_per_second": message.tokens_per_second,
        "finish_reason": message.finish_reason,
        "status": str(message.status),
        "error": message.error,
        "created_at": message.created_at,
        **({"tool": {
            "name": message.tool.name, "server": message.tool.server,
            "status": str(message.tool.status), "duration_ms": message.tool.duration_ms,
            "is_error": message.tool.is_error,
        }} if message.tool is not None else {}),
        "refusal": message.refusal,
        "citations": json.loads(encode_citations(message.citations) or "[]"),
        "cost": cost_json(message),
        **({"knowledge_sources": sources_json(sources)} if sources else {}),
    }


def _conversation_json(
    store: Store, conv: Conversation, folders: dict[int, str]
) -> dict[str, Any]:
    messages = store.messages(conv.id)
    sources = store.sources_of_messages(m.id for m in messages)
    return {
        "id": conv.id,
        "title": conv.title,
        "created_at": conv.created_at,
        "updated_at": conv.updated_at,
        "pinned": conv.pinned,
        "archived": conv.archived,
        "folder": folders.get(conv.folder_id) if conv.folder_id is not None else None,
        "provider": conv.provider,
        "model": conv.model,
        "params": conv.params,
        "system_prompt": conv.system_prompt,
        "active_leaf": conv.active_leaf_id,
        "messages": [_message_json(m, sources.get(m.id, ())) for m in messages],
        "total_cost": cost_totals(messages),
        **_compare_json(store, conv.id),
    }


def _compare_json(store: Store, conversation_id: int) -> dict[str, Any]:
    """Compared messages (each column's reply and target) and compare mode, when any."""
    forks = store.compare_forks(conversation_id)
    targets = store.compare_targets(conversation_id)
    if not forks and targets is None:
        return {}
    return {
        "compare": [
            {"message": fork, "columns": [
                {"position": c.position, "reply": c.reply_id, **c.target.to_json()}
                for c in columns]}
            for fork, columns in forks.items()],
        "compare_open": store.open_compare(conversation_id),
        "compare_targets": None if targets is None else [t.to_json() for t in targets],
    }


def export_json(store: Store, conversation_ids: Sequence[int],
                progress: Progress | None = None) -> dict[str, Any]:
    """The export document: conversations plus every image and file they use, base64 once."""
    folders = {f.id: f.name for f in store.folders.list()}
    conversations = []
    for n, cid in enumerate(conversation_ids):
        step(progress, n, len(conversation_ids), "exporting")
        conversations.append(_conversation_json(store, store.get_conversation(cid), folders))
    attachments: dict[str, dict[str, str]] = {}
    for conv in conversations:
        for message in conv["messages"]:
            for part in message["parts"]:
                if part["type"] in ("image", "file") and part["sha256"] not in attachments:
                    data = store.read_attachment(part["sha256"])
                    attachments[part["sha256"]] = {
                        "mime": part["mime"], "data": base64.b64encode(data).decode("ascii"),
                    }
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generator": f"Switchboard {__version__}",
        "conversations": conversations,
        "attachments": attachments,
    }


def write_json(store: Store, conversation_ids: Sequence[int], dest: Path,
               progress: Progress | None = None) -> None:
    """Write the export at `dest` whole or not at all (also when `progress` cancels it)."""
    document = export_json(store, conversation_ids, progress)
    step(progress)
    text = json.dumps(document, ensure_ascii=False, indent=1)
    write_bytes_atomic(dest, text.encode("utf-8"))
