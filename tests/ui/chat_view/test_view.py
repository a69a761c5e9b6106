"""ChatView: virtualisation, streaming, actions, sections and errors on a real widget."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.core.api.events import ReasoningDelta, TextDelta, ToolCallDelta
from desktop.core.rendering.markdown_html import COPY_CODE_HREF, MarkdownRenderer
from desktop.core.store.models import MessageStatus, Role
from desktop.ui.chat_view import ChatView
from desktop.ui.chat_view.rich_text import RichTextView
from tests.ui.chat_view.conftest import MessageFactory, conversation

RENDERER = MarkdownRenderer(copy_label="Copy")

STREAMED = (
    "# Plan\n\nFirst we **parse** the input.\n\n```python\ndef f(x):\n    return x * 2\n```\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n> quoted\n\nThe end of the reply.\n"
)


def test_ten_thousand_messages_open_at_the_end_building_only_visible_rows(
    chat_view: ChatView, make_message: MessageFactory
) -> None:
    messages = conversation(make_message, 10_000)
    chat_view.set_conversation(messages, {})
    area = chat_view.area
    built = area.cache.built
    assert 0 < built <= 40, built
    assert len(area._bound) <= 40
    shown = {widget.row.message.id for widget in area._bound.values() if widget.row}
    assert messages[-1].id in shown
    assert messages[0].id not in shown
    assert chat_view.is_following()
    assert area.verticalScrollBar().value() == area.verticalScrollBar().maximum()
    # Scrolling to the top builds the rows there, not everything in between.
    chat_view.scroll_to_message(messages[0].id)
    assert messages[0].id in {w.row.message.id for w in area._bound.values() if w.row}
    assert area.cache.built - built <= 40
    assert not chat_view.is_following()


def test_stream_is_coalesced_and_final_render_equals_full_render(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    user = make_message(Role.USER, "Explain")
    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([user], {})
    chat_view.append_message(reply)
    for char in STREAMED:
        chat_view.apply_event(reply.id, TextDelta(0, char))
    for char in "thinking hard":
        chat_view.apply_event(reply.id, ReasoningDelta(0, char))
    coalescer = chat_view.coalescer
    assert coalescer.flushes == 0  # nothing is rendered per event
    qtbot.waitUntil(lambda: not coalescer.has_pending, timeout=2000)
    assert coalescer.flushes <= 2
    assert coalescer.events == len(STREAMED) + len("thinking hard")
    body = chat_view.area.cache.cached_body(reply.id)
    assert body is not None
    assert body.text == STREAMED  # nothing lost
    thinking = chat_view.area.cache.cached_thinking(reply.id)
    assert thinking is not None and thinking.text == "thinking hard"
    widget = chat_view.area.bound_widget(reply.id)
    assert widget is not None and widget.thinking_frame.isVisible()  # live while streaming

    final = make_message(
        Role.ASSISTANT, STREAMED, id=reply.id, reasoning="thinking hard", model="m"
    )
    chat_view.update_message(final)
    assert chat_view.area.cache.cached_body(reply.id) is body  # not rebuilt
    # Code blocks are highlighted on a worker thread, then swapped in.
    qtbot.waitUntil(lambda: not body.highlight_pending, timeout=3000)
    assert body.html == RENDERER.render(STREAMED)
    assert not widget.thinking_frame.isVisible()  # collapsed once complete


def test_many_flushes_render_only_the_tail(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([reply], {})
    text = "".join(f"Paragraph {n} with some words.\n\n" for n in range(600))
    for start in range(0, len(text), 50):
        chat_view.apply_event(reply.id, TextDelta(0, text[start : start + 50]))
        chat_view.flush()
    body = chat_view.area.cache.cached_body(reply.id)
    assert body is not None
    assert body.text == text
    # Finished blocks sit in bounded segments: a flush never re-sets the whole text.
    assert len(body.segments) > 3
    assert max(doc.characterCount() for doc in body.documents()) < len(text) / 3
    assert body.html == RENDERER.render(text)


def test_actions_emit_their_signals(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    user = make_message(Role.USER, "question")
    reply = make_message(Role.ASSISTANT, "answer text", model="m")
    chat_view.set_conversation([user, reply], {reply.id: (1, 2, [reply.id, 77])})
    reply_card = chat_view.area.bound_widget(reply.id)
    user_card = chat_view.area.bound_widget(user.id)
    assert reply_card is not None and user_card is not None
    assert reply_card.copy_button.isVisible()  # the last card shows its actions
    with qtbot.waitSignal(chat_view.regenerate_requested) as regenerate:
        qtbot.mouseClick(reply_card.regenerate_button, Qt.MouseButton.LeftButton)
    assert regenerate.args == [reply.id]
    with qtbot.waitSignal(chat_view.copy_requested) as copy:
        qtbot.mouseClick(reply_card.copy_button, Qt.MouseButton.LeftButton)
    assert copy.args == [reply.id]
    assert QGuiApplication.clipboard().text() == "answer text"
    with qtbot.waitSignal(chat_view.delete_requested) as delete:
        qtbot.mouseClick(reply_card.delete_button, Qt.MouseButton.LeftButton)
    assert delete.args == [reply.id]
    with qtbot.waitSignal(chat_view.branch_requested) as branch:
        qtbot.mouseClick(reply_card.next_button, Qt.MouseButton.LeftButton)
    assert branch.args == [77]
    assert reply_card.branch_label.text() == "1/2"
    assert not reply_card.previous_button.isEnabled()
    with qtbot.waitSignal(chat_view.edit_requested) as edit:
        user_card.edit_button.click()  # shown on hover
    assert edit.args == [user.id]


def test_thinking_and_tool_calls_collapse_and_expand(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    from desktop.core.reply_parts import ToolCall

    reply = make_message(
        Role.ASSISTANT, "done", reasoning="step one\n\nstep two",
        tool_calls=(ToolCall("c1", "get_weather", '{"city":"Paris"}'),),
    )
    chat_view.set_conversation([reply], {})
    card = chat_view.area.bound_widget(reply.id)
    assert card is not None
    assert card.thinking_toggle.isVisible()
    assert not card.thinking_frame.isVisible()
    closed_height = chat_view.area._heights[0]
    qtbot.mouseClick(card.thinking_toggle, Qt.MouseButton.LeftButton)
    assert card.thinking_frame.isVisible()
    assert chat_view.area._heights[0] > closed_height
    qtbot.mouseClick(card.thinking_toggle, Qt.MouseButton.LeftButton)
    assert not card.thinking_frame.isVisible()
    assert chat_view.area._heights[0] == closed_height

    block = card.tool_blocks[0]
    assert "get_weather" in block.toggle.text()
    assert not block.arguments.isVisible()
    qtbot.mouseClick(block.toggle, Qt.MouseButton.LeftButton)
    assert block.arguments.isVisible()
    assert '"city": "Paris"' in block.arguments.text()


def test_streamed_tool_call_arguments_are_joined(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([reply], {})
    chat_view.apply_event(reply.id, ToolCallDelta(0, 0, id="c", name="lookup", arguments='{"q"'))
    chat_view.apply_event(reply.id, ToolCallDelta(0, 0, arguments=': "x"}'))
    chat_view.flush()
    card = chat_view.area.bound_widget(reply.id)
    assert card is not None
    assert "lookup" in card.tool_blocks[0].toggle.text()
    assert card.tool_blocks[0].arguments.text() == '{\n  "q": "x"\n}'


def test_error_and_interrupted_replies_show_their_buttons(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    failed = make_message(
        Role.ASSISTANT, "", status=MessageStatus.ERROR, error="401 Unauthorized: invalid key"
    )
    cut = make_message(Role.ASSISTANT, "half a", status=MessageStatus.INTERRUPTED)
    chat_view.set_conversation([cut, failed], {})
    failed_card = chat_view.area.bound_widget(failed.id)
    cut_card = chat_view.area.bound_widget(cut.id)
    assert failed_card is not None and cut_card is not None
    assert failed_card.error_frame.isVisible()
    assert "401 Unauthorized: invalid key" in failed_card.error_label.text()
    assert failed_card.retry_button.isVisible()
    assert not failed_card.continue_button.isVisible()
    with qtbot.waitSignal(chat_view.retry_requested) as retry:
        qtbot.mouseClick(failed_card.retry_button, Qt.MouseButton.LeftButton)
    assert retry.args == [failed.id]
    assert cut_card.continue_button.isVisible() and cut_card.retry_button.isVisible()
    with qtbot.waitSignal(chat_view.continue_requested) as resume:
        qtbot.mouseClick(cut_card.continue_button, Qt.MouseButton.LeftButton)
    assert resume.args == [cut.id]


def test_scrolling_up_stops_following_and_jump_returns(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    chat_view.set_conversation(conversation(make_message, 60), {})
    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.append_message(reply)
    bar = chat_view.area.verticalScrollBar()
    assert chat_view.is_following()
    assert not chat_view.jump_button.isVisible()
    bar.setValue(bar.maximum() - 600)
    assert not chat_view.is_following()
    assert chat_view.jump_button.isVisible()
    position = bar.value()
    chat_view.apply_event(reply.id, TextDelta(0, "new text\n\n" * 30))
    chat_view.flush()
    assert bar.value() == position  # the stream does not pull the view down
    qtbot.mouseClick(chat_view.jump_button, Qt.MouseButton.LeftButton)
    assert chat_view.is_following()
    assert not chat_view.jump_button.isVisible()
    chat_view.apply_event(reply.id, TextDelta(0, "more\n\n" * 30))
    chat_view.flush()
    assert bar.value() == bar.maximum()


def test_copy_link_copies_its_code_block(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, "Code:\n\n```python\nprint('copied')\n```\n")
    chat_view.set_conversation([reply], {})
    card = chat_view.area.bound_widget(reply.id)
    assert card is not None
    body: RichTextView = card.body
    link = next(
        (
            QPoint(x, y)
            for y in range(0, body.height(), 3)
            for x in range(0, body.width(), 4)
            if body.anchor_at(QPoint(x, y)) == COPY_CODE_HREF
        ),
        None,
    )
    assert link is not None
    with qtbot.waitSignal(body.code_copied) as copied:
        qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=link)
    assert copied.args[0].strip() == "print('copied')"
    assert QGuiApplication.clipboard().text().strip() == "print('copied')"


def test_text_selection_across_the_body(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(Role.ASSISTANT, "Alpha beta gamma.\n\nDelta epsilon.")
    chat_view.set_conversation([reply], {})
    card = chat_view.area.bound_widget(reply.id)
    assert card is not None
    card.body.select_all()
    selected = card.body.selected_text()
    assert "Alpha beta gamma." in selected and "Delta epsilon." in selected


def test_search_jump_selects_the_hit_and_theme_refresh_keeps_rows(
    chat_view: ChatView, make_message: MessageFactory
) -> None:
    messages = conversation(make_message, 400)
    target = messages[41]
    chat_view.set_conversation(messages, {})
    chat_view.scroll_to_message(target.id, "Answer")
    card = chat_view.area.bound_widget(target.id)
    assert card is not None
    assert card.body.selected_text() == "Answer"
    assert card.property("highlighted") is True
    top = chat_view.area.row_top(41) - chat_view.area.verticalScrollBar().value()
    assert -20 <= top <= 20  # the hit is at the top of the view
    chat_view.refresh_theme()
    assert chat_view.area.bound_widget(target.id) is not None


def test_user_bubble_hugs_its_text_without_clipping(
    chat_view: ChatView, make_message: MessageFactory
) -> None:
    short = make_message(Role.USER, "How do I sum one column of a CSV file in Python?")
    long = make_message(Role.USER, "word " * 200)
    chat_view.set_conversation([short, long], {})
    short_card = chat_view.area.bound_widget(short.id)
    long_card = chat_view.area.bound_widget(long.id)
    assert short_card is not None and long_card is not None
    content = short_card.body.content
    assert content is not None
    one_line = content.tail_doc.size().height()
    assert short_card.body.width() >= content.ideal_width(10_000)  # nothing clipped
    assert short_card.bubble.width() < short_card.width() * 0.8  # hugs the text
    assert short_card.body.height() <= one_line * 1.5  # one line, not wrapped narrow
    assert long_card.bubble.width() <= long_card.width() * 0.8 + 1  # long text wraps at 80 %


def test_links_open_in_the_system_browser(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot(QUrl)
        def open_url(self, url: QUrl) -> None:
            self.urls.append(url.toString())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("https", catcher, "open_url")
    try:
        reply = make_message(Role.ASSISTANT, "[the docs](https://example.com/docs)")
        chat_view.set_conversation([reply], {})
        card = chat_view.area.bound_widget(reply.id)
        assert card is not None
        body = card.body
        link = next(  # not (0, 0): QTest clicks the centre for a null point
            QPoint(x, y)
            for y in range(1, body.height(), 2)
            for x in range(1, body.width(), 3)
            if body.anchor_at(QPoint(x, y)).startswith("https:")
        )
        qtbot.mouseClick(body, Qt.MouseButton.LeftButton, pos=link)
        assert catcher.urls == ["https://example.com/docs"]
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_attached_images_are_shown(chat_view: ChatView, make_message: MessageFactory) -> None:
    from desktop.core.store.models import ImagePart, Message, TextPart

    message = make_message(Role.USER, "look")
    with_image = Message(
        id=message.id, conversation_id=1, parent_id=None, role=Role.USER,
        parts=(TextPart("look"), ImagePart("ab" * 32, "image/png", "chart.png")), created_at=0,
    )
    chat_view.set_conversation([with_image], {})
    card = chat_view.area.bound_widget(message.id)
    assert card is not None
    assert card.image_strip.isVisible()  # thumbnails (tests/ui/chat_view/test_images.py)
    assert "chart.png" in card.image_strip.accessibleDescription()


def test_prepending_older_messages_keeps_the_view_still(
    chat_view: ChatView, make_message: MessageFactory
) -> None:
    messages = conversation(make_message, 2_000)
    chat_view.set_conversation(messages[-100:], {})
    assert chat_view.is_following()
    built = chat_view.area.cache.built
    chat_view.prepend_messages(messages[:-100], {})
    assert chat_view.model.rowCount() == 2_000
    assert chat_view.is_following()  # still at the end
    bar = chat_view.area.verticalScrollBar()
    assert bar.value() == bar.maximum()
    assert chat_view.area.cache.built - built <= 2  # nothing new laid out

    chat_view.set_conversation(messages[-100:], {})
    chat_view.scroll_to_message(messages[-60].id)
    card = chat_view.area.bound_widget(messages[-60].id)
    assert card is not None
    y_before = card.y()
    chat_view.prepend_messages(messages[:-100], {})
    assert not chat_view.is_following()
    assert chat_view.area.bound_widget(messages[-60].id) is card
    assert card.y() == y_before  # the same message stays at the same place


def test_citations_placed_while_streaming_render_only_the_tail(
    qtbot: QtBot, chat_view: ChatView, make_message: MessageFactory
) -> None:
    """Each citation number placed in a long streaming reply costs the block still
    streaming, not a render of the whole reply (each used to rebuild every document)."""
    from desktop.core.api.events import AnnotationsEvent
    from desktop.core.rendering.citation_marks import cited_markdown

    reply = make_message(Role.ASSISTANT, "", status=MessageStatus.STREAMING)
    chat_view.set_conversation([reply], {})
    paragraphs = [f"Paragraph {n} says the tower is tall and old." for n in range(300)]
    text = "\n\n".join(paragraphs) + "\n"
    builds = []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        chat_view.apply_event(reply.id, TextDelta(0, ("\n\n" if number else "") + paragraph))
        offset += (2 if number else 0) + len(paragraph)
        if number % 30 == 29:  # a source for the words just streamed ("tall")
            end = offset - len(" and old.")
            chat_view.apply_event(reply.id, AnnotationsEvent(0, ({
                "type": "url_citation", "url_citation": {
                    "url": f"https://example.org/{number}", "title": f"Source {number}",
                    "start_index": end - 4, "end_index": end}},)))
        body = chat_view.area.cache.cached_body(reply.id)
        before = body.renders if body is not None else 0
        chat_view.flush()
        body = chat_view.area.cache.cached_body(reply.id)
        assert body is not None
        builds.append(body.renders - before)
    chat_view.apply_event(reply.id, TextDelta(0, "\n"))
    chat_view.flush()
    assert body.text.count("](cite:") == 10  # every number placed while streaming
    assert len(body.segments) > 5
    assert max(builds) <= 3  # the block still streaming (and one that finished), not all
    live = chat_view.model.row_at(0).live
    assert live is not None
    citations = live.citations
    assert body.text == cited_markdown(text, citations, streaming=True)
    assert body.html == RENDERER.render(body.text)
