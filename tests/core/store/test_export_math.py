"""Exports keep formulas: HTML as inline SVG (no script), Markdown as the source."""

from __future__ import annotations

from pathlib import Path

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store
from desktop.core.store.export_html import export_html
from desktop.core.store.export_markdown import export_markdown

REPLY = (
    "The roots of $ax^2+bx+c=0$ are\n\n$$\nx = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}\n$$\n\n"
    "It costs $5 and $10; see `$PATH`. Broken: $\\frac{1}{$ here."
)


def seed(data: DataDir) -> int:
    with Store.open(data, backup_interval=None) as store:
        conversation = store.create_conversation("Math")
        store.append_message(conversation.id, Role.USER, "Solve $x^2 = 4$")
        store.append_message(conversation.id, Role.ASSISTANT, REPLY, reasoning="Use $\\Delta$.")
        return conversation.id


def test_html_export_embeds_formulas_as_inline_svg(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    conversation_id = seed(data)
    with Store.open(data, backup_interval=None) as store:
        page = export_html(store, conversation_id)
    assert "<script" not in page
    assert page.count("<svg ") == 4  # the question, two in the reply, one in the reasoning
    assert 'fill="currentColor"' in page  # follows the page's light or dark text colour
    assert '<div class="math-display"><svg' in page
    assert "vertical-align: -" in page  # inline formulas sit on the baseline
    assert "It costs $5 and $10; see <code>$PATH</code>." in page
    assert '<code class="math-error" title="' in page and "$\\frac{1}{$</code>" in page


def test_markdown_export_keeps_the_source(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    conversation_id = seed(data)
    with Store.open(data, backup_interval=None) as store:
        text = export_markdown(store, conversation_id)
    assert REPLY in text
    assert "<svg" not in text
