"""Chat view performance: streaming lag, flush cost, opening 10,000 messages, memory.

Drives the real ChatView (the view alone, not the main window) under the offscreen platform.
The streamed replies come from the fake provider running in a separate process, through
ApiClient.stream_chat, into ChatView.apply_event, exactly as the window does. Prints a table.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_stream.py [--quick]

Event-loop lag is measured with a 5 ms QTimer probe: lag = actual interval - 5 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PROBE_MS = 5
CHUNK_MS = 5  # the fake provider sends one chunk of several SSE events every 5 ms


def rss_mb() -> float:
    """Resident set size of this process in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def reply_text(size: int) -> str:
    """Deterministic Markdown of `size` characters: prose, lists, code, tables, a long line."""
    parts: list[str] = []
    section = 0
    while sum(map(len, parts)) < size:
        section += 1
        parts.append(f"## Section {section}: measuring the renderer\n\n")
        parts.append(
            "The chat view renders **Markdown** incrementally: finished blocks are kept and only "
            "the *unfinished tail* is parsed again, so a long reply costs the same per flush at "
            f"the end as at the start. See [the docs](https://example.com/{section}).\n\n"
        )
        parts.append("- first point with `inline code`\n- second point\n- third point\n\n")
        code = "\n".join(
            f"    total_{n} = sum(value * {n} for value in range({n}))  # line {n}"
            for n in range(24)
        )
        parts.append(f"```python\ndef compute_{section}():\n{code}\n    return total_0\n```\n\n")
        rows = "\n".join(f"| row {n} | {n * section} | {'ok' if n % 2 else 'check'} |"
                         for n in range(10))
        parts.append(f"| Name | Value | State |\n|---|---|---|\n{rows}\n\n")
        parts.append("> A quoted remark about the results.\n\n")
        if section == 3:
            parts.append("A very long line: " + "abcdefghij" * 600 + "\n\n")
    return "".join(parts)[:size] + "\n"


def split_deltas(text: str, size: int = 5) -> list[str]:
    return [text[start : start + size] for start in range(0, len(text), size)]


def sse_reply(deltas: list[str], per_second: int) -> dict[str, object]:
    """A fake-provider script reply sending `per_second` deltas/s in 5 ms chunks."""
    per_chunk = max(1, round(per_second * CHUNK_MS / 1000))
    chunks = []
    for start in range(0, len(deltas), per_chunk):
        data = "".join(
            "data: " + json.dumps({
                "id": "bench", "object": "chat.completion.chunk", "model": "bench-model",
                "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}],
            }) + "\n\n"
            for piece in deltas[start : start + per_chunk]
        )
        chunks.append({"data": data, "delay": CHUNK_MS / 1000})
    chunks.append({"data": "data: [DONE]\n\n", "delay": 0})
    return {"headers": {"Content-Type": "text/event-stream"}, "chunks": chunks}


@dataclass
class StreamFigures:
    rate: int
    actual_rate: float = 0.0
    seconds: float = 0.0
    lags: list[float] = field(default_factory=list)
    flush_costs: list[tuple[int, float]] = field(default_factory=list)  # (text so far, ms)
    final_ms: float = 0.0


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(int(fraction * len(ordered)), len(ordered) - 1)]


def start_fake_provider(
    script: dict[str, object], workdir: Path
) -> tuple[subprocess.Popen[str], str]:
    path = workdir / "script.json"
    path.write_text(json.dumps(script), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.fake_provider", "--port", "0", "--script", str(path)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.startswith("READY "):
        process.kill()
        raise SystemExit(f"fake provider did not start: {line!r}")
    return process, line.split(" ", 1)[1]


def print_streams(figures: list[StreamFigures], text: str, deltas: list[str]) -> None:
    """The streaming rows of the table."""
    print()
    print(f"Chat view benchmark (the ChatView widget alone, offscreen; reply {len(text):,} chars,"
          f" {len(deltas):,} deltas; fake provider in a separate process)")
    print(f"{'measure':<58}{'value':>14}  target")
    print("-" * 90)
    for result in figures:
        third = len(text) / 3
        first = [ms for done, ms in result.flush_costs if done <= third]
        last = [ms for done, ms in result.flush_costs if done >= 2 * third]
        ratio = statistics.mean(last) / statistics.mean(first) if first and last else float("nan")
        target99 = "<= 16 ms" if result.rate == 2000 else "<= 33 ms"
        rows = [
            (f"stream @{result.rate}/s: actual deltas/s", f"{result.actual_rate:,.0f}", ""),
            (f"stream @{result.rate}/s: duration", f"{result.seconds:.1f} s", ""),
            (f"stream @{result.rate}/s: flushes (renders)", f"{len(result.flush_costs)}",
             "<= ~60/s"),
            (f"stream @{result.rate}/s: lag p50", f"{percentile(result.lags, 0.5):.1f} ms", ""),
            (f"stream @{result.rate}/s: lag p99", f"{percentile(result.lags, 0.99):.1f} ms",
             target99),
            (f"stream @{result.rate}/s: lag max", f"{max(result.lags, default=0):.1f} ms",
             "<= 50 ms" if result.rate == 2000 else ""),
            (f"stream @{result.rate}/s: flush cost first third (mean)",
             f"{statistics.mean(first):.2f} ms" if first else "-", ""),
            (f"stream @{result.rate}/s: flush cost last third (mean)",
             f"{statistics.mean(last):.2f} ms" if last else "-", ""),
            (f"stream @{result.rate}/s: last / first third", f"{ratio:.2f}x", "<= 1.5x"),
            (f"stream @{result.rate}/s: final update", f"{result.final_ms:.1f} ms", ""),
        ]
        for name, value, target in rows:
            print(f"{name:<58}{value:>14}  {target}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    parser.add_argument("--streams-only", action="store_true", help="only the streaming rows")
    args = parser.parse_args()
    size = 20_000 if args.quick else 100_000
    messages_count = 1_000 if args.quick else 10_000
    replies = 20 if args.quick else 200

    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.api.client import ApiClient
    from desktop.core.api.events import TextDelta
    from desktop.core.api.requests_openai import ChatRequest
    from desktop.core.api.styles import ApiStyle
    from desktop.core.providers import KeySource, ProviderProfile
    from desktop.core.reply_parts import Usage
    from desktop.core.store import Store
    from desktop.core.store.models import Message, MessageStatus, Role, TextPart
    from desktop.ui.chat_view import ChatView
    from desktop.ui.theme import apply_theme

    app = QApplication(sys.argv)
    apply_theme(app, "light")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    view = ChatView()
    view.resize(1100, 900)
    view.show()
    app.processEvents()
    gc.collect()
    idle_rss = rss_mb()  # before anything was streamed or opened

    text = reply_text(size)
    deltas = split_deltas(text)
    rates = (2000, 5000)
    workdir = Path(tempfile.mkdtemp(prefix="bench-gui-"))
    script = {"routes": {"/chat/completions": [sse_reply(deltas, rate) for rate in rates]}}
    provider, base_url = start_fake_provider(script, workdir)
    ids = iter(range(1, 10**9))

    def message(role: Role, body: str, status: MessageStatus = MessageStatus.COMPLETE,
                number: int | None = None, **extra: object) -> Message:
        return Message(
            id=number if number is not None else next(ids), conversation_id=1, parent_id=None,
            role=role, parts=(TextPart(body),), created_at=time.time(), status=status,
            **extra,  # type: ignore[arg-type]
        )

    probe_times: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: probe_times.append(time.perf_counter()))

    figures: list[StreamFigures] = []
    coalescer = view.coalescer
    original_flush = coalescer._flush

    async def stream(rate: int) -> StreamFigures:
        result = StreamFigures(rate)
        view.set_conversation([message(Role.USER, "Write a long technical answer.")], {})
        reply = message(Role.ASSISTANT, "", MessageStatus.STREAMING)
        view.append_message(reply)
        received: list[str] = []
        received_chars = [0]

        def timed_flush(batches: dict[int, object]) -> None:
            start = time.perf_counter()
            original_flush(batches)  # type: ignore[arg-type]
            result.flush_costs.append((received_chars[0], (time.perf_counter() - start) * 1000))

        coalescer._flush = timed_flush  # type: ignore[method-assign]
        profile = ProviderProfile(name="bench", base_url=base_url, key_source=KeySource.NONE,
                                  api_style=ApiStyle.OPENAI_CHAT)
        async with ApiClient(profile, None) as client:
            probe_times.clear()
            probe.start()
            started = time.perf_counter()
            request = ChatRequest(model="bench-model", messages=[{"role": "user", "content": "x"}])
            count = 0
            async with client.stream_chat(request) as events:
                async for event in events:
                    if isinstance(event, TextDelta):
                        received.append(event.text)
                        received_chars[0] += len(event.text)
                        count += 1
                    view.apply_event(reply.id, event)
            view.flush()
            result.seconds = time.perf_counter() - started
            result.actual_rate = count / result.seconds
            final = message(Role.ASSISTANT, "".join(received), number=reply.id, model="bench-model",
                            usage=Usage(12, 25_000), ttft_ms=5.0, tokens_per_second=2500.0)
            start = time.perf_counter()
            view.update_message(final)
            result.final_ms = (time.perf_counter() - start) * 1000
            await asyncio.sleep(0.2)
            probe.stop()
        coalescer._flush = original_flush  # type: ignore[method-assign]
        result.lags = [max(0.0, (b - a) * 1000 - PROBE_MS)
                       for a, b in itertools.pairwise(probe_times)]
        shown = view.area.cache.cached_body(reply.id)
        assert shown is not None and shown.text == text, "the streamed text was not all shown"
        return result

    with loop:
        for rate in rates:
            figures.append(loop.run_until_complete(stream(rate)))
    provider.terminate()
    provider.wait(5)
    if args.streams_only:
        print_streams(figures, text, deltas)
        return 0

    # --- opening a 10,000-message conversation from a real Store ---------------------------
    view.set_conversation([], {})
    app.processEvents()
    gc.collect()
    after_streams_rss = rss_mb()
    store = Store.open(workdir / "data", backup_interval=None)
    conversation = store.create_conversation("Big")
    generated = time.perf_counter()
    for number in range(messages_count):
        role = Role.USER if number % 2 == 0 else Role.ASSISTANT
        body = (
            f"Question {number}?" if role == Role.USER
            else f"Answer {number}, **bold**, a list:\n\n- a\n- b\n\n```python\nx = {number}\n```\n"
        )
        store.append_message(conversation.id, role, body, model="m" if number % 2 else None)
    generated = time.perf_counter() - generated
    # The way to open a long conversation: its tail first, the rest prepended when loaded.
    view.set_conversation([], {})
    app.processEvents()
    start = time.perf_counter()
    tail = store.active_path_tail(conversation.id, 200)
    view.set_conversation(tail, {})
    view.repaint()
    tail_first_paint_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    path = store.active_path(conversation.id)
    load_ms = (time.perf_counter() - start) * 1000
    older = path[: len(path) - len(tail)]
    start = time.perf_counter()
    view.prepend_messages(older, {})
    view.repaint()
    prepend_ms = (time.perf_counter() - start) * 1000
    view.set_conversation([], {})
    app.processEvents()
    start = time.perf_counter()
    view.set_conversation(path, {})
    view.repaint()
    first_paint_ms = (time.perf_counter() - start) * 1000
    app.processEvents()
    gc.collect()
    open_rss = rss_mb()
    bar = view.area.verticalScrollBar()
    scroll_costs = []
    for step in range(40):
        start = time.perf_counter()
        bar.setValue(bar.maximum() - step * 400)
        view.repaint()
        scroll_costs.append((time.perf_counter() - start) * 1000)
    store.close()

    # --- 200 replies of 20,000 characters one after another --------------------------------
    view.set_conversation([], {})
    app.processEvents()
    gc.collect()
    before = rss_mb()
    long_text = reply_text(20_000)
    pieces = split_deltas(long_text, 20)
    checkpoints = []
    for number in range(replies):
        reply = message(Role.ASSISTANT, "", MessageStatus.STREAMING)
        view.append_message(reply)
        for index, piece in enumerate(pieces):
            view.apply_event(reply.id, TextDelta(0, piece))
            if index % 60 == 59:
                view.flush()
                app.processEvents()
        view.flush()
        view.update_message(message(Role.ASSISTANT, long_text, number=reply.id, model="m"))
        app.processEvents()
        if (number + 1) % (replies // 4) == 0:
            gc.collect()
            checkpoints.append(rss_mb() - before)
    gc.collect()
    growth = rss_mb() - before

    # --- the table ---------------------------------------------------------------------------
    print_streams(figures, text, deltas)
    rows = [
        (f"{messages_count:,} messages: generate in Store", f"{generated:.1f} s", ""),
        (f"{messages_count:,} messages: Store.active_path", f"{load_ms:.1f} ms", ""),
        (f"{messages_count:,} messages all at once: set_conversation + first paint",
         f"{first_paint_ms:.1f} ms", "(not the app's path)"),
        (f"{messages_count:,} messages: tail 200 load + set + first paint",
         f"{tail_first_paint_ms:.1f} ms", "<= 100 ms (incl. store; the app's path)"),
        (f"{messages_count:,} messages: prepend the older rest + paint",
         f"{prepend_ms:.1f} ms", ""),
        (f"{messages_count:,} messages: scroll step + paint p99",
         f"{percentile(scroll_costs, 0.99):.1f} ms", ""),
        ("RSS idle (view shown, empty, before any stream)", f"{idle_rss:.0f} MB", "<= 120 MB"),
        ("RSS after the two streams, view emptied", f"{after_streams_rss:.0f} MB", ""),
        (f"RSS with {messages_count:,} messages open", f"{open_rss:.0f} MB", "<= 200 MB"),
        (f"RSS growth after {replies} replies x 20,000 chars", f"{growth:.1f} MB", "<= 30 MB"),
        ("  growth at each quarter", " / ".join(f"{value:.0f}" for value in checkpoints), ""),
    ]
    for name, value, target in rows:
        print(f"{name:<58}{value:>14}  {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
