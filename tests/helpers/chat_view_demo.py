"""A sample conversation in a ChatView: `python -m tests.helpers.chat_view_demo [--screenshot F]`.

Shows every kind of card (Markdown with code, table and quote, Thinking, a tool call, a
branch switcher, an error with Retry, an interrupted reply) to look at and screenshot.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from desktop.core.reply_parts import ToolCall, Usage
from desktop.core.store.models import Message, MessageStatus, Role, TextPart

REPLY = """\
Here is a small **Python** function that reads a CSV file and sums a column, with the \
edge cases handled. See the [csv module docs](https://docs.python.org/3/library/csv.html).

```python
import csv
from pathlib import Path


def column_total(path: Path, column: str) -> float:
    \"\"\"Sum one numeric column; blank cells count as zero.\"\"\"
    with path.open(newline="", encoding="utf-8") as handle:
        return sum(float(row[column] or 0) for row in csv.DictReader(handle))
```

| Input | Result | Note |
|---|---|---|
| `sales.csv`, `amount` | `1280.5` | typical |
| empty file | `0` | no rows |
| missing column | `KeyError` | *check the header* |

> Tip: for large files, `pandas.read_csv(usecols=[column])` is faster.

1. Open the file with `newline=""`.
2. Let `DictReader` map the header.
3. Sum with a generator expression.
"""

THINKING = """\
The user wants to sum a CSV column. The standard library's `csv.DictReader` is enough; \
blank cells should not crash the conversion, so `or 0` covers them. A table of edge \
cases will make the behaviour clear."""


def sample_conversation() -> tuple[list[Message], dict[int, tuple[int, int, list[int]]]]:
    """Messages of a demo conversation and their sibling info."""
    now = time.time()

    def message(number: int, role: Role, text: str, **fields: object) -> Message:
        return Message(
            id=number, conversation_id=1, parent_id=number - 1 if number > 1 else None,
            role=role, parts=(TextPart(text),), created_at=now - 600 + number,
            **fields,  # type: ignore[arg-type]
        )

    messages = [
        message(1, Role.USER, "How do I sum one column of a CSV file in Python?"),
        message(
            2, Role.ASSISTANT, REPLY, reasoning=THINKING, model="gpt-4o-mini",
            usage=Usage(prompt_tokens=412, completion_tokens=268), ttft_ms=420.0,
            tokens_per_second=61.3,
        ),
        message(3, Role.USER, "What's the weather in Paris? Use the tool."),
        message(
            4, Role.ASSISTANT, "Let me look that up.", model="gpt-4o-mini",
            tool_calls=(ToolCall("call_1", "get_weather", '{"city": "Paris", "unit": "C"}'),),
            usage=Usage(prompt_tokens=96, completion_tokens=22), ttft_ms=310.0,
            tokens_per_second=48.0,
        ),
        message(5, Role.USER, "And a haiku about it, please."),
        message(
            6, Role.ASSISTANT, "Grey roofs drink the rain,\nthe Seine keeps", model="deepseek-chat",
            status=MessageStatus.INTERRUPTED, error="The connection closed before the reply ended.",
        ),
        message(7, Role.USER, "Try again?"),
        message(
            8, Role.ASSISTANT, "", model="claude-3-5-sonnet", status=MessageStatus.ERROR,
            error="429 Too Many Requests: rate limit reached for requests per minute "
            "(provider: anthropic). Retry after 20 s.",
        ),
    ]
    siblings = {2: (2, 3, [20, 2, 21]), 7: (1, 2, [7, 22])}
    return messages, siblings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--screenshot", help="save a PNG of the window and quit")
    parser.add_argument("--dark", action="store_true", help="dark theme")
    parser.add_argument("--top", action="store_true", help="scroll to the first message")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.chat_view import ChatView
    from desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_theme(app, "dark" if args.dark else "light")
    view = ChatView()
    view.resize(980, 1400)
    messages, siblings = sample_conversation()
    view.set_conversation(messages, siblings)
    view.set_thinking_open(2, True)
    view.setWindowTitle("Switchboard chat view demo")
    view.show()
    if args.top:
        view.scroll_to_message(messages[0].id)
    if args.screenshot:
        from pathlib import Path

        from desktop.app import save_screenshot

        def shoot() -> None:
            save_screenshot(view, Path(args.screenshot))
            app.quit()

        QTimer.singleShot(800, shoot)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
