"""IncrementalMarkdown: the streamed rendering always equals a full render of the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.rendering.incremental import IncrementalMarkdown
from desktop.core.rendering.markdown_html import MarkdownRenderer

RENDERER = MarkdownRenderer(copy_label="Copy")

# Fragments that exercise block structure: lists (tight/loose), fences, tables, quotes, setext
# headings, indented code, reference definitions, CR/LF line endings.
FRAGMENTS = [
    "\n", "\n\n", "\r\n", "\r", "para", "word ", "# Heading", "## h2", "- item", "* star",
    "1. one", "2) two", "  nested", "    indented code", "```", "```python", "~~~", "> quote",
    "| a | b |", "|---|---|", "| 1 | 2 |", "---", "===", "**bold**", "_em_", "`code`",
    "[link](http://example.com)", "[ref]", "[ref]: http://example.com", "~~gone~~", "\t",
    "<b>raw</b>", "&amp;", "x" * 40,
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def stream(text: str, cuts: list[int]) -> IncrementalMarkdown:
    """Feed `text` cut at the given offsets; return the renderer after `finish()`."""
    incremental = IncrementalMarkdown(RENDERER)
    rebuilt = ""
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        update = incremental.append(text[start:cut])
        rebuilt = (rebuilt if not update.reset else "") + update.finished
        start = cut
    update = incremental.finish()
    rebuilt = (rebuilt if not update.reset else "") + update.finished
    assert rebuilt + update.tail == incremental.html  # the updates compose to the whole
    return incremental


@settings(max_examples=300, deadline=None)
@given(data=st.data(), text=texts)
def test_streamed_render_equals_full_render(data: st.DataObject, text: str) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=12))
    assert stream(text, cuts).html == RENDERER.render(text)


@settings(max_examples=150, deadline=None)
@given(text=texts)
def test_char_by_char_equals_full_render(text: str) -> None:
    assert stream(text, list(range(len(text)))).html == RENDERER.render(text)


def test_finished_blocks_are_not_reparsed() -> None:
    incremental = IncrementalMarkdown(RENDERER)
    incremental.append("# Title\n\nFirst paragraph.\n\n```python\nprint(1)\n```\n\nTail text\n")
    assert "Title" in incremental.finished_html
    assert "print" in incremental.finished_html
    assert "Tail text" in incremental.tail_html
    assert "Title" not in incremental.tail_html
    update = incremental.append("continues")
    assert update.finished == ""
    assert "Tail text\ncontinues" in update.tail


def test_reference_definition_switches_to_whole_renders() -> None:
    incremental = IncrementalMarkdown(RENDERER)
    incremental.append("See [docs].\n\nMore text.\n\nEven more")
    assert "[docs]" in incremental.html
    update = incremental.append("\n\n[docs]: http://example.com/")
    assert update.reset
    assert 'href="http://example.com/"' in incremental.html
    assert incremental.html == RENDERER.render(incremental.text)


def test_split_crlf_is_one_line_break() -> None:
    incremental = IncrementalMarkdown(RENDERER)
    incremental.append("a\r")
    incremental.append("\nb")
    incremental.finish()
    assert incremental.text == "a\nb"
    assert incremental.html == RENDERER.render("a\r\nb")


@settings(max_examples=150, deadline=None)
@given(data=st.data(), text=texts)
def test_deferred_highlighting_resolves_to_full_render(data: st.DataObject, text: str) -> None:
    incremental = IncrementalMarkdown(RENDERER, defer_highlight=True)
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=12))))
    start = 0
    for cut in [*cuts, len(text)]:
        incremental.append(text[start:cut])
        start = cut
    incremental.finish()
    for job in incremental.take_deferred():
        incremental.resolve(job.generation, job.part, RENDERER.render_tokens(job.tokens))
    assert incremental.html == RENDERER.render(text)


def test_deferred_parts_show_plain_code_until_resolved() -> None:
    incremental = IncrementalMarkdown(RENDERER, defer_highlight=True)
    update = incremental.append("```python\nimport os\n```\n\nafter\n")
    assert update.deferred and update.part == 0
    assert "<span" not in update.finished and "import os" in update.finished
    (job,) = incremental.take_deferred()
    assert incremental.take_deferred() == []
    assert incremental.resolve(job.generation, job.part, RENDERER.render_tokens(job.tokens))
    assert "<span" in incremental.finished_html
    incremental.append("[x]: http://example.com\n")  # a reset: old jobs no longer apply
    assert not incremental.resolve(job.generation, job.part, "stale")


MARK = "[&#91;1&#93;](cite:1)"


def test_retext_in_the_streaming_block_renders_only_that_block() -> None:
    """A citation number placed in the block still streaming: the finished blocks are kept
    (not rendered again) and the HTML equals a full render of the new text."""
    done = "".join(f"Paragraph {n} about towers.\n\n" for n in range(50))
    incremental = IncrementalMarkdown(RENDERER)
    incremental.append(done + "The Eiffel Tower is 330 metres tall. It was")
    finished = incremental.finished_html
    assert finished and incremental.tail_length < 100
    cited = done + "The Eiffel Tower is 330 metres tall." + MARK + " It was"
    update = incremental.retext(cited)
    assert update is not None and not update.reset and update.finished == ""
    assert incremental.finished_html == finished  # kept as it was
    assert incremental.text == cited
    assert incremental.html == RENDERER.render(cited)
    incremental.append(" finished in 1889.\n\nMore.")
    incremental.finish()
    assert incremental.html == RENDERER.render(cited + " finished in 1889.\n\nMore.")


def test_retext_before_the_streaming_block_asks_for_a_new_render() -> None:
    incremental = IncrementalMarkdown(RENDERER)
    text = "First paragraph.\n\nSecond one, still\nstream"
    incremental.append(text)
    assert incremental.finished_html  # the first paragraph is finished
    assert incremental.retext("First paragraph." + MARK + text[len("First paragraph."):]) is None
    assert incremental.text == text  # unchanged
    incremental.finish()
    assert incremental.retext(text) is None


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=400))
def test_retext_then_append_equals_a_full_render(text: str, cut: int, insert: int) -> None:
    cut = min(cut, len(text))
    incremental = IncrementalMarkdown(RENDERER)
    incremental.append(text[:cut])
    at = min(insert, cut)
    new = text[:at] + MARK + text[at:cut]
    before = incremental.text
    if incremental.retext(new) is None:
        assert incremental.text == before  # refused: nothing changed
        new = text[:cut]
    else:
        assert incremental.text == new.replace("\r\n", "\n").replace("\r", "\n")
    incremental.append(text[cut:])
    incremental.finish()
    assert incremental.html == RENDERER.render(new + text[cut:])
