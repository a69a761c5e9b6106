"""Folders for conversations and named parameter presets: `store.folders`, `store.presets`."""

from __future__ import annotations

import builtins
import json
import sqlite3
import time
from typing import Any

from desktop.core.store.changes import ConversationField, StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.models import Folder, Preset
from desktop.core.store.params import scrub_params
from desktop.core.store.writer import StoreWriter

_FOLDERS_CHANGED = StoreChanges(folders=True)
_PRESETS_CHANGED = StoreChanges(presets=True)


def _preset_from_row(row: sqlite3.Row) -> Preset:
    return Preset(
        id=row["id"], name=row["name"], model=row["model"], params=json.loads(row["params"]),
        system_prompt=row["system_prompt"], created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


class FolderTable:
    """Folders (nested by parent); shares the Store's connection, lock and subscribers."""

    def __init__(self, writer: StoreWriter) -> None:
        self._writer = writer
        self._conn = writer.conn
        self._lock = writer.lock

    def create(self, name: str, *, parent_id: int | None = None) -> Folder:
        with self._writer.transaction() as tx:
            cur = self._conn.execute(
                "INSERT INTO folders (name, parent_id, position, created_at) VALUES (?, ?, "
                "(SELECT coalesce(max(position), -1) + 1 FROM folders WHERE parent_id IS ?), ?)",
                (name, parent_id, parent_id, time.time()),
            )
            folder_id = int(cur.lastrowid or 0)
            tx.report(_FOLDERS_CHANGED)
        return self.get(folder_id)

    def get(self, folder_id: int) -> Folder:
        with self._lock:
            row = self._conn.execute(
                "SELECT id, name, parent_id, position, created_at FROM folders WHERE id = ?",
                (folder_id,),
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no folder {folder_id}")
        return Folder(*tuple(row))

    def rename(self, folder_id: int, name: str) -> Folder:
        with self._writer.transaction() as tx:
            cur = self._conn.execute(
                "UPDATE folders SET name = ? WHERE id = ?", (name, folder_id))
            if cur.rowcount == 0:
                raise NotFoundError(f"no folder {folder_id}")
            tx.report(_FOLDERS_CHANGED)
        return self.get(folder_id)

    def delete(self, folder_id: int) -> None:
        """Delete a folder (and its subfolders); its conversations move to the top level."""
        with self._writer.transaction() as tx:
            moved = frozenset(r[0] for r in self._conn.execute(
                "WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT f.id FROM folders f "
                "JOIN tree ON f.parent_id = tree.id) "
                "SELECT id FROM conversations WHERE folder_id IN (SELECT id FROM tree)",
                (folder_id,),
            ))
            cur = self._conn.execute("DELETE FROM folders WHERE id = ?", (folder_id,))
            if cur.rowcount == 0:
                raise NotFoundError(f"no folder {folder_id}")
            tx.report(StoreChanges(
                folders=True, conversations_updated=moved,
                conversation_fields=frozenset({ConversationField.FOLDER}) if moved else frozenset(),
            ))

    def list(self) -> builtins.list[Folder]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT id, name, parent_id, position, created_at FROM folders "
                "ORDER BY parent_id IS NOT NULL, parent_id, position, id"
            ).fetchall()
        return [Folder(*tuple(r)) for r in rows]


class PresetTable:
    """Named request parameters; shares the Store's connection, lock and subscribers."""

    def __init__(self, writer: StoreWriter) -> None:
        self._writer = writer
        self._conn = writer.conn
        self._lock = writer.lock

    def save(
        self,
        name: str,
        *,
        params: dict[str, Any] | None = None,
        model: str | None = None,
        system_prompt: str = "",
    ) -> Preset:
        """Create or replace the preset called `name` (params are scrubbed of secrets)."""
        now = time.time()
        with self._writer.transaction() as tx:
            tx.report(_PRESETS_CHANGED)
            self._conn.execute(
                "INSERT INTO presets (name, model, params, system_prompt, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET model = excluded.model, "
                "params = excluded.params, system_prompt = excluded.system_prompt, "
                "updated_at = excluded.updated_at",
                (name, model, json.dumps(scrub_params(params or {}), ensure_ascii=False),
                 system_prompt, now, now),
            )
        return self.get(name)

    def get(self, name: str) -> Preset:
        with self._lock:
            row = self._conn.execute("SELECT * FROM presets WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"no preset {name!r}")
        return _preset_from_row(row)

    def list(self) -> builtins.list[Preset]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM presets ORDER BY name").fetchall()
        return [_preset_from_row(r) for r in rows]

    def delete(self, name: str) -> None:
        with self._writer.transaction() as tx:
            cur = self._conn.execute("DELETE FROM presets WHERE name = ?", (name,))
            if cur.rowcount == 0:
                raise NotFoundError(f"no preset {name!r}")
            tx.report(_PRESETS_CHANGED)
