"""`desktop.core` must never import Qt: import every core module in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = r"""
import importlib, json, pkgutil, sys
import desktop.core
names = []
for info in pkgutil.walk_packages(desktop.core.__path__, "desktop.core."):
    importlib.import_module(info.name)
    names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_every_core_module_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert "desktop.core.secrets" in report["modules"]
    assert "desktop.core.settings" in report["modules"]
    assert report["qt"] == [], f"core pulled in Qt: {report['qt']}"
