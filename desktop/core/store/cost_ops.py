"""The store's part for message costs: writing a reply's cost and reading usage sums."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.core.pricing.cost import MessageCost
from desktop.core.store.changes import MessageRef, StoreChanges
from desktop.core.store.store_base import StoreBase
from desktop.core.store.usage_queries import (
    ConversationCost,
    UsageCell,
    UsageGrouping,
    UsageRow,
    top_conversations,
    usage_by,
    usage_cells,
)


class CostOps(StoreBase):
    """Costs kept with each reply (migration _V7_MESSAGE_COST) and the usage sums over them."""

    def set_message_costs(self, costs: Mapping[int, MessageCost | None]) -> None:
        """Store (or clear, with None) the cost of each message id; unknown ids are skipped."""
        if not costs:
            return
        with self._write() as tx:
            refs = []
            for message_id, cost in costs.items():
                row = self._conn.execute(
                    "SELECT conversation_id FROM messages WHERE id = ?", (message_id,)
                ).fetchone()
                if row is None:
                    continue
                self._conn.execute(
                    "UPDATE messages SET cost = ?, cost_currency = ?, price_json = ?, "
                    "cost_estimated = ? WHERE id = ?",
                    (None, None, None, None, message_id) if cost is None else
                    (cost.amount, cost.currency, cost.price_json, int(cost.estimated),
                     message_id),
                )
                refs.append(MessageRef(row[0], message_id))
            tx.report(StoreChanges(messages_updated=frozenset(refs)))

    def usage_by(self, grouping: UsageGrouping | str, *, since: float | None = None,
                 until: float | None = None, offset: int | None = None) -> list[UsageRow]:
        """Cost and tokens of replies per day/week/month/provider/model (see usage_queries)."""
        with self._lock:
            return usage_by(self._conn, UsageGrouping(grouping), since=since, until=until,
                            offset=offset)

    def usage_cells(self, period: UsageGrouping | str, series: UsageGrouping | str, *,
                    since: float | None = None, until: float | None = None,
                    offset: int | None = None) -> list[UsageCell]:
        """Cost and tokens per day/week/month and provider/model (the usage view's bars)."""
        with self._lock:
            return usage_cells(self._conn, UsageGrouping(period), UsageGrouping(series),
                               since=since, until=until, offset=offset)

    def top_conversations_by_cost(self, *, since: float | None = None,
                                  until: float | None = None,
                                  limit: int = 10) -> list[ConversationCost]:
        with self._lock:
            return top_conversations(self._conn, since=since, until=until, limit=limit)

    def reply_ids(self, *, conversation_id: int | None = None,
                  since: float | None = None) -> list[int]:
        """Assistant message ids, of one conversation or all, for recalculating costs."""
        sql = "SELECT id FROM messages WHERE role = 'assistant' AND created_at >= ?"
        args: tuple[float | int, ...] = (-1e18 if since is None else since,)
        if conversation_id is not None:
            sql += " AND conversation_id = ?"
            args += (conversation_id,)
        with self._lock:
            return [row[0] for row in self._conn.execute(sql + " ORDER BY id", args)]
