"""The conversation part of `Store`: create, read, change, list and delete conversations."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.core.store.attachment_ops import AttachmentOps
from desktop.core.store.changes import ConversationField, MessageRef, StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.models import Conversation, ConversationSummary
from desktop.core.store.params import scrub_params
from desktop.core.store.store_base import UNSET, _Unset

CONVERSATION_COLUMNS = (
    "id, title, created_at, updated_at, pinned, archived, folder_id, provider, model, params, "
    "system_prompt, active_leaf_id, prompt_tokens, completion_tokens"
)

_FIELD_OF_COLUMN = {
    "title": ConversationField.TITLE,
    "pinned": ConversationField.PINNED,
    "archived": ConversationField.ARCHIVED,
    "folder_id": ConversationField.FOLDER,
    "provider": ConversationField.TARGET,
    "model": ConversationField.TARGET,
    "params": ConversationField.PARAMS,
    "system_prompt": ConversationField.SYSTEM_PROMPT,
}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def conversation_from_row(row: sqlite3.Row) -> Conversation:
    return Conversation(
        id=row["id"],
        title=row["title"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        pinned=bool(row["pinned"]),
        archived=bool(row["archived"]),
        folder_id=row["folder_id"],
        provider=row["provider"],
        model=row["model"],
        params=json.loads(row["params"]),
        system_prompt=row["system_prompt"],
        active_leaf_id=row["active_leaf_id"],
        prompt_tokens=row["prompt_tokens"],
        completion_tokens=row["completion_tokens"],
    )


@contextmanager
def folder_must_exist(folder_id: object) -> Iterator[None]:
    """Turn the foreign-key failure of an unknown folder id into NotFoundError."""
    try:
        yield
    except sqlite3.IntegrityError as exc:
        if "FOREIGN KEY" not in str(exc):
            raise
        raise NotFoundError(f"no folder {folder_id}") from exc


class ConversationOps(AttachmentOps):
    """Conversations: the rows the sidebar lists."""

    def create_conversation(
        self,
        title: str = "",
        *,
        provider: str | None = None,
        model: str | None = None,
        params: dict[str, Any] | None = None,
        system_prompt: str = "",
        folder_id: int | None = None,
        created_at: float | None = None,
    ) -> Conversation:
        now = time.time() if created_at is None else created_at
        with folder_must_exist(folder_id), self._write() as tx:
            cur = self._conn.execute(
                "INSERT INTO conversations (title, created_at, updated_at, folder_id, provider, "
                "model, params, system_prompt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (title, now, now, folder_id, provider, model, dumps(scrub_params(params or {})),
                 system_prompt),
            )
            conversation_id = int(cur.lastrowid or 0)
            tx.report(StoreChanges(conversations_created=frozenset((conversation_id,))))
        return self.get_conversation(conversation_id)

    def get_conversation(self, conversation_id: int) -> Conversation:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = ?",
                (conversation_id,),
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no conversation {conversation_id}")
        return conversation_from_row(row)

    def update_conversation(
        self,
        conversation_id: int,
        *,
        title: str | _Unset = UNSET,
        pinned: bool | _Unset = UNSET,
        archived: bool | _Unset = UNSET,
        folder_id: int | _Unset | None = UNSET,
        provider: str | _Unset | None = UNSET,
        model: str | _Unset | None = UNSET,
        params: dict[str, Any] | _Unset = UNSET,
        system_prompt: str | _Unset = UNSET,
    ) -> Conversation:
        """Change the given fields (params are scrubbed of secrets); others stay as they are."""
        changes: dict[str, Any] = {
            "title": title, "pinned": pinned, "archived": archived, "folder_id": folder_id,
            "provider": provider, "model": model, "system_prompt": system_prompt,
        }
        if not isinstance(params, _Unset):
            changes["params"] = dumps(scrub_params(params))
        changes = {k: v for k, v in changes.items() if not isinstance(v, _Unset)}
        if changes:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            with folder_must_exist(folder_id), self._write() as tx:
                cur = self._conn.execute(
                    f"UPDATE conversations SET {assignments} WHERE id = ?",
                    (*changes.values(), conversation_id),
                )
                if cur.rowcount == 0:
                    raise NotFoundError(f"no conversation {conversation_id}")
                tx.report(StoreChanges.updated(
                    conversation_id, *{_FIELD_OF_COLUMN[name] for name in changes}))
        return self.get_conversation(conversation_id)

    def list_conversations(
        self,
        *,
        archived: bool | None = False,
        folder_id: int | _Unset | None = UNSET,
        limit: int = -1,
        offset: int = 0,
    ) -> list[ConversationSummary]:
        """Sidebar rows: pinned first, then most recently active (archived: None = both)."""
        where: list[str] = []
        args: list[int | None] = []
        if archived is not None:
            where.append("archived = ?")
            args.append(int(archived))
        if not isinstance(folder_id, _Unset):
            where.append("folder_id IS ?")
            args.append(folder_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        sql = (
            "SELECT id, title, updated_at, pinned, archived, folder_id, model FROM conversations "
            f"{clause} ORDER BY archived, pinned DESC, updated_at DESC LIMIT ? OFFSET ?"
        )
        with self._lock:
            cursor = self._conn.cursor()
            cursor.row_factory = None  # plain tuples: ~2x faster for ten thousand rows
            rows = cursor.execute(sql, (*args, limit, offset)).fetchall()
        return [
            ConversationSummary(r[0], r[1], r[2], bool(r[3]), bool(r[4]), r[5], r[6])
            for r in rows
        ]

    def count_conversations(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM conversations").fetchone()[0])

    def delete_conversation(self, conversation_id: int) -> None:
        """Delete a conversation with all its messages; attachments only it used go too."""
        with self._write() as tx:
            hashes = self._hashes_of(
                "SELECT DISTINCT a.hash FROM message_attachments a JOIN messages m "
                "ON m.id = a.message_id WHERE m.conversation_id = ?", (conversation_id,)
            )
            messages = frozenset(MessageRef(conversation_id, r[0]) for r in self._conn.execute(
                "SELECT id FROM messages WHERE conversation_id = ?", (conversation_id,)))
            self._conn.execute(
                "UPDATE conversations SET active_leaf_id = NULL WHERE id = ?",
                (conversation_id,),
            )
            self._conn.execute(
                "DELETE FROM messages WHERE conversation_id = ?", (conversation_id,)
            )
            cur = self._conn.execute(
                "DELETE FROM conversations WHERE id = ?", (conversation_id,)
            )
            if cur.rowcount == 0:
                raise NotFoundError(f"no conversation {conversation_id}")
            gone = self._drop_unreferenced(tx, hashes)
            tx.report(StoreChanges(
                conversations_deleted=frozenset((conversation_id,)), messages_deleted=messages,
                attachments_removed=gone,
            ))
