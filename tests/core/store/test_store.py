"""The typed Store API: conversations, the message tree, attachments, folders, presets."""

from __future__ import annotations

import json
import secrets
import sqlite3

import pytest

from desktop.core.reply_parts import ToolCall, Usage
from desktop.core.store import (
    AttachmentTooLargeError,
    ImagePart,
    MessageStatus,
    NotFoundError,
    Role,
    Store,
    TextPart,
)
from desktop.core.store.store import UNSET

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


def test_conversation_roundtrip_and_update(store: Store) -> None:
    conv = store.create_conversation(
        "Plans", provider="relay", model="gpt-x", params={"temperature": 0.3},
        system_prompt="Be brief.",
    )
    again = store.get_conversation(conv.id)
    assert again == conv
    assert again.params == {"temperature": 0.3}
    changed = store.update_conversation(conv.id, title="New", pinned=True, model=None)
    assert (changed.title, changed.pinned, changed.model) == ("New", True, None)
    assert changed.system_prompt == "Be brief."
    assert store.update_conversation(conv.id, title=UNSET) == changed


def test_params_never_keep_secrets(store: Store) -> None:
    key = "sk-test-" + secrets.token_hex(12)
    conv = store.create_conversation(
        params={
            "temperature": 1, "max_tokens": 99, "api_key": key,
            "extra_headers": {"Authorization": f"Bearer {key}", "X-Trace": "1"},
            "note": f"key is {key}",
        }
    )
    store.update_conversation(conv.id, params={"API-Key": key, "top_p": 0.5})
    store.presets.save("p", params={"apiKey": key, "access_token": key, "seed": 1})
    raw = store.path.read_bytes()
    wal = store.path.with_name(store.path.name + "-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert key.encode() not in raw
    assert store.get_conversation(conv.id).params == {"top_p": 0.5}
    assert store.presets.get("p").params == {"seed": 1}
    first = store.create_conversation(params={"max_tokens": 5, "headers": {"x-api-key": key}})
    assert first.params == {"max_tokens": 5, "headers": {}}


def test_messages_form_a_tree_with_branches(store: Store) -> None:
    conv = store.create_conversation("t")
    q1 = store.append_message(conv.id, Role.USER, "first question")
    a1 = store.append_message(conv.id, Role.ASSISTANT, "first answer")
    assert a1.parent_id == q1.id
    # regenerate: a sibling reply under the same question
    a2 = store.append_message(conv.id, Role.ASSISTANT, "second answer", parent_id=q1.id)
    assert [m.id for m in store.siblings(a1.id)] == [a1.id, a2.id]
    assert [m.text for m in store.active_path(conv.id)] == ["first question", "second answer"]
    # edit and resend: a sibling of the user message
    q1b = store.append_message(conv.id, Role.USER, "edited question", parent_id=None)
    assert [m.id for m in store.siblings(q1.id)] == [q1.id, q1b.id]
    assert [m.text for m in store.active_path(conv.id)] == ["edited question"]
    # switching back to the first question shows its newest reply
    assert store.switch_branch(q1.id) == a2.id
    assert [m.id for m in store.active_path(conv.id)] == [q1.id, a2.id]
    assert store.switch_branch(a1.id) == a1.id
    assert store.get_conversation(conv.id).active_leaf_id == a1.id
    assert [m.id for m in store.children(q1.id)] == [a1.id, a2.id]
    assert len(store.messages(conv.id)) == 4


def test_n_choices_are_siblings_and_only_one_is_active(store: Store) -> None:
    conv = store.create_conversation()
    q = store.append_message(conv.id, Role.USER, "pick")
    replies = [
        store.begin_reply(conv.id, parent_id=q.id, make_active=i == 0) for i in range(3)
    ]
    assert {m.status for m in replies} == {MessageStatus.STREAMING}
    assert store.get_conversation(conv.id).active_leaf_id == replies[0].id
    assert len(store.siblings(replies[2].id)) == 3


def test_active_path_tail_returns_last_messages_in_order(store: Store) -> None:
    conv = store.create_conversation()
    for i in range(50):
        store.append_message(conv.id, Role.USER if i % 2 == 0 else Role.ASSISTANT, f"m{i}")
    tail = store.active_path_tail(conv.id, limit=7)
    assert [m.text for m in tail] == [f"m{i}" for i in range(43, 50)]
    assert len(store.active_path(conv.id)) == 50
    assert store.active_path_tail(store.create_conversation().id) == []


def test_message_fields_roundtrip(store: Store) -> None:
    conv = store.create_conversation()
    q = store.append_message(conv.id, "user", "hi")
    a = store.append_message(
        conv.id, Role.ASSISTANT, "hello", reasoning="thinking", model="m1", provider="p1",
        tool_calls=[ToolCall("call_1", "lookup", '{"q": 1}')],
        usage=Usage(prompt_tokens=10, completion_tokens=5, reasoning_tokens=2, cached_tokens=1),
        ttft_ms=120.5, tokens_per_second=33.0, finish_reason="tool_calls",
    )
    got = store.get_message(a.id)
    assert got.parent_id == q.id
    assert got.reasoning == "thinking"
    assert got.tool_calls == (ToolCall("call_1", "lookup", '{"q": 1}'),)
    assert got.usage == Usage(10, 5, 15, 2, 1)
    assert (got.ttft_ms, got.tokens_per_second, got.finish_reason) == (120.5, 33.0, "tool_calls")
    conv = store.get_conversation(conv.id)
    assert (conv.prompt_tokens, conv.completion_tokens) == (10, 5)
    err = store.append_message(
        conv.id, Role.ASSISTANT, "", status=MessageStatus.ERROR, error="HTTP 429: slow down"
    )
    assert store.get_message(err.id).error == "HTTP 429: slow down"


def test_finish_reply_adds_usage(store: Store) -> None:
    conv = store.create_conversation()
    store.append_message(conv.id, Role.USER, "q")
    reply = store.begin_reply(conv.id, model="m")
    done = store.finish_reply(
        reply.id, MessageStatus.COMPLETE, text="answer", usage=Usage(3, 4), finish_reason="stop"
    )
    assert (done.text, done.status, done.finish_reason) == ("answer", "complete", "stop")
    assert store.get_conversation(conv.id).completion_tokens == 4


def test_parent_must_belong_to_the_conversation(store: Store) -> None:
    one, two = store.create_conversation(), store.create_conversation()
    m = store.append_message(one.id, Role.USER, "x")
    with pytest.raises(NotFoundError):
        store.append_message(two.id, Role.USER, "y", parent_id=m.id)
    with pytest.raises(NotFoundError):
        store.append_message(9999, Role.USER, "y")
    with pytest.raises(NotFoundError):
        store.get_conversation(9999)


def test_list_conversations_pinned_first_then_recent(store: Store) -> None:
    a = store.create_conversation("a", created_at=100)
    b = store.create_conversation("b", created_at=200)
    c = store.create_conversation("c", created_at=300)
    store.append_message(a.id, Role.USER, "bump", created_at=400)
    store.update_conversation(b.id, pinned=True)
    store.update_conversation(c.id, archived=True)
    assert [s.title for s in store.list_conversations()] == ["b", "a"]
    assert [s.title for s in store.list_conversations(archived=True)] == ["c"]
    assert len(store.list_conversations(archived=None)) == 3


def test_delete_message_removes_subtree_and_moves_active_leaf(store: Store) -> None:
    conv = store.create_conversation()
    q = store.append_message(conv.id, Role.USER, "q")
    a1 = store.append_message(conv.id, Role.ASSISTANT, "a1")
    a2 = store.append_message(conv.id, Role.ASSISTANT, "a2", parent_id=q.id)
    follow = store.append_message(conv.id, Role.USER, "more")
    store.delete_message(a2.id)
    with pytest.raises(NotFoundError):
        store.get_message(follow.id)
    assert store.get_conversation(conv.id).active_leaf_id == a1.id
    store.delete_message(q.id)
    assert store.messages(conv.id) == []
    assert store.get_conversation(conv.id).active_leaf_id is None


def test_delete_long_conversation(store: Store) -> None:
    conv = store.create_conversation()
    for i in range(1200):  # deeper than SQLite's trigger recursion limit of 1000
        store.append_message(conv.id, Role.USER, f"m{i}")
    store.delete_conversation(conv.id)
    assert store.count_conversations() == 0


def test_attachments_are_stored_once_and_collected(store: Store) -> None:
    store.attachment_grace_seconds = 0
    part = store.add_attachment(PNG, name="a.png")
    assert part.mime == "image/png"
    assert store.add_attachment(PNG).hash == part.hash
    path = store.attachment_path(part.hash)
    assert path.read_bytes() == PNG
    assert path.parent.name == part.hash[:2]
    conv = store.create_conversation()
    m1 = store.append_message(conv.id, Role.USER, [TextPart("look"), part])
    other = store.create_conversation()
    store.append_message(other.id, Role.USER, [part])
    assert store.get_message(m1.id).parts == (TextPart("look"), part)
    assert store.get_message(m1.id).text == "look"
    store.delete_conversation(conv.id)
    assert path.exists()  # still used by the other conversation
    store.delete_conversation(other.id)
    assert not path.exists()


def test_unused_attachment_is_collected_after_grace(store: Store) -> None:
    part = store.add_attachment(b"GIF89a" + b"x" * 50)
    assert store.collect_attachments() == 0  # within the grace time
    assert store.collect_attachments(grace_seconds=0) == 1
    assert not store.attachment_path(part.hash).exists()


def test_reused_attachment_survives_deleting_its_old_conversation(store: Store) -> None:
    part = store.add_attachment(PNG)
    old = store.create_conversation()
    store.append_message(old.id, Role.USER, [part])
    again = store.add_attachment(PNG)  # the user attaches the same picture to a new message
    store.attachment_grace_seconds = 0.5
    with store._lock:  # the first add is long ago; only the renewed add protects the file
        store._conn.execute("UPDATE attachments SET created_at = created_at - 10")
    store.add_attachment(PNG)
    store.delete_conversation(old.id)
    new = store.create_conversation()
    store.append_message(new.id, Role.USER, [again])
    assert store.read_attachment(again.hash) == PNG


def test_unknown_folder_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="folder 77"):
        store.create_conversation(folder_id=77)
    conv = store.create_conversation()
    with pytest.raises(NotFoundError, match="folder 78"):
        store.update_conversation(conv.id, folder_id=78)


def test_attachment_size_limit_and_unknown_hash(store: Store) -> None:
    store.attachments.max_bytes = 1000
    with pytest.raises(AttachmentTooLargeError, match="limit"):
        store.add_attachment(b"x" * 1001)
    conv = store.create_conversation()
    with pytest.raises(NotFoundError):
        store.append_message(conv.id, Role.USER, [ImagePart("0" * 64, "image/png")])
    assert store.messages(conv.id) == []  # the failed append left nothing behind


def test_folders_and_presets(store: Store) -> None:
    work = store.folders.create("Work")
    sub = store.folders.create("Sub", parent_id=work.id)
    conv = store.create_conversation(folder_id=sub.id)
    assert [f.name for f in store.folders.list()] == ["Work", "Sub"]
    assert [c.id for c in store.list_conversations(folder_id=sub.id)] == [conv.id]
    store.folders.rename(work.id, "Job")
    store.folders.delete(work.id)  # cascades to Sub; the conversation moves to the top level
    assert store.folders.list() == []
    assert store.get_conversation(conv.id).folder_id is None
    store.presets.save("creative", params={"temperature": 1.2}, model="m")
    store.presets.save("creative", params={"temperature": 1.1})
    assert [(p.name, p.params) for p in store.presets.list()] == [
        ("creative", {"temperature": 1.1})
    ]
    store.presets.delete("creative")
    with pytest.raises(NotFoundError):
        store.presets.get("creative")


def test_pragmas_and_schema(store: Store) -> None:
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 2
    conn.close()
    assert store.quick_check() == "ok"
    raw = json.loads(json.dumps(store.create_conversation().params))
    assert raw == {}


def test_sibling_ids_of_a_path_in_one_call(store: Store) -> None:
    conv = store.create_conversation("branches")
    first_root = store.append_message(conv.id, Role.USER, "first try", parent_id=None)
    root = store.append_message(conv.id, Role.USER, "second try", parent_id=None)
    reply_a = store.append_message(conv.id, Role.ASSISTANT, "a", parent_id=root.id)
    reply_b = store.append_message(conv.id, Role.ASSISTANT, "b", parent_id=root.id)
    follow = store.append_message(conv.id, Role.USER, "more", parent_id=reply_b.id)
    other = store.create_conversation("elsewhere")
    store.append_message(other.id, Role.USER, "a root of another conversation", parent_id=None)
    path = store.active_path(conv.id)
    assert [m.id for m in path] == [root.id, reply_b.id, follow.id]
    ids = store.sibling_ids(conv.id, path)
    assert ids == {
        root.id: [first_root.id, root.id],  # roots of this conversation only
        reply_b.id: [reply_a.id, reply_b.id],
        follow.id: [follow.id],
    }
    assert store.sibling_ids(conv.id, []) == {}
