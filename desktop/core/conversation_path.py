"""Reading what the chat view shows of a conversation: its active path and branch positions.

Blocking store reads: run them off the UI thread. A long conversation is read tail first
(`load_conversation_tail`) so it paints at once, then whole (`load_conversation`).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.store.models import Conversation, Message
from desktop.core.store.store import Store

SiblingInfo = tuple[int, int, list[int]]  # (position 1-based, count, sibling ids oldest first)
TAIL_FIRST = 200  # a long conversation shows its last messages first, the rest after


@dataclass
class LoadedConversation:
    """What the chat view shows of one conversation: its active path and sibling positions."""

    conversation: Conversation
    path: list[Message]
    siblings: dict[int, SiblingInfo]


def load_conversation(store: Store, conversation_id: int) -> LoadedConversation:
    """Read a conversation's active path with each message's siblings, in one pass."""
    conversation = store.get_conversation(conversation_id)
    messages = store.messages(conversation_id)
    by_id = {m.id: m for m in messages}
    children: dict[int | None, list[int]] = {}
    for message in messages:  # in id order, so each sibling list is oldest first
        children.setdefault(message.parent_id, []).append(message.id)
    path: list[Message] = []
    node = by_id.get(conversation.active_leaf_id or -1)
    while node is not None:
        path.append(node)
        node = by_id.get(node.parent_id) if node.parent_id is not None else None
    path.reverse()
    siblings: dict[int, SiblingInfo] = {}
    for message in path:
        ids = children.get(message.parent_id, [message.id])
        siblings[message.id] = (ids.index(message.id) + 1, len(ids), ids)
    return LoadedConversation(conversation, path, siblings)


def load_conversation_tail(
    store: Store, conversation_id: int, limit: int = TAIL_FIRST
) -> tuple[LoadedConversation, bool]:
    """The last `limit` messages of the active path with their siblings.

    Returns the partial conversation and whether it is the whole path.
    """
    conversation = store.get_conversation(conversation_id)
    leaf = conversation.active_leaf_id
    path = store.path_to(leaf, limit=limit) if leaf is not None else []
    ids = store.sibling_ids(conversation_id, path)
    siblings: dict[int, SiblingInfo] = {}
    for message in path:
        group = ids.get(message.id) or [message.id]
        position = group.index(message.id) + 1 if message.id in group else 1
        siblings[message.id] = (position, len(group), group)
    complete = not path or path[0].parent_id is None
    return LoadedConversation(conversation, path, siblings), complete


def load_for_message(store: Store, conversation_id: int, message_id: int) -> LoadedConversation:
    """The whole path that shows `message_id`, switching to its branch when it is on another."""
    loaded = load_conversation(store, conversation_id)
    if message_id not in loaded.siblings:
        store.switch_branch(message_id)
        loaded = load_conversation(store, conversation_id)
    return loaded
