"""A full session with a known key leaves it nowhere on disk: data dir, logs, exports, backups.

The session runs in a child process with a private D-Bus session and gnome-keyring, so the key
really goes through the Secret Service. The fake provider's first chat reply is a 401 whose
message echoes the key (as some gateways do): it must be redacted before it is stored.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider
from tests.helpers.secret_service import private_secret_service

__all__ = ["fake_provider"]
ROOT = Path(__file__).resolve().parents[2]


def test_known_key_is_found_nowhere(tmp_path: Path, fake_provider: FakeProvider) -> None:
    key = "sk-test-" + secrets.token_hex(16)
    fake_provider.require_key = key
    fake_provider.script(
        "/chat/completions",
        Reply.error(401, f"Incorrect API key provided: {key}. You can find your key at ..."),
    )
    data_dir = tmp_path / "data"
    with private_secret_service(tmp_path / "dbus") as env:
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        given = {"key": key, "base_url": fake_provider.base_url, "data_dir": str(data_dir)}
        result = subprocess.run(
            [sys.executable, "-m", "tests.system.key_leak_session"],
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
    assert report["key_in_keyring"] is True
    assert report["test_result"].startswith("Connected"), report["test_result"]
    assert "rejected the key" in report["errors"][0]
    assert report["errors"][1] == ""
    # The key was really sent (the provider accepted the second request).
    assert any(r.headers.get("authorization") == f"Bearer {key}" for r in fake_provider.requests)

    files = [p for p in data_dir.rglob("*") if p.is_file()]
    names = {p.relative_to(data_dir).parts[0] for p in files}
    assert {"providers.json", "models.json", "settings.json", "history.sqlite3", "logs",
            "exports", "backups"} <= names  # fmt: skip
    needles = [key.encode(), key.encode("utf-16-le"), key[-12:].encode()]
    hits = [str(p) for p in files for needle in needles if needle in p.read_bytes()]
    assert hits == []
    assert key not in result.stdout + result.stderr
    log_text = (data_dir / "logs" / "switchboard.log").read_text()
    assert "rejected the key" in log_text  # the error was logged, redacted
