"""`switchboard ask --compare P1:M1,P2:M2`: several models at once, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.store.store import Store
from tests.helpers.fake_compare import reply_text, route_by_model
from tests.helpers.fake_provider import FakeProvider

REPO = Path(__file__).resolve().parents[3]
KEY_VAR = "SWITCHBOARD_TEST_COMPARE_CLI_KEY"


def run(data: Path, *args: str, key: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), **{KEY_VAR: key})
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )


@pytest.fixture
def data(tmp_path: Path, fake_provider: FakeProvider, fake_key: str,
         monkeypatch: pytest.MonkeyPatch) -> Path:
    route_by_model(fake_provider)
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    assert main(["--data-dir", str(tmp_path), "provider", "add", "Fake", "--base-url",
                 fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"]) == 0
    return tmp_path


def test_each_reply_under_its_header_and_saved_as_columns(data: Path, fake_key: str) -> None:
    result = run(data, "ask", "--compare", "Fake:alpha,Fake:broken-b,Fake:gamma",
                 "-o", "temperature=0.3", "Hello?", key=fake_key)
    assert result.returncode == 0, result.stderr  # one failure of three: still a success
    blocks = {block.split("\n", 1)[0]: block for block in result.stdout.split("\n\n")}
    assert blocks["=== Fake:alpha ==="].strip().endswith(reply_text("alpha"))
    assert blocks["=== Fake:gamma ==="].strip().endswith(reply_text("gamma"))
    assert "down for maintenance" in blocks["=== Fake:broken-b ==="]
    assert "Fake:broken-b: " in result.stderr
    with Store.open(data, backup_interval=None) as store:
        (summary,) = store.list_conversations()
        fork = store.open_compare(summary.id)
        assert fork is not None
        columns = store.compare_columns(fork)
        assert [c.target.model for c in columns] == ["alpha", "broken-b", "gamma"]
        assert columns[0].target.params == {"temperature": 0.3}


def test_json_lists_every_column_in_order(data: Path, fake_key: str) -> None:
    result = run(data, "ask", "--json", "--compare", "Fake:beta,Fake:alpha", "Hi",
                 key=fake_key)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [(c["model"], c["text"], c["error"]) for c in payload["columns"]] == [
        ("beta", reply_text("beta"), None), ("alpha", reply_text("alpha"), None)]
    assert payload["columns"][0]["usage"]["completion_tokens"] == 3


def test_all_failing_exits_with_the_error_code(data: Path, fake_key: str) -> None:
    result = run(data, "ask", "--json", "--compare", "Fake:broken-1,Fake:broken-2", "Hi",
                 key=fake_key)
    assert result.returncode == 16  # provider server error (5xx)
    payload = json.loads(result.stdout)
    assert [c["error"]["status"] for c in payload["columns"]] == [500, 500]


def test_bad_compare_lines_are_usage_errors(data: Path, fake_key: str) -> None:
    for args in (["--compare", "Fake:alpha"], ["--compare", "Fake:a,Fake:b", "-p", "Fake"],
                 ["--compare", "Fake:a,Fake:b", "--no-save"]):
        result = run(data, "ask", *args, "Hi", key=fake_key)
        assert result.returncode == 2, args
    assert run(data, "ask", "Hi", key=fake_key).returncode == 2  # neither -p/-m nor compare
