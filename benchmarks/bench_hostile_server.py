"""Peak memory of the API client against hostile servers (issue 12, class 1).

Serves, from the fake provider in this process, a 1 GB gzip bomb (about 1 MB on the wire,
made once in the temp directory), one 100 MB SSE line, a 1 GB image named by URL and a
1 GB gzip-bombed model list, and runs the client in a child process for each, with the
default limits. Prints each run's peak resident memory over its base (target: 100 MB or
less), how long it took and the typed error it ended with.
Run: .venv/bin/python benchmarks/bench_hostile_server.py
"""

from __future__ import annotations

import time

from tests.helpers.fake_provider import FakeProvider, Reply
from tests.helpers.hostile_client import run_client
from tests.helpers.hostile_replies import (
    GIB,
    MIB,
    endless_line,
    gzip_bomb,
    huge_image,
    image_urls,
    sse_bomb,
)

TARGET_MB = 100.0


def cases(provider: FakeProvider) -> list[tuple[str, str, list[tuple[str, Reply]]]]:
    """(name, client scenario, replies to script by path) for each hostile server."""
    json_type = "application/json"
    return [
        ("1 GB gzip bomb, streamed reply", "stream",
         [("/chat/completions", sse_bomb(["Hello ", "partial"], GIB))]),
        ("1 GB gzip bomb, whole JSON reply", "chat",
         [("/chat/completions", gzip_bomb(b'{"choices": [', GIB, content_type=json_type))]),
        ("1 GB gzip bomb, model list", "models",
         [("/models", gzip_bomb(b'{"data": [', GIB, content_type=json_type))]),
        ("100 MB SSE line", "stream",
         [("/chat/completions", endless_line(["Hello"], 100 * MIB))]),
        ("1 GB image URL", "images",
         [("/images/generations", image_urls(f"{provider.url}/files/huge.png")),
          ("/files/huge.png", huge_image(GIB))]),
    ]


def main() -> int:
    worst = 0.0
    with FakeProvider() as provider:
        rows: list[tuple[str, float, float, str]] = []
        for name, scenario, replies in cases(provider):
            for path, reply in replies:
                provider.script(path, reply)
            started = time.perf_counter()
            run = run_client(scenario, provider.base_url)
            seconds = time.perf_counter() - started
            outcome = run.error[0] if run.error else f"no error: {str(run.result)[:40]}"
            rows.append((name, run.over_base_mb, seconds, outcome))
            worst = max(worst, run.over_base_mb)
    print(f"{'hostile server':36} {'peak over base':>15} {'time':>8}  error")
    for name, over, seconds, outcome in rows:
        print(f"{name:36} {over:>12.1f} MB {seconds:>6.2f} s  {outcome}")
    print(f"worst: {worst:.1f} MB over base (target <= {TARGET_MB:.0f} MB)")
    return 0 if worst <= TARGET_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
