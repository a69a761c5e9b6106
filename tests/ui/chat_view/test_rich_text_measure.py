"""RichTextContent.tops: measured again only from the first changed document, same result."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from benchmarks.bench_gui_stream import reply_text
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.ui.chat_view.rich_text_content import RichTextContent
from desktop.ui.chat_view.styles import chat_document_stylesheet
from desktop.ui.theme import current_colors


def full_tops(content: RichTextContent) -> list[float]:
    """The tops measured from scratch over all documents (the content's state untouched)."""
    tops: list[float] = []
    y = 0.0
    previous = None
    for doc in content.documents():
        if previous is not None and not doc.isEmpty():
            y -= min(previous.lastBlock().blockFormat().bottomMargin(),
                     doc.firstBlock().blockFormat().topMargin())
        tops.append(y)
        if not doc.isEmpty():
            y += doc.size().height()
            previous = doc
    tops.append(y)
    return tops


def test_incremental_tops_equal_a_full_measure(qapp: QApplication) -> None:
    stylesheet = chat_document_stylesheet(current_colors())
    renderer = MarkdownRenderer()
    streamed = RichTextContent(renderer, stylesheet, QFont(), defer_highlight=True)
    streamed.set_width(640)
    text = reply_text(12_000)
    checked = 0
    for start in range(0, len(text), 97):
        streamed.append(text[start : start + 97])
        incremental = streamed.tops()
        if start % (97 * 7) == 0:
            assert incremental == full_tops(streamed)
            checked += 1
    streamed.finish()
    assert streamed.tops() == full_tops(streamed)
    assert len(streamed.segments) > 5 and checked > 10
    # A highlighted code block swapped in (bigger or smaller) moves what is below it.
    jobs = streamed.take_deferred()
    assert jobs
    job = jobs[0]
    assert streamed.resolve(job, "<pre>" + "x<br>" * 40 + "</pre>")
    assert streamed.tops() == full_tops(streamed)
    streamed.set_width(420)  # a new width measures everything again
    assert streamed.tops() == full_tops(streamed)
