"""A real Secret Service round trip through keyring, inside a private D-Bus session."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.secret_service import private_secret_service

ROUND_TRIP = r"""
import json, secrets, sys
from desktop.core.secrets import SecretStore
store = SecretStore(service="Switchboard-test")
value = "sk-test-" + secrets.token_hex(12)
store.set("provider-roundtrip", value)
got = store.get("provider-roundtrip")
deleted = store.delete("provider-roundtrip")
after = store.get("provider-roundtrip")
deleted_again = store.delete("provider-roundtrip")
print(json.dumps({"backend": store.describe_backend(), "same": got == value,
                  "deleted": deleted, "after": after, "deleted_again": deleted_again}))
"""


def test_keyring_round_trip_through_gnome_keyring(tmp_path: Path) -> None:
    with private_secret_service(tmp_path) as env:
        result = subprocess.run(
            [sys.executable, "-c", ROUND_TRIP], env=env, capture_output=True, text=True,
            timeout=60,
        )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["backend"] == "keyring.backends.SecretService.Keyring"
    assert report["same"] is True
    assert report["deleted"] is True
    assert report["after"] is None
    assert report["deleted_again"] is False
    # The secret value never reaches the output.
    assert "sk-test-" not in result.stdout + result.stderr
