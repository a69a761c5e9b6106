"""A reply opened from the history: citation numbers, its sources and its refusal."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from desktop.core.citations import Source
from desktop.core.reply_parts import Citation, Usage
from desktop.core.store.models import Role
from desktop.ui.chat_view import ChatView
from tests.ui.chat_view.conftest import MessageFactory

TEXT = "Rome is the capital of Italy. Its Colosseum is old."


def test_stored_reply_shows_numbers_sources_refusal_and_usage(
    chat_view: ChatView, make_message: MessageFactory
) -> None:
    reply = make_message(
        Role.ASSISTANT, TEXT,
        citations=(Citation("https://it.example/rome", "Rome", 0, 29),
                   Citation("https://www.colosseo.example/", "", 30, len(TEXT))),
        refusal="", usage=Usage(10, 20, 30, 5, None, raw='{"note": "<b>x</b>"}'),
    )
    chat_view.set_conversation([reply], {})
    card = chat_view.area.bound_widget(reply.id)
    assert card is not None and card.body.content is not None
    assert card.body.content.text.startswith("Rome is the capital of Italy.[&#91;1&#93;](cite:1)")
    assert [b.text() for b in card.source_list.buttons if not b.isHidden()] == [
        "[1]  Rome  ·  it.example", "[2]  colosseo.example"]  # no title: the host alone
    assert card.refusal_block.text.text() == "The model declined to answer."
    assert "5 reasoning" in card.footer.text() and "cached" not in card.footer.text()
    assert "&lt;b&gt;x&lt;/b&gt;" in card.footer.toolTip()  # the provider's text stays text
    assert "Rome is the capital" in card.body.accessibleDescription()


def test_only_http_sources_are_opened(chat_view: ChatView, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toString()) or True)
    card_sources = chat_view.area._new_widget().source_list
    card_sources.show_sources([Source(1, "javascript:alert(1)", "x", ""),
                               Source(2, "https://ok.example/", "ok", "ok.example")])
    assert card_sources.open(1) is False
    assert card_sources.open(2) is True
    assert card_sources.open(3) is False
    assert opened == ["https://ok.example/"]
