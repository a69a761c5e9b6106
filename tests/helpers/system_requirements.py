"""Skip-or-fail for tests that need system services, decided by SWITCHBOARD_REQUIRE_SYSTEM."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest

REQUIRE_ENV = "SWITCHBOARD_REQUIRE_SYSTEM"


def system_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "") not in ("", "0", "false", "no")


def missing(reason: str) -> NoReturn:
    """Skip with `reason`, or fail when the environment demands system tests (CI)."""
    if system_required():
        pytest.fail(f"{reason} ({REQUIRE_ENV} is set, so this cannot be skipped)")
    pytest.skip(reason)


def need_programs(*names: str, purpose: str) -> None:
    absent = [name for name in names if shutil.which(name) is None]
    if absent:
        missing(f"{purpose} needs {', '.join(absent)} (Debian: see README 'System packages')")
