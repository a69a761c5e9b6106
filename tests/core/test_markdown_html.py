from __future__ import annotations

from desktop.core.rendering.markdown_html import MarkdownRenderer, highlight_code


def test_code_block_is_highlighted_with_label() -> None:
    html = MarkdownRenderer().render("```python\ndef f():\n    return 1\n```\n")
    assert "code-label" in html and ">python<" in html
    assert "<span style=" in html
    assert "def" in html


def test_tables_headings_and_inline() -> None:
    html = MarkdownRenderer().render("# T\n\n| a | b |\n|---|---|\n| *x* | `y` |\n\n~~gone~~")
    assert "<h1>T</h1>" in html
    assert "<table" in html and "<th>a</th>" in html
    assert "<em>x</em>" in html and "<code>y</code>" in html
    assert "<s>gone</s>" in html


def test_raw_html_is_escaped() -> None:
    html = MarkdownRenderer().render("<script>alert(1)</script> <img src=x onerror=y>")
    assert "<script>" not in html and "<img" not in html


def test_unknown_language_is_plain_escaped_text() -> None:
    assert highlight_code("<a>", "no-such-language") == "&lt;a&gt;"
