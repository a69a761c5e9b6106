"""Mermaid rendering in core: closed fences, mmdr per diagram kind, caps, deadline, SVG safety,
and the HTML and Markdown exports."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.rendering.fences import is_closed
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.rendering.mermaid import (
    MAX_SOURCE_CHARS,
    DiagramCache,
    DiagramResult,
    MermaidProcess,
    diagram_key,
    render_diagram,
)
from desktop.core.rendering.mermaid_svg import clean_svg, prefix_ids
from desktop.core.store import Role, Store
from desktop.core.store.export_html import export_html
from desktop.core.store.export_markdown import export_markdown

KINDS = {
    "flowchart": "flowchart TD\n  A[Start] --> B{Working?}\n  B -- Yes --> C[Great]\n"
                 "  B -- No --> D[Debug]\n  D --> B\n",
    "sequence": "sequenceDiagram\n  Alice->>Bob: Hello Bob\n  Bob-->>Alice: Hi Alice\n",
    "class": "classDiagram\n  class Animal {\n    +String name\n    +eat() void\n  }\n"
             "  Animal <|-- Dog\n",
    "state": "stateDiagram-v2\n  [*] --> Idle\n  Idle --> Running: start\n"
             "  Running --> Idle: stop\n",
    "gantt": "gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section A\n"
             "  Design :a1, 2024-01-01, 7d\n  Build :after a1, 10d\n",
    "pie": 'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85\n',
}
SVG = "{http://www.w3.org/2000/svg}"
# A star of 1,500 edges keeps mmdr busy for minutes (measured: 570 s).
HOSTILE = "flowchart TD\n" + "\n".join(f"  A --> N{i}" for i in range(1500))


def fences(text: str, *, final: bool) -> list[bool]:
    tokens = MarkdownRenderer().parse(text)
    return [is_closed(token, final=final) for token in tokens if token.type == "fence"]


def test_a_fence_is_closed_only_by_a_finished_closing_line() -> None:
    assert fences("```mermaid\ngraph TD\n", final=True) == [False]  # never closed
    assert fences("```mermaid\ngraph TD\n``", final=True) == [False]  # too short
    assert fences("```mermaid\ngraph TD\n```", final=False) == [False]  # "```x" may follow
    assert fences("```mermaid\ngraph TD\n```", final=True) == [True]
    assert fences("```mermaid\ngraph TD\n```\n", final=False) == [True]
    assert fences("~~~~mermaid\nA\n~~~~~\nafter\n", final=False) == [True]
    assert fences("> ```mermaid\n> A\n> ```\n", final=False) == [True]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_diagram_kind_renders_to_a_clean_svg(kind: str) -> None:
    result = render_diagram(KINDS[kind])
    assert result.ok, result.error
    assert result.width > 50 and result.height > 50
    root = ET.fromstring(result.svg)
    assert root.tag == f"{SVG}svg"
    texts = [el for el in root.iter() if el.tag in (f"{SVG}text", f"{SVG}tspan")]
    assert texts, "labels are drawn"
    assert "hsl(" not in result.svg  # QtSvg cannot draw hsl() colours
    assert render_diagram(KINDS[kind]) is result  # cached


@pytest.mark.parametrize("source", [
    "flowchart TD\n  A -->\n  -->> (((\n",
    "notadiagram\n  foo\n",
    "",
])
def test_a_broken_diagram_gives_the_renderers_message(source: str) -> None:
    result = render_diagram(source)
    assert not result.ok
    assert result.error and "Traceback" not in result.error


def test_source_size_is_capped() -> None:
    source = "flowchart TD\n" + "A-->B\n" * (MAX_SOURCE_CHARS // 6 + 1)
    result = MermaidProcess().render(source)
    assert not result.ok and "50 kB" in result.error


def test_a_diagram_past_the_deadline_is_killed_and_the_next_one_renders() -> None:
    process = MermaidProcess(timeout=1.0)
    try:
        slow = process.render(HOSTILE)
        assert not slow.ok and "took longer" in slow.error
        after = process.render(KINDS["pie"])
        assert after.ok
        assert process.started == 2  # a fresh process after the kill
    finally:
        process.close()


def test_svg_is_sanitised() -> None:
    hostile = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="100" height="50" viewBox="0 0 100 50" onload="alert(1)">'
        '<script>alert(2)</script><style>@import url(http://x/y.css);</style>'
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>'
        '<image href="http://tracker/p.png" width="1" height="1"/>'
        '<a href="javascript:alert(3)"><rect width="5" height="5"/></a>'
        '<rect width="10" height="10" fill="url(http://x/y#g)" onclick="x()" '
        'style="fill: url(https://evil/)"/>'
        '<use xlink:href="http://evil/#x"/><use href="#ok"/>'
        '<path d="M0 0" marker-end="url(#arrow)" fill="hsl(215, 36%, 61%)"/>'
        '<text x="5" y="20" font-size="10"><tspan x="5" dy="0">one</tspan>'
        '<tspan x="5" dy="12">two</tspan></text></svg>'
    )
    clean = clean_svg(hostile).svg
    lowered = clean.lower().replace('xmlns="http://www.w3.org/2000/svg"', "")
    for bad in ("script", "onload", "onclick", "foreignobject", "http:", "https:",
                "javascript", "@import", "<style", "<image", "<a ", "hsl("):
        assert bad not in lowered, bad
    assert 'marker-end="url(#arrow)"' in clean and 'href="#ok"' in clean
    root = ET.fromstring(clean)
    lines = [el for el in root.iter(f"{SVG}text")]
    assert [line.text for line in lines] == ["one", "two"]  # a <text> per line for QtSvg
    assert [line.get("y") for line in lines] == ["20.00", "32.00"]


def test_ids_are_prefixed_with_their_references() -> None:
    svg = ('<svg><marker id="arrow-0"/><path marker-end="url(#arrow-0)"/>'
           '<use href="#arrow-0"/></svg>')
    assert prefix_ids(svg, "d1-") == (
        '<svg><marker id="d1-arrow-0"/><path marker-end="url(#d1-arrow-0)"/>'
        '<use href="#d1-arrow-0"/></svg>'
    )


def test_cache_drops_least_recently_used_beyond_its_budget() -> None:
    cache = DiagramCache(entries=2)
    for source in ("a", "b", "c"):
        cache.put(DiagramResult(diagram_key(source), source, svg="<svg/>", width=1, height=1))
    assert cache.get(diagram_key("a")) is None
    assert cache.get(diagram_key("c")) is not None
    assert diagram_key("a", "modern") != diagram_key("a", "classic")


REPLY = ("Two diagrams:\n\n```mermaid\n" + KINDS["flowchart"] + "```\n\nand\n\n```mermaid\n"
         + KINDS["sequence"] + "```\n\nA broken one:\n\n```mermaid\nflowchart TD\n  A -->\n```\n")


def test_html_export_inlines_sanitised_svg_and_markdown_keeps_the_source(
    tmp_path: Path,
) -> None:
    data = DataDir(tmp_path / "data")
    with Store.open(data, backup_interval=None) as store:
        conversation = store.create_conversation("Diagrams")
        store.append_message(conversation.id, Role.USER, "Draw")
        store.append_message(conversation.id, Role.ASSISTANT, REPLY)
        page = export_html(store, conversation.id)
        markdown = export_markdown(store, conversation.id)
    assert page.count('<figure class="diagram"') == 2
    assert page.count("<svg ") == 2
    assert 'id="d1-' in page and 'id="d2-' in page  # no marker id shared between diagrams
    lowered = page.lower()
    assert "<script" not in lowered and "onload" not in lowered
    assert 'href="http' not in lowered and "url(http" not in lowered and "src=" not in lowered
    assert "Diagram not shown:" in page  # the broken one: its code and the message
    assert "flowchart TD\n  A --&gt;" in page
    assert "A[Start] --&gt; B{Working?}" not in page  # a drawn diagram replaces its code
    assert "```mermaid\n" + KINDS["flowchart"] + "```" in markdown
