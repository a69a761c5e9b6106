"""Knowledge bases in the real window, against the fake provider's `/embeddings`.

A base is made and filled through Settings → Knowledge bases (indexing in the background,
the window usable meanwhile), attached to a new conversation with the composer's Knowledge
button, and a question brings its passages into the request; the reply shows numbered
source chips, a chip shows its passage with file and page, and Open file opens only a file
of the base. Reopening the history shows the chips again. Cancel stops indexing and keeps
the part embedded; a 401 says so and keeps it too.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.passages import Passage
from desktop.core.paths import DataDir
from desktop.core.store.models import Role
from desktop.ui.chat_view.kb_sources import PassageDialog
from desktop.ui.knowledge.create_form import CreateForm, ModelForm
from desktop.ui.knowledge.kb_dialog import KnowledgeDialog
from desktop.ui.knowledge.wiring import KnowledgeWiring
from tests.helpers.chat_window import ChatWindow, open_window
from tests.helpers.fake_embeddings import FakeEmbeddings
from tests.helpers.fake_provider import FakeProvider, RecordedRequest, Reply
from tests.helpers.sample_documents import make_pdf

REFUNDS = ("Refunds: customers may return a product within thirty days of delivery. "
           "The refund goes back to the original payment method.")
PAGES: list[str | None] = ["Warranty terms. Batteries are covered for one year.",
         "Shipping times. Parcels leave the warehouse within two working days.",
         "Repairs. A faulty display is replaced free of charge during the warranty."]


def slow_embeddings(provider: FakeProvider, delay: float) -> None:
    """Each /embeddings answer waits `delay` seconds first (indexing long enough to watch)."""
    fake = provider.embeddings
    assert fake is not None

    def answer(request: RecordedRequest) -> Reply:
        status, body, headers = fake.answer(request.json)
        reply = Reply.json(body, status, headers)
        reply.delay = delay
        return reply

    provider.route("/embeddings", answer)


@pytest.fixture
def docs(tmp_path: Path, fake_provider: FakeProvider) -> list[Path]:
    fake_provider.embeddings = FakeEmbeddings()
    folder = tmp_path / "handbook"
    folder.mkdir()
    (folder / "refunds.md").write_text(REFUNDS, encoding="utf-8")
    pdf = folder / "Service guide.pdf"
    pdf.write_bytes(make_pdf(PAGES))
    return [folder / "refunds.md", pdf]


def wiring(chat: ChatWindow) -> KnowledgeWiring:
    assert chat.parts.knowledge is not None
    return chat.parts.knowledge


def open_dialog(chat: ChatWindow) -> KnowledgeDialog:
    chat.window.knowledge_action.trigger()
    dialog = wiring(chat).dialog
    assert isinstance(dialog, KnowledgeDialog) and dialog.isVisible()
    chat.wait(lambda: dialog.loading == 0)
    return dialog


def create_base(chat: ChatWindow, dialog: KnowledgeDialog, name: str) -> None:
    dialog.new_button.click()
    form = dialog.ops.form
    assert isinstance(form, CreateForm)
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no name yet
    form.name.setText(name)
    form.model.setCurrentText("fake-embed")
    form.chunk_size.setValue(60)
    form.overlap.setValue(0)
    assert ok.isEnabled(), form.problem_text()
    ok.click()
    chat.wait(lambda: name in dialog.infos and dialog.current() == name and dialog.loading == 0)


def add_files(chat: ChatWindow, dialog: KnowledgeDialog, paths: list[Path]) -> None:
    dialog.ops.choose_files = lambda _parent: [str(p) for p in paths]
    dialog.add_files_button.click()
    chat.wait(lambda: wiring(chat).indexing.busy, timeout=10)


def indexed(chat: ChatWindow, name: str) -> bool:
    indexing = wiring(chat).indexing
    return not indexing.busy and name in indexing.last


def record(opened: list[QUrl], url: QUrl) -> bool:
    opened.append(url)
    return True


def chip_centre(chat: ChatWindow, message_id: int, number: int) -> QPoint:
    widget = chat.window.chat.chat_view.area.bound_widget(message_id)
    assert widget is not None
    return widget.kb_chips.chip_rects(widget.kb_chips.width())[number - 1].center()


def test_a_knowledge_base_answer_has_clickable_sources_that_survive_reopening(
        data: DataDir, qasync_loop: asyncio.AbstractEventLoop, docs: list[Path],
        fake_provider: FakeProvider) -> None:
    chat = open_window(data, qasync_loop)
    try:
        reply_id, cid, paths = answer_with_sources(chat, docs, fake_provider)
    finally:
        chat.close()
        chat.store.close()

    # Reopened from the history, the reply shows its chips again.
    again = open_window(data, qasync_loop)
    try:
        again.parts.opener.open_conversation(cid)
        reopened = again.window.chat.chat_view.area.kb_sources
        again.wait(lambda: bool(reopened.of(reply_id)))
        assert [p.path for p in reopened.of(reply_id)] == paths
        again.wait(lambda: "Handbook" in again.window.chat.kb_choice.toolTip())
    finally:
        again.close()
        again.store.close()


def answer_with_sources(chat: ChatWindow, docs: list[Path],
                        fake_provider: FakeProvider) -> tuple[int, int, list[str]]:
    """Make a base, attach it to a new conversation, ask, click a chip, open its file."""
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Handbook")
    add_files(chat, dialog, docs)
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    assert wiring(chat).indexing.last["Handbook"].ok
    chat.wait(lambda: dialog.loading == 0 and dialog.files.topLevelItemCount() == 2)
    info = dialog.infos["Handbook"]
    assert (info.files, info.indexed_files) == (2, 2) and info.chunks >= 4
    assert "Up to date" in dialog.status.text()
    dialog.close()

    # Attach it to the new conversation before its first send: the send keeps the choice.
    button = chat.window.chat.kb_choice
    chat.wait(lambda: ("Handbook", info.chunks) in button.bases)
    button.build_menu()
    [attach] = [a for a in button.kb_menu.actions() if a.data() == "Handbook"]
    attach.trigger()
    assert button.text() == "Handbook" and "Handbook" in button.toolTip()
    chat.type_and_send("How many days do customers have for a refund of a product?")
    chat.wait(chat.idle, timeout=20)
    cid = chat.parts.state.conversation_id
    assert cid is not None and chat.store.conversation_knowledge_bases(cid) == ("Handbook",)
    sent = str(fake_provider.bodies("/chat/completions")[-1]["messages"])
    assert "thirty days of delivery" in sent and "refunds.md" in sent

    reply = chat.path()[-1]
    book = chat.window.chat.chat_view.area.kb_sources
    chat.wait(lambda: bool(book.of(reply.id)))
    passages = book.of(reply.id)
    assert passages[0].file_name == "refunds.md"
    widget = chat.window.chat.chat_view.area.bound_widget(reply.id)
    assert widget is not None and widget.kb_chips.isVisible()

    # A click shows the passage; Open file opens the base's own file.
    knowledge = wiring(chat)
    opened: list[QUrl] = []
    knowledge.open_url = lambda url: record(opened, url)
    QTest.mouseClick(widget.kb_chips, Qt.MouseButton.LeftButton, pos=chip_centre(chat, reply.id, 1))
    popup = knowledge.passage_dialog
    assert isinstance(popup, PassageDialog) and popup.isVisible()
    assert popup.file_label.text() == "refunds.md"
    assert "thirty days" in popup.text.toPlainText()
    assert "Handbook" in popup.where.text()
    popup.open_button.click()
    chat.wait(lambda: bool(opened))
    assert opened[0].toLocalFile() == str(docs[0])
    popup.close()
    return reply.id, cid, [p.path for p in passages]


def test_a_source_outside_its_base_is_not_opened(
        chat: ChatWindow, docs: list[Path], tmp_path: Path) -> None:
    knowledge = wiring(chat)
    knowledge.bases.create("Handbook", "fake", "fake-embed")
    knowledge.bases.add_paths("Handbook", [docs[0]])
    stranger = tmp_path / "secret.txt"
    stranger.write_text("not part of any base", encoding="utf-8")
    opened: list[QUrl] = []
    knowledge.open_url = lambda url: record(opened, url)
    notices: list[str] = []
    knowledge.failed.connect(notices.append)
    from desktop.ui.chat_view.kb_sources import ShownSource

    knowledge.open_source_file(ShownSource(1, Passage("x", 0.9, "Handbook", str(stranger))))
    chat.wait(lambda: bool(notices))
    assert not opened and "secret.txt" in notices[0]


def test_cancel_stops_indexing_keeps_the_part_done_and_refresh_finishes(
        chat: ChatWindow, tmp_path: Path, fake_provider: FakeProvider) -> None:
    fake_provider.embeddings = FakeEmbeddings()
    slow_embeddings(fake_provider, 0.15)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(40):
        (folder / f"note-{number:02d}.txt").write_text(
            " ".join(f"Note {number} line {k} about warranty and refunds." for k in range(60)),
            encoding="utf-8")
    knowledge = wiring(chat)
    knowledge.bases.batch_size = 8
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Notes")
    dialog.ops.choose_folder = lambda _parent: str(folder)
    dialog.add_folder_button.click()
    chat.wait(lambda: knowledge.indexing.busy)
    run = knowledge.indexing.running("Notes")
    assert run is not None
    chat.wait(lambda: run.progress.phase == "Embedding" and run.progress.done > 0, timeout=20)
    assert dialog.progress.isVisible() and dialog.cancel_button.isVisible()
    assert not dialog.refresh_button.isEnabled()
    chat.window.chat.composer.setPlainText("the window stays usable")  # not modal
    assert chat.window.chat.composer.toPlainText() == "the window stays usable"
    dialog.cancel_button.click()
    chat.wait(lambda: not knowledge.indexing.busy, timeout=20)
    outcome = knowledge.indexing.last["Notes"]
    assert outcome.cancelled
    chat.wait(lambda: dialog.loading == 0)
    assert "cancelled" in dialog.status.text() and "kept" in dialog.status.text()
    kept = knowledge.bases.get("Notes")
    assert kept.chunks > 0 and not kept.ready

    slow_embeddings(fake_provider, 0.0)
    dialog.refresh_button.click()
    chat.wait(lambda: indexed(chat, "Notes"), timeout=60)
    assert knowledge.indexing.last["Notes"].ok
    assert knowledge.bases.get("Notes").ready


def test_a_401_stops_indexing_says_why_and_keeps_the_part_done(
        chat: ChatWindow, docs: list[Path], fake_provider: FakeProvider) -> None:
    assert fake_provider.embeddings is not None
    fake_provider.embeddings.fail_request(2, 401, retry_after=None)
    knowledge = wiring(chat)
    knowledge.bases.batch_size = 1
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Handbook")
    add_files(chat, dialog, docs)
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    outcome = knowledge.indexing.last["Handbook"]
    assert "401" in outcome.problem
    chat.wait(lambda: dialog.loading == 0)
    assert dialog.status.objectName() == "kbProblem"
    assert "401" in dialog.status.text() and "kept" in dialog.status.text()
    assert knowledge.bases.get("Handbook").chunks >= 1


def test_delete_asks_first(chat: ChatWindow, docs: list[Path]) -> None:
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Old")
    dialog.delete_button.click()
    box = dialog.ops.confirm
    assert box is not None and box.isVisible()
    box.button(box.StandardButton.Cancel).click()
    chat.wait(lambda: dialog.loading == 0)
    assert "Old" in dialog.infos
    dialog.delete_button.click()
    box = dialog.ops.confirm
    assert box is not None
    [delete] = [b for b in box.buttons() if b.text() == "Delete"]
    delete.click()
    chat.wait(lambda: dialog.loading == 0 and "Old" not in dialog.infos)
    assert dialog.title.text() == "No knowledge base yet"


def test_change_model_asks_first_and_rebuilds(chat: ChatWindow, docs: list[Path]) -> None:
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Handbook")
    add_files(chat, dialog, docs[:1])
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    chat.wait(lambda: dialog.loading == 0 and dialog.model_button.isEnabled())
    dialog.model_button.click()
    form = dialog.ops.form
    assert isinstance(form, ModelForm) and form.isVisible()
    assert "embedded again" in form.note.text()
    form.model.setCurrentText("fake-embed-128")
    form.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    chat.wait(lambda: dialog.loading == 0)
    assert not wiring(chat).indexing.busy and dialog.infos["Handbook"].model == "fake-embed"
    dialog.model_button.click()
    form = dialog.ops.form
    assert isinstance(form, ModelForm)
    form.model.setCurrentText("fake-embed-128")
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Rebuild index"
    ok.click()
    chat.wait(lambda: "Handbook" not in wiring(chat).indexing.last, timeout=5)
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    outcome = wiring(chat).indexing.last["Handbook"]
    assert outcome.ok and outcome.report is not None and outcome.report.rebuilt
    info = wiring(chat).bases.get("Handbook")
    assert (info.model, info.dimension) == ("fake-embed-128", 128) and info.chunks >= 1


def test_retrieval_settings_are_edited_in_the_dialog(chat: ChatWindow) -> None:
    dialog = open_dialog(chat)
    settings = chat.window.settings
    assert dialog.top_k.value() == settings.get("knowledge.top_k")
    dialog.top_k.setValue(8)
    dialog.threshold.setValue(45)
    assert settings.get("knowledge.top_k") == 8
    assert settings.get("knowledge.min_score_percent") == 45


def test_a_failure_with_the_dialog_closed_is_told_in_the_window(
        chat: ChatWindow, docs: list[Path], fake_provider: FakeProvider) -> None:
    assert fake_provider.embeddings is not None
    fake_provider.embeddings.fail(401)
    knowledge = wiring(chat)
    knowledge.bases.create("Handbook", "fake", "fake-embed")
    knowledge.bases.add_paths("Handbook", docs[:1])
    assert knowledge.dialog is None
    knowledge.indexing.start(
        "Handbook", lambda progress: knowledge.bases.index("Handbook", progress=progress))
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    pane = chat.window.chat
    chat.wait(lambda: pane.notice.isVisible())
    assert "Handbook" in pane.notice_label.text() and "401" in pane.notice_label.text()


def test_changed_files_are_indexed_again_when_the_dialog_opens(
        chat: ChatWindow, docs: list[Path]) -> None:
    knowledge = wiring(chat)
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Handbook")
    add_files(chat, dialog, docs)
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    dialog.close()
    docs[0].write_text("Refunds now take ninety days. " * 3, encoding="utf-8")
    docs[1].unlink()
    knowledge.indexing.last.clear()  # a new session of the window
    dialog = open_dialog(chat)
    chat.wait(lambda: "Handbook" in knowledge.indexing.last, timeout=30)
    report = knowledge.indexing.last["Handbook"].report
    assert report is not None and (report.files_indexed, report.files_removed) == (1, 1)
    chat.wait(lambda: dialog.loading == 0 and dialog.files.topLevelItemCount() == 1)


def test_hostile_stored_sources_are_capped_plain_text(chat: ChatWindow) -> None:
    store = chat.store
    conversation = store.create_conversation("Imported", provider="fake", model="fake-model")
    user = store.append_message(conversation.id, Role.USER, "question")
    reply = store.append_message(conversation.id, Role.ASSISTANT, "answer", parent_id=user.id)
    hostile = Passage("<img src=x onerror=1>" + "A" * 100_000, 0.5, "<i>kb</i>",
                      "/tmp/<b>evil.pdf", 2)
    store.set_message_sources(reply.id, [hostile] * 80)
    chat.parts.opener.open_conversation(conversation.id)
    book = chat.window.chat.chat_view.area.kb_sources
    area = chat.window.chat.chat_view.area
    chat.wait(lambda: bool(book.of(reply.id)) and area.bound_widget(reply.id) is not None
              and bool(area.bound_widget(reply.id).kb_chips.sources))  # bound after layout
    widget = area.bound_widget(reply.id)
    assert widget is not None and len(widget.kb_chips.sources) == 50
    widget.kb_chips.show_passage(50)
    popup = wiring(chat).passage_dialog
    assert isinstance(popup, PassageDialog)
    assert popup.file_label.text() == "<b>evil.pdf"
    assert popup.file_label.textFormat() == Qt.TextFormat.PlainText
    assert popup.file_label.toolTip() == "<p>/tmp/&lt;b&gt;evil.pdf</p>"
    assert len(popup.text.toPlainText()) <= 20_000
    assert popup.text.toPlainText().startswith("<img src=x")  # shown, not rendered
    popup.close()


def test_removing_a_file_takes_its_chunks_out(chat: ChatWindow, docs: list[Path]) -> None:
    dialog = open_dialog(chat)
    create_base(chat, dialog, "Handbook")
    add_files(chat, dialog, docs)
    chat.wait(lambda: indexed(chat, "Handbook"), timeout=30)
    chat.wait(lambda: dialog.loading == 0 and dialog.files.topLevelItemCount() == 2)
    assert not dialog.remove_files_button.isEnabled()  # nothing selected
    items = [dialog.files.topLevelItem(i) for i in range(2)]
    [pdf] = [item for item in items if item is not None and item.text(0) == "Service guide.pdf"]
    pdf.setSelected(True)
    before = dialog.infos["Handbook"].chunks
    dialog.remove_files_button.click()
    chat.wait(lambda: dialog.loading == 0 and dialog.files.topLevelItemCount() == 1)
    info = wiring(chat).bases.get("Handbook")
    assert info.files == 1 and 0 < info.chunks < before
