"""A reply's refusal, citations and usage object: migration, exports and the JSON round trip."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.reply_parts import Citation, Usage
from desktop.core.store import MessageStatus, Role, Store
from desktop.core.store.database import connect
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import write_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.importer import import_file
from desktop.core.store.migrations import SCHEMA_VERSION, migrate
from desktop.core.store.schema_check import schema_problems

TEXT = "Paris is the capital of France. Its tower is tall."
CITATIONS = (
    Citation("https://fr.example/paris", "Paris [official] *site*", 0, 31, "capital"),
    Citation("https://tower.example/?a=1&b=<2>", 'Tower "facts"', 32, len(TEXT)),
)
USAGE = Usage(1200, 300, 1500, 192, 1024,
              raw='{"prompt_tokens":1200,"prompt_tokens_details":{"cached_tokens":1024}}')


def _cited_conversation(store: Store) -> int:
    conv = store.create_conversation("Cities")
    store.append_message(conv.id, Role.USER, "Tell me about Paris")
    store.append_message(conv.id, Role.ASSISTANT, TEXT, citations=CITATIONS, usage=USAGE,
                         refusal="I won't say more <b>here</b>.")
    return conv.id


def test_old_database_upgrades_with_empty_reply_fields(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    conn = connect(data.database)
    migrate(conn, target=SCHEMA_VERSION - 1)  # the version before the reply fields
    conn.execute("INSERT INTO conversations (id, title, created_at, updated_at) "
                 "VALUES (1, 'old', 1, 1)")
    conn.execute("INSERT INTO messages (id, conversation_id, role, text, prompt_tokens, "
                 "completion_tokens, cached_tokens, created_at) "
                 "VALUES (1, 1, 'assistant', 'old reply', 5, 6, 2, 1)")
    conn.close()
    with Store.open(data, backup_interval=None) as store:
        assert schema_problems(store._conn, SCHEMA_VERSION) == []
        (old,) = store.messages(1)
        assert (old.refusal, old.citations, old.usage) == (None, (), Usage(5, 6, 11, None, 2))
        assert old.usage is not None and old.usage.raw is None
        new = store.append_message(1, Role.ASSISTANT, TEXT, citations=CITATIONS,
                                   refusal="", usage=USAGE)
        again = store.get_message(new.id)
        assert (again.citations, again.refusal) == (CITATIONS, "")
        assert again.usage is not None and again.usage.raw == USAGE.raw


def test_json_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    conv_id = _cited_conversation(store)
    out = tmp_path / "export.json"
    write_json(store, [conv_id], out)
    document = json.loads(out.read_text(encoding="utf-8"))
    reply = document["conversations"][0]["messages"][1]
    assert reply["refusal"] == "I won't say more <b>here</b>."
    assert reply["citations"][1]["url"] == "https://tower.example/?a=1&b=<2>"
    assert reply["usage"]["details"]["prompt_tokens_details"] == {"cached_tokens": 1024}
    (new_id,) = import_file(store, out)
    imported = store.messages(new_id)[1]
    assert imported.citations == CITATIONS
    assert imported.refusal == "I won't say more <b>here</b>."
    assert imported.usage == USAGE and imported.usage is not None
    assert json.loads(imported.usage.raw or "") == json.loads(USAGE.raw or "")


def test_import_drops_hostile_citations(store: Store, tmp_path: Path) -> None:
    conv_id = _cited_conversation(store)
    out = tmp_path / "export.json"
    write_json(store, [conv_id], out)
    document = json.loads(out.read_text(encoding="utf-8"))
    document["conversations"][0]["messages"][1]["citations"] = [
        {"url": "javascript:alert(1)", "title": "x"}, {"url": "https://ok.example/"}, 5]
    out.write_text(json.dumps(document), encoding="utf-8")
    (new_id,) = import_file(store, out)
    assert store.messages(new_id)[1].citations == (Citation("https://ok.example/"),)


def test_markdown_has_footnotes_and_the_refusal(store: Store) -> None:
    page = export_markdown(store, _cited_conversation(store))
    assert "Paris is the capital of France.[^2-1] Its tower is tall.[^2-2]" in page
    assert "[^2-1]: [Paris \\[official\\] \\*site\\*](<https://fr.example/paris>) — fr.example" \
        in page
    assert "[^2-2]: [Tower \"facts\"](<https://tower.example/?a=1&b=%3C2%3E>)" in page
    assert "> **Refused:** I won't say more <b>here</b>." in page


def test_html_has_superscript_links_sources_and_the_refusal(store: Store) -> None:
    page = export_html(store, _cited_conversation(store))
    assert '<sup class="cite"><a href="#cite-2-1" class="cite">[1]</a></sup>' in page
    assert ('<li id="cite-2-2"><a href="https://tower.example/?a=1&amp;b=&lt;2&gt;" '
            'rel="noopener noreferrer" target="_blank">Tower &quot;facts&quot;</a>') in page
    assert "<b>here</b>" not in page and "I won&#x27;t say more &lt;b&gt;here&lt;/b&gt;." in page
    assert '<div class="refusal"><strong>Refused</strong>' in page


_CHILD = r"""
import sqlite3, sys, time
from desktop.core.store import Store, Role
store = Store.open(sys.argv[1])
conv = store.create_conversation("refusal crash")
store.append_message(conv.id, Role.USER, "do something bad")
reply = store.begin_reply(conv.id)
cp = store.checkpointer(reply.id, interval=0.05)
cp.append("Partly: ")
cp.append_refusal("I can't")
cp.append_refusal(" do that")
while True:  # until a checkpoint holds the refusal so far, as a reader sees the file
    with sqlite3.connect(store.path) as conn:
        row = conn.execute("SELECT refusal FROM messages WHERE id = ?", (reply.id,)).fetchone()
    if row[0] == "I can't do that":
        break
    time.sleep(0.02)
print("reply", reply.id, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_stream_keeps_the_refusal_so_far(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(data.root)],
                             stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    header = child.stdout.readline().split()
    assert header[:1] == ["reply"], header
    os.kill(child.pid, signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    with Store.open(data, backup_interval=None) as store:
        reply = store.get_message(int(header[1]))
        assert reply.status is MessageStatus.INTERRUPTED
        assert (reply.text, reply.refusal) == ("Partly: ", "I can't do that")
