"""Schema versions: each earlier version, filled with data, upgrades; newer files are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.store import MessageStatus, Role, Store, StoreVersionError
from desktop.core.store.backup import list_backups
from desktop.core.store.database import connect
from desktop.core.store.migrations import SCHEMA_VERSION, migrate, schema_version


def _fill(path: Path, version: int) -> None:
    """A database at `version` with a small tree, written with version-1 SQL (plus v2 bits)."""
    conn = connect(path)
    assert migrate(conn, target=version) == version
    conn.execute(
        "INSERT INTO conversations (id, title, created_at, updated_at, params) "
        "VALUES (1, 'old chat about pelicans', 1, 2, '{\"temperature\": 0.5}')"
    )
    conn.execute(
        "INSERT INTO messages (id, conversation_id, parent_id, role, text, created_at) "
        "VALUES (1, 1, NULL, 'user', 'what do pelicans eat', 1)"
    )
    conn.execute(
        "INSERT INTO messages (id, conversation_id, parent_id, role, text, model, "
        "prompt_tokens, completion_tokens, status, created_at) "
        "VALUES (2, 1, 1, 'assistant', 'mostly fish', 'old-model', 7, 3, 'streaming', 2)"
    )
    conn.execute("UPDATE conversations SET active_leaf_id = 2 WHERE id = 1")
    if version >= 2:
        conn.execute("UPDATE messages SET ttft_ms = 250 WHERE id = 2")
        conn.execute(
            "INSERT INTO presets (name, params, created_at, updated_at) "
            "VALUES ('old preset', '{\"top_p\": 0.9}', 1, 1)"
        )
    conn.close()


def test_every_step_is_numbered() -> None:
    conn = sqlite3.connect(":memory:")
    for version in range(SCHEMA_VERSION + 1):
        assert migrate(conn, target=version) == version
        assert schema_version(conn) == version


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_earlier_database_with_data_upgrades(tmp_path: Path, version: int) -> None:
    data = DataDir(tmp_path).ensure()
    _fill(data.database, version)
    with Store.open(data) as store:
        assert schema_version(store._conn) == SCHEMA_VERSION
        path = store.active_path(1)
        assert [m.text for m in path] == ["what do pelicans eat", "mostly fish"]
        reply = path[1]
        assert reply.role is Role.ASSISTANT
        assert reply.status is MessageStatus.INTERRUPTED  # was left streaming
        assert reply.ttft_ms == (250 if version >= 2 else None)
        assert reply.usage is not None and reply.usage.prompt_tokens == 7
        if version >= 2:
            assert store.presets.get("old preset").params == {"top_p": 0.9}
        assert store.get_conversation(1).params == {"temperature": 0.5}
        # version-2 features work on the upgraded file
        store.append_message(1, Role.USER, "and pelicans drink?", ttft_ms=5.0)
        store.presets.save("p", params={"top_p": 1})
        assert store.search("pelicans").hits[0].conversation_id == 1
        # version 3: the sidebar is answered from a covering index
        plan = store._conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, title, updated_at, pinned, archived, folder_id, model "
            "FROM conversations WHERE archived = 0 ORDER BY archived, pinned DESC, updated_at DESC"
        ).fetchall()
        assert "COVERING INDEX conversations_sidebar" in plan[0][3]
        assert [c.id for c in store.list_conversations()] == [1]
    assert any(f"before-v{SCHEMA_VERSION}" in p.name for p in list_backups(data.backups))


def test_newer_database_is_refused_and_untouched(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    conn = sqlite3.connect(data.database)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = data.database.read_bytes()
    with pytest.raises(StoreVersionError, match="newer version") as info:
        Store.open(data)
    assert info.value.found == SCHEMA_VERSION + 1
    assert data.database.read_bytes() == before
    assert not data.database.with_name(data.database.name + "-wal").exists()
    assert list_backups(data.backups) == []
