"""Start-up of the real app: first paint, conversation list and a long conversation, RSS.

    .venv/bin/python benchmarks/bench_window_start.py [--conversations 10000]
        [--messages 10000] [--runs 3]

Each case starts `python -m desktop` in a fresh process (offscreen platform) on a prepared
data directory and reads the times from its log: first paint of the window, the conversation
list shown (loaded off the UI thread), and — for the last case — a 10,000-message
conversation restored as the open one. RSS is read from /proc once the window is idle.
Budget (issue 5): first paint <= 1 s; idle RSS <= 120 MB, <= 200 MB with the long
conversation open.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.paths import DataDir  # noqa: E402
from desktop.core.store.import_drafts import ConversationDraft, MessageDraft  # noqa: E402
from desktop.core.store.models import Role, TextPart  # noqa: E402
from desktop.core.store.store import Store  # noqa: E402
from desktop.core.window_state import WindowState  # noqa: E402

STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})")
REPLY = ("Here is a short answer with `code`, a list:\n\n- one\n- two\n\n"
         "```python\nprint('hello')\n```\n")


def prepare(root: Path, conversations: int, messages: int) -> DataDir:
    data_dir = DataDir(root).ensure()
    now = time.time()
    drafts = [
        ConversationDraft(
            title=f"Conversation {i}", created_at=now - i * 600, updated_at=now - i * 600,
            messages=[
                MessageDraft("u", None, Role.USER, [TextPart(f"question {i}")], now - i * 600),
                MessageDraft("a", "u", Role.ASSISTANT, [TextPart(REPLY)], now - i * 600),
            ],
        )
        for i in range(conversations)
    ]
    if messages:
        long = ConversationDraft(title="Very long conversation", created_at=now - 5,
                                 updated_at=now - 5)
        for n in range(messages):
            role = Role.USER if n % 2 == 0 else Role.ASSISTANT
            text = f"message {n}" if role is Role.USER else REPLY
            long.messages.append(MessageDraft(str(n), str(n - 1) if n else None, role,
                                              [TextPart(text)], now - 5 + n * 1e-4))
        drafts.append(long)
    with Store.open(data_dir, backup_interval=None) as store:
        ids = store.import_drafts(drafts)
    if messages:
        state = WindowState(data_dir.window_state_file)
        state.set("open_conversation", ids[-1])
        state.save()
    return data_dir


def _stamp(line: str) -> float | None:
    match = STAMP.match(line)
    if match is None:
        return None
    return dt.datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_once(data_dir: DataDir, wait_for: str, timeout: float = 60.0) -> dict[str, float]:
    """Start the app, wait for the log line `wait_for`, measure, stop it."""
    log_file = data_dir.logs / "switchboard.log"
    log_file.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    spawned = time.time()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir.root)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + timeout
        text = ""
        while wait_for not in text:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"no {wait_for!r} in the log:\n{text[-2000:]}")
            time.sleep(0.05)
            text = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        time.sleep(1.5)  # let deferred work settle before reading RSS
        rss = _rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)
    times: dict[str, float] = {"rss": rss}
    for line in text.splitlines():
        stamp = _stamp(line)
        if stamp is None:
            continue
        if "main window painted" in line:
            times["paint"] = (stamp - spawned) * 1000
        elif "conversation list shown" in line:
            times["list"] = (stamp - spawned) * 1000
        elif re.search(r"conversation \d+ shown", line):
            times["conversation"] = (stamp - spawned) * 1000
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    cases = [
        ("empty history", 0, 0, "conversation list shown"),
        (f"{args.conversations:,} conversations", args.conversations, 0,
         "conversation list shown"),
        (f"+ {args.messages:,}-message conversation open", args.conversations, args.messages,
         " messages\n"),
    ]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-window-") as tmp:
        for index, (name, conversations, messages, wait_for) in enumerate(cases):
            started = time.perf_counter()
            data_dir = prepare(Path(tmp) / str(index), conversations, messages)
            prepared = time.perf_counter() - started
            results = [run_once(data_dir, wait_for) for _ in range(args.runs)]

            def median(key: str, runs: list[dict[str, float]] = results) -> str:
                values = [r[key] for r in runs if key in r]
                return f"{statistics.median(values):.0f}" if values else "-"

            rows.append((name, median("paint"), median("list"), median("conversation"),
                         median("rss"), f"{prepared:.1f}"))
    header = ("case", "first paint ms", "list shown ms", "conversation ms", "RSS MB",
              "(data prep s)")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"Window start-up, median of {args.runs} runs (times from process spawn):")
    for row in [header, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
