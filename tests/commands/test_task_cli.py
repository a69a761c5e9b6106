"""`switchboard task …` against the fake relay: in-process `main([...])` runs for the exit
codes and files, one run on a pseudo-terminal for escape-safe output."""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.providers import ProviderRegistry
from desktop.core.store import Store
from desktop.core.tasks import PollPolicy, TaskApis, TaskKind, TaskStatus
from tests.helpers.fake_provider import FakeProvider, fake_provider, tiny_png
from tests.helpers.fake_tasks import Plan, TaskRelay
from tests.helpers.pty_run import run_in_terminal
from tests.helpers.tiny_video import tiny_mp4

__all__ = ["fake_provider"]

REPO = Path(__file__).resolve().parents[2]
KEY_VAR = "SWITCHBOARD_TEST_TASK_KEY"


class Cli:
    def __init__(self, data: Path, provider: FakeProvider, relay: TaskRelay,
                 capsys: pytest.CaptureFixture[str]) -> None:
        self.data, self.provider, self.relay, self.capsys = data, provider, relay, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.data), *args])
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def tasks(self) -> list[object]:
        with Store.open(self.data, backup_interval=None) as store:
            return list(store.list_tasks())


@pytest.fixture
def cli(tmp_path: Path, fake_provider: FakeProvider, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    key = "sk-test-" + secrets.token_hex(8)
    monkeypatch.setenv(KEY_VAR, key)
    monkeypatch.setattr("desktop.commands.api_access.setup_logging", lambda *a, **k: None)
    fake_provider.require_key = key
    relay = TaskRelay()
    fake_provider.tasks = relay
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "provider", "add", "Relay", "--base-url",
                 fake_provider.url, "--key-env", KEY_VAR, "--max-retries", "0"]) == 0
    monkeypatch.setattr("desktop.commands.task_run.POLL_POLICY", PollPolicy(
        first=0.0, factor=1.0, longest=0.01, timeouts={TaskKind.MJ_IMAGINE: 2.0}))
    yield Cli(data, fake_provider, relay, capsys)


def test_imagine_waits_and_saves_the_grid(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = cli("task", "mj", "imagine", "a red fox", "--out", str(out))
    assert code == 0, stderr
    saved = sorted(out.iterdir())
    assert [p.name for p in saved] == ["task-1-1-midjourney-1.png"]
    assert saved[0].read_bytes().startswith(b"\x89PNG")
    assert "button: U2  MJ::JOB::upsample::2::" in stdout
    assert "task 1: succeeded 100%" in stderr  # progress on stderr
    u2 = next(line.split()[-1] for line in stdout.splitlines() if line.startswith("button: U2"))
    code, stdout, stderr = cli("task", "mj", "action", "1", u2, "--wait", "--json")
    assert code == 0, stderr
    shown = json.loads(stdout)
    assert shown["kind"] == "mj.action" and shown["parent_id"] == 1
    assert shown["status"] == "succeeded" and shown["params"]["label"] == "U2"


def test_without_wait_the_task_is_left_for_later(cli: Cli, tmp_path: Path) -> None:
    code, stdout, _ = cli("task", "suno", "a calm song", "--tags", "lofi")
    assert code == 0 and "follow it with: switchboard task fetch 1 --wait" in stdout
    code, stdout, _ = cli("task", "list")
    assert code == 0 and "suno.music" in stdout and "submitted" in stdout
    out = tmp_path / "clips"
    code, stdout, stderr = cli("task", "fetch", "1", "--wait", "--out", str(out))
    assert code == 0, stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["task-1-1-suno-1.wav", "task-1-2-suno-1.png", "task-1-3-suno-2.wav",
                     "task-1-4-suno-2.png"]
    code, _, stderr = cli("task", "fetch", "1", "--out", str(out))
    assert code == 35 and "--force" in stderr  # nothing overwritten without --force
    files = [k for k in cli.relay.file_fetches if k.endswith(".wav")]
    assert all(cli.relay.file_fetches[k] == 1 for k in files)  # downloaded once


def test_shorten_swap_and_upload(cli: Cli, tmp_path: Path) -> None:
    code, stdout, stderr = cli("task", "mj", "shorten", "a red fox by a lighthouse", "--wait")
    assert code == 0, stderr
    assert "5️⃣ a red fox sitting by an old lighthouse" in stdout and "file:" not in stdout
    face = tmp_path / "face.png"
    face.write_bytes(tiny_png(4, 4))
    out = tmp_path / "swap"
    code, _, stderr = cli("task", "mj", "swap", str(face), str(face), "--out", str(out))
    assert code == 0, stderr
    assert [p.suffix for p in out.iterdir()] == [".png"]
    assert cli.provider.bodies("/mj/insight-face/swap")[0]["sourceBase64"].startswith(
        "data:image/png;base64,")
    code, stdout, stderr = cli("task", "mj", "upload", str(face), str(face))
    assert code == 0, stderr
    assert stdout.split() == [f"{cli.provider.url}/task-files/upload-{n}.png" for n in (1, 2)]


def test_luma_and_flux(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "video"
    code, _, stderr = cli("task", "luma", "waves", "--aspect-ratio", "9:16", "--out", str(out))
    assert code == 0, stderr
    video = next(p for p in out.iterdir() if p.suffix == ".mp4")
    assert video.read_bytes() == tiny_mp4()
    code, _, stderr = cli("task", "flux", "a lighthouse", "-m", "flux-dev", "--out", str(out))
    assert code == 0, stderr
    assert cli.provider.bodies("/images/generations")[0]["model"] == "flux-dev"


@pytest.mark.parametrize(("plan", "exit_code", "words"), [
    (Plan(code=24), 15, "banned word"),
    (Plan(code=23), 14, "queue is full"),
    (Plan(code=4), 13, "code 4"),
    (Plan(outcome="failure", fail_reason="GPU fell over"), 22, "GPU fell over"),
    (Plan(outcome="stuck"), 17, "did not finish"),
])
def test_exit_codes(cli: Cli, plan: Plan, exit_code: int, words: str) -> None:
    cli.relay.plan(plan)
    code, _, stderr = cli("task", "mj", "imagine", "fox", "--wait")
    assert code == exit_code and words in stderr


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    assert cli("task", "mj", "imagine", "fox", "--image", str(tmp_path / "nope.png"))[0] == 30
    text = tmp_path / "notes.txt"
    text.write_text("not an image")
    assert cli("task", "mj", "imagine", "fox", "--image", str(text))[0] == 4
    assert cli("task", "fetch", "99")[0] == 30
    code, _, stderr = cli("task", "mj", "imagine", "fox", "-p", "Nobody")
    assert code == 3 and "Nobody" in stderr


def test_probe_sets_the_provider_up(cli: Cli) -> None:
    code, stdout, stderr = cli("task", "probe", "Relay", "--mj-mode", "fast")
    assert code == 0, stderr
    apis = TaskApis.of(ProviderRegistry(cli.data).get("Relay"))
    assert apis.midjourney and apis.suno and apis.luma and not apis.flux
    assert str(apis.mj_mode) == "fast" and "Midjourney  yes" in stdout
    cli("task", "mj", "imagine", "fox")
    assert cli.provider.requests[-1].path == "/mj-fast/mj/submit/imagine"


def test_output_is_escape_safe_on_a_terminal(cli: Cli) -> None:
    assert cli("task", "mj", "imagine", "fox \x1b[2J")[0] == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    listed = run_in_terminal([sys.executable, "-m", "desktop", "--data-dir", str(cli.data),
                              "task", "list"], env=env, cwd=str(REPO))
    assert listed.returncode == 0
    assert b"\x1b[2J" not in listed.output and b"fox \\x1b[2J" in listed.output
    tasks = cli.tasks()
    assert tasks[0].status is TaskStatus.SUBMITTED  # type: ignore[attr-defined]
