from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.paths import resolve_data_dir


def test_explicit_beats_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SWITCHBOARD_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "explicit").root == tmp_path / "explicit"
    assert resolve_data_dir(None).root == tmp_path / "env"


def test_default_is_user_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SWITCHBOARD_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir(None).root == tmp_path / "xdg" / "switchboard"


def test_ensure_creates_private_tree(tmp_path: Path) -> None:
    data = resolve_data_dir(tmp_path / "d").ensure()
    for path in (data.root, data.logs, data.attachments, data.backups):
        assert path.is_dir()
    assert data.root.stat().st_mode & 0o077 == 0
