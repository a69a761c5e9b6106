"""How often a task is polled and how long it may take (per family or kind)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.core.tasks.models import TaskFamily, TaskKind

# Seconds a task of each family may take before polling gives up.
DEFAULT_TIMEOUTS: dict[TaskFamily, float] = {
    TaskFamily.MIDJOURNEY: 15 * 60.0,
    TaskFamily.SUNO: 10 * 60.0,
    TaskFamily.LUMA: 20 * 60.0,
    TaskFamily.FLUX: 5 * 60.0,
}


@dataclass(frozen=True)
class PollPolicy:
    """How often to poll: `first` seconds after submit, then ×`factor` up to `longest`.

    A server's hint (Retry-After, a queue length, Luma's estimate) is honoured up to
    `longest_hint`. `timeouts` overrides the time limit per family or per kind.
    `lost_after` failed fetches in a row of a task the server does not know end it.
    """

    first: float = 2.0
    factor: float = 1.5
    longest: float = 20.0
    longest_hint: float = 120.0
    lost_after: int = 5
    timeouts: Mapping[TaskFamily | TaskKind, float] = field(default_factory=dict)

    def delay(self, attempt: int, hint: float | None = None) -> float:
        """Seconds before poll number `attempt` (0-based), or the server's hint."""
        if hint is not None and hint >= 0:
            return min(hint, self.longest_hint)
        return float(min(self.longest, self.first * self.factor ** min(max(0, attempt), 60)))

    def timeout_for(self, kind: TaskKind) -> float:
        if kind in self.timeouts:
            return self.timeouts[kind]
        if kind.family in self.timeouts:
            return self.timeouts[kind.family]
        return DEFAULT_TIMEOUTS[kind.family]
