"""Knowledge-base indexing in the background, one run per knowledge base, never modal.

`KbIndexing` belongs to the window (so indexing goes on when the dialog closes): it starts
a core coroutine (`index`, `refresh`, `change_model`) through the window's `TaskRunner`
with a core `Progress`, reads that progress on a timer (nothing crosses threads but the
cancel flag) and says what happened with signals. A cancelled or failed run keeps what was
embedded before it stopped; the next run resumes from there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.core.api.errors import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    InternalServerError,
    RateLimitError,
)
from desktop.core.knowledge.models import IndexReport, KnowledgeBaseError
from desktop.core.progress import Progress, WorkCancelledError
from desktop.ui.task_runner import TaskRunner

POLL_MS = 100
log = logging.getLogger(__name__)
Work = Callable[[Progress], Coroutine[Any, Any, IndexReport]]


@dataclass
class IndexRun:
    """One knowledge base's indexing in progress."""

    name: str
    progress: Progress = field(default_factory=Progress)
    cancelling: bool = False


@dataclass(frozen=True)
class RunOutcome:
    """How a run ended: its report (None if cancelled or it raised) and what to tell."""

    name: str
    report: IndexReport | None
    cancelled: bool = False
    problem: str = ""  # '' when it went well

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.problem


def _tr(text: str) -> str:
    return QCoreApplication.translate("KbIndexing", text)


def describe_error(error: BaseException) -> str:
    """The user's sentence for an embedding or knowledge-base error (no traceback)."""
    detail = str(error).strip()[:500] or type(error).__name__
    if isinstance(error, AuthenticationError):
        lead = _tr("The provider refused the key (401).")
    elif isinstance(error, RateLimitError):
        lead = _tr("The provider kept refusing: too many requests (429), retries used up.")
    elif isinstance(error, InternalServerError):
        lead = _tr("The provider failed ({0}).").format(
            error.status if error.status is not None else "5xx")
    elif isinstance(error, APIConnectionError):
        lead = _tr("The provider could not be reached.")
    elif isinstance(error, KnowledgeBaseError | OSError):
        return detail
    else:
        lead = _tr("Embedding failed.")
    return f"{lead} {detail}" if detail not in lead else lead


def phase_text(phase: str) -> str:
    """What a core phase name means to the user."""
    texts = {"Reading files": _tr("Reading files…"), "Embedding": _tr("Embedding…"),
             "reading": _tr("Reading files…"), "embedding": _tr("Embedding…")}
    return texts.get(phase, phase[:80])


class KbIndexing(QObject):
    """Runs and follows the window's knowledge-base indexing."""

    started = Signal(str)  # knowledge base name
    progressed = Signal(str, object, str)  # name, fraction (float or None), phase text
    finished = Signal(object)  # RunOutcome

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.runs: dict[str, IndexRun] = {}
        self.last: dict[str, RunOutcome] = {}  # the last outcome per knowledge base
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def running(self, name: str) -> IndexRun | None:
        return self.runs.get(name)

    @property
    def busy(self) -> bool:
        return bool(self.runs)

    def start(self, name: str, work: Work) -> bool:
        """Run `work(progress)` for knowledge base `name`; False if one runs already."""
        if name in self.runs:
            return False
        run = self.runs[name] = IndexRun(name)
        self.last.pop(name, None)

        async def guarded() -> RunOutcome:
            try:
                report = await work(run.progress)
            except WorkCancelledError:
                return RunOutcome(name, None, cancelled=True)
            except (APIError, KnowledgeBaseError, OSError) as exc:
                log.warning("indexing %s: %s", name, exc)
                return RunOutcome(name, None, problem=describe_error(exc))
            if report.error is not None:
                return RunOutcome(name, report, problem=describe_error(report.error))
            return RunOutcome(name, report, cancelled=run.progress.cancelled)

        def done(outcome: RunOutcome) -> None:
            self._end(outcome)

        def failed(exc: BaseException) -> None:
            log.error("indexing %s failed", name, exc_info=exc)
            self._end(RunOutcome(name, None, problem=describe_error(exc)))

        self._tasks.start(guarded(), name=f"index knowledge base {name}", on_success=done,
                          on_failure=failed)
        self._timer.start()
        self.started.emit(name)
        self.progressed.emit(name, None, _tr("Starting…"))
        return True

    def cancel(self, name: str) -> None:
        run = self.runs.get(name)
        if run is not None and not run.cancelling:
            run.cancelling = True
            run.progress.cancel()
            self.progressed.emit(name, run.progress.fraction, _tr("Cancelling…"))

    def cancel_all(self) -> None:
        for name in list(self.runs):
            self.cancel(name)

    def _end(self, outcome: RunOutcome) -> None:
        self.runs.pop(outcome.name, None)
        self.last[outcome.name] = outcome
        if not self.runs:
            self._timer.stop()
        self.finished.emit(outcome)

    def _poll(self) -> None:
        for name, run in list(self.runs.items()):
            if run.cancelling:
                continue
            progress = run.progress
            text = phase_text(progress.phase)
            if progress.total > 0 and progress.phase.lower().startswith("reading"):
                text = _tr("Reading files: {0} of {1}").format(progress.done, progress.total)
            elif progress.total > 0:
                text = _tr("Embedding: {0} of {1} chunks").format(progress.done, progress.total)
            self.progressed.emit(name, progress.fraction, text)
