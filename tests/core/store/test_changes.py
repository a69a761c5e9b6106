"""Store change events: each committed mutation reports exactly what it changed, once."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from desktop.core.store import (
    Conversation,
    Folder,
    ImagePart,
    Message,
    MessageStatus,
    NotFoundError,
    Role,
    Store,
    TextPart,
)
from desktop.core.store.changes import ConversationField as F
from desktop.core.store.changes import MessageRef, StoreChanges
from desktop.core.store.import_drafts import ConversationDraft, MessageDraft

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
OTHER_PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(100))


@dataclass
class World:
    """A folder with a conversation: question (with an image) → two replies, the second shown."""

    folder: Folder
    conv: Conversation
    question: Message
    first: Message
    second: Message
    image: ImagePart
    other: Conversation


class Recorder:
    """A subscriber that keeps every StoreChanges and the thread it arrived on."""

    def __init__(self, store: Store) -> None:
        self.events: list[StoreChanges] = []
        self.threads: list[int] = []
        self._lock = threading.Lock()
        self.unsubscribe = store.subscribe(self)

    def __call__(self, changes: StoreChanges) -> None:
        with self._lock:
            self.events.append(changes)
            self.threads.append(threading.get_ident())


@pytest.fixture
def world(store: Store) -> World:
    store.attachment_grace_seconds = 0
    folder = store.folders.create("Work")
    conv = store.create_conversation("Puffins", folder_id=folder.id, model="m", provider="p")
    image = store.add_attachment(PNG, name="a.png")
    question = store.append_message(conv.id, Role.USER, [TextPart("look"), image])
    first = store.append_message(conv.id, Role.ASSISTANT, "one", parent_id=question.id)
    second = store.append_message(conv.id, Role.ASSISTANT, "two", parent_id=question.id)
    other = store.create_conversation("Other")
    store.presets.save("terse", params={"temperature": 0.2})
    return World(folder, conv, question, first, second, image, other)


def refs(conversation_id: int, *messages: Message | int) -> frozenset[MessageRef]:
    ids = (m if isinstance(m, int) else m.id for m in messages)
    return frozenset(MessageRef(conversation_id, i) for i in ids)


def one(value: Any) -> frozenset[Any]:
    return frozenset((value,))


def _import(store: Store) -> list[int]:
    draft = ConversationDraft("Imported", 1.0, 2.0, [
        MessageDraft("a", None, Role.USER, [TextPart("hello")], 1.0)])
    return store.import_drafts([draft])


Mutation = Callable[[Store, World], object]
Expected = Callable[[Store, World, Any], StoreChanges]

CASES: dict[str, tuple[Mutation, Expected]] = {
    "create_conversation": (
        lambda s, w: s.create_conversation("new"),
        lambda s, w, r: StoreChanges(conversations_created=one(r.id)),
    ),
    "title": (
        lambda s, w: s.update_conversation(w.conv.id, title="Gulls"),
        lambda s, w, r: StoreChanges.updated(w.conv.id, F.TITLE),
    ),
    "pin": (
        lambda s, w: s.update_conversation(w.conv.id, pinned=True),
        lambda s, w, r: StoreChanges.updated(w.conv.id, F.PINNED),
    ),
    "archive": (
        lambda s, w: s.update_conversation(w.conv.id, archived=True),
        lambda s, w, r: StoreChanges.updated(w.conv.id, F.ARCHIVED),
    ),
    "folder": (
        lambda s, w: s.update_conversation(w.other.id, folder_id=w.folder.id),
        lambda s, w, r: StoreChanges.updated(w.other.id, F.FOLDER),
    ),
    "provider and model": (
        lambda s, w: s.update_conversation(w.conv.id, provider="q", model="n"),
        lambda s, w, r: StoreChanges.updated(w.conv.id, F.TARGET),
    ),
    "params and system prompt": (
        lambda s, w: s.update_conversation(w.conv.id, params={"top_p": 1}, system_prompt="x"),
        lambda s, w, r: StoreChanges.updated(w.conv.id, F.PARAMS, F.SYSTEM_PROMPT),
    ),
    "delete_conversation": (
        lambda s, w: s.delete_conversation(w.conv.id),
        lambda s, w, r: StoreChanges(
            conversations_deleted=one(w.conv.id),
            messages_deleted=refs(w.conv.id, w.question, w.first, w.second),
            attachments_removed=one(w.image.hash)),
    ),
    "append_message": (
        lambda s, w: s.append_message(w.conv.id, Role.USER, "more"),
        lambda s, w, r: StoreChanges(
            messages_added=refs(w.conv.id, r),
            conversations_updated=one(w.conv.id),
            conversation_fields=frozenset({F.ACTIVITY, F.ACTIVE_BRANCH})),
    ),
    "append_message, not shown": (
        lambda s, w: s.append_message(w.conv.id, Role.ASSISTANT, "three",
                                      parent_id=w.question.id, make_active=False),
        lambda s, w, r: StoreChanges(
            messages_added=refs(w.conv.id, r),
            conversations_updated=one(w.conv.id), conversation_fields=frozenset({F.ACTIVITY})),
    ),
    "begin_reply": (
        lambda s, w: s.begin_reply(w.other.id),
        lambda s, w, r: StoreChanges(
            messages_added=refs(w.other.id, r),
            conversations_updated=one(w.other.id),
            conversation_fields=frozenset({F.ACTIVITY, F.ACTIVE_BRANCH})),
    ),
    "finish_reply": (
        lambda s, w: s.finish_reply(w.second.id, MessageStatus.ERROR, error="boom"),
        lambda s, w, r: StoreChanges.reply_finished(w.conv.id, w.second.id),
    ),
    "switch_branch": (
        lambda s, w: s.switch_branch(w.first.id),
        lambda s, w, r: StoreChanges.updated(w.conv.id, F.ACTIVE_BRANCH),
    ),
    "delete a hidden branch": (
        lambda s, w: s.delete_message(w.first.id),
        lambda s, w, r: StoreChanges(messages_deleted=refs(w.conv.id, w.first)),
    ),
    "delete the shown branch": (
        lambda s, w: s.delete_message(w.second.id),
        lambda s, w, r: StoreChanges(messages_deleted=refs(w.conv.id, w.second),
                                     **_updated(w.conv.id, F.ACTIVE_BRANCH)),
    ),
    "delete a subtree": (
        lambda s, w: s.delete_message(w.question.id),
        lambda s, w, r: StoreChanges(
            messages_deleted=refs(w.conv.id, w.question, w.first, w.second),
            attachments_removed=one(w.image.hash), **_updated(w.conv.id, F.ACTIVE_BRANCH)),
    ),
    "add_attachment": (
        lambda s, w: s.add_attachment(OTHER_PNG),
        lambda s, w, r: StoreChanges(attachments_added=one(r.hash)),
    ),
    "collect_attachments": (
        lambda s, w: (s.add_attachment(OTHER_PNG).hash, s.collect_attachments())[0],
        lambda s, w, r: StoreChanges(attachments_removed=one(r)),
    ),
    "folders.create": (
        lambda s, w: s.folders.create("Home"),
        lambda s, w, r: StoreChanges(folders=True),
    ),
    "folders.rename": (
        lambda s, w: s.folders.rename(w.folder.id, "Job"),
        lambda s, w, r: StoreChanges(folders=True),
    ),
    "folders.delete": (
        lambda s, w: s.folders.delete(w.folder.id),
        lambda s, w, r: StoreChanges(folders=True, **_updated(w.conv.id, F.FOLDER)),
    ),
    "presets.save": (
        lambda s, w: s.presets.save("wordy", params={"temperature": 1.5}),
        lambda s, w, r: StoreChanges(presets=True),
    ),
    "presets.delete": (
        lambda s, w: s.presets.delete("terse"),
        lambda s, w, r: StoreChanges(presets=True),
    ),
    "import_drafts": (
        lambda s, w: _import(s),
        lambda s, w, r: StoreChanges(conversations_created=frozenset(r),
                                     everything=True),
    ),
}


def _updated(conversation_id: int, *changed: F) -> dict[str, Any]:
    return {"conversations_updated": frozenset((conversation_id,)),
            "conversation_fields": frozenset(changed)}


@pytest.mark.parametrize("name", list(CASES))
def test_each_mutation_reports_exactly_what_it_changed(
    store: Store, world: World, name: str
) -> None:
    mutate, expected = CASES[name]
    recorder = Recorder(store)
    # For a collect, the attachment is added first: only the last event is the collect's.
    result = mutate(store, world)
    events = recorder.events[-1:] if name == "collect_attachments" else recorder.events
    assert events == [expected(store, world, result)]


def test_the_finished_reply_reports_once_from_the_writer_thread_and_checkpoints_never(
    store: Store, world: World
) -> None:
    reply = store.begin_reply(world.other.id)
    recorder = Recorder(store)
    with store.checkpointer(reply.id, interval=0.005) as cp:
        for word in ("a ", "b ", "c "):
            cp.append(word)
            deadline = time.monotonic() + 10
            written = len(cp.write_seconds)
            while len(cp.write_seconds) == written and time.monotonic() < deadline:
                time.sleep(0.005)
        assert len(cp.write_seconds) >= 3  # three checkpoints were saved…
        assert recorder.events == []  # …and reported nothing
        cp.finish(MessageStatus.COMPLETE)
    assert recorder.events == [StoreChanges.reply_finished(world.other.id, reply.id)]
    assert recorder.threads != [threading.get_ident()]
    assert store.get_message(reply.id).text == "a b c "


def test_a_failed_mutation_reports_nothing(store: Store, world: World) -> None:
    recorder = Recorder(store)
    with pytest.raises(NotFoundError):
        store.update_conversation(10_000, title="x")
    with pytest.raises(NotFoundError):
        store.create_conversation("in no folder", folder_id=10_000)
    with pytest.raises(NotFoundError):
        store.append_message(world.conv.id, Role.USER, "x", parent_id=world.other.id + 500)
    with pytest.raises(NotFoundError):
        store.finish_reply(10_000, MessageStatus.COMPLETE)
    with pytest.raises(NotFoundError):
        store.folders.rename(10_000, "x")
    with pytest.raises(NotFoundError):
        store.presets.delete("nope")
    store.switch_branch(world.second.id)  # already shown: nothing changes
    store.update_conversation(world.conv.id)  # no fields given
    assert recorder.events == []


def test_a_batch_reports_once_and_a_failed_batch_not_at_all(store: Store, world: World) -> None:
    recorder = Recorder(store)
    with store.batch():
        store.update_conversation(world.conv.id, title="Gulls")
        added = store.append_message(world.other.id, Role.USER, "hi")
        store.presets.delete("terse")
    assert recorder.events == [
        StoreChanges.updated(world.conv.id, F.TITLE)
        | StoreChanges(messages_added=refs(world.other.id, added), presets=True,
                       **_updated(world.other.id, F.ACTIVITY, F.ACTIVE_BRANCH))
    ]
    recorder.events.clear()
    with pytest.raises(RuntimeError), store.batch():
        store.update_conversation(world.conv.id, title="Terns")
        raise RuntimeError("changed my mind")
    assert recorder.events == []
    assert store.get_conversation(world.conv.id).title == "Gulls"


def test_a_failed_step_inside_a_batch_is_undone_alone(store: Store, world: World) -> None:
    recorder = Recorder(store)
    with store.batch():
        store.update_conversation(world.conv.id, pinned=True)
        with pytest.raises(NotFoundError):
            store.update_conversation(world.other.id, title="x", folder_id=10_000)
    assert recorder.events == [StoreChanges.updated(world.conv.id, F.PINNED)]
    assert store.get_conversation(world.other.id).title == "Other"


def test_a_raising_subscriber_is_logged_and_harms_nothing(
    store: Store, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(changes: StoreChanges) -> None:
        raise ValueError("broken view")

    store.subscribe(broken)
    recorder = Recorder(store)
    with caplog.at_level(logging.ERROR):
        renamed = store.update_conversation(world.conv.id, title="Gulls")
    assert renamed.title == "Gulls"
    assert recorder.events == [StoreChanges.updated(world.conv.id, F.TITLE)]
    assert "broken view" in caplog.text
    recorder.unsubscribe()
    store.update_conversation(world.conv.id, title="Terns")
    assert len(recorder.events) == 1


def test_mutations_from_worker_threads_each_report_on_their_thread(store: Store) -> None:
    conversations = [store.create_conversation(f"thread {i}").id for i in range(4)]
    recorder = Recorder(store)
    idents: dict[int, int] = {}
    errors: list[BaseException] = []

    def writer(conversation_id: int) -> None:
        idents[conversation_id] = threading.get_ident()
        try:
            for n in range(25):
                store.append_message(conversation_id, Role.USER, f"note {n}")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(c,)) for c in conversations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(recorder.events) == 100
    reported = {ref for event in recorder.events for ref in event.messages_added}
    stored = {MessageRef(c, m.id) for c in conversations for m in store.messages(c)}
    assert reported == stored
    for event, thread_id in zip(recorder.events, recorder.threads, strict=True):
        (ref,) = event.messages_added
        assert thread_id == idents[ref.conversation_id]


def test_merging_and_questions() -> None:
    title = StoreChanges.updated(1, F.TITLE)
    branch = StoreChanges.updated(2, F.ACTIVE_BRANCH)
    merged = StoreChanges.merge([title, branch, StoreChanges(folders=True)])
    assert merged.conversations_updated == {1, 2}
    assert merged.conversation_fields == {F.TITLE, F.ACTIVE_BRANCH}
    assert merged.folders and not merged.presets
    assert StoreChanges().empty and not merged.empty
    assert title.list_changed and title.text_changed and not title.deletions
    assert not branch.list_changed and not branch.text_changed
    gone = StoreChanges(messages_deleted=refs(3, 7))
    assert gone.deletions and gone.text_changed and gone.touches(3) and not gone.touches(1)
    assert StoreChanges(everything=True).touches(99)
