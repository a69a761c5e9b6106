"""Formulas in headings carry the heading's level (the window and the export size them)."""

from __future__ import annotations

from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.math_html import (
    EXPORT_MATH_SIZE,
    export_math_html,
    math_name,
    parse_math_name,
)
from desktop.core.rendering.math_spans import MathSpan, find_math


def test_a_formula_in_a_heading_names_its_level() -> None:
    html = MarkdownRenderer().render("## Energy $E=mc^2$\n\nText $E=mc^2$ and\n\n# Top $x$\n")
    assert 'src="switchboard-math:i?%24E%3Dmc%5E2%24#h2"' in html
    assert 'src="switchboard-math:i?%24E%3Dmc%5E2%24"' in html  # the text's: no level
    assert 'src="switchboard-math:i?%24x%24#h1"' in html


def test_names_round_trip_with_and_without_a_level() -> None:
    (span,) = find_math("$a^2$")
    assert span.heading == 0
    assert parse_math_name(math_name(span)) == span
    headed = MathSpan(span.latex, span.display, span.source, span.block, 3)
    assert math_name(headed).endswith("#h3")
    assert parse_math_name(math_name(headed)) == headed
    assert parse_math_name(math_name(span) + "#h9") == span  # no such level: ignored


def test_the_export_sizes_a_heading_formula_like_its_heading() -> None:
    (span,) = find_math("$x^2$")
    body = export_math_html(span)
    headed = export_math_html(MathSpan(span.latex, False, span.source, False, 1))

    def height(html: str) -> float:
        start = html.index('height="') + len('height="')
        return float(html[start:html.index('"', start)].rstrip("pxt"))

    assert height(headed) > height(body) * 1.8
    assert EXPORT_MATH_SIZE > 0
