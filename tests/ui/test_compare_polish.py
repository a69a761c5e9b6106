"""Compare, polished: compare mode is plain to see, a column's actions fit as icons, a failed
column offers no "Continue with this one", the stats show once, and read aloud shows the
same state in every column. Screenshots (light and dark) in $SWITCHBOARD_SHOTS as
polish-compare-*.png."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.core.store.compare_ops import CompareTarget
from desktop.core.wav_audio import tone_wav
from desktop.ui import theme
from desktop.ui.chat_view.message_widget import MessageWidget
from desktop.ui.compare.chooser import CompareChooser
from desktop.ui.compare.columns import CompareColumn
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_compare import route_by_model
from tests.helpers.fake_provider import FakeProvider, Reply

TARGETS = [CompareTarget("fake", "gpt-4o-mini", {"temperature": 0.2}),
           CompareTarget("fake", "claude-3-5-haiku"),
           CompareTarget("fake", "llama-3.1-70b", {"max_tokens": 800})]
TEXTS = {"gpt-4o-mini": "Use csv.DictReader: it streams rows, so memory stays flat.",
         "claude-3-5-haiku": "pandas is shortest; the csv module streams the rows."}
ICON_ONLY = Qt.ToolButtonStyle.ToolButtonIconOnly


def last_card(column: CompareColumn) -> MessageWidget:
    reply = column.last()
    assert reply is not None
    card = column.chat_view.area.bound_widget(reply.id)
    assert card is not None
    return card


def shoot(chat: ChatWindow, name: str) -> None:
    for _ in range(3):  # the new theme's sizes laid out (posted layout requests)
        QApplication.processEvents()
    shots = os.environ.get("SWITCHBOARD_SHOTS")
    if shots:
        assert chat.window.grab().save(str(Path(shots) / name))


def test_compare_mode_columns_fit_and_read_aloud_follows(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    route_by_model(fake_provider, TEXTS, failing=("llama",))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.palette(), app.styleSheet(), theme.current_colors())
    chat.window.resize(1100, 760)  # three columns of ~270 px with the panel open
    pane = chat.window.chat
    pane.compare_mode_action.trigger()
    chat.wait(lambda: chat.window.findChild(CompareChooser) is not None)
    dialog = chat.window.findChild(CompareChooser)
    assert isinstance(dialog, CompareChooser)
    dialog.add_button.click()
    for row, target in zip(dialog.rows, TARGETS, strict=True):
        row.set_target(target)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    chat.type_and_send("How do I sum one column of a large CSV file?")
    view = pane.compare_view
    chat.wait(lambda: chat.idle() and len(view.columns) == 3
              and not any(c.running for c in view.columns))
    # compare mode: the button is checked (styled by app.qss) and the banner says so
    assert pane.compare_button.isChecked() and pane.compare_button.objectName() == "compareButton"
    assert view.hint.property("mode") is True
    assert view.hint.text().startswith("Compare mode: 3 models.")
    gpt, claude, llama = view.columns
    # a failed column offers Retry in its card, not "Continue with this one"
    assert [c.choose_button.isVisible() for c in view.columns] == [True, True, False]
    # ...under the error's text, which is not cut: the card is as high as the text needs
    error = last_card(llama).error_label
    assert error.height() >= error.heightForWidth(error.width())
    assert last_card(llama).retry_button.geometry().top() > error.geometry().bottom()
    for column in (gpt, claude):
        card = last_card(column)
        buttons = [b for b in (card.copy_button, card.regenerate_button,
                               card.read_aloud_button, card.delete_button) if b.isVisible()]
        assert len(buttons) == 4
        assert all(b.toolButtonStyle() == ICON_ONLY and not b.icon().isNull() for b in buttons)
        assert [b.toolTip() for b in buttons] == ["Copy", "Regenerate", "Read aloud", "Delete"]
        assert sum(b.sizeHint().width() for b in buttons) <= card.actions_bar.width()
        # the stats once: in the column's footer, not again in the reply's card
        assert not card.footer.isVisible()
        assert "tokens" in column.footer.text() and column.footer.isVisible()
    # the main view's cards keep their words
    question = pane.chat_view.area.bound_widget(pane.chat_view.model.rows()[-1].message.id)
    assert question is not None
    assert question.copy_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    theme.apply_theme(app, "light")
    shoot(chat, "polish-compare-light.png")
    theme.apply_theme(app, "dark")
    shoot(chat, "polish-compare-dark.png")
    app.setPalette(saved[0])
    app.setStyleSheet(saved[1])
    theme._current = saved[2]
    # read aloud: one reading state, shown in whichever column holds the reply
    slow = Reply.text(tone_wav(0.1), content_type="audio/wav")
    slow.delay = 3.0
    fake_provider.script("/audio/speech", slow)
    last_card(gpt).read_aloud_button.click()
    chat.wait(lambda: bool(fake_provider.bodies("/audio/speech")))
    assert last_card(gpt).read_aloud_button.toolTip() == "Stop reading"
    assert last_card(claude).read_aloud_button.toolTip() == "Read aloud"
    reading = gpt.last()
    assert reading is not None
    # columns built again (other targets) still show the reply being read
    view.show_columns([(c.target, [m for m in (c.last(),) if m is not None])
                       for c in reversed(view.columns)])
    moved = view.column_of(reading.id)
    assert moved is not None and moved.position == 2
    assert last_card(moved).read_aloud_button.toolTip() == "Stop reading"
    last_card(moved).read_aloud_button.click()
    chat.wait(lambda: chat.parts.read_aloud.read_aloud.message_id is None)
    assert last_card(moved).read_aloud_button.toolTip() == "Read aloud"
    chat.wait(lambda: chat.window.tasks.running == 0)


def test_long_names_in_a_narrow_column_end_with_an_ellipsis(qtbot: QtBot) -> None:
    model = "accounts/fireworks/models/llama-v3p1-405b-instruct-long-context-preview"
    column = CompareColumn(0, CompareTarget("a-relay-with-a-long-name", model,
                                            {"temperature": 0.7, "max_tokens": 4096}))
    qtbot.addWidget(column)
    column.resize(220, 400)
    column.show()
    qtbot.waitUntil(lambda: column.model_label.width() > 0)
    for label in (column.model_label, column.detail_label):
        assert label.width() <= column.width()  # the header did not widen the column
        assert label.is_elided() and label.shown_text().endswith("…")
        shown = label.shown_text()[:-1]
        assert label.text().startswith(shown) and len(shown) > 3  # the start, then "…"
    assert column.model_label.toolTip() == f"a-relay-with-a-long-name:{model}"
    assert column.detail_label.toolTip() == column.detail_label.text()
    column.resize(1600, 400)  # room enough: the whole name
    qtbot.waitUntil(lambda: not column.model_label.is_elided())
    assert column.model_label.shown_text() == model
