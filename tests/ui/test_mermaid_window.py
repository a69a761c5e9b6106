"""A streamed reply with two Mermaid diagrams in the real window, light and dark.

The diagrams render (mmdr, in its render process) once their blocks close and replace the
code; screenshots go to /work/shots/mermaid-<theme>.png (look at them).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from desktop.ui import theme
from desktop.ui.chat_view.diagrams import DIAGRAM_IMAGE_PREFIX, PENDING_MARK, diagram_service
from tests.helpers.chat_window import KEY_ENV, add_provider, data_dir_at, fake_key, open_window
from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.images import distinct_colours

__all__ = ["fake_provider"]

SHOTS = Path("/work/shots")
REPLY = """Here is the request flow:

```mermaid
flowchart LR
    U[User] --> C{Cache hit?}
    C -- yes --> R[Return cached]
    C -- no --> G[Gateway]
    G --> M[Model]
    M --> R
```

And the same as a sequence:

```mermaid
sequenceDiagram
    participant App
    participant Gateway
    App->>Gateway: POST /chat/completions
    Gateway-->>App: streamed deltas
    App->>App: render diagrams
```

That is all.
"""
NODE_BORDER = QColor("#94a3b8")  # mmdr's node outline: only a drawn diagram has it


def has_colour(shot: QImage, colour: QColor, tolerance: int = 4) -> bool:
    for y in range(0, shot.height(), 2):
        for x in range(0, shot.width(), 2):
            pixel = QColor(shot.pixel(x, y))
            if (abs(pixel.red() - colour.red()) <= tolerance
                    and abs(pixel.green() - colour.green()) <= tolerance
                    and abs(pixel.blue() - colour.blue()) <= tolerance):
                return True
    return False


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reply_with_two_diagrams(
    scheme: str, tmp_path: Path, fake_provider: FakeProvider,
    qasync_loop: asyncio.AbstractEventLoop, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url)
    fake_provider.default_text = REPLY
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    theme.apply_theme(app, scheme)
    chat = open_window(data, qasync_loop)
    try:
        chat.window.resize(1100, 1000)
        chat.type_and_send("Draw the request flow")
        chat.wait(chat.idle)
        reply = chat.path()[-1]
        view = chat.window.chat.chat_view
        body = view.area.cache.cached_body(reply.id)
        assert body is not None
        chat.wait(lambda: not diagram_service().busy and PENDING_MARK not in body.html)
        chat.wait(lambda: not body.highlight_pending)
        assert body.html.count(DIAGRAM_IMAGE_PREFIX) == 2
        assert "flowchart LR" not in body.html  # the code gave way to the picture
        area = view.area
        area.verticalScrollBar().setValue(0)

        def grown() -> bool:
            """The card grew to the pictures (it is rebound once they arrive)."""
            card = area.bound_widget(reply.id)
            return card is not None and card.body.height() >= int(body.height())

        chat.wait(grown, timeout=10)
        SHOTS.mkdir(exist_ok=True)
        target = SHOTS / f"mermaid-{scheme}.png"
        assert chat.window.grab().save(str(target))
        assert distinct_colours(target) > 40
        assert has_colour(QImage(str(target)), NODE_BORDER), "a diagram is on screen"
    finally:
        chat.close()
        chat.store.close()
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]
