"""Symptom 5 with the real Secret Service: keys typed into the Providers dialog, one provider
after another, all reach the model picker (no "No key for X is stored", no traceback)."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from tests.helpers.fake_provider import FakeProvider, fake_provider
from tests.helpers.secret_service import private_secret_service

__all__ = ["fake_provider"]
ROOT = Path(__file__).resolve().parents[2]


def test_keys_typed_in_a_row_reach_the_picker(tmp_path: Path, fake_provider: FakeProvider) -> None:
    key = "sk-test-" + secrets.token_hex(16)
    fake_provider.require_key = key
    with private_secret_service(tmp_path / "dbus") as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        given = {"key": key, "base_url": fake_provider.base_url, "data_dir": str(tmp_path / "d")}
        result = subprocess.run(
            [sys.executable, "-m", "tests.system.provider_keys_session"],
            input=json.dumps(given) + "\n",
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["backend"] == "desktop.core.secret_service.SecretServiceKeyring"
    assert len(report["added"]) == 3
    assert report["statuses"] == {name: None for name in report["added"]}
    assert report["with_models"] == sorted(report["added"])
    assert report["errors"] == []
