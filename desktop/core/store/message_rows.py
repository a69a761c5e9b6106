"""Conversion between `messages` rows and `Message` objects, shared by Store and checkpointer."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Sequence
from typing import Any

from desktop.core.citations import decode_citations, encode_citations
from desktop.core.pricing.cost import MessageCost
from desktop.core.redaction import redact_known
from desktop.core.reply_parts import Citation, ToolCall, Usage
from desktop.core.store.attachments import is_valid_hash
from desktop.core.store.errors import NotFoundError
from desktop.core.store.models import (
    ContentPart,
    FilePart,
    ImagePart,
    Message,
    MessageStatus,
    Role,
    TextPart,
    ToolRun,
    ToolStatus,
)

MESSAGE_COLUMNS = (
    "id, conversation_id, parent_id, role, text, parts, reasoning, tool_calls, tool_call_id, "
    "model, provider, prompt_tokens, completion_tokens, reasoning_tokens, cached_tokens, "
    "finish_reason, status, error, created_at, ttft_ms, tokens_per_second, "
    "tool_name, tool_server, tool_status, tool_duration_ms, tool_is_error, "
    "refusal, citations, usage_json"
)
# What a reply cost (migration _V7_MESSAGE_COST); read with every message, after the rest.
COST_COLUMNS = "cost, cost_currency, price_json, cost_estimated"
MESSAGE_COLUMNS += ", " + COST_COLUMNS
_COST_COUNT = 4

MAX_REFUSAL_CHARS = 20_000


def encode_parts(parts: Sequence[ContentPart]) -> tuple[str, str | None]:
    """Return (plain text, parts JSON or None when the message is a single text part).

    Plain text lives in its own column (search indexes it); the JSON copy is kept only for
    messages with images or several parts, so a million text messages are not stored twice.
    """
    texts = [part.text for part in parts if isinstance(part, TextPart)]
    text = "\n\n".join(texts)
    if all(isinstance(part, TextPart) for part in parts) and len(parts) <= 1:
        return text, None
    encoded: list[dict[str, str | int]] = []
    for part in parts:
        if isinstance(part, TextPart):
            encoded.append({"type": "text", "text": part.text})
        elif isinstance(part, FilePart):
            encoded.append({"type": "file", "hash": part.hash, "mime": part.mime,
                            "name": part.name, "size": part.size, "pages": part.pages})
        else:
            encoded.append(
                {"type": "image", "hash": part.hash, "mime": part.mime, "name": part.name}
            )
    return text, json.dumps(encoded, ensure_ascii=False)


def decode_parts(text: str, parts_json: str | None) -> tuple[ContentPart, ...]:
    if parts_json is None:
        return (TextPart(text),) if text else ()
    parts: list[ContentPart] = []
    for item in json.loads(parts_json):
        if item.get("type") == "image":
            parts.append(ImagePart(item["hash"], item["mime"], item.get("name", "")))
        elif item.get("type") == "file":
            parts.append(FilePart(item["hash"], item["mime"], item.get("name", ""),
                                  int(item.get("size", 0)), int(item.get("pages", 0))))
        else:
            parts.append(TextPart(item.get("text", "")))
    return tuple(parts)


def encode_tool_calls(tool_calls: Sequence[ToolCall]) -> str | None:
    if not tool_calls:
        return None
    return json.dumps(
        [{"id": c.id, "name": c.name, "arguments": c.arguments} for c in tool_calls],
        ensure_ascii=False,
    )


def decode_tool_calls(raw: str | None) -> tuple[ToolCall, ...]:
    if not raw:
        return ()
    return tuple(
        ToolCall(str(c.get("id", "")), str(c.get("name", "")), str(c.get("arguments", "")))
        for c in json.loads(raw)
    )


def usage_columns(usage: Usage | None) -> tuple[int | None, int | None, int | None, int | None]:
    if usage is None:
        return None, None, None, None
    return usage.prompt_tokens, usage.completion_tokens, usage.reasoning_tokens, usage.cached_tokens


def cost_from_columns(
    amount: Any, currency: Any, prices: Any, estimated: Any
) -> MessageCost | None:
    """The stored cost of a reply, or None when it was never priced (or a restored file holds
    something else than a number and a short currency code there)."""
    if not isinstance(amount, int | float) or not isinstance(currency, str) or len(currency) > 8:
        return None
    return MessageCost(float(amount), currency, prices if isinstance(prices, str) else None,
                       bool(estimated))


def message_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Message:
    values = tuple(row)
    cost = cost_from_columns(*values[-_COST_COUNT:])
    (
        id_, conversation_id, parent_id, role, text, parts, reasoning, tool_calls, tool_call_id,
        model, provider, prompt, completion, reasoning_tokens, cached, finish_reason, status,
        error, created_at, ttft_ms, tokens_per_second,
        tool_name, tool_server, tool_status, tool_duration_ms, tool_is_error,
        refusal, citations, usage_json,
    ) = values[:-_COST_COUNT]
    usage = None
    if any(v is not None for v in (prompt, completion, reasoning_tokens, cached)):
        total = prompt + completion if prompt is not None and completion is not None else None
        usage = Usage(prompt, completion, total, reasoning_tokens, cached, usage_json)
    return Message(
        id=id_,
        conversation_id=conversation_id,
        parent_id=parent_id,
        role=Role(role),
        parts=decode_parts(text, parts),
        created_at=created_at,
        status=MessageStatus(status),
        reasoning=reasoning,
        tool_calls=decode_tool_calls(tool_calls),
        tool_call_id=tool_call_id,
        model=model,
        provider=provider,
        usage=usage,
        ttft_ms=ttft_ms,
        tokens_per_second=tokens_per_second,
        finish_reason=finish_reason,
        error=error,
        tool=tool_run_from(tool_name, tool_server, tool_status, tool_duration_ms, tool_is_error),
        refusal=refusal,
        citations=decode_citations(citations) if citations else (),
        cost=cost,
    )


def tool_run_from(name: str | None, server: str | None, status: str | None,
                  duration_ms: float | None, is_error: int | None) -> ToolRun | None:
    """The tool columns of a row as a ToolRun (None for messages that are not tool runs)."""
    if name is None:
        return None
    try:
        tool_status = ToolStatus(status or ToolStatus.DONE)
    except ValueError:  # a status a newer version wrote: show it as ended
        tool_status = ToolStatus.FAILED if is_error else ToolStatus.DONE
    return ToolRun(name, server or "", tool_status, duration_ms, bool(is_error))


def tool_columns(tool: ToolRun | None) -> tuple[str | None, str | None, str | None,
                                                float | None, int | None]:
    if tool is None:
        return None, None, None, None, None
    return tool.name, tool.server, str(tool.status), tool.duration_ms, int(tool.is_error)


def reply_field_values(
    refusal: str | None, citations: Sequence[Citation] | None, usage: Usage | None
) -> tuple[str | None, str | None, str | None]:
    """The refusal, citations and usage_json columns of a reply (None leaves them as they are)."""
    if refusal is not None:
        refusal = redact_known(refusal[:MAX_REFUSAL_CHARS]) if refusal else ""
    return (refusal, encode_citations(citations) if citations else None,
            usage.raw if usage is not None else None)


def finish_message(
    conn: sqlite3.Connection,
    message_id: int,
    *,
    status: MessageStatus,
    text: str | None = None,
    reasoning: str | None = None,
    tool_calls: Sequence[ToolCall] | None = None,
    model: str | None = None,
    usage: Usage | None = None,
    ttft_ms: float | None = None,
    tokens_per_second: float | None = None,
    finish_reason: str | None = None,
    error: str | None = None,
    refusal: str | None = None,
    citations: Sequence[Citation] | None = None,
) -> None:
    """Write a reply's final state and add its tokens to the conversation (caller's transaction).

    Only text messages are finished this way (streamed replies have no images); None leaves a
    field as it is.
    """
    prompt, completion, reasoning_tokens, cached = usage_columns(usage)
    # A provider may echo the key it was sent: never keep it in the history.
    text = redact_known(text) if text else text
    reasoning = redact_known(reasoning) if reasoning else reasoning
    conn.execute(
        "UPDATE messages SET status = ?, text = coalesce(?, text), "
        "reasoning = coalesce(?, reasoning), tool_calls = coalesce(?, tool_calls), "
        "model = coalesce(?, model), prompt_tokens = coalesce(?, prompt_tokens), "
        "completion_tokens = coalesce(?, completion_tokens), "
        "reasoning_tokens = coalesce(?, reasoning_tokens), "
        "cached_tokens = coalesce(?, cached_tokens), ttft_ms = coalesce(?, ttft_ms), "
        "tokens_per_second = coalesce(?, tokens_per_second), "
        "finish_reason = coalesce(?, finish_reason), error = ? WHERE id = ?",
        (
            str(status), text, reasoning,
            encode_tool_calls(tool_calls) if tool_calls is not None else None, model,
            prompt, completion, reasoning_tokens, cached, ttft_ms, tokens_per_second,
            finish_reason, error, message_id,
        ),
    )
    refusal_text, citations_json, usage_json = reply_field_values(refusal, citations, usage)
    if refusal_text is not None or citations_json is not None or usage_json is not None:
        conn.execute(
            "UPDATE messages SET refusal = coalesce(?, refusal), "
            "citations = coalesce(?, citations), usage_json = coalesce(?, usage_json) "
            "WHERE id = ?",
            (refusal_text, citations_json, usage_json, message_id),
        )
    conn.execute(
        "UPDATE conversations SET prompt_tokens = prompt_tokens + ?, "
        "completion_tokens = completion_tokens + ?, updated_at = max(updated_at, ?) "
        "WHERE id = (SELECT conversation_id FROM messages WHERE id = ?)",
        (prompt or 0, completion or 0, time.time(), message_id),
    )



def link_attachment(conn: sqlite3.Connection, message_id: int, digest: str) -> None:
    """Record that a message uses an attachment (which must already be stored)."""
    if not is_valid_hash(digest) or conn.execute(
        "SELECT 1 FROM attachments WHERE hash = ?", (digest,)
    ).fetchone() is None:
        raise NotFoundError(f"attachment {digest} was not added with add_attachment()")
    conn.execute(
        "INSERT OR IGNORE INTO message_attachments (message_id, hash) VALUES (?, ?)",
        (message_id, digest),
    )
