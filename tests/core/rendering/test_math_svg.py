"""Typesetting with ziamath: SVG that QtSvg can draw, colours, errors, the cache."""

from __future__ import annotations

import pytest

from desktop.core.rendering.math_svg import (
    MAX_LATEX_CHARS,
    SENTINEL_COLOUR,
    MathError,
    MathSvgCache,
    latex_to_mathml,
    prepare_latex,
    render_svg,
)


def test_a_formula_is_svg_1_with_size_and_depth() -> None:
    typeset = render_svg("\\frac{a}{b}", display=False, size=20)
    assert typeset.svg.startswith("<svg") and "xlink" in typeset.svg  # SVG 1.1, no SVG 2 use
    assert typeset.width > 5 and typeset.height > 15
    assert 0 < typeset.depth < typeset.height  # a fraction reaches below the baseline
    flat = render_svg("x", display=False, size=20)
    assert flat.depth < typeset.depth


def test_display_style_is_larger_than_text_style() -> None:
    text = render_svg("\\sum_{i=1}^n \\frac{1}{i}", display=False, size=20)
    display = render_svg("\\sum_{i=1}^n \\frac{1}{i}", display=True, size=20)
    assert display.height > text.height


def test_colour_is_replaced_not_retypeset() -> None:
    typeset = render_svg("x^2", display=False, size=16)
    assert SENTINEL_COLOUR in typeset.svg
    dark = typeset.coloured("#e6e8eb")
    assert "#e6e8eb" in dark and SENTINEL_COLOUR not in dark
    assert "currentColor" in typeset.coloured("currentColor")


@pytest.mark.parametrize(
    "latex",
    [
        "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}",
        "\\begin{align} a &= b \\tag{1} \\\\ c &= d \\end{align}",
        "\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}",
        "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}",
        "\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}",
        "\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}",
        "\\begin{matrix} a & b \\end{matrix}",
        "\\begin{equation} E = mc^2 \\label{eq:1} \\end{equation}",
        "\\begin{gather} a \\\\ b \\end{gather}",
        "\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}",
        "\\mathbb{R}^n \\to \\mathcal{O}(n \\log n)",
        "\\left( \\frac{a}{b} \\right)^2 \\cdot \\binom{n}{k}",
    ],
)
def test_the_environments_models_emit_render(latex: str) -> None:
    typeset = render_svg(latex, display=True, size=16)
    assert typeset.width > 5


def test_prepare_latex_turns_equation_level_environments_into_inline_ones() -> None:
    assert prepare_latex("\\begin{align*} a \\end{align*}") == "\\begin{aligned} a \\end{aligned}"
    assert prepare_latex("\\begin{equation} x \\tag{2} \\end{equation}") == "x"
    assert prepare_latex("\\begin{gather} a \\end{gather}") == "\\begin{gathered} a \\end{gathered}"


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        ("\\frac{", ""),
        ("\\foo{x} + y", "Unknown command \\foo"),
        ("", "empty"),
        ("x" * (MAX_LATEX_CHARS + 1), "too long"),
        ("{" * 3000 + "x" + "}" * 3000, ""),
    ],
)
def test_a_bad_formula_raises_a_short_message(latex: str, message: str) -> None:
    with pytest.raises(MathError) as raised:
        render_svg(latex, display=False, size=16)
    assert message in str(raised.value)
    assert len(str(raised.value)) <= 300


def test_the_cache_typesets_once_and_remembers_failures() -> None:
    cache = MathSvgCache()
    first = cache.get("x^2", display=False, size=16)
    assert cache.get("x^2", display=False, size=16) is first
    assert (cache.hits, cache.misses) == (1, 1)
    assert cache.lookup("x^2", display=True, size=16) is None  # another key
    for _ in range(2):
        with pytest.raises(MathError):
            cache.get("\\frac{", display=False, size=16)
    assert cache.misses == 2 and len(cache) == 2


def test_the_cache_drops_the_least_recently_used_beyond_its_budget() -> None:
    cache = MathSvgCache(max_bytes=20_000)
    for number in range(30):
        cache.get(f"x_{{{number}}}", display=False, size=16)
    assert cache.bytes <= 20_000
    assert len(cache) < 30
    assert cache.lookup("x_{29}", display=False, size=16) is not None
    assert cache.lookup("x_{0}", display=False, size=16) is None


def test_mathml() -> None:
    mathml = latex_to_mathml("\\frac{a}{b}", display=True)
    assert mathml.startswith("<math") and "<mfrac>" in mathml and 'display="block"' in mathml
