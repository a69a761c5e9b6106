"""The message part of `Store`: the message tree, replies, branches and paths."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence

from desktop.core.reply_parts import Citation, ToolCall, Usage
from desktop.core.store.changes import ConversationField, MessageRef, StoreChanges
from desktop.core.store.checkpoint import StreamCheckpointer
from desktop.core.store.conversation_ops import ConversationOps
from desktop.core.store.errors import NotFoundError
from desktop.core.store.message_rows import (
    MESSAGE_COLUMNS,
    encode_parts,
    encode_tool_calls,
    finish_message,
    link_attachment,
    message_from_row,
    reply_field_values,
    tool_columns,
    usage_columns,
)
from desktop.core.store.models import (
    ContentPart,
    FilePart,
    ImagePart,
    Message,
    MessageStatus,
    Role,
    TextPart,
    ToolRun,
)
from desktop.core.store.store_base import ACTIVE_LEAF, _Leaf
from desktop.core.store.tree_queries import (
    NEWEST_LEAF_SQL,
    PATH_SQL,
    SUBTREE_CTE,
    newest_leaf,
)


def _as_parts(content: str | Sequence[ContentPart]) -> tuple[ContentPart, ...]:
    if isinstance(content, str):
        return (TextPart(content),) if content else ()
    return tuple(content)


class MessageOps(ConversationOps):
    """Messages: a tree per conversation whose active leaf picks the branch shown."""

    def append_message(
        self,
        conversation_id: int,
        role: Role | str,
        content: str | Sequence[ContentPart] = "",
        *,
        parent_id: int | _Leaf | None = ACTIVE_LEAF,
        reasoning: str = "",
        tool_calls: Sequence[ToolCall] = (),
        tool_call_id: str | None = None,
        model: str | None = None,
        provider: str | None = None,
        usage: Usage | None = None,
        ttft_ms: float | None = None,
        tokens_per_second: float | None = None,
        finish_reason: str | None = None,
        status: MessageStatus = MessageStatus.COMPLETE,
        error: str | None = None,
        created_at: float | None = None,
        make_active: bool = True,
        tool: ToolRun | None = None,
        refusal: str | None = None,
        citations: Sequence[Citation] = (),
    ) -> Message:
        """Add a message under `parent_id` (default: the active leaf) and make it the active leaf.

        Edit-and-resend and regenerate are the same call with the original's parent: the new
        message becomes a sibling. For `n > 1` choices, append each under the same parent and
        pass `make_active=False` for all but the one to show.
        """
        parts = _as_parts(content)
        text, parts_json = encode_parts(parts)
        now = time.time() if created_at is None else created_at
        prompt, completion, reasoning_tokens, cached = usage_columns(usage)
        extras = reply_field_values(refusal, citations, usage)
        with self._write() as tx:
            conv = self._conn.execute(
                "SELECT active_leaf_id FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
            if conv is None:
                raise NotFoundError(f"no conversation {conversation_id}")
            parent = conv[0] if isinstance(parent_id, _Leaf) else parent_id
            if parent is not None:
                owner = self._conn.execute(
                    "SELECT conversation_id FROM messages WHERE id = ?", (parent,)
                ).fetchone()
                if owner is None or owner[0] != conversation_id:
                    raise NotFoundError(f"no message {parent} in conversation {conversation_id}")
            cur = self._conn.execute(
                "INSERT INTO messages (conversation_id, parent_id, role, text, parts, reasoning, "
                "tool_calls, tool_call_id, model, provider, prompt_tokens, completion_tokens, "
                "reasoning_tokens, cached_tokens, ttft_ms, tokens_per_second, finish_reason, "
                "status, error, created_at, tool_name, tool_server, tool_status, "
                "tool_duration_ms, tool_is_error, refusal, citations, usage_json) "
                f"VALUES ({', '.join('?' * 28)})",
                (
                    conversation_id, parent, str(Role(role)), text, parts_json, reasoning,
                    encode_tool_calls(tool_calls), tool_call_id, model, provider, prompt,
                    completion, reasoning_tokens, cached, ttft_ms, tokens_per_second,
                    finish_reason, str(status), error, now, *tool_columns(tool), *extras,
                ),
            )
            message_id = int(cur.lastrowid or 0)
            for part in parts:
                if isinstance(part, ImagePart | FilePart):
                    link_attachment(self._conn, message_id, part.hash)
            self._conn.execute(
                "UPDATE conversations SET updated_at = max(updated_at, ?), "
                "prompt_tokens = prompt_tokens + ?, completion_tokens = completion_tokens + ?, "
                "active_leaf_id = CASE WHEN ? THEN ? ELSE active_leaf_id END WHERE id = ?",
                (now, prompt or 0, completion or 0, make_active, message_id, conversation_id),
            )
            fields = {ConversationField.ACTIVITY}
            if make_active:
                fields.add(ConversationField.ACTIVE_BRANCH)
            tx.report(StoreChanges(
                messages_added=frozenset((MessageRef(conversation_id, message_id),)),
                conversations_updated=frozenset((conversation_id,)),
                conversation_fields=frozenset(fields),
            ))
        return self.get_message(message_id)

    def begin_reply(
        self,
        conversation_id: int,
        *,
        parent_id: int | _Leaf | None = ACTIVE_LEAF,
        model: str | None = None,
        provider: str | None = None,
        make_active: bool = True,
    ) -> Message:
        """An empty assistant message in status `streaming`, to be filled by a checkpointer."""
        return self.append_message(
            conversation_id, Role.ASSISTANT, "", parent_id=parent_id, model=model,
            provider=provider, status=MessageStatus.STREAMING, make_active=make_active,
        )

    def checkpointer(self, message_id: int, *, interval: float = 0.5) -> StreamCheckpointer:
        """A background writer for the streamed reply `message_id` (see StreamCheckpointer).

        Its checkpoints report no changes; its final write reports the finished reply.
        """
        return StreamCheckpointer(self.path, message_id, interval=interval,
                                  on_finished=self._writer.publish)

    def finish_reply(
        self,
        message_id: int,
        status: MessageStatus,
        *,
        text: str | None = None,
        reasoning: str | None = None,
        tool_calls: Sequence[ToolCall] | None = None,
        model: str | None = None,
        usage: Usage | None = None,
        ttft_ms: float | None = None,
        tokens_per_second: float | None = None,
        finish_reason: str | None = None,
        error: str | None = None,
        parts: Sequence[ContentPart] | None = None,
    ) -> Message:
        """Write a reply's final state without a checkpointer (e.g. a non-streamed answer).

        `parts` replaces the content (text and images, e.g. generated images); their
        attachments must have been added with `add_attachment`.
        """
        with self._write() as tx:
            owner = self._conn.execute(
                "SELECT conversation_id FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if owner is None:
                raise NotFoundError(f"no message {message_id}")
            if parts is not None:
                text, parts_json = encode_parts(tuple(parts))
                self._conn.execute(
                    "UPDATE messages SET parts = ? WHERE id = ?", (parts_json, message_id)
                )
                for part in parts:
                    if isinstance(part, ImagePart | FilePart):
                        link_attachment(self._conn, message_id, part.hash)
            finish_message(
                self._conn, message_id, status=status, text=text, reasoning=reasoning,
                tool_calls=tool_calls, model=model, usage=usage, ttft_ms=ttft_ms,
                tokens_per_second=tokens_per_second, finish_reason=finish_reason, error=error,
            )
            tx.report(StoreChanges.reply_finished(owner[0], message_id))
        return self.get_message(message_id)

    def get_message(self, message_id: int) -> Message:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no message {message_id}")
            return self._with_chunks([message_from_row(row)])[0]

    def _chunks_of(self, message_id: int) -> tuple[str, str]:
        """Text and reasoning a stream saved after its first checkpoint (caller holds the lock)."""
        rows = self._conn.execute(
            "SELECT text, reasoning FROM stream_chunks WHERE message_id = ? ORDER BY seq",
            (message_id,),
        ).fetchall()
        return "".join(r[0] for r in rows), "".join(r[1] for r in rows)

    def _with_chunks(self, messages: list[Message]) -> list[Message]:
        """Replies still streaming, with everything saved so far (caller holds the lock)."""
        if not any(m.status is MessageStatus.STREAMING for m in messages):
            return messages
        shown = []
        for message in messages:
            if message.status is MessageStatus.STREAMING:
                text, reasoning = self._chunks_of(message.id)
                if text or reasoning:
                    message = dataclasses.replace(
                        message, parts=(TextPart(message.text + text),),
                        reasoning=message.reasoning + reasoning,
                    )
            shown.append(message)
        return shown

    def messages(self, conversation_id: int) -> list[Message]:
        """Every message of a conversation, all branches, in creation order (for exports)."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY id",
                (conversation_id,),
            ).fetchall()
            return self._with_chunks([message_from_row(r) for r in rows])

    def children(self, message_id: int) -> list[Message]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE parent_id = ? ORDER BY id",
                (message_id,),
            ).fetchall()
        return [message_from_row(r) for r in rows]

    def siblings(self, message_id: int) -> list[Message]:
        """The message and its alternatives (same parent), oldest first."""
        message = self.get_message(message_id)
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? "
                "AND parent_id IS ? ORDER BY id",
                (message.conversation_id, message.parent_id),
            ).fetchall()
        return [message_from_row(r) for r in rows]

    def sibling_ids(
        self, conversation_id: int, messages: Sequence[Message]
    ) -> dict[int, list[int]]:
        """For each message: the ids of it and its alternatives (same parent), oldest first.

        One query for any number of messages (the chat view's branch switchers of a path).
        """
        parents = {m.parent_id for m in messages}
        ids: list[int] = [p for p in parents if p is not None]
        by_parent: dict[int | None, list[int]] = {}
        with self._lock:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for child, parent in self._conn.execute(
                    f"SELECT id, parent_id FROM messages WHERE parent_id IN ({marks}) "
                    "ORDER BY id", chunk,
                ):
                    by_parent.setdefault(parent, []).append(child)
            if None in parents:
                by_parent[None] = [row[0] for row in self._conn.execute(
                    "SELECT id FROM messages WHERE conversation_id = ? AND parent_id IS NULL "
                    "ORDER BY id", (conversation_id,),
                )]
        return {m.id: by_parent.get(m.parent_id) or [m.id] for m in messages}

    def path_to(self, message_id: int, *, limit: int = -1) -> list[Message]:
        """The messages from the root down to `message_id` (the last `limit` of them)."""
        with self._lock:
            rows = self._conn.execute(PATH_SQL, (message_id, limit)).fetchall()
            if not rows:
                raise NotFoundError(f"no message {message_id}")
            return self._with_chunks([message_from_row(r) for r in rows])

    def active_path(self, conversation_id: int) -> list[Message]:
        """The active branch in order, root first (what the chat view shows and `-c` sends)."""
        return self.active_path_tail(conversation_id, limit=-1)

    def active_path_tail(self, conversation_id: int, limit: int = 200) -> list[Message]:
        """The last `limit` messages of the active branch, in order; cheap for long chats."""
        leaf = self.get_conversation(conversation_id).active_leaf_id
        if leaf is None:
            return []
        return self.path_to(leaf, limit=limit)

    def switch_branch(self, message_id: int) -> int:
        """Show the branch through `message_id`: its newest descendant becomes the active leaf."""
        message = self.get_message(message_id)
        with self._write() as tx:
            leaf = int(self._conn.execute(NEWEST_LEAF_SQL, (message_id,)).fetchone()[0])
            cur = self._conn.execute(
                "UPDATE conversations SET active_leaf_id = ? WHERE id = ? "
                "AND active_leaf_id IS NOT ?", (leaf, message.conversation_id, leaf),
            )
            if cur.rowcount:
                tx.report(StoreChanges.updated(
                    message.conversation_id, ConversationField.ACTIVE_BRANCH))
        return leaf

    def delete_message(self, message_id: int) -> None:
        """Delete a message and all its replies; the active leaf moves to a surviving branch."""
        message = self.get_message(message_id)
        conversation_id = message.conversation_id
        with self._write() as tx:
            hashes = self._hashes_of(
                SUBTREE_CTE + "SELECT DISTINCT hash FROM message_attachments "
                "WHERE message_id IN (SELECT id FROM sub)", (message_id,)
            )
            deleted = frozenset(MessageRef(conversation_id, r[0]) for r in self._conn.execute(
                SUBTREE_CTE + "SELECT id FROM sub", (message_id,)))
            self._conn.execute(
                SUBTREE_CTE + "DELETE FROM messages WHERE id IN (SELECT id FROM sub)",
                (message_id,),
            )
            conv = self._conn.execute(
                "SELECT active_leaf_id FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
            fields: frozenset[ConversationField] = frozenset()
            if conv[0] is None:  # the shown branch was deleted: show a surviving one
                self._conn.execute(
                    "UPDATE conversations SET active_leaf_id = ? WHERE id = ?",
                    (newest_leaf(self._conn, conversation_id, message.parent_id),
                     conversation_id),
                )
                fields = frozenset((ConversationField.ACTIVE_BRANCH,))
            gone = self._drop_unreferenced(tx, hashes)
            tx.report(StoreChanges(
                messages_deleted=deleted, attachments_removed=gone, conversation_fields=fields,
                conversations_updated=frozenset((conversation_id,)) if fields else frozenset(),
            ))

