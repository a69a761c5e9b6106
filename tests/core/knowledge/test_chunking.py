"""Chunks: sized in estimated tokens, overlapping, cut at breaks, PDF pages kept apart."""

from __future__ import annotations

import itertools

from desktop.core.documents.tokens import estimate_tokens
from desktop.core.knowledge.chunking import chunk_pages, chunk_text


def _paragraphs(count: int) -> str:
    return "\n\n".join(f"Paragraph {n} talks about topic {n} in a few plain words here."
                       for n in range(count))


def test_chunks_stay_within_size_and_cover_the_text() -> None:
    text = _paragraphs(200)
    chunks = chunk_text(text, 100, 20)
    assert len(chunks) > 10
    assert all(estimate_tokens(c.text) <= 104 for c in chunks)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    for n in range(200):  # every paragraph is in some chunk, whole
        assert any(f"Paragraph {n} talks" in c.text for c in chunks)


def test_neighbours_share_the_overlap() -> None:
    chunks = chunk_text(" ".join(f"w{n}" for n in range(3000)), 100, 20)
    for first, second in itertools.pairwise(chunks):
        assert first.text.split()[-1] in second.text.split()[:40]


def test_no_overlap_means_no_repeats() -> None:
    chunks = chunk_text(_paragraphs(100), 100, 0)
    joined = [p for c in chunks for p in c.text.split("\n\n")]
    assert len(joined) == len(set(joined)) == 100


def test_text_without_breaks_and_cjk_is_cut_by_length() -> None:
    minified = chunk_text("x" * 10_000, 100, 10)
    assert all(estimate_tokens(c.text) <= 110 for c in minified)
    assert sum(len(c.text) for c in minified) >= 10_000
    chinese = chunk_text("知识库" * 500, 100, 10)
    assert len(chinese) >= 15
    assert all(len(c.text) <= 110 for c in chinese)


def test_pdf_pages_are_chunked_apart_and_numbered() -> None:
    pages = ("First page text.", "", "Third page " + "words " * 300)
    chunks = chunk_pages(pages, 100, 10, pdf=True)
    assert chunks[0].page == 1 and chunks[0].text == "First page text."
    assert {c.page for c in chunks} == {1, 3}
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert chunk_pages(("plain",), 100, 10, pdf=False)[0].page is None


def test_empty_text_has_no_chunks() -> None:
    assert chunk_text("  \n\n  ", 100, 10) == []
