"""The store's part: attached knowledge bases per conversation and sources per reply
(migration 9), from a database of the previous version, and hostile stored JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.passages import MAX_STORED_PASSAGES, Passage, decode_passages
from desktop.core.paths import DataDir
from desktop.core.store import Role, Store
from desktop.core.store.database import connect
from desktop.core.store.errors import NotFoundError
from desktop.core.store.migrations import SCHEMA_VERSION, migrate
from desktop.core.store.schema_check import schema_problems


def _passage(n: int, page: int | None = None) -> Passage:
    return Passage(f"text {n}", 0.5 + n / 100, "kb", f"/docs/file{n}.pdf", page, n)


def test_an_older_database_gains_the_columns_and_keeps_its_data(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    conn = connect(data.database)
    migrate(conn, target=SCHEMA_VERSION - 1)
    conn.execute("INSERT INTO conversations (id, title, created_at, updated_at) "
                 "VALUES (1, 'old', 1, 2)")
    conn.execute("INSERT INTO messages (id, conversation_id, role, text, created_at, status) "
                 "VALUES (1, 1, 'assistant', 'reply', 1, 'complete')")
    conn.close()
    with Store.open(data, backup_interval=None) as store:
        assert schema_problems(store._conn, SCHEMA_VERSION) == []
        assert store.conversation_knowledge_bases(1) == ()
        assert store.message_sources(1) == ()
        store.set_message_sources(1, [_passage(1, page=3), _passage(2)])
        assert store.message_sources(1) == (_passage(1, page=3), _passage(2))
        store.set_message_sources(1, [])
        assert store.sources_of_messages([1]) == {}


def test_bases_and_sources_are_kept_and_checked(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        conversation = store.create_conversation()
        reply = store.append_message(conversation.id, Role.ASSISTANT, "answer")
        store.set_conversation_knowledge_bases(conversation.id, ["b", "a", "b", ""])
        assert store.conversation_knowledge_bases(conversation.id) == ("b", "a")
        with pytest.raises(NotFoundError):
            store.set_conversation_knowledge_bases(999, ["a"])
        with pytest.raises(NotFoundError):
            store.set_message_sources(999, [_passage(1)])
        many = [_passage(n) for n in range(MAX_STORED_PASSAGES + 5)]
        store.set_message_sources(reply.id, many)
        assert len(store.message_sources(reply.id)) == MAX_STORED_PASSAGES
        hostile = json.dumps([
            {"text": "ok", "score": 0.4, "kb": "k", "path": "/p", "page": 2, "chunk": 1},
            {"text": 5, "score": 0.4, "kb": "k", "path": "/p"},
            {"text": "nan", "score": float("nan"), "kb": "k", "path": "/p"},
            {"text": "page", "score": 0.1, "kb": "k", "path": "/p", "page": -1},
            "not an object"])
        store._conn.execute("UPDATE messages SET knowledge_sources = ? WHERE id = ?",
                            (hostile, reply.id))
        store._conn.execute("UPDATE conversations SET knowledge_bases = '{\"x\": 1}' WHERE id = ?",
                            (conversation.id,))
        assert store.message_sources(reply.id) == (Passage("ok", 0.4, "k", "/p", 2, 1),)
        assert store.conversation_knowledge_bases(conversation.id) == ()
        store.delete_conversation(conversation.id)
        assert store.sources_of_messages([reply.id]) == {}


def test_decoding_never_raises() -> None:
    for raw in (None, "", "[", "{}", "[1, 2]", json.dumps([{"score": True}])):
        assert decode_passages(raw) == ()
    long = Passage("x" * 50_000, 1.0, "k", "/p")
    assert len(decode_passages(json.dumps([long.to_json()]))[0].text) == 8000
