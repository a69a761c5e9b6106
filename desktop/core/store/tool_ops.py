"""The tool-call part of `Store`: a `Role.TOOL` message per call, written as the call goes.

A call's message is added when the model asks for it (status `pending`), so a crash at any
point leaves an answer for every call in the tree; its result (text, images) and how it ended
are written when it ends. Each write is its own committed transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.reply_parts import ToolCall
from desktop.core.store.changes import ConversationField, MessageRef, StoreChanges
from desktop.core.store.errors import NotFoundError
from desktop.core.store.message_ops import MessageOps
from desktop.core.store.message_rows import encode_parts, link_attachment, tool_columns
from desktop.core.store.models import ContentPart, ImagePart, Message, Role, TextPart, ToolRun
from desktop.core.tools.choice import ToolChoice


class ToolOps(MessageOps):
    """Tool messages: one child per call, chained in call order under the asking reply."""

    def append_tool_message(
        self, conversation_id: int, parent_id: int, call: ToolCall, tool: ToolRun,
        content: str | Sequence[ContentPart] = "",
    ) -> Message:
        """Add the message of `call` under `parent_id` (the reply or the previous call's)."""
        return self.append_message(conversation_id, Role.TOOL, content, parent_id=parent_id,
                                   tool_call_id=call.id, tool=tool)

    def update_tool_message(
        self, message_id: int, tool: ToolRun, content: str | Sequence[ContentPart] | None = None
    ) -> Message:
        """Record a call's new status, and its result when `content` is given.

        Image parts must have been added with `add_attachment` first.
        """
        with self._write() as tx:
            owner = self._conn.execute(
                "SELECT conversation_id, role FROM messages WHERE id = ?", (message_id,)
            ).fetchone()
            if owner is None or owner[1] != Role.TOOL.value:
                raise NotFoundError(f"no tool message {message_id}")
            name, server, status, duration_ms, is_error = tool_columns(tool)
            self._conn.execute(
                "UPDATE messages SET tool_name = ?, tool_server = ?, tool_status = ?, "
                "tool_duration_ms = ?, tool_is_error = ? WHERE id = ?",
                (name, server, status, duration_ms, is_error, message_id),
            )
            if content is not None:
                parts = (TextPart(content),) if isinstance(content, str) else tuple(content)
                text, parts_json = encode_parts(parts)
                self._conn.execute(
                    "UPDATE messages SET text = ?, parts = ? WHERE id = ?",
                    (text, parts_json, message_id),
                )
                for part in parts:
                    if isinstance(part, ImagePart):
                        link_attachment(self._conn, message_id, part.hash)
            tx.report(StoreChanges(
                messages_updated=frozenset((MessageRef(owner[0], message_id),)),
                conversations_updated=frozenset((owner[0],)),
            ))
        return self.get_message(message_id)

    def conversation_tools(self, conversation_id: int) -> ToolChoice:
        """The servers and tools the conversation offers (none for a new one)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT tools FROM conversations WHERE id = ?", (conversation_id,)
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no conversation {conversation_id}")
        return ToolChoice.from_json(row[0])

    def set_conversation_tools(self, conversation_id: int, choice: ToolChoice) -> None:
        """Save the conversation's tool choice (reported as ConversationField.TOOLS)."""
        with self._write() as tx:
            cur = self._conn.execute("UPDATE conversations SET tools = ? WHERE id = ?",
                                     (choice.to_json(), conversation_id))
            if cur.rowcount == 0:
                raise NotFoundError(f"no conversation {conversation_id}")
            tx.report(StoreChanges.updated(conversation_id, ConversationField.TOOLS))
