"""How Python's threads share the interpreter in the app.

Switchboard runs CPU-bound Python on worker threads (code highlighting, search snippets, the
streamed reply's checkpoint writes) next to the UI thread. A thread that wants the GIL back
waits up to the switch interval — 5 ms by default — so the UI thread, or a checkpoint write
finishing, could stall that long each time. The app shortens it to 1 ms.
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def prefer_short_gil_slices() -> None:
    """Let a waiting thread have the GIL within 1 ms (never lengthens a shorter setting)."""
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
