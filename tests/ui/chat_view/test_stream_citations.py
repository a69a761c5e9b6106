"""Citations carried by a stream reach the chat view's batches as they arrive, per API style:
the UI's mapping equals the stored one (the assembler's)."""

from __future__ import annotations

import pytest

from desktop.core.api.assembler import StreamAssembler
from desktop.core.api.parsers.stream_parser import make_stream_parser
from desktop.core.api.styles import ApiStyle
from desktop.core.citations import placeable
from desktop.core.rendering.citation_marks import cited_markdown
from desktop.core.reply_parts import Citation
from desktop.ui.chat_view.stream_coalescer import StreamBatch
from tests.helpers.fake_provider import Reply
from tests.helpers.reply_fields import (
    CITED_TEXT,
    TOWER_END,
    anthropic_cited,
    chat_cited,
    responses_cited,
)


@pytest.mark.parametrize(("style", "reply"), [
    (ApiStyle.OPENAI_CHAT, chat_cited(stream=True)),
    (ApiStyle.OPENAI_RESPONSES, responses_cited(stream=True)),
    (ApiStyle.ANTHROPIC_MESSAGES, anthropic_cited(stream=True)),
], ids=["chat", "responses", "anthropic"])
def test_streamed_annotations_become_the_batch_citations(style: ApiStyle, reply: Reply) -> None:
    parser = make_stream_parser(style)
    assembler = StreamAssembler()
    batch = StreamBatch()
    body = b"".join(chunk.data for chunk in reply.chunks)
    for start in range(0, len(body), 11):
        for event in parser.feed(body[start:start + 11]):
            assembler.add(event)
            batch.add(event)
    for event in parser.close():
        assembler.add(event)
        batch.add(event)
    assert "".join(batch.text) == CITED_TEXT
    (choice,) = assembler.result.choices
    assert batch.citations == choice.citations  # what is stored with the message
    assert batch.citations and batch.citations[0].end == TOWER_END


def test_a_marker_waits_until_the_text_has_passed_its_word() -> None:
    citation = Citation(url="https://example.org/a", title="A", start=0, end=9)
    assert not placeable("The tower", citation)  # "tower" may still grow
    assert cited_markdown("The tower", [citation], streaming=True) == "The tower"
    assert placeable("The towers are", citation)
    streamed = cited_markdown("The towers are", [citation], streaming=True)
    assert streamed == "The towers[&#91;1&#93;](cite:1) are"
    assert streamed == cited_markdown("The towers are", [citation])
    # Numbers stay those of the whole list while a later citation waits.
    later = Citation(url="https://example.org/b", title="B", start=0, end=14)
    first = Citation(url="https://example.org/b", title="B", start=0, end=3)
    text = "The towers are"
    assert cited_markdown(text, [first, later], streaming=True) == \
        "The[&#91;1&#93;](cite:1) towers are"
    no_index = Citation(url="https://example.org/c", title="C", start=None, end=None)
    assert cited_markdown(text, [no_index], streaming=True) == text
