"""The real window, store and chat service against the fake provider: every chat flow."""

from __future__ import annotations

import asyncio
import socket
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.paths import DataDir
from desktop.core.store.models import MessageStatus, Role
from desktop.core.window_state import WindowState
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]

LONG_TEXT = " ".join(f"word{i}" for i in range(400))








def test_send_streams_reply_and_titles_conversation(chat: ChatWindow) -> None:
    chat.window.chat.composer.setFocus()
    chat.type_and_send("Hello there\nsecond line")
    assert chat.window.chat.composer.toPlainText() == ""
    chat.wait(chat.idle)
    path = chat.path()
    assert [m.role for m in path] == [Role.USER, Role.ASSISTANT]
    assert path[1].text == "Hello from the fake provider."
    assert path[1].status is MessageStatus.COMPLETE
    assert chat.parts.state.messages[path[1].id].text == path[1].text
    model = chat.window.sidebar.model
    assert model.conversation_count() == 1
    assert model.summary(path[0].conversation_id).title == "Hello there"  # type: ignore[union-attr]
    assert chat.window.chat.title.text() == "Hello there"
    assert not chat.window.chat.streaming


def test_stop_keeps_partial_reply(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.01
    chat.type_and_send("Tell me a long story")
    chat.wait(lambda: chat.window.chat.streaming)
    cid = chat.parts.state.conversation_id
    assert cid is not None
    chat.wait(lambda: len(streamed_text(chat)) > 30)
    clicked = time.perf_counter()
    chat.window.chat.send_button.click()  # the Send button is Stop now
    chat.wait(lambda: not streaming(chat))
    print(f"stop: reply saved and Send back {1000 * (time.perf_counter() - clicked):.0f} ms "
          "after the click")
    chat.wait(chat.idle)
    reply = chat.path(cid)[-1]
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.text and LONG_TEXT.startswith(reply.text) and reply.text != LONG_TEXT
    assert not chat.window.chat.streaming
    assert chat.window.chat.send_button.text() == "Send"


def press(widget: QWidget, key: Qt.Key) -> None:
    """Deliver a key press now, without processing other events (qtbot would, outside the
    asyncio loop, which qasync tasks do not survive)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key,
                                             Qt.KeyboardModifier.NoModifier))


def streamed_text(chat: ChatWindow) -> str:
    cid = chat.parts.state.conversation_id
    if cid is None:
        return ""
    return "".join(m.text for m in chat.parts.exchanges.service.live_replies(cid))


def current(chat: ChatWindow) -> int | None:
    return chat.parts.state.conversation_id


def editing(chat: ChatWindow) -> int | None:
    return chat.parts.state.editing_id


def streaming(chat: ChatWindow) -> bool:
    return chat.window.chat.streaming


def test_escape_in_composer_stops(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.01
    chat.type_and_send("story")
    chat.wait(lambda: len(streamed_text(chat)) > 10)
    press(chat.window.chat.composer, Qt.Key.Key_Escape)
    chat.wait(chat.idle)
    assert chat.path()[-1].status is MessageStatus.INTERRUPTED


def test_regenerate_edit_and_switch_branch(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    chat.type_and_send("first question")
    chat.wait(chat.idle)
    user, reply = chat.path()
    fake_provider.default_text = "A second answer."
    chat.window.chat.chat_view.regenerate_requested.emit(reply.id)
    chat.wait(chat.idle)
    chat.wait(lambda: chat.parts.state.messages.get(user.id) is not None
              and len(chat.parts.state.messages) == 2)
    siblings = chat.store.siblings(reply.id)
    assert [m.text for m in siblings] == ["Hello from the fake provider.", "A second answer."]
    assert chat.path()[-1].id == siblings[1].id
    assert siblings[1].id in chat.parts.state.messages

    # Edit & resend: the edited question becomes a sibling of the original (a new branch).
    chat.window.chat.chat_view.edit_requested.emit(user.id)
    composer = chat.window.chat.composer
    assert composer.toPlainText() == "first question"
    assert chat.window.chat.edit_banner.isVisibleTo(chat.window)
    fake_provider.default_text = "Answer to the edit."
    chat.type_and_send("edited question")
    chat.wait(chat.idle)
    edited_user, edited_reply = chat.path()
    assert edited_user.text == "edited question" and edited_user.id != user.id
    assert edited_reply.text == "Answer to the edit."
    assert [m.id for m in chat.store.siblings(user.id)] == [user.id, edited_user.id]
    chat.wait(lambda: edited_user.id in chat.parts.state.messages)

    # Switch back to the first branch: its newest reply is shown again.
    chat.window.chat.chat_view.branch_requested.emit(user.id)
    chat.wait(lambda: user.id in chat.parts.state.messages and chat.idle())
    assert [m.id for m in chat.path()] == [user.id, siblings[1].id]
    assert list(chat.parts.state.messages) == [user.id, siblings[1].id]


def test_up_on_empty_composer_edits_last_message(chat: ChatWindow) -> None:
    chat.type_and_send("what I asked")
    chat.wait(chat.idle)
    composer = chat.window.chat.composer
    press(composer, Qt.Key.Key_Up)
    assert composer.toPlainText() == "what I asked"
    assert chat.parts.state.editing_id == chat.path()[0].id
    press(composer, Qt.Key.Key_Escape)
    assert editing(chat) is None and composer.toPlainText() == ""


def test_search_opens_conversation_at_message(chat: ChatWindow) -> None:
    store = chat.store
    target = store.create_conversation("Animals")
    store.append_message(target.id, Role.USER, "tell me about the zebra crossing")
    hit = store.append_message(target.id, Role.ASSISTANT, "A zebra has stripes.")
    other = store.create_conversation("Other")
    store.append_message(other.id, Role.USER, "nothing to see")
    chat.parts.conversation_list.reload()
    chat.wait(chat.idle)
    scrolled: list[tuple[int, str]] = []
    chat.window.chat.chat_view.scroll_to_message = lambda mid, highlight="": scrolled.append(
        (mid, highlight))
    chat.window.focus_search()
    chat.window.sidebar.search.setText("zebra")
    results = chat.window.sidebar.results_model
    chat.wait(lambda: results.rowCount() >= 2)
    rows = [results.row_at(i) for i in range(results.rowCount())]
    assert {r.conversation_id for r in rows} == {target.id}
    assert all("<b>" in r.snippet_html for r in rows)
    hit_row = next(i for i, r in enumerate(rows) if r.message_id == hit.id)
    chat.window.sidebar.results_view.open_index(results.index(hit_row))
    chat.wait(lambda: bool(scrolled))
    assert chat.parts.state.conversation_id == target.id
    assert scrolled == [(hit.id, "zebra")]
    assert hit.id in chat.parts.state.messages


def test_stale_search_results_are_dropped(chat: ChatWindow) -> None:
    conv = chat.store.create_conversation("x")
    chat.store.append_message(conv.id, Role.USER, "alpha beta")
    chat.window.focus_search()
    chat.window.sidebar.search.setText("alpha")
    chat.window.sidebar.search.setText("alphazzz")  # the first query never answers
    chat.wait(lambda: chat.window.sidebar.search_status.text().startswith("No matches"))
    assert chat.window.sidebar.results_model.rowCount() == 0


def test_rename_pin_archive(chat: ChatWindow) -> None:
    conv = chat.store.create_conversation("Old name")
    chat.parts.conversation_list.reload()
    chat.wait(chat.idle)
    model = chat.window.sidebar.model
    assert model.setData(model.index_of(conv.id), "New name")
    chat.wait(chat.idle)
    assert chat.store.get_conversation(conv.id).title == "New name"
    chat.parts.sidebar.set_pinned(conv.id, True)
    chat.wait(chat.idle)
    assert chat.store.get_conversation(conv.id).pinned
    assert model.data(model.index(0)) == "Pinned"
    chat.parts.sidebar.set_archived(conv.id, True)
    chat.wait(chat.idle)
    assert chat.store.get_conversation(conv.id).archived


def test_delete_with_undo_then_for_real(chat: ChatWindow) -> None:
    keep = chat.store.create_conversation("keep me")
    drop = chat.store.create_conversation("drop me")
    chat.parts.conversation_list.reload()
    chat.wait(chat.idle)
    model = chat.window.sidebar.model
    chat.parts.opener.open_conversation(drop.id)
    chat.wait(chat.idle)
    chat.parts.sidebar.delete_conversation(drop.id)
    assert model.summary(drop.id) is None and model.summary(keep.id) is not None
    assert current(chat) == keep.id  # its neighbour opens (issue 11, symptom 8)
    assert chat.window.undo_bar.isVisibleTo(chat.window)
    chat.window.undo_bar.undo()
    chat.wait(chat.idle)
    assert model.summary(drop.id) is not None
    assert current(chat) == drop.id
    chat.parts.sidebar.delete_conversation(drop.id)
    chat.parts.sidebar.commit_delete(drop.id)  # what the Undo timer does when it runs out
    chat.wait(chat.idle)
    assert [s.id for s in chat.store.list_conversations()] == [keep.id]


def test_offline_send_shows_inline_error_and_keeps_draft(
    tmp_path: Path, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv(KEY_ENV, fake_key())
    data_dir = data_dir_at(tmp_path / "offline")
    add_provider(data_dir, f"http://127.0.0.1:{port}/v1")
    chat = open_window(data_dir, qasync_loop)
    try:
        chat.type_and_send("are you there?")
        chat.wait(chat.idle)
        _user, reply = chat.path()
        assert reply.status is MessageStatus.ERROR and reply.error
        assert chat.parts.state.messages[reply.id].status is MessageStatus.ERROR
        assert chat.window.chat.composer.toPlainText() == "are you there?"
        # Sending the same text again retries that reply instead of repeating the question,
        # and the failed empty reply is replaced, not kept as a second branch.
        chat.type_and_send("are you there?")
        chat.wait(chat.idle)
        user, again = chat.path()
        assert [m.role for m in chat.path()] == [Role.USER, Role.ASSISTANT]
        assert again.created_at > reply.created_at and again.status is MessageStatus.ERROR
        assert [m.id for m in chat.store.children(user.id)] == [again.id]
    finally:
        chat.close()
        chat.store.close()


def test_two_conversations_stream_at_once(chat: ChatWindow, fake_provider: FakeProvider) -> None:
    fake_provider.default_text = " ".join(f"w{i}" for i in range(60))
    fake_provider.default_delay = 0.01
    chat.type_and_send("first")
    chat.wait(lambda: chat.window.chat.streaming)
    first = chat.parts.state.conversation_id
    chat.window.new_conversation()
    assert not streaming(chat)  # the new conversation is not streaming
    chat.type_and_send("second")
    chat.wait(lambda: len(chat.parts.exchanges.running) == 2)
    second = chat.parts.state.conversation_id
    assert first is not None and second is not None and first != second
    # Switch back to the first mid-stream: what it streamed so far is shown and it goes on.
    chat.parts.opener.open_conversation(first)
    chat.wait(lambda: any(m.role is Role.ASSISTANT for m in chat.parts.state.messages.values()))
    assert streaming(chat)
    chat.wait(chat.idle, timeout=20)
    for cid in (first, second):
        reply = chat.path(cid)[-1]
        assert reply.status is MessageStatus.COMPLETE
        assert reply.text == fake_provider.default_text
    assert chat.parts.state.messages[chat.path(first)[-1].id].text == fake_provider.default_text


def test_close_while_streaming_keeps_what_arrived(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.01
    chat.type_and_send("go on")
    cid = chat.parts.state.conversation_id
    chat.wait(lambda: len(streamed_text(chat)) > 10)
    chat.close()
    reply = chat.path(cid)[-1]
    assert reply.status is MessageStatus.INTERRUPTED and reply.text


def test_restart_restores_conversation_draft_and_geometry(
    data: DataDir, qasync_loop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    first = open_window(data, qasync_loop)
    first.type_and_send("remember me")
    first.wait(first.idle)
    cid = first.parts.state.conversation_id
    first.window.chat.composer.setPlainText("an unsent draft")
    first.window.resize(760, 520)
    first.window.splitter.setSizes([150, 460, 150])
    first.wait(lambda: first.window.width() == 760)
    # The composer row folds its buttons' words at this width (a moment later), which lowers
    # the chat's minimum width: the sizes settle then, and those are what the state keeps.
    first.wait(lambda: not first.window.chat.row_fit.pending)
    size = (first.window.width(), first.window.height())
    sizes = first.window.splitter.sizes()
    first.close()
    first.store.close()

    second = open_window(data, qasync_loop)
    try:
        second.wait(lambda: bool(second.parts.state.messages))
        second.wait(lambda: second.window.splitter.sizes() == sizes, timeout=2)
        assert second.parts.state.conversation_id == cid
        assert second.window.chat.composer.toPlainText() == "an unsent draft"
        assert (second.window.width(), second.window.height()) == size
        assert second.window.splitter.sizes() == sizes
        assert next(m.text for m in second.parts.state.messages.values()) == "remember me"
    finally:
        second.close()
        second.store.close()


def test_continue_and_retry_an_interrupted_reply(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.01
    chat.type_and_send("begin")
    chat.wait(lambda: len(streamed_text(chat)) > 20)
    chat.parts.exchanges.stop()
    chat.wait(chat.idle)
    reply = chat.path()[-1]
    assert reply.status is MessageStatus.INTERRUPTED
    fake_provider.default_text = "and the end."
    fake_provider.default_delay = 0.0
    chat.window.chat.chat_view.continue_requested.emit(reply.id)
    chat.wait(chat.idle)
    continued = chat.store.get_message(reply.id)
    assert continued.status is MessageStatus.COMPLETE
    assert continued.text.startswith(reply.text) and continued.text.endswith("and the end.")
    assert chat.parts.state.messages[reply.id].text == continued.text
    # Retry makes a fresh sibling reply.
    chat.window.chat.chat_view.retry_requested.emit(reply.id)
    chat.wait(chat.idle)
    assert len(chat.store.siblings(reply.id)) == 2


def test_delete_message_and_export_and_folders(chat: ChatWindow, tmp_path: Path) -> None:
    chat.type_and_send("keep this question")
    chat.wait(chat.idle)
    cid = current(chat)
    assert cid is not None
    user, reply = chat.path()
    target = tmp_path / "out.md"
    chat.parts.sidebar.export_conversation(cid, str(target))
    chat.wait(lambda: target.exists() and chat.idle())
    text = target.read_text(encoding="utf-8")
    assert "keep this question" in text and reply.text in text
    json_target = tmp_path / "out.json"
    chat.parts.sidebar.export_conversation(cid, str(json_target))
    chat.wait(lambda: json_target.exists() and chat.idle())
    assert "keep this question" in json_target.read_text(encoding="utf-8")

    folder = chat.store.folders.create("Work")
    chat.parts.sidebar.move_to_folder(cid, folder.id)
    chat.wait(chat.idle)
    model = chat.window.sidebar.model
    assert model.data(model.index(0)) == "Work"
    assert chat.window.sidebar.list_view.folders == {folder.id: "Work"}

    header = chat.window.sidebar.list_view.folder_menu(model.index(0))
    assert header is not None
    assert header.actions()[0].text() == "Rename folder…"
    chat.parts.sidebar.rename_folder(folder.id, "Clients")
    chat.wait(lambda: chat.idle() and model.data(model.index(0)) == "Clients")
    chat.parts.sidebar.delete_folder(folder.id)
    chat.wait(lambda: chat.idle() and model.data(model.index(0)) == "Today")
    assert chat.store.get_conversation(cid).folder_id is None

    chat.window.chat.chat_view.delete_requested.emit(reply.id)
    chat.wait(lambda: chat.idle() and reply.id not in chat.parts.state.messages)
    assert [m.id for m in chat.path()] == [user.id]


def test_a_message_that_cannot_be_sent_leaves_no_empty_conversation(
    chat: ChatWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(KEY_ENV)  # the provider's key is missing: nothing can be sent
    chat.type_and_send("lost?")
    chat.wait(lambda: chat.idle() and chat.window.chat.notice.isVisibleTo(chat.window))
    assert "SWITCHBOARD_TEST_FAKE_KEY" in chat.window.chat.notice_label.text()
    assert chat.window.chat.composer.toPlainText() == "lost?"
    chat.wait(lambda: chat.store.count_conversations() == 0 and chat.idle())
    assert current(chat) is None


def test_a_second_send_while_the_first_creates_the_conversation_is_ignored(
    chat: ChatWindow,
) -> None:
    chat.type_and_send("one")
    chat.type_and_send("two")  # before the new conversation exists
    chat.wait(chat.idle)
    assert chat.store.count_conversations() == 1
    assert chat.path()[0].text == "one"


def test_draft_reaches_the_disk_without_closing(chat: ChatWindow, data: DataDir) -> None:
    chat.window.chat.composer.setPlainText("half a thought")
    chat.parts.drafts.save()  # what the typing timer does
    chat.wait(chat.idle)
    saved = WindowState(data.window_state_file).get("drafts")
    assert saved == {"new": "half a thought"}


def test_several_choices_become_siblings(chat: ChatWindow) -> None:
    chat.window.parameters.set_values({"n": 3}, "")
    settings = chat.parts.exchanges.target.settings()
    assert settings is not None and settings.params.get("n") == 3
    chat.type_and_send("three ways")
    chat.wait(chat.idle)
    reply = chat.path()[-1]
    siblings = chat.store.siblings(reply.id)
    assert len(siblings) == 3
    chat.wait(lambda: reply.id in chat.parts.state.messages and chat.idle())
    assert [m.role for m in chat.parts.state.messages.values()] == [Role.USER, Role.ASSISTANT]


def test_search_by_keyboard_alone(chat: ChatWindow) -> None:
    conv = chat.store.create_conversation("Birds")
    chat.store.append_message(conv.id, Role.USER, "where do puffins nest")
    chat.parts.conversation_list.reload()
    chat.wait(chat.idle)
    chat.window.focus_search()  # Ctrl+K
    box = chat.window.sidebar.search
    box.setText("puff")  # the word being typed matches "puffins"
    chat.wait(lambda: chat.window.sidebar.results_model.rowCount() == 1)
    press(box, Qt.Key.Key_Return)  # Enter opens the first result
    chat.wait(lambda: current(chat) == conv.id and chat.idle())
    press(box, Qt.Key.Key_Escape)  # Esc clears the search: the list is back
    assert not chat.window.sidebar.is_searching()
