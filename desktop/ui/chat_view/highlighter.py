"""Pygments highlighting of finished code blocks on a worker thread, results back on the UI thread.

Pygments costs ~10 µs a character: a 2,000-character block would hold the event loop for
20 ms. The streamed rendering shows finished code plain at first; this worker renders the
highlighted HTML and the UI thread swaps it in (one small document's setHtml).
"""

from __future__ import annotations

import contextlib
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from desktop.core.rendering.incremental import DeferredHighlight
from desktop.core.rendering.markdown_html import MarkdownRenderer
from desktop.core.threads import prefer_short_gil_slices
from desktop.ui.chat_view.diagrams import add_diagram_hook
from desktop.ui.chat_view.rich_text_content import RichTextContent


class CodeHighlighter(QObject):
    """Renders deferred parts with a renderer of its own (never shared across threads)."""

    # (content, job, html, None); emitted from the worker, delivered queued on the UI thread.
    # (The last slot may carry a prebuilt QTextDocument; none is built off the UI thread.)
    highlighted = Signal(object, object, str, object)

    def __init__(self, copy_label: str, style: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copy_label = copy_label
        self._renderer = add_diagram_hook(MarkdownRenderer(code_style=style, copy_label=copy_label))
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="highlight")
        # The worker is CPU-bound Python: the UI thread must get the GIL back quickly.
        prefer_short_gil_slices()
        self.pending = 0

    def submit(self, content: RichTextContent) -> None:
        """Queue every part of `content` still shown with plain code."""
        for job in content.take_deferred():
            self.pending += 1
            future = self._pool.submit(self._build, self._renderer, job)
            future.add_done_callback(
                lambda done, job=job: self._finished(content, job, done)  # type: ignore[misc]
            )

    @staticmethod
    def _build(renderer: MarkdownRenderer, job: DeferredHighlight) -> str:
        """On the worker: the part's HTML with its code highlighted.

        Only pure Python runs here: QTextDocument calls keep the GIL, so building the
        document on this thread would stall the UI thread just the same.
        """
        return renderer.render_tokens(job.tokens)

    def _finished(
        self,
        content: RichTextContent,
        job: DeferredHighlight,
        future: Future[str],
    ) -> None:
        failed = future.cancelled() or future.exception() is not None
        html = "" if failed else future.result()  # "" keeps the plain rendering
        with contextlib.suppress(RuntimeError):  # the view was deleted meanwhile
            self.highlighted.emit(content, job, html, None)

    def set_code_style(self, style: str, copy_label: str | None = None) -> None:
        """Pygments style (and Copy label) for jobs submitted from now on (theme, language)."""
        if copy_label is not None:
            self._copy_label = copy_label
        self._renderer = add_diagram_hook(
            MarkdownRenderer(code_style=style, copy_label=self._copy_label))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
