"""Screenshot of the real main window with a real conversation (run under Xvfb by a test).

    python -m tests.helpers.window_screenshot --data-dir D --out PNG [--search QUERY]

Fills D with a few conversations (one with reasoning, a code block and a table), starts the
window the way `desktop.app` does, opens that conversation (and runs the search when asked),
then saves what the X server shows.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop.core.paths import DataDir
from desktop.core.reply_parts import Usage
from desktop.core.store.models import Role
from desktop.core.store.store import Store
from tests.helpers.chat_window import KEY_ENV, add_provider, fake_key
from tests.helpers.fake_provider import FakeProvider

QUESTION = "How do I read a CSV file in Python and sum one column? Compare the options."
REASONING = (
    "The user wants to read a CSV and sum a column. The standard library's csv module "
    "does it without dependencies; pandas is shorter for bigger work. I'll show both and "
    "compare them in a small table."
)
ANSWER = """\
Two good ways, depending on whether you already use **pandas**.

### With the standard library

```python
import csv

def column_total(path: str, column: str) -> float:
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(float(row[column]) for row in csv.DictReader(handle))

print(column_total("sales.csv", "amount"))
```

### With pandas

```python
import pandas as pd

total = pd.read_csv("sales.csv")["amount"].sum()
```

| Option | Dependencies | Memory | Best for |
|---|---|---|---|
| `csv` module | none | streams rows | scripts, huge files |
| `pandas` | pandas, numpy | loads the file | analysis, many columns |

> Tip: pass `encoding="utf-8-sig"` if the file comes from Excel.
"""
STREAMED = """\
Use `pathlib` and a generator, so the file is never read into memory at once:

```python
from pathlib import Path

def non_empty_lines(path: Path):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip("\\n")
```

| Approach | Memory | Speed |
|---|---|---|
| `read_text().splitlines()` | whole file | fast for small files |
| generator | one line | steady for any size |

The generator also lets you stop early, for example after the first match.
"""
FOLLOW_UP = "And if some rows have an empty amount?"
FOLLOW_UP_ANSWER = """\
Skip them explicitly, so a blank cell is not mistaken for an error:

```python
total = sum(float(v) for row in rows if (v := row["amount"].strip()))
```

With pandas, `pd.to_numeric(df["amount"], errors="coerce").sum()` ignores blanks (NaN).
"""
OTHER_TITLES = [
    ("Trip to Lisbon: 3-day plan", 0.2), ("Regex for ISO dates", 0.5),
    ("Explain Rust lifetimes simply", 1.2), ("SQL window functions cheat sheet", 3),
    ("Draft: quarterly update email", 5), ("Why is my Docker build slow?", 9),
    ("Bread hydration ratios", 21), ("Kubernetes liveness vs readiness", 40),
    ("Tax questions for freelancers", 70),
]


def fill(data_dir: DataDir) -> int:
    """Write the sample history; returns the id of the conversation to show."""
    with Store.open(data_dir, backup_interval=None) as store:
        now = time.time()
        for title, days in OTHER_TITLES:
            conv = store.create_conversation(title, model="gpt-4o-mini",
                                             created_at=now - days * 86400)
            store.append_message(conv.id, Role.USER, title, created_at=now - days * 86400)
            store.append_message(conv.id, Role.ASSISTANT, "…", created_at=now - days * 86400)
        pinned = store.create_conversation("Project notes", created_at=now - 30 * 86400)
        store.append_message(pinned.id, Role.USER, "notes", created_at=now - 30 * 86400)
        store.update_conversation(pinned.id, pinned=True)
        conv = store.create_conversation("Sum a CSV column in Python", provider="Relay",
                                         model="deepseek-reasoner")
        user = store.append_message(conv.id, Role.USER, QUESTION)
        store.append_message(
            conv.id, Role.ASSISTANT, ANSWER, parent_id=user.id, reasoning=REASONING,
            model="deepseek-reasoner", provider="Relay",
            usage=Usage(prompt_tokens=38, completion_tokens=412, total_tokens=450),
            ttft_ms=640, tokens_per_second=58.3, finish_reason="stop",
        )
        follow = store.append_message(conv.id, Role.USER, FOLLOW_UP)
        store.append_message(
            conv.id, Role.ASSISTANT, FOLLOW_UP_ANSWER, parent_id=follow.id,
            model="deepseek-reasoner", provider="Relay",
            usage=Usage(prompt_tokens=470, completion_tokens=96, total_tokens=566),
            ttft_ms=410, tokens_per_second=61.0, finish_reason="stop",
        )
        return conv.id


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--search", default="")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--top", action="store_true", help="show the conversation's start")
    parser.add_argument("--language", default="en", help="ui.language, e.g. zh_CN")
    parser.add_argument("--send", default="",
                        help="send this to a fake provider and shoot while the reply streams")
    args = parser.parse_args(argv)

    import qasync
    from PySide6.QtCore import QTimer

    from desktop.app import create_qapplication, save_screenshot
    from desktop.core.settings import Settings
    from desktop.core.window_state import WindowState
    from desktop.ui.gui_session import open_history
    from desktop.ui.language import install_language
    from desktop.ui.main_window import MainWindow
    from desktop.ui.theme import apply_theme
    from desktop.ui.window_assembly import WindowParts

    data_dir = DataDir(args.data_dir).ensure()
    conversation_id = fill(data_dir)
    os.environ[KEY_ENV] = fake_key()
    if args.send:
        fake = FakeProvider().start()
        fake.default_text = STREAMED
        fake.default_delay = 0.015
        add_provider(data_dir, fake.base_url, name="Relay")
    else:  # a provider must exist, or the window shows its "connect a provider" page
        add_provider(data_dir, "http://127.0.0.1:9/v1", name="Relay")
    state = WindowState(data_dir.window_state_file)
    state.set("open_conversation", conversation_id)
    state.save()
    app = create_qapplication()
    install_language(app, args.language)
    apply_theme(app, args.theme)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    settings = Settings(data_dir.settings_file)
    window_state = WindowState(data_dir.window_state_file)
    window = MainWindow(window_state=window_state, settings=settings)
    window.resize(1440, 900)
    window.move(0, 0)
    window.show()
    opened: list[Store] = []
    built: list[WindowParts] = []
    window.tasks.start(open_history(window, data_dir, settings, window_state, opened),
                       name="open history", on_success=built.append)
    ok = False

    def search() -> None:
        if args.send:
            window.chat.composer.setPlainText(args.send)
            window.chat.send_button.click()
        if args.top and built and built[0].state.messages:
            ids = list(built[0].state.messages)
            window.chat.chat_view.scroll_to_message(ids[0])
            if hasattr(window.chat.chat_view, "set_thinking_open"):
                window.chat.chat_view.set_thinking_open(ids[1], True)
        if args.search:
            window.focus_search()
            window.sidebar.search.setText(args.search)

    done = asyncio.Event()

    def shoot() -> None:
        nonlocal ok
        ok = save_screenshot(window, args.out)
        done.set()

    QTimer.singleShot(1200, search)
    QTimer.singleShot(5000 if args.top else 2500, shoot)
    with loop:
        loop.run_until_complete(done.wait())
    for store in opened:
        store.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
