"""Exports of hostile conversations: no remote or local image is referenced by the HTML page,
and a missing target folder is a clear message, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store
from desktop.core.store.export_html import export_html

IMAGES = (
    "![pixel](https://tracker.example/p.gif) ![local](/etc/passwd) ![rel](../secret.png) "
    '![](http://127.0.0.1:8080/x.png "title")'
)


def seed(data: DataDir) -> int:
    with Store.open(data, backup_interval=None) as store:
        conversation = store.create_conversation("Images")
        store.append_message(conversation.id, Role.USER, IMAGES)
        store.append_message(conversation.id, Role.ASSISTANT, IMAGES, reasoning=IMAGES)
        return conversation.id


def test_html_export_names_images_but_never_loads_them(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    conversation_id = seed(data)
    with Store.open(data, backup_interval=None) as store:
        page = export_html(store, conversation_id)
    assert "<img" not in page
    assert page.count("[image: pixel] https://tracker.example/p.gif") == 3
    assert "[image: local] /etc/passwd" in page
    assert "[image] http://127.0.0.1:8080/x.png" in page


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_export_into_a_missing_folder_says_so(tmp_path: Path, fmt: str) -> None:
    data = DataDir(tmp_path / "data")
    conversation_id = seed(data)
    out = tmp_path / "no" / "such" / f"out.{fmt}"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root), "export",
         str(conversation_id), "--format", fmt, "--out", str(out)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 30
    assert "Traceback" not in done.stderr
    assert f"the folder {out.parent} does not exist" in done.stderr
    assert not out.parent.exists()
