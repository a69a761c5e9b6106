"""Mermaid diagrams: render time per diagram kind, cache hits, pictures, the render process.

Renders each kind through the real path (the render process running mmdr, then the sanitiser)
with the cache emptied before each run, then measures a cache hit (the chat's fence hook
building the picture's HTML) and drawing the picture with QtSvg. Prints a table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_mermaid.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

KINDS = {
    "flowchart": "flowchart TD\n  A[Start] --> B{Is it working?}\n  B -- Yes --> C[Great]\n"
                 "  B -- No --> D[Debug]\n  D --> B\n  C --> E[Ship]\n  E --> F[Celebrate]\n",
    "sequence": "sequenceDiagram\n  participant App\n  participant Gateway\n  participant Model\n"
                "  App->>Gateway: POST /chat/completions\n  Gateway->>Model: prompt\n"
                "  Model-->>Gateway: tokens\n  Gateway-->>App: streamed deltas\n",
    "class": "classDiagram\n  class Animal {\n    +String name\n    +int age\n    +eat() void\n"
             "  }\n  Animal <|-- Dog\n  Animal <|-- Cat\n  Dog : +bark() void\n",
    "state": "stateDiagram-v2\n  [*] --> Idle\n  Idle --> Running: start\n"
             "  Running --> Paused: pause\n  Paused --> Running: resume\n  Running --> [*]\n",
    "gantt": "gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section Build\n"
             "  Design :a1, 2024-01-01, 7d\n  Code :a2, after a1, 14d\n  section Ship\n"
             "  Test :after a2, 7d\n  Release :milestone, 2024-02-01, 0d\n",
    "pie": 'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85\n  "Rats" : 15\n',
    "flowchart 60 nodes": "flowchart LR\n" + "".join(
        f"  N{n}[Node {n}] --> N{(n * 7 + 3) % 60}[Node {(n * 7 + 3) % 60}]\n"
        for n in range(60)),
}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f} µs"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    from markdown_it.token import Token
    from PySide6.QtWidgets import QApplication

    from desktop.core.rendering.mermaid import DIAGRAMS, MermaidProcess, render_diagram
    from desktop.ui.chat_view.diagrams import mermaid_fence, render_card

    app = QApplication.instance() or QApplication([])
    process = MermaidProcess()
    started = time.perf_counter()
    first = process.render("pie\n  \"a\" : 1\n")
    assert first.ok, first.error
    print(f"render process start + first diagram: {ms(time.perf_counter() - started)}")
    process.close()

    print(f"\n{'kind':<20} {'render p50':>12} {'render max':>12} {'hit p50':>12} "
          f"{'picture':>12} {'size':>12}")
    render_diagram("pie\n  \"warm\" : 1\n")  # start the shared process
    for kind, source in KINDS.items():
        renders = []
        for _ in range(args.runs):
            DIAGRAMS.clear()
            begin = time.perf_counter()
            result = render_diagram(source)
            renders.append(time.perf_counter() - begin)
        assert result.ok, (kind, result.error)
        token = Token("fence", "code", 0, info="mermaid", content=source, markup="```")
        token.meta["closed"] = "line"
        hits = []
        for _ in range(1000):
            begin = time.perf_counter()
            html = mermaid_fence(token, "<table class=\"code\"></table>", True)
            hits.append(time.perf_counter() - begin)
        assert "<img" in html
        begin = time.perf_counter()
        render_card(result, 2.0, dark=False)
        picture = time.perf_counter() - begin
        print(f"{kind:<20} {ms(statistics.median(renders)):>12} {ms(max(renders)):>12} "
              f"{us(statistics.median(hits)):>12} {ms(picture):>12} "
              f"{result.width:5.0f}×{result.height:<5.0f}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
