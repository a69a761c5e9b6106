"""`StoreChanges`: what one committed Store mutation changed, for views that must keep in step.

Every mutation of a `Store` reports one of these to the Store's subscribers after its
transaction commits (like Anki's `OpChanges`), so each view decides for itself what to
reload instead of every caller remembering which views to refresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import NamedTuple


class ConversationField(StrEnum):
    """A part of a conversation row that a mutation changed."""

    TITLE = "title"
    PINNED = "pinned"
    ARCHIVED = "archived"
    FOLDER = "folder"
    TARGET = "target"  # provider or model
    PARAMS = "params"
    SYSTEM_PROMPT = "system_prompt"
    ACTIVE_BRANCH = "active_branch"  # the active leaf moved
    ACTIVITY = "activity"  # last activity time and token totals (a message added or finished)
    TOOLS = "tools"  # the MCP servers and tools the conversation offers
    KNOWLEDGE = "knowledge"  # the knowledge bases the conversation searches


LIST_FIELDS = frozenset({
    ConversationField.TITLE, ConversationField.PINNED, ConversationField.ARCHIVED,
    ConversationField.FOLDER, ConversationField.TARGET, ConversationField.ACTIVITY,
})
"""The fields the sidebar shows or sorts by."""


class MessageRef(NamedTuple):
    """A message and the conversation it belongs to."""

    conversation_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class StoreChanges:
    """What a committed mutation changed; several merge with `|` (a batch reports once).

    `conversation_fields` is the union over `conversations_updated`. Deleting a conversation
    lists its messages in `messages_deleted` too. `everything` means "reload all you show"
    (an import).
    """

    conversations_created: frozenset[int] = frozenset()
    conversations_updated: frozenset[int] = frozenset()
    conversations_deleted: frozenset[int] = frozenset()
    conversation_fields: frozenset[ConversationField] = frozenset()
    messages_added: frozenset[MessageRef] = frozenset()
    messages_updated: frozenset[MessageRef] = frozenset()
    messages_deleted: frozenset[MessageRef] = frozenset()
    attachments_added: frozenset[str] = frozenset()
    attachments_removed: frozenset[str] = frozenset()
    tasks: frozenset[int] = frozenset()  # Studio tasks added, changed or deleted
    folders: bool = False
    presets: bool = False
    everything: bool = False

    # ----------------------------------------------------------------- building

    @classmethod
    def updated(cls, conversation_id: int, *changed: ConversationField) -> StoreChanges:
        """Fields of one conversation changed."""
        return cls(conversations_updated=frozenset((conversation_id,)),
                   conversation_fields=frozenset(changed))

    @classmethod
    def reply_finished(cls, conversation_id: int, message_id: int) -> StoreChanges:
        """A reply got its final state: the message, and the conversation's activity."""
        return cls(
            messages_updated=frozenset((MessageRef(conversation_id, message_id),)),
            conversations_updated=frozenset((conversation_id,)),
            conversation_fields=frozenset((ConversationField.ACTIVITY,)),
        )

    def __or__(self, other: StoreChanges) -> StoreChanges:
        if other.empty:
            return self
        if self.empty:
            return other
        return StoreChanges(**{
            name: (getattr(self, name) or getattr(other, name)) if name in _FLAGS
            else getattr(self, name) | getattr(other, name)
            for name in _FIELD_NAMES
        })

    @classmethod
    def merge(cls, changes: Iterable[StoreChanges]) -> StoreChanges:
        """All of `changes` as one, in time linear in their total size (a burst of 10,000
        single-message changes merges in milliseconds, not by copying ever larger sets)."""
        sets: dict[str, set[object]] = {name: set() for name in _FIELD_NAMES
                                        if name not in _FLAGS}
        flags = dict.fromkeys(_FLAGS, False)
        for change in changes:
            for name, values in sets.items():
                values.update(getattr(change, name))
            for name in flags:
                flags[name] = flags[name] or getattr(change, name)
        fields: dict[str, object] = {name: frozenset(values) for name, values in sets.items()}
        fields.update(flags)
        return cls(**fields)  # type: ignore[arg-type]

    # ----------------------------------------------------------------- questions views ask

    @property
    def empty(self) -> bool:
        return self == _NOTHING

    @property
    def conversations(self) -> frozenset[int]:
        """Conversations created, updated or deleted (their rows, not their messages)."""
        return self.conversations_created | self.conversations_updated | self.conversations_deleted

    @property
    def message_conversations(self) -> frozenset[int]:
        """Conversations whose messages were added, updated or deleted."""
        refs = self.messages_added | self.messages_updated | self.messages_deleted
        return frozenset(ref.conversation_id for ref in refs)

    def touches(self, conversation_id: int) -> bool:
        """True when the conversation or any of its messages changed (or everything did)."""
        return (self.everything or conversation_id in self.conversations
                or conversation_id in self.message_conversations)

    @property
    def list_changed(self) -> bool:
        """The conversation list (titles, order, groups, folders) may look different."""
        return bool(
            self.everything or self.folders or self.conversations_created
            or self.conversations_deleted
            or (self.conversations_updated and self.conversation_fields & LIST_FIELDS)
        )

    @property
    def text_changed(self) -> bool:
        """Searchable text (message text or conversation titles) may have changed."""
        return bool(
            self.everything or self.conversations_deleted or self.messages_added
            or self.messages_updated or self.messages_deleted
            or ConversationField.TITLE in self.conversation_fields
        )

    @property
    def deletions(self) -> bool:
        """Messages or conversations left the store (caches keyed by them may sweep)."""
        return bool(self.everything or self.conversations_deleted or self.messages_deleted)


_NOTHING = StoreChanges()
_FIELD_NAMES = tuple(field.name for field in fields(StoreChanges))
_FLAGS = frozenset({"folders", "presets", "everything"})
