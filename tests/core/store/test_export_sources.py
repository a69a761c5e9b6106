"""Knowledge-base sources of a reply in the three exports: named, excerpted, escaped, and
never with the file's absolute path; a JSON export with them imports again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.passages import Passage
from desktop.core.paths import DataDir
from desktop.core.store import Store
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json, write_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.importer import import_file
from desktop.core.store.models import Role

SECRET_DIR = "/home/someone/private-projects"
PASSAGES = [
    Passage("Refunds take *thirty* days. " * 20, 0.91, "Support", f"{SECRET_DIR}/guide.pdf", 3),
    Passage("<script>alert(1)</script> batteries", 0.5, "<b>Kb</b>", f"{SECRET_DIR}/notes.md"),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(DataDir(tmp_path).ensure(), backup_interval=None) as opened:
        yield opened


def _conversation(store: Store) -> int:
    conv = store.create_conversation("Refunds").id
    user = store.append_message(conv, Role.USER, "How long do refunds take?")
    reply = store.append_message(conv, Role.ASSISTANT, "Thirty days [1].", parent_id=user.id)
    store.set_message_sources(reply.id, PASSAGES)
    return conv


def test_markdown_lists_the_sources_without_paths(store: Store) -> None:
    text = export_markdown(store, _conversation(store))
    assert "**Sources from knowledge bases:**" in text
    assert "1. guide.pdf, page 3 (Support): *Refunds take \\*thirty\\* days." in text
    assert "2. notes.md (<b>Kb</b>)" in text and "…*" in text  # long passages are cut
    assert SECRET_DIR not in text


def test_html_escapes_the_sources(store: Store) -> None:
    page = export_html(store, _conversation(store))
    assert '<div class="kb-sources">' in page and "<b>guide.pdf, page 3</b>" in page
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "&lt;b&gt;Kb&lt;/b&gt;" in page and SECRET_DIR not in page


def test_json_keeps_each_source_and_imports_again(store: Store, tmp_path: Path) -> None:
    conv = _conversation(store)
    document = export_json(store, [conv])
    [reply] = [m for m in document["conversations"][0]["messages"] if m["role"] == "assistant"]
    assert [(s["kb"], s["file"], s["page"]) for s in reply["knowledge_sources"]] == [
        ("Support", "guide.pdf", 3), ("<b>Kb</b>", "notes.md", None)]
    assert reply["knowledge_sources"][0]["text"] == PASSAGES[0].text
    assert SECRET_DIR not in json.dumps(document)
    out = tmp_path / "export.json"
    write_json(store, [conv], out)
    with Store.open(tmp_path / "other") as other:
        [new_id] = import_file(other, out)
        assert [m.text for m in other.messages(new_id)][-1] == "Thirty days [1]."
