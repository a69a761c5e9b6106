"""The store's part for knowledge bases: which a conversation searches, and the sources a
reply was sent with (migration _V9_KNOWLEDGE)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from desktop.core.passages import Passage, decode_passages, encode_passages
from desktop.core.store.changes import ConversationField, MessageRef, StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.store_base import StoreBase

MAX_ATTACHED_BASES = 20
MAX_BASE_NAME = 200


def _names_from_json(raw: str | None) -> tuple[str, ...]:
    try:
        names = json.loads(raw or "[]")
    except ValueError:
        return ()
    if not isinstance(names, list):
        return ()
    return tuple(n for n in names if isinstance(n, str) and n)[:MAX_ATTACHED_BASES]


class KnowledgeOps(StoreBase):
    """Knowledge bases attached to conversations, and each reply's sources."""

    def conversation_knowledge_bases(self, conversation_id: int) -> tuple[str, ...]:
        """The names of the knowledge bases the conversation searches (none for a new one)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT knowledge_bases FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no conversation {conversation_id}")
        return _names_from_json(row[0])

    def set_conversation_knowledge_bases(self, conversation_id: int,
                                         names: Iterable[str]) -> None:
        """Attach these knowledge bases (by name, order kept, duplicates dropped); reported as
        ConversationField.KNOWLEDGE."""
        unique = tuple(dict.fromkeys(n[:MAX_BASE_NAME] for n in names if n))
        with self._write() as tx:
            cur = self._conn.execute(
                "UPDATE conversations SET knowledge_bases = ? WHERE id = ?",
                (json.dumps(list(unique[:MAX_ATTACHED_BASES]), ensure_ascii=False),
                 conversation_id))
            if cur.rowcount == 0:
                raise NotFoundError(f"no conversation {conversation_id}")
            tx.report(StoreChanges.updated(conversation_id, ConversationField.KNOWLEDGE))

    def set_message_sources(self, message_id: int, passages: Sequence[Passage]) -> None:
        """Keep the passages a reply was sent with (numbered by position; [] clears)."""
        with self._write() as tx:
            row = self._conn.execute(
                "SELECT conversation_id FROM messages WHERE id = ?", (message_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no message {message_id}")
            self._conn.execute(
                "UPDATE messages SET knowledge_sources = ? WHERE id = ?",
                (encode_passages(passages) if passages else None, message_id))
            tx.report(StoreChanges(messages_updated=frozenset((MessageRef(row[0], message_id),))))

    def message_sources(self, message_id: int) -> tuple[Passage, ...]:
        """The sources stored with a reply (empty when it had none)."""
        return self.sources_of_messages((message_id,)).get(message_id, ())

    def sources_of_messages(self, message_ids: Iterable[int]) -> dict[int, tuple[Passage, ...]]:
        """Sources of several messages at once (a conversation being shown); only messages
        that have some are in the result."""
        ids = list(dict.fromkeys(message_ids))
        found: dict[int, tuple[Passage, ...]] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                marks = ",".join("?" * len(part))
                rows = self._conn.execute(
                    f"SELECT id, knowledge_sources FROM messages WHERE id IN ({marks}) "
                    "AND knowledge_sources IS NOT NULL", part).fetchall()
                for message_id, raw in rows:
                    passages = decode_passages(raw)
                    if passages:
                        found[message_id] = passages
        return found
