"""Real Secret Service round trips through keyring, inside a private D-Bus session."""

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
value = "sk-test-" + secrets.token_hex(12) + " ünïcødé"
store.set("provider-roundtrip", value)
store.set("provider-roundtrip", value + "2")   # replaces, does not duplicate
got = store.get("provider-roundtrip")
deleted = store.delete("provider-roundtrip")
after = store.get("provider-roundtrip")
deleted_again = store.delete("provider-roundtrip")
print(json.dumps({"backend": store.describe_backend(), "same": got == value + "2",
                  "deleted": deleted, "after": after, "deleted_again": deleted_again}))
"""

# Items written by keyring's SecretStorage-based backend and by ours must be interchangeable,
# so keys stored by a source install remain readable from the bundle and back.
CROSS_BACKEND = r"""
import json, secrets
from keyring.backends.SecretService import Keyring as SecretStorageKeyring
from desktop.core.secret_service import SecretServiceKeyring
theirs, ours = SecretStorageKeyring(), SecretServiceKeyring()
a, b = secrets.token_hex(8), secrets.token_hex(8)
theirs.set_password("Switchboard-test", "written-by-keyring", a)
ours.set_password("Switchboard-test", "written-by-us", b)
report = {
    "ours_reads_theirs": ours.get_password("Switchboard-test", "written-by-keyring") == a,
    "theirs_reads_ours": theirs.get_password("Switchboard-test", "written-by-us") == b,
    "missing": ours.get_password("Switchboard-test", "nobody"),
}
ours.delete_password("Switchboard-test", "written-by-keyring")
theirs.delete_password("Switchboard-test", "written-by-us")
names = ("written-by-keyring", "written-by-us")
report["gone"] = [ours.get_password("Switchboard-test", name) for name in names]
print(json.dumps(report))
"""


def run(script: str, env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "sk-test-" not in result.stdout + result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_keyring_round_trip_through_gnome_keyring(tmp_path: Path) -> None:
    with private_secret_service(tmp_path) as env:
        report = run(ROUND_TRIP, env)
    # keyring picked our jeepney backend through its entry point.
    assert report["backend"] == "desktop.core.secret_service.SecretServiceKeyring"
    assert report["same"] is True
    assert report["deleted"] is True
    assert report["after"] is None
    assert report["deleted_again"] is False


def test_items_are_shared_with_keyrings_own_backend(tmp_path: Path) -> None:
    with private_secret_service(tmp_path) as env:
        report = run(CROSS_BACKEND, env)
    assert report == {
        "ours_reads_theirs": True,
        "theirs_reads_ours": True,
        "missing": None,
        "gone": [None, None],
    }


# An old providers.json with credentials in plain text is migrated into the real keyring.
CREDENTIALS = r"""
import json, pathlib, sys, tempfile
from desktop.core.provider_credentials import resolve_credentials
from desktop.core.providers import ProviderRegistry
from desktop.core.secrets import SecretStore
root = pathlib.Path(tempfile.mkdtemp())
(root / "providers.json").write_text(json.dumps({"version": 1, "providers": [{
    "name": "Relay", "base_url": "http://127.0.0.1:9/v1", "key_source": "none",
    "extra_headers": {"Cookie": "cookie-plain-1", "X-Title": "t"},
    "proxy": "http://bob:proxy-plain-2@proxy.example:8080"}]}))
store = SecretStore(service="Switchboard-test")
registry = ProviderRegistry(root, store)
text = (root / "providers.json").read_text()
resolved = resolve_credentials(ProviderRegistry(root, store).get("Relay"), store)
ProviderRegistry(root, store).remove("Relay", store)
print(json.dumps({"warnings": registry.warnings,
                  "plain_in_file": "plain" in text,
                  "cookie": resolved.extra_headers["Cookie"], "proxy": resolved.proxy,
                  "left": store.get(registry.get("Relay").credentials_item)}))
"""


def test_credentials_migrate_into_gnome_keyring(tmp_path: Path) -> None:
    with private_secret_service(tmp_path) as env:
        report = run(CREDENTIALS, env)
    assert report == {
        "warnings": [],
        "plain_in_file": False,
        "cookie": "cookie-plain-1",
        "proxy": "http://bob:proxy-plain-2@proxy.example:8080",
        "left": None,
    }
