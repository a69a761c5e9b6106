"""Citation placing and numbering (desktop.core.citations), and the superscript rendering."""

from __future__ import annotations

from desktop.core.citations import (
    decode_citations,
    encode_citations,
    numbered_sources,
    place_markers,
    safe_url,
)
from desktop.core.rendering.citation_marks import citation_number, cited_markdown
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.reply_parts import Citation


def test_safe_url_allows_only_http_and_https() -> None:
    assert safe_url("https://example.org/a?b=c") == "https://example.org/a?b=c"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https://",
                "https://exa mple.org", "//example.org", "ftp://example.org", None, 3,
                "https://example.org/\nx", "https://" + "a" * 3000 + ".org"):
        assert safe_url(bad) is None, bad


def test_markers_go_after_the_cited_span_and_numbers_follow_first_use() -> None:
    text = "Alpha is first. Beta is second.\n\nGamma."
    citations = [
        Citation("https://b.example/", "B", 16, 31),
        Citation("https://a.example/", "A", 0, 15),
        Citation("https://b.example/", "B", 0, 15),
        Citation("https://c.example/", "C"),  # no index: after the text
    ]
    marked = place_markers(text, citations, lambda n: f"[{n}]")
    assert marked == "Alpha is first.[1][2] Beta is second.[1]\n\nGamma.[3]"
    sources, numbers = numbered_sources(citations)
    assert [(s.number, s.host) for s in sources] == [
        (1, "b.example"), (2, "a.example"), (3, "c.example")]
    assert numbers == [1, 2, 1, 3]


def test_a_marker_inside_a_word_or_link_moves_to_its_end() -> None:
    text = "See [the docs](https://example.org/docs) now."
    inside = text.index("example")  # in the middle of the link's address
    marked = place_markers(text, [Citation("https://x.example/", end=inside)], lambda n: "^")
    assert marked == "See [the docs](https://example.org/docs)^ now."
    past = place_markers("short", [Citation("https://x.example/", end=999)], lambda n: "^")
    assert past == "short^"


def test_stored_citations_round_trip_and_are_validated_again() -> None:
    citations = (Citation("https://a.example/x", "Title", 1, 5, "quoted"),
                 Citation("https://b.example/", "", None, 9))
    assert decode_citations(encode_citations(citations)) == citations
    hostile = '[{"url": "javascript:x"}, {"url": "https://ok.example/", "start": 9, "end": 2},' \
              ' 5, "x", {"url": "https://ok.example/", "title": "a\\u0000b\\nc"}]'
    assert decode_citations(hostile) == (
        Citation("https://ok.example/", "", None, 2), Citation("https://ok.example/", "ab c"))
    assert decode_citations("not json") == ()


def test_citation_numbers_render_as_superscript_links() -> None:
    text = "Paris is in France. Rome is in Italy."
    citations = [Citation("https://fr.example/", "France", 0, 19)]
    html = MarkdownRenderer().render(cited_markdown(text, citations))
    assert '<sup class="cite"><a href="cite:1" class="cite">[1]</a></sup>' in html
    assert html.count("<sup") == 1
    assert citation_number("cite:1") == 1
    assert citation_number("https://fr.example/") is None
    assert citation_number("cite:1x") is None


def test_a_marker_never_lands_inside_a_code_block() -> None:
    text = "Run this:\n\n```sh\nls -la /tmp\n```"
    inside = text.index("-la")
    for end in (inside, None):
        marked = place_markers(text, [Citation("https://x.example/", end=end)], lambda n: "^")
        assert marked == text + "\n\n^"
    html = MarkdownRenderer().render(
        cited_markdown(text, [Citation("https://x.example/", end=inside)]))
    assert "/tmp\n</pre>" in html and html.endswith("[1]</a></sup></p>\n")
