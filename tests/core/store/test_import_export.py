"""Import (Switchboard JSON, ChatGPT export) and export (JSON, Markdown, HTML)."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.core.reply_parts import ToolCall, Usage
from desktop.core.store import ImagePart, ImportFormatError, MessageStatus, Role, Store, TextPart
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import FORMAT, export_json, write_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.importer import import_file

FIXTURES = Path(__file__).parent / "fixtures"
PNG = (FIXTURES / "chatgpt" / "file-Abc123-starter.png").read_bytes()


def _branchy(store: Store) -> int:
    folder = store.folders.create("Recipes")
    conv = store.create_conversation(
        "Bread <script>alert(1)</script>", model="m1", provider="relay",
        params={"temperature": 0.2}, system_prompt="You bake.", folder_id=folder.id,
    )
    image = store.add_attachment(PNG, name="loaf.png")
    q = store.append_message(conv.id, Role.USER, [TextPart("Rate my loaf"), image])
    store.append_message(conv.id, Role.ASSISTANT, "First take: **dense**.", reasoning="hmm",
                         model="m1", usage=Usage(10, 4, None, 1, 0), ttft_ms=300.0,
                         tokens_per_second=20.0, finish_reason="stop")
    store.append_message(
        conv.id, Role.ASSISTANT, "Second take <b>airy</b>.", parent_id=q.id, model="m1",
        tool_calls=[ToolCall("c1", "crumb_score", '{"x": 1}')], finish_reason="tool_calls",
    )
    store.append_message(conv.id, Role.TOOL, "score 9", tool_call_id="c1")
    store.append_message(conv.id, Role.ASSISTANT, "cut off", status=MessageStatus.INTERRUPTED,
                         error="connection reset")
    return conv.id


def _shape(store: Store, conversation_id: int) -> list[tuple[Any, ...]]:
    """A conversation's content with ids replaced by positions, to compare across stores."""
    messages = store.messages(conversation_id)
    pos = {m.id: i for i, m in enumerate(messages)}
    leaf = store.get_conversation(conversation_id).active_leaf_id
    return [
        (pos.get(m.parent_id), m.role, m.parts, m.reasoning, m.tool_calls, m.tool_call_id,
         m.model, m.usage, m.ttft_ms, m.tokens_per_second, m.finish_reason, m.status, m.error,
         m.created_at, m.id == leaf)
        for m in messages
    ]


def test_json_export_roundtrip_is_lossless(store: Store, tmp_path: Path) -> None:
    conv_id = _branchy(store)
    out = tmp_path / "export.json"
    write_json(store, [conv_id], out)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT and document["version"] == 1
    assert len(document["attachments"]) == 1
    with Store.open(tmp_path / "other") as other:
        [new_id] = import_file(other, out)
        assert _shape(other, new_id) == _shape(store, conv_id)
        a, b = store.get_conversation(conv_id), other.get_conversation(new_id)
        assert (a.title, a.params, a.system_prompt, a.model, a.completion_tokens) == (
            b.title, b.params, b.system_prompt, b.model, b.completion_tokens)
        assert [f.name for f in other.folders.list()] == ["Recipes"]
        image = next(p for m in other.messages(new_id) for p in m.parts
                     if isinstance(p, ImagePart))
        assert other.read_attachment(image.hash) == PNG
        assert other.search("airy").hits


def _expect_nothing_imported(store: Store, path: Path, *needles: str) -> ImportFormatError:
    before = store.count_conversations()
    with pytest.raises(ImportFormatError) as info:
        import_file(store, path)
    message = str(info.value)
    for needle in (str(path), *needles):
        assert needle in message
    assert store.count_conversations() == before
    return info.value


def test_malformed_switchboard_json_names_the_field(store: Store, tmp_path: Path) -> None:
    conv_id = _branchy(store)
    document = export_json(store, [conv_id, conv_id])
    document["conversations"][1]["messages"][2]["role"] = "robot"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    with Store.open(tmp_path / "fresh") as fresh:
        err = _expect_nothing_imported(
            fresh, bad, "conversation #2", "conversations[1].messages[2].role", "robot"
        )
        assert err.field == "conversations[1].messages[2].role"
        broken = copy.deepcopy(export_json(store, [conv_id]))
        broken["conversations"][0]["messages"][1]["parent"] = 12345
        bad.write_text(json.dumps(broken), encoding="utf-8")
        _expect_nothing_imported(fresh, bad, "messages[1].parent")
        del broken["conversations"][0]["messages"]
        bad.write_text(json.dumps(broken), encoding="utf-8")
        _expect_nothing_imported(fresh, bad, "'conversations[0].messages'", "missing")


def test_truncated_file_is_reported_with_position(store: Store, tmp_path: Path) -> None:
    conv_id = _branchy(store)
    text = json.dumps(export_json(store, [conv_id]))
    partial = tmp_path / "partial.json"
    partial.write_text(text[: len(text) // 2], encoding="utf-8")
    _expect_nothing_imported(store, partial, "not valid JSON", "line 1")
    other = tmp_path / "other.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    _expect_nothing_imported(store, other, "neither")


def _chatgpt_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "chatgpt-export"
    shutil.copytree(FIXTURES / "chatgpt", folder)
    return folder / "conversations.json"


def test_chatgpt_export_becomes_our_tree(store: Store, tmp_path: Path) -> None:
    ids = import_file(store, _chatgpt_copy(tmp_path))
    assert len(ids) == 2
    conv = store.get_conversation(ids[0])
    assert conv.title == "Sourdough starter help" and conv.model == "o3"
    path = store.active_path(conv.id)
    assert [m.role for m in path] == [Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT,
                                      Role.TOOL, Role.ASSISTANT]
    question = path[0]
    assert question.text == "Why is my starter not rising?"
    [image] = question.images
    assert image.mime == "image/png" and store.read_attachment(image.hash) == PNG
    answer = path[1]
    assert answer.reasoning == "**Considering temperature**\nStarter activity depends on warmth."
    assert (answer.model, answer.finish_reason) == ("o3", "stop")
    assert path[3].text == "```python\nprint(75 - 51)\n```"
    assert path[4].text == "24" and path[5].text == "Aim for about 24 °C."
    assert path[0].created_at == 1714000010.0
    alternatives = store.siblings(answer.id)
    assert [m.text for m in alternatives] == [
        "It is probably too cold. Keep it somewhere warm.",
        "Alternative answer: feed it more often.",
    ]
    second = store.get_conversation(ids[1])
    [user, reply] = store.active_path(second.id)
    assert "file_Zzz999 was not included" in user.text
    assert reply.status is MessageStatus.INTERRUPTED
    assert store.search("sourdough").hits[0].conversation_id == conv.id


def test_malformed_chatgpt_export_imports_nothing(store: Store, tmp_path: Path) -> None:
    path = _chatgpt_copy(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document[1]["mapping"]["a2-1"]["parent"] = "gone"
    path.write_text(json.dumps(document), encoding="utf-8")
    err = _expect_nothing_imported(store, path, "conversation #2", "mapping.a2-1.parent", "gone")
    assert err.conversation is not None
    document[1]["mapping"]["a2-1"]["parent"] = "u2-1"
    document[0]["mapping"]["u-2"]["message"]["author"]["role"] = "alien"
    path.write_text(json.dumps(document), encoding="utf-8")
    _expect_nothing_imported(store, path, "Sourdough starter help",
                             "mapping.u-2.message.author.role")
    document[0]["mapping"]["u-2"]["message"]["author"]["role"] = "user"
    document[0]["mapping"] = []
    path.write_text(json.dumps(document), encoding="utf-8")
    _expect_nothing_imported(store, path, "'mapping'", "must be an object")


def test_markdown_active_branch_and_whole_tree(store: Store) -> None:
    conv_id = _branchy(store)
    active = export_markdown(store, conv_id)
    assert active.startswith("# Bread <script>")
    assert "Second take" in active and "First take" not in active
    assert "<summary>Reasoning</summary>" not in active
    assert "*(interrupted: connection reset)*" in active
    assert "*[image: loaf.png, image/png]*" in active
    tree = export_markdown(store, conv_id, whole_tree=True)
    assert "First take" in tree and "Second take" in tree
    assert "alternative 2 of 2" in tree and "reply to #1" in tree
    assert tree.index("First take") < tree.index("Second take")


def test_html_is_escaped_and_self_contained(store: Store) -> None:
    conv_id = _branchy(store)
    page = export_html(store, conv_id, whole_tree=True)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;airy&lt;/b&gt;" in page  # raw HTML in a message stays text
    assert "<strong>dense</strong>" in page  # Markdown is rendered
    assert 'src="data:image/png;base64,' in page
    assert "http://" not in page and "https://" not in page
    assert "crumb_score" in page and "connection reset" in page


def test_chatgpt_export_zip_with_images_inside(store: Store, tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "chatgpt-export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(FIXTURES / "chatgpt" / "conversations.json", "conversations.json")
        out.write(FIXTURES / "chatgpt" / "file-Abc123-starter.png",
                  "user-xyz/file-Abc123-starter.png")
    ids = import_file(store, archive)
    [image] = store.active_path(ids[0])[0].images
    assert store.read_attachment(image.hash) == PNG
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as out:
        out.writestr("conversations.json", "[{")
    _expect_nothing_imported(store, broken, "conversations.json", "not valid JSON")
