"""`switchboard ask --file PATH` (repeatable), run as a real process against the fake provider."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.providers import ProviderRegistry
from desktop.core.store.store import Store
from tests.core.api.test_cli import added, cli
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.sample_documents import make_docx, make_pdf

__all__ = ["added"]


def test_ask_file_sends_documents_as_text_and_saves_them(
    added: Path, fake_provider: FakeProvider, fake_key: str, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdf(["Revenue grew.", "Costs fell."]))
    memo = tmp_path / "memo.docx"
    memo.write_bytes(make_docx(["From the memo"]))
    notes = tmp_path / "notes.txt"
    notes.write_bytes("中文笔记：第三页".encode("gb18030"))
    result = cli(added, "ask", "-p", "Fake", "-m", "m", "--file", str(pdf), "--file", str(memo),
                 "--file", str(notes), "--no-stream", "Compare them.", key=fake_key)
    assert result.returncode == 0, result.stderr
    content = fake_provider.bodies("/chat/completions")[0]["messages"][0]["content"]
    assert [part["type"] for part in content] == ["text"] * 4
    assert content[0]["text"].startswith(
        "=== Attached file: report.pdf (2 pages) ===\n--- page 1 ---\nRevenue grew.")
    assert "--- page 2 ---\nCosts fell." in content[0]["text"]
    assert content[1]["text"] == (
        "=== Attached file: memo.docx ===\nFrom the memo\n=== End of memo.docx ===")
    assert "中文笔记：第三页" in content[2]["text"]
    assert content[3] == {"type": "text", "text": "Compare them."}
    store = Store.open(added, backup_interval=None)
    try:
        (conversation,) = store.list_conversations()
        user = store.messages(conversation.id)[0]
        assert [f.name for f in user.files] == ["report.pdf", "memo.docx", "notes.txt"]
        assert user.files[0].pages == 2
    finally:
        store.close()


def test_ask_file_native_pdf_and_refusals(
    added: Path, fake_provider: FakeProvider, fake_key: str, tmp_path: Path
) -> None:
    ProviderRegistry(added).update("Fake", send_pdfs_natively=True)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdf(["Revenue grew."]))
    result = cli(added, "ask", "-p", "Fake", "-m", "m", "--file", str(pdf), "--no-save",
                 "--no-stream", "--json", "Summarise.", key=fake_key)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["choices"]
    content = fake_provider.bodies("/chat/completions")[0]["messages"][0]["content"]
    assert content[0]["type"] == "file" and content[0]["file"]["filename"] == "report.pdf"
    assert content[0]["file"]["file_data"].startswith("data:application/pdf;base64,JVBERi0")
    assert content[1] == {"type": "text", "text": "Summarise."}
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(make_pdf(["secret"], password="pw"))
    refused = cli(added, "ask", "-p", "Fake", "-m", "m", "--file", str(locked), "hi",
                  key=fake_key)
    assert refused.returncode == 4
    assert "locked.pdf cannot be attached" in refused.stderr and "password" in refused.stderr
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_pdf([None]))
    refused = cli(added, "ask", "-p", "Fake", "-m", "m", "--file", str(scan), "hi", key=fake_key)
    assert refused.returncode == 4 and "no text layer" in refused.stderr
    assert len(fake_provider.bodies("/chat/completions")) == 1


def test_provider_add_send_pdfs_natively(tmp_path: Path, capsys: object) -> None:
    from desktop.cli import main

    code = main(["--data-dir", str(tmp_path), "provider", "add", "Native", "--base-url",
                 "http://127.0.0.1:9/v1", "--key-env", "SOME_KEY", "--send-pdfs-natively"])
    assert code == 0
    assert ProviderRegistry(tmp_path).get("Native").send_pdfs_natively is True
