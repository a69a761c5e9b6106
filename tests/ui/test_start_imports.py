"""An opened window loads no library it does not need yet: numpy (knowledge bases), pypdf
with cryptography, python-docx with lxml and charset-normalizer (documents), the price table
(genai-prices with pydantic). Together they held about 60 MB of an idle window's memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import asyncio, json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
import qasync
from tests.helpers.chat_window import data_dir_at, open_window

app = QApplication.instance() or QApplication([])
loop = qasync.QEventLoop(app)
asyncio.set_event_loop(loop)
chat = open_window(data_dir_at(Path(sys.argv[1])), loop)
heavy = ("numpy", "pypdf", "docx", "lxml", "cryptography", "genai_prices", "pydantic",
         "charset_normalizer")
loaded = sorted(m for m in heavy if m in sys.modules)
chat.close()
chat.store.close()
print(json.dumps(loaded), flush=True)
import os
os._exit(0)  # the window's worker threads are not waited for
"""


def test_an_idle_window_loads_no_heavy_library(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
                            capture_output=True, text=True, timeout=120, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == []
