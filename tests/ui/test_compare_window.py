"""Compare in the real window: three columns (one failing), continue with one, reopening."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop.core.store.compare_ops import CompareTarget
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.compare.chooser import CompareChooser
from desktop.ui.compare.columns import CompareColumn
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_compare import reply_text, route_by_model
from tests.helpers.fake_provider import FakeProvider

THREE = [CompareTarget("fake", "alpha", {"temperature": 0.5}),
         CompareTarget("fake", "broken-x"), CompareTarget("fake", "beta")]


def messages(column: CompareColumn) -> list[Message]:
    return [row.message for row in column.chat_view.model.rows()]


def compare_three(chat: ChatWindow, text: str = "Which is best?") -> None:
    """Type `text`, press Compare, choose three models in the real dialog, and wait."""
    pane = chat.window.chat
    pane.composer.setPlainText(text)
    pane.compare_button.click()
    chat.wait(lambda: chat.window.findChild(CompareChooser) is not None)
    dialog = chat.window.findChild(CompareChooser)
    assert isinstance(dialog, CompareChooser)
    dialog.add_button.click()
    for row, target in zip(dialog.rows, THREE, strict=True):
        row.set_target(target)
    assert dialog.targets() == THREE
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    chat.wait(lambda: chat.idle() and len(chat.window.chat.compare_view.columns) == 3
              and all(not c.running for c in chat.window.chat.compare_view.columns))


def test_three_columns_with_one_failing_then_each_goes_on(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    route_by_model(fake_provider)
    compare_three(chat)
    pane = chat.window.chat
    view = pane.compare_view
    assert view.isVisible() and pane.composer.toPlainText() == ""
    alpha, broken, beta = view.columns
    assert [c.model_label.text() for c in view.columns] == ["alpha", "broken-x", "beta"]
    assert [m.text for m in messages(alpha)] == [reply_text("alpha")]
    assert messages(beta)[0].status is MessageStatus.COMPLETE
    (failed,) = messages(broken)
    assert failed.status is MessageStatus.ERROR and "down for maintenance" in (failed.error or "")
    assert "failed" in broken.detail_label.text()
    assert "temperature 0.5" in alpha.detail_label.text()
    assert messages(alpha)[0].usage is not None  # the footer's tokens
    # the shared path ends with the question; the replies are siblings under it
    shown = [row.message for row in pane.chat_view.model.rows()]
    assert [m.role for m in shown] == [Role.USER] and shown[0].text == "Which is best?"
    assert len(chat.store.children(shown[0].id)) == 3
    # Retry in the failed column asks that column's model again, in its place
    route_by_model(fake_provider, failing=("nothing",))
    card = broken.chat_view.area.bound_widget(failed.id)
    assert card is not None and card.retry_button.isVisible()
    card.retry_button.click()
    chat.wait(lambda: chat.idle() and not broken.running
              and [m.text for m in messages(broken)] == [reply_text("broken-x")])
    assert broken.head_id == messages(broken)[0].id
    assert "failed" not in broken.detail_label.text()
    # a plain Send goes on in every column, each on its own branch
    chat.type_and_send("And why?")
    chat.wait(lambda: chat.idle() and all(len(messages(c)) == 3 for c in view.columns)
              and not any(c.running for c in view.columns))
    assert [m.text for m in messages(beta)] == [reply_text("beta"), "And why?",
                                               reply_text("beta")]
    assert [row.message.text for row in pane.chat_view.model.rows()] == ["Which is best?"]


def test_continue_with_this_one_returns_to_one_model(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    route_by_model(fake_provider)
    compare_three(chat)
    pane = chat.window.chat
    beta = pane.compare_view.columns[2]
    assert beta.choose_button.isEnabled()
    beta.choose_button.click()
    chat.wait(lambda: chat.idle() and not pane.compare_view.isVisible())
    shown = [row.message.text for row in pane.chat_view.model.rows()]
    assert shown == ["Which is best?", reply_text("beta")]
    assert pane.selected_target() == ("fake", "beta")
    assert not pane.compare_button.isChecked()
    chat.type_and_send("Thanks")  # one model again: one reply on the chosen branch
    chat.wait(lambda: chat.idle() and len(pane.chat_view.model.rows()) == 4)
    assert [m.text for m in chat.path()][:2] == ["Which is best?", reply_text("beta")]


def test_a_compared_exchange_reopens_in_columns(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    route_by_model(fake_provider)
    compare_three(chat)
    cid = chat.parts.state.conversation_id
    assert cid is not None
    pane = chat.window.chat
    chat.parts.opener.new_conversation()
    chat.wait(chat.idle)
    assert not pane.compare_view.isVisible() and not pane.compare_view.columns
    chat.parts.opener.open_conversation(cid)
    chat.wait(lambda: chat.idle() and len(pane.compare_view.columns) == 3)
    assert [messages(c)[0].text for c in pane.compare_view.columns] == [
        reply_text("alpha"), "", reply_text("beta")]
    assert [row.message.text for row in pane.chat_view.model.rows()] == ["Which is best?"]


def test_compare_mode_of_a_new_conversation_and_one_columns_stop(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    route_by_model(fake_provider)
    pane = chat.window.chat
    controller = chat.parts.compare
    assert controller is not None
    pane.compare_mode_action.trigger()
    chat.wait(lambda: chat.window.findChild(CompareChooser) is not None)
    dialog = chat.window.findChild(CompareChooser)
    assert isinstance(dialog, CompareChooser)
    for row, target in zip(dialog.rows, [CompareTarget("fake", "alpha"),
                                         CompareTarget("fake", "slow-b")], strict=True):
        row.set_target(target)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert pane.compare_button.isChecked() and pane.compare_button.text() == "2 models"
    chat.type_and_send("Race")  # compare mode: a plain Send goes to both
    view = pane.compare_view
    chat.wait(lambda: len(view.columns) == 2 and view.columns[1].running
              and not view.columns[0].running)
    # left and reopened while the slow column streams: its columns come back, still running
    cid = chat.parts.state.conversation_id
    assert cid is not None
    chat.parts.opener.new_conversation()
    chat.wait(lambda: not view.columns)
    chat.parts.opener.open_conversation(cid)
    chat.wait(lambda: len(view.columns) == 2 and view.columns[1].running
              and messages(view.columns[0])[-1].status is MessageStatus.COMPLETE)
    view.columns[1].stop_button.click()
    chat.wait(lambda: chat.idle() and not view.columns[1].running)
    alpha, slow = (messages(c)[-1] for c in view.columns)
    assert alpha.status is MessageStatus.COMPLETE
    assert slow.status is MessageStatus.INTERRUPTED
    assert "stopped" in view.columns[1].detail_label.text()
    assert chat.store.compare_targets(cid) is not None
    pane.single_mode_action.trigger()
    chat.wait(lambda: chat.idle() and chat.store.compare_targets(cid) is None)
    assert not pane.compare_button.isChecked()


def test_editing_the_compared_message_leaves_the_columns(
        chat: ChatWindow, fake_provider: FakeProvider) -> None:
    route_by_model(fake_provider)
    compare_three(chat)
    pane = chat.window.chat
    fork = pane.chat_view.model.rows()[-1].message
    chat.parts.editing.edit(fork.id)
    chat.type_and_send("Which is cheapest?")  # a new branch, answered by one model
    chat.wait(lambda: chat.idle() and not pane.compare_view.isVisible()
              and len(pane.chat_view.model.rows()) == 2)
    assert pane.chat_view.model.rows()[0].message.text == "Which is cheapest?"
