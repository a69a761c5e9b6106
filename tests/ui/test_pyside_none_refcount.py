"""Regression guard: PySide6 6.12.0 on Python < 3.12 drops a reference to None on every call of
a method that returns nothing, and aborts with "none_dealloc" after a few thousand calls.
pyproject.toml excludes that release; this test proves the installed one is sound."""

from __future__ import annotations

import json
import subprocess
import sys

CALLS = 200_000
SCRIPT = f"""
import json, os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocument
import PySide6
app = QGuiApplication([])
document = QTextDocument()
document.setUndoRedoEnabled(False)
cursor = QTextCursor(document)
before = sys.getrefcount(None)
for i in range({CALLS}):
    cursor.insertText("x")          # returns nothing
    if i % 500 == 499:
        document.clear()            # keep the document small; also returns nothing
        cursor = QTextCursor(document)
after = sys.getrefcount(None)
print(json.dumps({{"before": before, "after": after, "version": PySide6.__version__}}))
"""


def test_none_refcount_does_not_fall_over_many_void_calls() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"crashed (none_dealloc?): {result.stderr[-2000:]}"
    report = json.loads(result.stdout.strip().splitlines()[-1])
    if sys.version_info < (3, 12):
        assert report["version"] != "6.12.0"
    # A leak of one reference per call would lower the count by ~200,000.
    assert report["after"] >= report["before"] - 1000, report
