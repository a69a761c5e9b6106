"""Exports show every column of a compared exchange (Markdown, HTML, JSON)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.store.compare_ops import CompareTarget
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.models import MessageStatus, Role
from desktop.core.store.store import Store


def _compared(store: Store) -> tuple[int, list[int]]:
    """A conversation: a question, then a fork answered by three models (one failed)."""
    conv = store.create_conversation(title="Compared")
    store.append_message(conv.id, Role.USER, "Earlier question")
    store.append_message(conv.id, Role.ASSISTANT, "Earlier answer", model="solo")
    fork = store.append_message(conv.id, Role.USER, "Which is best?")
    replies = []
    for position, (model, text, status) in enumerate((
            ("alpha", "Alpha says A.", MessageStatus.COMPLETE),
            ("beta", "Beta says B.", MessageStatus.COMPLETE),
            ("broken", "", MessageStatus.ERROR))):
        reply = store.append_message(conv.id, Role.ASSISTANT, text, parent_id=fork.id,
                                     model=model, provider="fake", status=status,
                                     error="HTTP 500" if text == "" else None,
                                     make_active=position == 0)
        store.add_compare_column(fork.id, position, reply.id, CompareTarget("fake", model))
        replies.append(reply.id)
    store.set_open_compare(conv.id, fork.id)
    return conv.id, replies


def test_markdown_and_html_show_every_column(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        cid, _replies = _compared(store)
        markdown = export_markdown(store, cid)
        page = export_html(store, cid)
        tree = export_markdown(store, cid, whole_tree=True)
    assert markdown.index("Earlier answer") < markdown.index("Which is best?")
    for text in ("## Assistant (alpha) — compared, column 1 of 3", "Alpha says A.",
                 "## Assistant (beta) — compared, column 2 of 3", "Beta says B.",
                 "## Assistant (broken) — compared, column 3 of 3", "*(error: HTTP 500)*"):
        assert text in markdown
    assert "Earlier answer" in markdown and "compared" not in markdown.split("Which")[0]
    for text in ("Alpha says A.", "Beta says B.", "compared, column 3 of 3"):
        assert text in page
    assert "[compared, column 2 of 3]" in tree


def test_json_keeps_the_columns_and_compare_mode(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        cid, replies = _compared(store)
        store.set_compare_targets(cid, [CompareTarget("fake", "alpha"),
                                        CompareTarget("fake", "beta", {"temperature": 1})])
        (conv,) = export_json(store, [cid])["conversations"]
    (fork,) = conv["compare"]
    assert [c["reply"] for c in fork["columns"]] == replies
    assert fork["columns"][1] == {"position": 1, "reply": replies[1], "provider": "fake",
                                  "model": "beta", "params": {}}
    assert conv["compare_open"] == fork["message"]
    assert conv["compare_targets"][1]["params"] == {"temperature": 1}


def test_a_conversation_without_compare_exports_as_before(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        conv = store.create_conversation()
        store.append_message(conv.id, Role.USER, "Hi")
        (exported,) = export_json(store, [conv.id])["conversations"]
        assert "compare" not in exported
        assert "compared" not in export_markdown(store, conv.id)
