"""Math delimiters: the corpus of model output, code never matching, and the streaming rule."""

from __future__ import annotations

import pytest

from desktop.core.rendering.incremental import IncrementalMarkdown
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.math_html import math_name, parse_math_name
from desktop.core.rendering.math_spans import find_math, open_display_line
from tests.core.rendering.math_corpus import CORPUS

RENDERER = MarkdownRenderer(copy_label="Copy")


def test_the_corpus_is_large_and_mixed() -> None:
    assert len(CORPUS) >= 40
    assert sum(1 for _, found in CORPUS if found) >= 20
    assert sum(1 for _, found in CORPUS if not found) >= 20


@pytest.mark.parametrize(("text", "expected"), CORPUS, ids=[text[:40] for text, _ in CORPUS])
def test_corpus(text: str, expected: list[str]) -> None:
    assert [span.source for span in find_math(text)] == expected


def test_display_and_block_flags() -> None:
    inline, shown_inline, block = find_math("$a$ and $$b$$ here\n\n$$\nc\n$$")
    assert (inline.display, inline.block, inline.latex) == (False, False, "a")
    assert (shown_inline.display, shown_inline.block) == (True, False)
    assert (block.display, block.block, block.latex) == (True, True, "c")
    env = find_math("\\begin{pmatrix} 1 \\end{pmatrix}")[0]
    assert env.latex == "\\begin{pmatrix} 1 \\end{pmatrix}" and env.block


def test_rendered_html_has_formulas_only_outside_code() -> None:
    html = RENDERER.render("Costs $5 and $10; `$x$`; area $\\pi r^2$.\n\n$$\ny\n$$\n")
    assert html.count("switchboard-math:") == 2
    assert "Costs $5 and $10" in html
    assert "<code>$x$</code>" in html
    assert '<p align="center"><img src="switchboard-math:d?' in html


def test_image_names_carry_the_source_back() -> None:
    for text, _expected in CORPUS:
        for span in find_math(text):
            parsed = parse_math_name(math_name(span))
            assert parsed is not None and parsed.source == span.source
            assert parsed.latex == span.latex and parsed.display == span.display
    assert parse_math_name("https://example.com/x.png") is None
    assert parse_math_name("switchboard-math:i?not%20math") is None


def test_an_open_display_opener_is_found_until_it_closes_or_a_blank_line() -> None:
    assert open_display_line("Intro\n$$\nx = 1") == 1
    assert open_display_line("Intro\n$$\nx = 1\n$$\nafter") is None
    assert open_display_line("$$\nx\n\nnot math") is None
    assert open_display_line("\\begin{aligned}\na &= b") == 0
    assert open_display_line("plain text $5") is None


STREAMED = [
    "Let $x$ be real. Then\n$$\n\\begin{aligned}\n- a &= b \\\\\n# c &= d\n\\end{aligned}\n$$\n"
    "and $y$ costs $5, not $10.\n\n\\[\n1. x\n\\]\n\nDone with \\(z\\).\n",
    "Inline $a_1 + a_2$ then a list:\n\n- $b$\n- $$c$$\n\n> quote $d$\n\n| $e$ | f |\n|---|---|\n",
    "Not closed $x and a lone $$ here\n\n$$\n1. one\n- two\n",
]


@pytest.mark.parametrize("text", STREAMED)
def test_streamed_render_equals_full_render(text: str) -> None:
    for step in (1, 3, 17):
        stream = IncrementalMarkdown(RENDERER)
        for start in range(0, len(text), step):
            stream.append(text[start : start + step])
        stream.finish()
        assert stream.html == RENDERER.render(text), step


def test_an_open_delimiter_stays_text_until_it_closes() -> None:
    stream = IncrementalMarkdown(RENDERER)
    shown: list[str] = []
    for char in "Area $\\pi r^2$ done.":
        stream.append(char)
        shown.append(stream.html)
    closing = len("Area $\\pi r^2$") - 1
    assert all("switchboard-math" not in html for html in shown[:closing])
    assert "$\\pi r^2" in shown[closing - 1]  # the source as text while open
    assert all("switchboard-math" in html for html in shown[closing:])

    stream = IncrementalMarkdown(RENDERER)
    for char in "Intro:\n$$\n- x\n# y\n":
        stream.append(char)
    assert "switchboard-math" not in stream.html and stream.finished_html == ""
    stream.append("$$\n")
    assert stream.html.count("switchboard-math:d?") == 1


HOSTILE = [
    "$x " * 3000,
    "$a " * 3000 + "b$",
    "$$ " * 3000,
    "\\(a " * 3000,
    "\\[\n" * 1500,
    "$$x\n" * 1500,
    "\\begin{aligned}\n" * 1000,
    "\\begin{aligned}\n" * 100 + "x\n" + "\\end{aligned}\n" * 100,
    "> \\[\n" * 1000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[text[:12] for text in HOSTILE])
def test_hostile_runs_of_openers_render_as_text_and_stream_alike(text: str) -> None:
    """Thousands of unclosed openers (each scan is remembered, so this stays linear)."""
    html = RENDERER.render(text)
    closes = text.endswith(("b$", "\\end{aligned}\n")) or text.startswith("$$x")  # pairs
    assert ("switchboard-math" in html) == closes
    stream = IncrementalMarkdown(RENDERER)
    for start in range(0, len(text), 700):
        stream.append(text[start : start + 700])
    stream.finish()
    assert stream.html == html
