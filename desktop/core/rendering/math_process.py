"""Typesetting in a child process: ziamath is pure Python, and on a thread it would hold the
GIL the UI thread needs (each Qt call the UI thread makes then waits for a switch interval).

A process also contains what a hostile formula can do: one that crashes the typesetter or
runs too long costs a restarted child, never the app.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from desktop.core.rendering.math_svg import MathError, MathSvg, render_svg

TYPESET_TIMEOUT_S = 20.0

_Result = tuple[str, float, float, float] | str


def _typeset_in_child(latex: str, display: bool, size: float) -> _Result:
    """In the child: the typeset formula's fields, or the error message."""
    try:
        typeset = render_svg(latex, display=display, size=size)
    except MathError as error:
        return str(error)
    return typeset.svg, typeset.width, typeset.height, typeset.depth


def _warm() -> None:
    """Load the math font before the first formula arrives (in the child)."""
    with contextlib.suppress(MathError):
        render_svg("x", display=False, size=16)


class TypesetProcess:
    """`typeset(latex, display, size)` in one child process, started on first use."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False  # shut down: no child is started again

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise MathError("The typesetter has shut down.")
            if self._pool is None:
                # spawn: forking a process that runs Qt's threads is not safe.
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_warm)
            return self._pool

    def _restart(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()  # a formula running too long: its child is of no more use
            pool.shutdown(wait=False, cancel_futures=True)

    def typeset(self, latex: str, display: bool, size: float) -> MathSvg:
        """The typeset formula (blocks the calling thread); raises MathError."""
        future = self._executor().submit(_typeset_in_child, latex, display, size)
        try:
            result = future.result(timeout=TYPESET_TIMEOUT_S)
        except FutureTimeout:
            self._restart()
            raise MathError("The formula took too long to typeset.") from None
        except BrokenProcessPool:
            self._restart()
            raise MathError("The typesetter stopped on this formula.") from None
        if isinstance(result, str):
            raise MathError(result)
        svg, width, height, depth = result
        return MathSvg(svg, width, height, depth)

    def shutdown(self) -> None:
        """End the child now (the window closes), even mid-formula; never start another."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()
        for process in processes:
            process.join(2.0)

    @property
    def children(self) -> list[int]:
        """Process ids of the running children (tests check that shutdown ends them)."""
        pool = self._pool
        processes = list(getattr(pool, "_processes", {}).values()) if pool else []
        return [process.pid for process in processes if process.is_alive()]
