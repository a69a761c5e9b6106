"""Layout time of replies with very long unbroken runs (issue 12, class 5).

Renders 500 KB of hex and 500 KB of one letter the way the chat view does (Markdown → HTML →
message documents at a card's width, then measured) and prints the seconds each took, for a
reply and for a user message. Target: ≤ 0.2 s each.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_long_runs [--size 500000]
    ... --without-breaks --size 50000   # the old behaviour, at a size it finishes
"""

from __future__ import annotations

import argparse
import os
import secrets
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

import desktop.core.rendering.markdown_html as markdown_html
import desktop.ui.chat_view.rich_text_content as rich_text_content
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.ui.chat_view.rich_text_content import RichTextContent
from desktop.ui.chat_view.styles import chat_document_stylesheet
from desktop.ui.theme import current_colors

WIDTH = 640.0


def layout_seconds(text: str, *, user: bool) -> float:
    """Seconds to render, lay out and measure `text` as one message."""
    content = RichTextContent(
        MarkdownRenderer(copy_label="Copy"), chat_document_stylesheet(current_colors()), QFont()
    )
    started = time.perf_counter()
    if user:
        content.set_plain_text(text)
    else:
        content.build(text)
    content.set_width(WIDTH)
    content.height()
    return time.perf_counter() - started


def slowest_streamed_flush(text: str, pieces: int = 20) -> float:
    """The longest single flush (append + layout) while `text` streams in `pieces`: how long
    the window cannot answer a key press such as Ctrl+Q."""
    content = RichTextContent(
        MarkdownRenderer(copy_label="Copy"), chat_document_stylesheet(current_colors()), QFont(),
        defer_highlight=True,
    )
    content.set_width(WIDTH)
    step = max(1, len(text) // pieces)
    slowest = 0.0
    for start in range(0, len(text), step):
        started = time.perf_counter()
        content.append(text[start : start + step])
        content.height()
        slowest = max(slowest, time.perf_counter() - started)
    return slowest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500_000, help="characters per run")
    parser.add_argument("--without-breaks", action="store_true", help="the old behaviour")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    if args.without_breaks:
        markdown_html.break_long_runs_html = lambda html: html  # type: ignore[assignment]
        rich_text_content.break_long_runs_text = lambda text: text  # type: ignore[assignment]
    runs = {
        "hex": secrets.token_hex(args.size // 2),
        "one letter": "a" * args.size,
    }
    print(f"layout of {args.size:,} characters without a break point, width {WIDTH:.0f} px"
          + (" (breaks disabled)" if args.without_breaks else ""))
    for name, text in runs.items():
        for user in (False, True):
            seconds = layout_seconds(text, user=user)
            kind = "user message" if user else "reply"
            print(f"  {name:<10} {kind:<12} {seconds * 1000:8.0f} ms")
        slowest = slowest_streamed_flush(text)
        print(f"  {name:<10} {'streamed':<12} {slowest * 1000:8.0f} ms  (slowest of 20 flushes)")
    del app


if __name__ == "__main__":
    main()
