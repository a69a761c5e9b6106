"""Break opportunities in long unbroken runs: tags stay whole, entities are never split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.rendering.long_runs import (
    BREAK,
    RUN_LIMIT,
    break_long_runs_html,
    remove_breaks,
)


def test_tags_stay_whole_and_runs_get_breaks() -> None:
    href = "https://example.com/" + "x" * 400
    html = f'<p><a href="{href}">{"y" * 350}</a></p>'
    out = break_long_runs_html(html)
    assert f'href="{href}"' in out  # no break inside the tag
    assert out.count(BREAK) == 3
    assert remove_breaks(out) == html


@given(st.integers(min_value=0, max_value=3 * RUN_LIMIT), st.sampled_from(
    ["&amp;", "&lt;", "&#1114111;", "&nbsp;", "&#x1F600;"]))
def test_an_entity_is_never_split(prefix: int, entity: str) -> None:
    html = "a" * prefix + entity * 40
    out = break_long_runs_html(html)
    for piece in out.split(BREAK):
        amp = piece.rfind("&")
        assert amp == -1 or ";" in piece[amp:], piece[-15:]
        assert len(piece) <= RUN_LIMIT + len(entity)
    assert remove_breaks(out) == html
