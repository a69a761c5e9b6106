"""The sidebar's models and views on their own: model checks, grouping, keys, menus."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication
from pytestqt.qtbot import QtBot

from desktop.core.store.models import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    ConversationSummary,
    MessageHit,
    Role,
    SearchHit,
    SearchResults,
)
from desktop.ui.conversation_list import ConversationListModel, ConversationRoles
from desktop.ui.search_results import SearchResultsModel, as_you_type, snippet_html
from desktop.ui.sidebar import Sidebar

DAY = 86400.0


def summaries(count: int, now: float | None = None) -> list[ConversationSummary]:
    now = time.time() if now is None else now
    return [
        ConversationSummary(i + 1, f"Conversation {i + 1}", now - i * 3600 * 7, i % 97 == 0,
                            False, None, "m")
        for i in range(count)
    ]


def test_conversation_model_passes_model_tester(qtmodeltester: Any) -> None:
    model = ConversationListModel()
    model.set_conversations(summaries(300), {})
    qtmodeltester.check(model, force_py=True)


def test_groups_headers_pinned_first_and_hidden_rows() -> None:
    model = ConversationListModel()
    now = time.time()
    rows = [
        ConversationSummary(1, "pinned", now - 40 * DAY, True, False, None, None),
        ConversationSummary(2, "today", now, False, False, None, None),
        ConversationSummary(3, "filed", now, False, False, 7, None),
        ConversationSummary(4, "", now - 2 * DAY, False, False, None, None),
    ]
    model.set_conversations(rows, {7: "Work"})
    shown = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert shown[:4] == ["Pinned", "pinned", "Work", "filed"]
    assert "New conversation" in shown  # an untitled conversation
    headers = [r for r in range(model.rowCount())
               if model.data(model.index(r), ConversationRoles.IS_HEADER)]
    assert all(model.flags(model.index(r)) == Qt.ItemFlag.NoItemFlags for r in headers)
    model.set_hidden(2, True)
    assert model.summary(2) is None and model.conversation_count() == 3
    model.set_hidden(2, False)
    assert model.summary(2) is not None


def test_inline_rename_asks_once() -> None:
    model = ConversationListModel()
    model.set_conversations(summaries(3), {})
    renamed: list[tuple[int, str]] = []
    model.rename_requested.connect(lambda cid, title: renamed.append((cid, title)))
    index = model.index_of(2)
    assert model.setData(index, "  Better title ")
    assert not model.setData(index, "Better title")  # unchanged
    assert not model.setData(index, "   ")  # empty titles are refused
    assert renamed == [(2, "Better title")]
    assert model.data(index) == "Better title"


def test_ten_thousand_conversations_fill_quickly(qtbot: QtBot) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.resize(280, 700)
    sidebar.show()
    data = summaries(10_000)
    started = time.perf_counter()
    sidebar.model.set_conversations(data, {})
    QApplication.processEvents()
    elapsed = time.perf_counter() - started
    print(f"10,000 conversations: model filled and shown in {elapsed * 1000:.0f} ms")
    assert sidebar.model.conversation_count() == 10_000
    assert not sidebar.empty_hint.isVisible()


def test_keys_open_delete_and_rename(qtbot: QtBot) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.show()
    sidebar.model.set_conversations(summaries(5), {})
    view = sidebar.list_view
    opened: list[int] = []
    deleted: list[int] = []
    view.open_requested.connect(opened.append)
    view.delete_requested.connect(deleted.append)
    view.select_conversation(3)
    assert opened == []  # selecting programmatically does not open
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Delete):
        QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, key,
                                               Qt.KeyboardModifier.NoModifier))
    assert opened == [3] and deleted == [3]
    QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F2,
                                           Qt.KeyboardModifier.NoModifier))
    assert view.state() == QAbstractItemView.State.EditingState


def test_context_menu_offers_every_operation(qtbot: QtBot) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.model.set_conversations(summaries(3), {})
    sidebar.list_view.folders = {5: "Research"}
    menu = sidebar.list_view.context_menu(sidebar.model.index_of(2))
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["Open", "Rename", "Pin", "Move to folder", "Archive", "Export…", "Delete"]
    moved: list[tuple[int, object]] = []
    sidebar.list_view.move_requested.connect(lambda cid, fid: moved.append((cid, fid)))
    folder_menu = next(a.menu() for a in menu.actions() if a.text() == "Move to folder")
    research = next(a for a in folder_menu.actions() if a.text() == "Research")
    research.trigger()
    assert moved == [(2, 5)]


def _results() -> SearchResults:
    s, e = HIGHLIGHT_START, HIGHLIGHT_END
    return SearchResults(
        "zebra", "zebra*",
        (SearchHit(1, "Animals", None, 10.0,
                   (MessageHit(11, Role.USER, f"the {s}zebra{e} <crossing>", 10.0),
                    MessageHit(12, Role.ASSISTANT, f"a {s}zebra{e}", 9.0)), 2),
         SearchHit(2, "Zebra facts", f"{s}Zebra{e} facts", 5.0, (), 0)),
        "relevance", False, False,
    )


def test_search_model_passes_model_tester(qtmodeltester: Any) -> None:
    model = SearchResultsModel()
    model.set_results(_results())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    assert model.row_at(2).message_id is None  # a title-only hit opens the conversation


def test_snippets_escape_html_and_mark_hits() -> None:
    html = snippet_html(f"the {HIGHLIGHT_START}zebra{HIGHLIGHT_END} <crossing>")
    assert html == "the <b>zebra</b> &lt;crossing&gt;"


def test_sidebar_shows_results_only_for_the_current_query(qtbot: QtBot) -> None:
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.search.setText("zeb")
    assert sidebar.is_searching()
    sidebar.show_results(_results())  # an answer for "zebra" while the box says "zeb"
    assert sidebar.results_model.rowCount() == 0
    sidebar.search.setText("zebra")
    sidebar.show_results(_results())
    assert sidebar.results_model.rowCount() == 3
    sidebar.clear_search()
    assert not sidebar.is_searching() and sidebar.results_model.rowCount() == 0


def test_snippet_starts_near_the_hit_without_markdown_noise() -> None:
    text = "word " * 30 + f"**{HIGHLIGHT_START}pandas{HIGHLIGHT_END}** ### next"
    html = snippet_html(text)
    assert html.startswith("…") and len(html) < 80
    assert "<b>pandas</b>" in html and "**" not in html and "###" not in html


def test_the_word_being_typed_is_a_prefix() -> None:
    assert as_you_type("puff") == "puff*"
    assert as_you_type("where do puf") == "where do puf*"
    assert as_you_type("puffins ") == "puffins"  # a finished word
    assert as_you_type('"exact phrase"') == '"exact phrase"'
    assert as_you_type('"open phrase') == '"open phrase'
    assert as_you_type("p") == "p"  # one letter would match half the history
    assert as_you_type("puff*") == "puff*"
