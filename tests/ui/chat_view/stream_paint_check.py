"""Run under a real X server: stream into a ChatView, then compare what the screen shows with a
fresh rendering of the same view. Prints the share of differing pixels; saves both images.

    python -m tests.ui.chat_view.stream_paint_check OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    out = Path(sys.argv[1])
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_gui_stream import reply_text, split_deltas
    from desktop.core.api.events import TextDelta
    from desktop.core.store.models import Message, MessageStatus, Role, TextPart
    from desktop.ui.chat_view import ChatView
    from desktop.ui.theme import apply_theme

    app = QApplication(sys.argv)
    apply_theme(app, "light")
    view = ChatView()
    view.resize(900, 700)
    view.show()
    view.activateWindow()
    for _ in range(20):
        app.processEvents()
    question = Message(id=1, conversation_id=1, parent_id=None, role=Role.USER,
                       parts=(TextPart("Write it all."),), created_at=0)
    reply = Message(id=2, conversation_id=1, parent_id=None, role=Role.ASSISTANT,
                    parts=(TextPart(""),), created_at=0, status=MessageStatus.STREAMING)
    view.set_conversation([question, reply], {})
    for index, piece in enumerate(split_deltas(reply_text(9000))):
        view.apply_event(2, TextDelta(0, piece))
        if index % 25 == 24:
            view.flush()
            app.processEvents()
    view.flush()
    for _ in range(30):
        app.processEvents()
    screen = view.screen() or QGuiApplication.primaryScreen()
    shown = screen.grabWindow(view.winId()).toImage()
    fresh = view.grab().toImage()
    shown.save(str(out / "stream-shown.png"))
    fresh.save(str(out / "stream-fresh.png"))
    width, height = min(shown.width(), fresh.width()), min(shown.height(), fresh.height())
    differing = sum(
        1
        for y in range(0, height, 2)
        for x in range(0, width, 2)
        if shown.pixel(x, y) != fresh.pixel(x, y)
    )
    print(f"DIFF {differing / max((width // 2) * (height // 2), 1):.5f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
