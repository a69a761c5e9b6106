"""Mermaid diagrams: rendered by `mmdr` in a process of their own, cached by (source, theme).

`MermaidProcess` sends a diagram to the render process (mermaid_worker.py) and kills it when
it is not done by the deadline (mmdr can spend minutes on hostile input; see the worker).
`DiagramCache` keeps results, so a diagram is rendered once however often its message is laid
out, exported or rebuilt.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import subprocess
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

MAX_SOURCE_CHARS = 50_000
RENDER_TIMEOUT_S = 5.0
THEME = "modern"  # mmdr's theme; dark windows show the diagram on a light card
CACHE_ENTRIES = 200
CACHE_SVG_CHARS = 40_000_000
WORKER_ARGUMENT = "--mermaid-worker"  # the bundle's executable runs the worker with it


@dataclass(frozen=True, slots=True)
class DiagramResult:
    """One diagram's rendering: a sanitised SVG and its size, or the renderer's message."""

    key: str
    source: str
    svg: str = ""
    width: float = 0.0
    height: float = 0.0
    error: str = ""

    @property
    def ok(self) -> bool:
        return bool(self.svg) and not self.error


def diagram_key(source: str, theme: str = THEME) -> str:
    """The cache key of a diagram: its source and the theme it is drawn in."""
    return hashlib.sha256(f"{theme}\0{source}".encode()).hexdigest()[:24]


def worker_command() -> list[str]:
    """How to start the render process (the bundle's executable, or this Python)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_ARGUMENT]
    return [sys.executable, "-m", "desktop.core.rendering.mermaid_worker"]


class MermaidProcess:
    """A render process, started on first use and restarted after a kill; one caller a time."""

    def __init__(self, timeout: float = RENDER_TIMEOUT_S) -> None:
        self.timeout = timeout
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self.started = 0  # processes started (tests check restarts)

    def render(self, source: str, theme: str = THEME) -> DiagramResult:
        key = diagram_key(source, theme)
        if len(source) > MAX_SOURCE_CHARS:
            return DiagramResult(key, source, error=(
                f"the diagram's source is longer than {MAX_SOURCE_CHARS // 1000} kB"))
        with self._lock:
            answer = self._ask(json.dumps({"source": source, "theme": theme}))
        if "error" in answer:
            return DiagramResult(key, source, error=str(answer["error"]))
        width, height = answer.get("width", 0), answer.get("height", 0)
        if not isinstance(width, int | float) or not isinstance(height, int | float):
            return DiagramResult(key, source, error="the Mermaid renderer gave no size")
        return DiagramResult(key, source, svg=str(answer.get("svg", "")),
                             width=float(width), height=float(height))

    def _ask(self, request: str) -> dict[str, object]:
        process = self._ensure()
        if process is None or process.stdin is None or process.stdout is None:
            return {"error": "the Mermaid renderer could not be started"}
        answer: list[str] = []
        stdout = process.stdout

        def read() -> None:
            answer.append(stdout.readline())

        try:
            process.stdin.write(request + "\n")
            process.stdin.flush()
        except OSError:
            self._kill()
            return {"error": "the Mermaid renderer stopped"}
        reader = threading.Thread(target=read, name="mermaid-read", daemon=True)
        reader.start()
        reader.join(self.timeout)
        if reader.is_alive() or not answer or not answer[0]:
            timed_out = reader.is_alive()
            self._kill()
            reader.join(1.0)
            if timed_out:
                return {"error": f"rendering took longer than {self.timeout:g} s"}
            return {"error": "the Mermaid renderer stopped"}
        try:
            parsed = json.loads(answer[0])
        except ValueError:
            self._kill()
            return {"error": "the Mermaid renderer gave no answer"}
        return parsed if isinstance(parsed, dict) else {"error": "bad answer"}

    def _ensure(self) -> subprocess.Popen[str] | None:
        if self._process is not None and self._process.poll() is None:
            return self._process
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[3])
        env["PYTHONPATH"] = os.pathsep.join(
            part for part in (package_root, env.get("PYTHONPATH", "")) if part)
        try:
            self._process = subprocess.Popen(
                worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env,
            )
        except OSError:
            self._process = None
        self.started += 1
        return self._process

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait()

    def close(self) -> None:
        """Stop the render process now, even mid-render (at exit; a caller gets an error)."""
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


class DiagramCache:
    """Results by key, least recently used dropped beyond a count and an SVG budget."""

    def __init__(self, entries: int = CACHE_ENTRIES, chars: int = CACHE_SVG_CHARS) -> None:
        self._entries = entries
        self._chars = chars
        self._results: OrderedDict[str, DiagramResult] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> DiagramResult | None:
        with self._lock:
            result = self._results.get(key)
            if result is not None:
                self._results.move_to_end(key)
            return result

    def put(self, result: DiagramResult) -> None:
        with self._lock:
            self._results[result.key] = result
            self._results.move_to_end(result.key)
            total = sum(len(item.svg) for item in self._results.values())
            while len(self._results) > 1 and (
                len(self._results) > self._entries or total > self._chars
            ):
                _key, dropped = self._results.popitem(last=False)
                total -= len(dropped.svg)

    def clear(self) -> None:
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        return len(self._results)


_process = MermaidProcess()
atexit.register(_process.close)  # a hostile diagram must not keep a process busy after exit
DIAGRAMS = DiagramCache()


def render_diagram(source: str, theme: str = THEME) -> DiagramResult:
    """A diagram's result from the shared cache, rendered now (blocking) when missing."""
    key = diagram_key(source, theme)
    result = DIAGRAMS.get(key)
    if result is None:
        result = _process.render(source, theme)
        DIAGRAMS.put(result)
    return result


def shared_process() -> MermaidProcess:
    return _process
