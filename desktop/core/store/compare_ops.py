"""The store's part for compared exchanges: targets, columns and which compare is open.

A compare is one user message (the *fork*) answered by 2-4 targets at once; each reply is
a sibling under the fork and heads a *column*. While a compare is open, each column may
continue its own branch below its reply; "Continue with this one" closes it (migration
_V9_COMPARE holds the tables).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.store.changes import ConversationField, StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.message_ops import MessageOps
from desktop.core.store.models import Message
from desktop.core.store.tree_queries import NEWEST_LEAF_SQL

MIN_TARGETS = 2
MAX_TARGETS = 4
_MAX_NAME = 200  # provider and model names from a file or the user: capped
_MAX_PARAMS_JSON = 8_000


@dataclass(frozen=True)
class CompareTarget:
    """One side of a compare: provider profile name, model, and its own parameters."""

    provider: str
    model: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.provider}:{self.model}"

    def to_json(self) -> dict[str, Any]:
        return {"provider": self.provider, "model": self.model, "params": dict(self.params)}

    @classmethod
    def from_json(cls, data: object) -> CompareTarget | None:
        """A target read back (from the history or an import), or None when malformed."""
        if not isinstance(data, dict):
            return None
        provider, model, params = data.get("provider"), data.get("model"), data.get("params")
        if not (isinstance(provider, str) and isinstance(model, str) and provider and model):
            return None
        if not isinstance(params, dict):
            params = {}
        return cls(provider[:_MAX_NAME], model[:_MAX_NAME], _clean_params(params))


def _clean_params(params: dict[Any, Any]) -> dict[str, Any]:
    """Only JSON-able string-keyed parameters of a sane size (stored text may be hostile)."""
    cleaned = {str(k)[:_MAX_NAME]: v for k, v in params.items()
               if not (isinstance(v, float) and not math.isfinite(v))}
    try:
        if len(json.dumps(cleaned)) > _MAX_PARAMS_JSON:
            return {}
    except (TypeError, ValueError):
        return {}
    return cleaned


def targets_json(targets: Sequence[CompareTarget]) -> str:
    return json.dumps([t.to_json() for t in targets], ensure_ascii=False,
                      separators=(",", ":"))


def targets_from_json(text: str | None) -> list[CompareTarget] | None:
    """Stored targets (None: none, or not a valid list of 2-4)."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, list):
        return None
    targets = [t for t in (CompareTarget.from_json(d) for d in data[:MAX_TARGETS]) if t]
    return targets if len(targets) >= MIN_TARGETS else None


def check_targets(targets: Sequence[CompareTarget]) -> None:
    if not MIN_TARGETS <= len(targets) <= MAX_TARGETS:
        raise ValueError(f"A compare has {MIN_TARGETS} to {MAX_TARGETS} targets, "
                         f"not {len(targets)}.")


@dataclass(frozen=True)
class CompareColumn:
    """A column of a compare: its position, target and the reply that heads it."""

    fork_id: int
    position: int
    reply_id: int
    target: CompareTarget


@dataclass
class ColumnBranch:
    """A column with what it shows: its reply and what followed in its branch, in order."""

    column: CompareColumn
    messages: list[Message]

    @property
    def leaf_id(self) -> int:
        return self.messages[-1].id if self.messages else self.column.reply_id


class CompareOps(MessageOps):
    """Compare targets of a conversation, the columns of each fork, the open compare."""

    def compare_targets(self, conversation_id: int) -> list[CompareTarget] | None:
        """The conversation's compare targets (compare mode), or None in single mode."""
        with self._lock:
            row = self._conn.execute(
                "SELECT compare_targets FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no conversation {conversation_id}")
        return targets_from_json(row[0])

    def set_compare_targets(self, conversation_id: int,
                            targets: Sequence[CompareTarget] | None) -> None:
        """Turn compare mode on with these 2-4 targets, or off with None."""
        if targets is not None:
            check_targets(targets)
        value = None if targets is None else targets_json(targets)
        with self._write() as tx:
            cur = self._conn.execute(
                "UPDATE conversations SET compare_targets = ? WHERE id = ? "
                "AND compare_targets IS NOT ?", (value, conversation_id, value))
            if cur.rowcount:
                tx.report(StoreChanges.updated(conversation_id, ConversationField.PARAMS))

    def add_compare_column(self, fork_id: int, position: int, reply_id: int,
                           target: CompareTarget) -> CompareColumn:
        """Record that `reply_id` (a reply to `fork_id`) heads column `position`."""
        with self._write():
            self._conn.execute(
                "INSERT INTO compare_columns (reply_id, fork_id, position, target) "
                "VALUES (?, ?, ?, ?)",
                (reply_id, fork_id, position, json.dumps(target.to_json(), ensure_ascii=False)))
        return CompareColumn(fork_id, position, reply_id, target)

    def set_compare_column(self, fork_id: int, position: int, reply_id: int,
                           target: CompareTarget) -> None:
        """Column `position` of the fork is now headed by `reply_id` (a regenerated reply)."""
        with self._write():
            self._conn.execute("DELETE FROM compare_columns WHERE fork_id = ? AND position = ?",
                               (fork_id, position))
            self._conn.execute(
                "INSERT OR REPLACE INTO compare_columns (reply_id, fork_id, position, target) "
                "VALUES (?, ?, ?, ?)",
                (reply_id, fork_id, position, json.dumps(target.to_json(), ensure_ascii=False)))

    def column_holding(self, message_id: int) -> CompareColumn | None:
        """The column of the open compare whose branch holds `message_id`, or None."""
        message = self.get_message(message_id)
        fork = self.open_compare(message.conversation_id)
        if fork is None:
            return None
        heads = {c.reply_id: c for c in self.compare_columns(fork)}
        return next((heads[m.id] for m in self.path_to(message_id) if m.id in heads), None)

    def compare_columns(self, fork_id: int) -> list[CompareColumn]:
        """The columns of a fork in position order (empty: not a compared message)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT position, reply_id, target FROM compare_columns WHERE fork_id = ? "
                "ORDER BY position, reply_id", (fork_id,)).fetchall()
        return [CompareColumn(fork_id, r[0], r[1], _target(r[2])) for r in rows]

    def compare_forks(self, conversation_id: int) -> dict[int, list[CompareColumn]]:
        """Every compared message of a conversation with its columns (for the exports)."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT c.fork_id, c.position, c.reply_id, c.target FROM compare_columns c "
                "JOIN messages m ON m.id = c.fork_id WHERE m.conversation_id = ? "
                "ORDER BY c.fork_id, c.position, c.reply_id", (conversation_id,)).fetchall()
        forks: dict[int, list[CompareColumn]] = {}
        for fork, position, reply, target in rows:
            forks.setdefault(fork, []).append(CompareColumn(fork, position, reply,
                                                            _target(target)))
        return forks

    def open_compare(self, conversation_id: int) -> int | None:
        """The fork whose columns are open (shown side by side), or None."""
        with self._lock:
            row = self._conn.execute(
                "SELECT compare_fork FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        return None if row is None else row[0]

    def set_open_compare(self, conversation_id: int, fork_id: int | None) -> None:
        with self._write() as tx:
            cur = self._conn.execute(
                "UPDATE conversations SET compare_fork = ? WHERE id = ? "
                "AND compare_fork IS NOT ?", (fork_id, conversation_id, fork_id))
            if cur.rowcount:
                tx.report(StoreChanges.updated(conversation_id, ConversationField.ACTIVE_BRANCH))

    def column_branches(self, fork_id: int) -> list[ColumnBranch]:
        """Each column of a fork with its branch: the reply down to its newest leaf."""
        branches = []
        for column in self.compare_columns(fork_id):
            with self._lock:
                leaf = int(self._conn.execute(NEWEST_LEAF_SQL,
                                              (column.reply_id,)).fetchone()[0])
            path = self.path_to(leaf)
            ids = [m.id for m in path]
            start = ids.index(column.reply_id) if column.reply_id in ids else len(path) - 1
            branches.append(ColumnBranch(column, path[start:]))
        return branches

    def choose_compare_column(self, reply_id: int) -> int:
        """"Continue with this one": the column's branch becomes the active one, the compare
        closes and the conversation returns to single mode. Returns the new active leaf."""
        with self._write() as tx:
            row = self._conn.execute(
                "SELECT m.conversation_id FROM compare_columns c JOIN messages m "
                "ON m.id = c.reply_id WHERE c.reply_id = ?", (reply_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"message {reply_id} heads no compare column")
            conversation_id = row[0]
            leaf = int(self._conn.execute(NEWEST_LEAF_SQL, (reply_id,)).fetchone()[0])
            self._conn.execute(
                "UPDATE conversations SET active_leaf_id = ?, compare_fork = NULL, "
                "compare_targets = NULL WHERE id = ?", (leaf, conversation_id))
            tx.report(StoreChanges.updated(conversation_id, ConversationField.ACTIVE_BRANCH,
                                           ConversationField.PARAMS))
        return leaf


def _target(text: str) -> CompareTarget:
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    return CompareTarget.from_json(data) or CompareTarget("?", "?")
