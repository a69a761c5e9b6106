"""`switchboard usage` and `switchboard provider balance`, run in-process with `main([...])`
against a real history file and the fake provider's billing endpoints."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.pricing.cost import MessageCost
from desktop.core.providers import ProviderRegistry
from desktop.core.reply_parts import Usage
from desktop.core.store.models import MessageStatus, Role
from desktop.core.store.store import Store
from tests.helpers.fake_billing import Billing
from tests.helpers.fake_provider import FakeProvider, Reply

KEY_VAR = "SWITCHBOARD_TEST_BALANCE_KEY"
T0 = 1_760_000_400.0  # 2025-10-09 09:00 UTC


@pytest.fixture(autouse=True)
def quiet_logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    monkeypatch.setenv("TZ", "UTC")  # local dates of the sums, --since
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def history(tmp_path: Path) -> Path:
    with Store.open(tmp_path, backup_interval=None) as store:
        for title, model, cost, day in (("alpha", "gpt-4o", 0.5, 0), ("beta", "deepseek", 2.0, 1),
                                        ("beta", "deepseek", 1.0, 1)):
            conversation = store.create_conversation(title=title)
            user = store.append_message(conversation.id, Role.USER, "q")
            reply = store.begin_reply(conversation.id, parent_id=user.id, model=model,
                                      provider="relay")
            store.finish_reply(reply.id, MessageStatus.COMPLETE, text="a",
                               usage=Usage(100, 10))
            with sqlite3.connect(store.path) as conn:
                conn.execute("UPDATE messages SET created_at = ? WHERE id = ?",
                             (T0 + day * 86400, reply.id))
            store.set_message_costs({reply.id: MessageCost(cost, "USD")})
    return tmp_path


def test_usage_by_model_table_and_top(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(history), "usage", "--by", "model", "--top", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["MODEL", "CUR", "COST", "PROMPT", "COMPLETION", "REPLIES"]
    assert out[1].split() == ["deepseek", "USD", "$3.00", "200", "20", "2"]
    assert out[2].split() == ["gpt-4o", "USD", "$0.5000", "100", "10", "1"]
    assert "Conversations that cost the most:" in out
    assert out[-1].split()[1:] == ["$2.00", "1", "beta"]


def test_usage_csv_by_day_since(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(history), "usage", "--by", "day", "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [["day", "currency", "cost", "prompt_tokens", "completion_tokens", "replies"],
                    ["2025-10-09", "USD", "0.500000", "100", "10", "1"],
                    ["2025-10-10", "USD", "3.000000", "200", "20", "2"]]
    assert main(["--data-dir", str(history), "usage", "--since", "2025-10-10", "--csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["--data-dir", str(history), "usage", "--since", "2030-01-01"]) == 0
    assert "No replies in this period." in capsys.readouterr().out
    with pytest.raises(SystemExit) as bad:
        main(["--data-dir", str(history), "usage", "--since", "yesterday"])
    assert bad.value.code == 2


@pytest.fixture
def relay(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv(KEY_VAR, "sk-test-balance")
    assert main(["--data-dir", str(tmp_path), "provider", "add", "Fake", "--base-url",
                 fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"]) == 0
    capsys.readouterr()
    return tmp_path


def test_provider_balance_detects_and_remembers(
        relay: Path, fake_provider: FakeProvider, capsys: pytest.CaptureFixture[str]) -> None:
    fake_provider.billing = Billing("wrapped", limit_usd=50, used_usd=12.5)
    assert main(["--data-dir", str(relay), "provider", "balance", "Fake"]) == 0
    assert capsys.readouterr().out == "Fake: $37.50 left of $50.00\n"
    assert ProviderRegistry(relay).get("Fake").balance_api == "openai-billing"
    assert main(["--data-dir", str(relay), "provider", "balance", "Fake", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"provider": "Fake", "api": "openai-billing", "currency": "USD",
                    "remaining": 37.5, "limit": 50.0, "used": 12.5, "unlimited": False}


def test_provider_balance_not_offered(
        relay: Path, fake_provider: FakeProvider, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(relay), "provider", "balance", "Fake"]) == 22
    assert "not offered by this provider" in capsys.readouterr().err
    assert ProviderRegistry(relay).get("Fake").balance_api == "none"
    fake_provider.billing = Billing("openrouter")
    assert main(["--data-dir", str(relay), "provider", "balance", "Fake"]) == 22
    capsys.readouterr()
    assert main(["--data-dir", str(relay), "provider", "balance", "Fake", "--detect"]) == 0
    assert capsys.readouterr().out == "Fake: $37.50 left of $50.00\n"
    assert ProviderRegistry(relay).get("Fake").balance_api == "openrouter"


@pytest.mark.parametrize(("status", "message"), [
    (403, "Insufficient balance, please top up"), (402, "Payment required"),
    (429, "You exceeded your current quota")])
def test_balance_errors_point_to_provider_balance(
        relay: Path, fake_provider: FakeProvider, capsys: pytest.CaptureFixture[str],
        status: int, message: str) -> None:
    fake_provider.script("/chat/completions", Reply.error(status, message))
    code = main(["--data-dir", str(relay), "ask", "-p", "Fake", "-m", "gpt-4o", "hi"])
    assert code in (11, 14)
    err = capsys.readouterr().err
    assert "see what is left with: switchboard provider balance Fake" in err
    fake_provider.script("/chat/completions", Reply.error(403, "Model not allowed"))
    assert main(["--data-dir", str(relay), "ask", "-p", "Fake", "-m", "gpt-4o", "hi"]) == 11
    assert "provider balance" not in capsys.readouterr().err


def test_usage_recalculate_prices_again(history: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(history), "usage", "--by", "model", "--csv",
                 "--recalculate"]) == 0
    captured = capsys.readouterr()
    assert "Priced 1 of 3 replies again" in captured.err  # "deepseek" alone has no price
    rows = {row[0]: row for row in csv.reader(io.StringIO(captured.out))}
    assert rows["gpt-4o"][1:3] == ["USD", "0.000350"]  # 100 × $2.50 + 10 × $10 per 1M
    assert rows["deepseek"][1:3] == ["", "0.000000"]
