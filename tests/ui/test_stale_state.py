"""Issue 11's symptoms of stale or wrong state, each on the real window (fake provider)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.store.models import MessageStatus, Role
from tests.helpers.chat_window import KEY_ENV, ChatWindow, data_dir_at, fake_key, open_window
from tests.helpers.fake_provider import FakeProvider, Reply

LONG_TEXT = " ".join(f"word{i}" for i in range(400))


def notice(chat: ChatWindow) -> str:
    pane = chat.window.chat
    return pane.notice_label.text() if not pane.notice.isHidden() else ""


def test_retry_that_succeeds_takes_the_given_back_text_out_of_the_composer(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """Symptom 3: a failed send gives its text back; a Retry that works takes it away again,
    so Enter cannot post the same question a second time."""
    fake_provider.script("/chat/completions", Reply.error(503, "down for maintenance"))
    chat.type_and_send("what is SSE?")
    chat.wait(chat.idle)
    user, failed = chat.path()
    assert failed.status is MessageStatus.ERROR
    assert chat.window.chat.composer.toPlainText() == "what is SSE?"
    chat.window.chat.chat_view.retry_requested.emit(failed.id)
    chat.wait(chat.idle)
    assert chat.path()[-1].status is MessageStatus.COMPLETE
    assert chat.window.chat.composer.toPlainText() == ""
    chat.window.chat.send_button.click()  # Enter on an empty composer sends nothing
    chat.wait(chat.idle)
    assert [m.role for m in chat.store.messages(user.conversation_id)] == [
        Role.USER, Role.ASSISTANT]


def test_text_typed_after_a_failure_is_left_alone_by_a_retry(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/chat/completions", Reply.error(503, "down"))
    chat.type_and_send("first question")
    chat.wait(chat.idle)
    _user, failed = chat.path()
    chat.window.chat.composer.setPlainText("a different thought")
    chat.window.chat.chat_view.retry_requested.emit(failed.id)
    chat.wait(chat.idle)
    assert chat.window.chat.composer.toPlainText() == "a different thought"


def test_retrying_a_refused_request_leaves_one_branch(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """Symptom 4: Retry on a 401, then Enter: one error branch, not three."""
    fake_provider.require_key = "another-key"
    chat.type_and_send("hello")
    chat.wait(chat.idle)
    user, failed = chat.path()
    assert (failed.status is MessageStatus.ERROR and "401" in (failed.error or "")) or failed.error
    chat.window.chat.chat_view.retry_requested.emit(failed.id)
    chat.wait(chat.idle)
    assert chat.window.chat.composer.toPlainText() == "hello"  # it failed again: text is back
    chat.window.chat.send_button.click()
    chat.wait(chat.idle)
    replies = chat.store.children(user.id)
    assert len(replies) == 1 and replies[0].status is MessageStatus.ERROR
    assert [m.role for m in chat.store.messages(user.conversation_id)] == [
        Role.USER, Role.ASSISTANT]
    shown = list(chat.parts.state.messages.values())
    assert [m.id for m in shown] == [user.id, replies[0].id]


def test_deleting_the_open_conversation_opens_its_neighbour(chat: ChatWindow) -> None:
    """Symptom 8: the neighbour shows, not a blank new conversation."""
    ids = []
    for text in ("first", "second", "third"):
        chat.parts.opener.new_conversation()
        chat.type_and_send(text)
        chat.wait(chat.idle)
        ids.append(chat.parts.state.conversation_id)
    chat.wait(lambda: chat.window.sidebar.model.conversation_count() == 3)
    chat.parts.opener.open_conversation(ids[1])
    chat.wait(lambda: chat.window.chat.title.text() == "second")
    below = chat.window.sidebar.model.neighbour(ids[1])
    assert below == ids[0]  # newest first: "first" is below "second"
    chat.window.sidebar.list_view.delete_requested.emit(ids[1])
    chat.wait(lambda: chat.parts.state.conversation_id == ids[0]
              and chat.window.chat.title.text() == "first")
    assert chat.window.sidebar.list_view.current_conversation() == ids[0]
    assert next(m.text for m in chat.parts.state.messages.values()) == "first"


def test_context_menu_leaves_the_highlight_on_the_open_conversation(chat: ChatWindow) -> None:
    """Symptom 8: right-clicking another row does not leave its highlight on."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    for text in ("one", "two"):
        chat.parts.opener.new_conversation()
        chat.type_and_send(text)
        chat.wait(chat.idle)
    chat.wait(lambda: chat.window.sidebar.model.conversation_count() == 2)
    chat.wait(chat.idle)  # no task may step inside the menu's own event loop
    open_id = chat.parts.state.conversation_id
    assert open_id is not None
    other = chat.window.sidebar.model.neighbour(open_id)
    assert other is not None
    view = chat.window.sidebar.list_view
    rect = view.visualRect(chat.window.sidebar.model.index_of(other))

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            menu.close()
        else:
            QTimer.singleShot(10, close_menu)

    QTimer.singleShot(10, close_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(),
                              view.viewport().mapToGlobal(rect.center()))
    view.contextMenuEvent(event)
    assert view.current_conversation() == open_id


def test_retry_waits_are_shown_and_go_when_the_reply_comes(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """Symptom 9: the reply's card says "Waiting for the provider… retry 1 of 2 in 1 s"
    instead of an empty header, and the line goes when the text comes."""
    chat.parts.providers.registry.update("fake", max_retries=2)
    fake_provider.script("/chat/completions", Reply.error(429, "slow down", retry_after="1"))
    chat.type_and_send("patience")
    view = chat.window.chat.chat_view

    def waiting_line() -> str:
        last = max(chat.parts.state.messages, default=None)
        card = view.area.bound_widget(last) if last is not None else None
        return card.footer.text() if card is not None and card.footer.isVisible() else ""

    chat.wait(lambda: "retry 1 of 2" in waiting_line(), timeout=5)
    assert "429" in waiting_line() and "in 1 s" in waiting_line()
    chat.wait(chat.idle, timeout=10)
    reply = chat.path()[-1]
    assert reply.status is MessageStatus.COMPLETE
    assert "Waiting" not in waiting_line()
    assert notice(chat) == ""


def test_a_user_stop_is_not_shown_as_an_interruption(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """Symptom 11: Stop is the user's choice: no yellow "The reply was interrupted"."""
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.01
    chat.type_and_send("a long story")
    chat.wait(lambda: any(len(m.text) > 20 for m in chat.parts.exchanges.service.live_replies(
        chat.parts.state.conversation_id or -1)))
    chat.window.chat.send_button.click()  # Stop
    chat.wait(chat.idle)
    reply = chat.path()[-1]
    assert reply.stopped_by_user
    view = chat.window.chat.chat_view
    card = view.area.bound_widget(reply.id)
    assert card is not None
    assert "interrupted" not in card.error_label.text().lower()
    assert card.error_frame.property("interrupted") is not True
    assert card.continue_button.isVisibleTo(card)


def test_tokens_per_second_after_continue_counts_only_the_new_text(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """Symptom 11: after Continue, speed is of the continuation, not the whole text."""
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.002
    chat.type_and_send("begin")
    chat.wait(lambda: any(len(m.text) > 1500 for m in chat.parts.exchanges.service.live_replies(
        chat.parts.state.conversation_id or -1)), timeout=10)
    chat.parts.exchanges.stop()
    chat.wait(chat.idle)
    stopped = chat.path()[-1]
    fake_provider.default_text = "and the end."
    fake_provider.default_delay = 0.05
    chat.window.chat.chat_view.continue_requested.emit(stopped.id)
    chat.wait(chat.idle)
    continued = chat.store.get_message(stopped.id)
    assert continued.tokens_per_second is not None
    # The fake provider sends no usage: the estimate is len(new text) / 4 tokens over the
    # stream's time (3 deltas, >= 0.1 s) — nowhere near the ~600 tokens of the whole text.
    assert continued.tokens_per_second < 60


def test_quitting_prints_no_traceback(tmp_path: Path, fake_provider: FakeProvider) -> None:
    """Symptom 10: quitting mid-stream, with a model list still loading, writes nothing to
    stderr: every task of the window is cancelled and finished inside the loop."""
    data = tmp_path / "data"
    script = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from desktop.core.paths import DataDir
        from tests.helpers.chat_window import add_provider, KEY_ENV
        data = DataDir(Path({str(data)!r})).ensure()
        add_provider(data, {fake_provider.base_url!r})
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from desktop.app import create_qapplication, run_gui
        create_qapplication()  # run_gui takes this one; the timers need it first
        def send():
            app = QApplication.instance()
            window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
            window.chat.composer.setPlainText("tell me a story")
            window.chat.send_button.click()
            QTimer.singleShot(600, window.close)
        QTimer.singleShot(1500, send)
        sys.exit(run_gui({str(data)!r}))
    """)
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.02
    slow_models = Reply.json({"data": [{"id": "fake-model"}]})
    slow_models.delay = 20  # the model list is still loading when the window closes
    fake_provider.route("/models", slow_models)
    env = {"SWITCHBOARD_TEST_FAKE_KEY": "sk-test-quit", "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=env, cwd=str(tmp_path))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    assert "Error" not in done.stderr, done.stderr[-4000:]
    assert DataDir(data).root.exists()


def test_a_streaming_conversation_opened_again_shows_the_service_text(
    chat: ChatWindow, fake_provider: FakeProvider
) -> None:
    """One copy of a streamed reply's text: the service's, read when the conversation opens
    again mid-stream; the view's document goes on from it and ends equal to the stored text."""
    fake_provider.default_text = LONG_TEXT
    fake_provider.default_delay = 0.005
    chat.type_and_send("stream for a while")
    service = chat.parts.exchanges.service
    chat.wait(lambda: chat.parts.state.conversation_id is not None)
    cid = chat.parts.state.conversation_id
    assert cid is not None
    chat.wait(lambda: any(len(m.text) > 200 for m in service.live_replies(cid)))
    chat.parts.opener.new_conversation()
    chat.wait(lambda: any(len(m.text) > 800 for m in service.live_replies(cid)))
    chat.parts.opener.open_conversation(cid)
    view = chat.window.chat.chat_view
    chat.wait(lambda: bool(chat.parts.state.messages) and view.area.cache.cached_body(
        max(chat.parts.state.messages)) is not None)
    reply_id = max(chat.parts.state.messages)
    body = view.area.cache.cached_body(reply_id)
    assert body is not None and len(body.text) > 800
    chat.wait(chat.idle, timeout=20)
    view.flush()
    stored = chat.store.get_message(reply_id)
    assert stored.text == LONG_TEXT
    final = view.area.cache.cached_body(reply_id)
    assert final is not None and final.text.strip() == LONG_TEXT


def test_the_pick_an_image_model_hint_goes_once_one_is_picked(chat: ChatWindow) -> None:
    """Symptom 11: the "pick an image model" notice stayed after one was picked."""
    pane = chat.window.chat
    pane.model_picker.pick("fake", "fake-model")  # a chat model: nothing to generate with
    pane.image_mode.button.click()
    assert pane.image_mode.active
    assert "image model" in notice(chat)
    pane.model_picker.pick("fake", "dall-e-3")
    assert notice(chat) == ""


def test_no_model_chosen_says_so_and_opens_the_picker(
    tmp_path: Path, fake_provider: FakeProvider, qasync_loop: asyncio.AbstractEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Symptom 7: with a provider but no model (its list does not load, no history), Enter
    says "Choose a model" — not "no provider is set up", no literal backticks — and opens
    the picker; the text stays."""
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    ProviderRegistry(data.root).add(ProviderProfile(
        name="relay", base_url=fake_provider.base_url, key_source=KeySource.ENV,
        key_env=KEY_ENV, max_retries=0))
    fake_provider.route("/models", Reply.error(500, "models are down"))
    chat = open_window(data, qasync_loop)
    try:
        chat.wait(chat.idle)
        assert chat.window.chat.selected_target() is None
        chat.window.chat.composer.setPlainText("hello?")
        chat.window.chat.send_button.click()
        assert "Choose a model" in notice(chat) and "`" not in notice(chat)
        assert "No provider" not in notice(chat)
        assert chat.window.chat.model_picker.popup.isVisible()
        assert chat.window.chat.composer.toPlainText() == "hello?"
        assert chat.parts.state.conversation_id is None
    finally:
        chat.close()
        chat.store.close()


def test_a_refreshed_search_keeps_the_chosen_hit(chat: ChatWindow) -> None:
    """The history changed while searching: the results refresh, the chosen hit stays."""
    from desktop.ui.search_results import SearchRoles

    for title in ("pandas basics", "pandas joins"):
        conversation = chat.store.create_conversation(title)
        chat.store.append_message(conversation.id, Role.USER, f"tell me about {title}")
    sidebar = chat.window.sidebar
    sidebar.search.setText("pandas")
    chat.wait(lambda: sidebar.results_model.rowCount() >= 2 and chat.idle())
    view = sidebar.results_view
    view.setCurrentIndex(sidebar.results_model.index(1))
    chosen = (view.currentIndex().data(SearchRoles.CONVERSATION_ID),
              view.currentIndex().data(SearchRoles.MESSAGE_ID))
    before = sidebar.results_model.rowCount()
    newer = chat.store.create_conversation("pandas pivots")
    chat.store.append_message(newer.id, Role.USER, "pandas pivot tables please")
    chat.wait(lambda: sidebar.results_model.rowCount() > before and chat.idle())
    now = view.currentIndex()
    assert (now.data(SearchRoles.CONVERSATION_ID), now.data(SearchRoles.MESSAGE_ID)) == chosen
