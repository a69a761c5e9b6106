"""The history commands, run as real `switchboard` processes against a temporary data dir."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from desktop.core.paths import DataDir
from desktop.core.store import Role, Store

FIXTURES = Path(__file__).parent / "fixtures"


def _run(data: DataDir, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root), *args],
        capture_output=True, text=True, timeout=60, check=False,
    )


def _seed(data: DataDir) -> tuple[int, int]:
    with Store.open(data) as store:
        garden = store.create_conversation("Garden")
        store.append_message(garden.id, Role.USER, "when to plant tomato seedlings")
        store.append_message(garden.id, Role.ASSISTANT, "After the last frost.")
        other = store.create_conversation("Taxes")
        store.append_message(other.id, Role.USER, "deadline for filing")
        return garden.id, other.id


def test_history_list_show_and_search(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    garden, taxes = _seed(data)
    listed = _run(data, "history", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [c["id"] for c in json.loads(listed.stdout)] == [taxes, garden]
    plain = _run(data, "history", "list")
    assert "Garden" in plain.stdout and "Taxes" in plain.stdout
    shown = _run(data, "history", "show", str(garden))
    assert shown.returncode == 0 and "After the last frost." in shown.stdout
    as_json = json.loads(_run(data, "history", "show", str(garden), "--format", "json").stdout)
    assert as_json["conversations"][0]["title"] == "Garden"
    found = _run(data, "search", "tomato", "--json")
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    [hit] = result["hits"]
    assert hit["conversation_id"] == garden
    message = hit["messages"][0]
    start, end = message["highlights"][0]
    assert message["snippet"][start:end] == "tomato"
    text = _run(data, "search", "tomato")
    assert "*tomato*" in text.stdout
    missing = _run(data, "history", "show", "999")
    assert missing.returncode == 30 and "999" in missing.stderr


def test_export_refuses_to_overwrite(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    garden, _ = _seed(data)
    out = tmp_path / "garden.html"
    done = _run(data, "export", str(garden), "--format", "html", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "After the last frost." in out.read_text(encoding="utf-8")
    again = _run(data, "export", str(garden), "--format", "md", "--out", str(out))
    assert again.returncode == 35 and "--force" in again.stderr
    forced = _run(data, "export", str(garden), "--format", "md", "--out", str(out), "--force")
    assert forced.returncode == 0 and out.read_text(encoding="utf-8").startswith("# Garden")


def test_import_good_and_bad_files(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    folder = tmp_path / "chatgpt"
    shutil.copytree(FIXTURES / "chatgpt", folder)
    done = _run(data, "import", str(folder / "conversations.json"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("imported 2 conversations")
    bad = tmp_path / "bad.json"
    document = json.loads((folder / "conversations.json").read_text(encoding="utf-8"))
    del document[1]["mapping"]
    bad.write_text(json.dumps(document), encoding="utf-8")
    failed = _run(data, "import", str(bad))
    assert failed.returncode == 31
    assert str(bad) in failed.stderr and "mapping" in failed.stderr
    listed = json.loads(_run(data, "history", "list", "--json").stdout)
    assert len(listed) == 2  # the bad file added nothing


def test_backup_and_restore(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    _seed(data)
    saved = tmp_path / "all.sqlite3"
    done = _run(data, "backup", str(saved))
    assert done.returncode == 0, done.stderr
    with Store.open(data) as store:
        store.create_conversation("after the backup")
    restored = _run(data, "restore", str(saved))
    assert restored.returncode == 0, restored.stderr
    assert "kept as" in restored.stdout
    titles = {c["title"] for c in json.loads(_run(data, "history", "list", "--json").stdout)}
    assert titles == {"Garden", "Taxes"}
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database", encoding="utf-8")
    refused = _run(data, "restore", str(junk))
    assert refused.returncode == 34 and str(junk) in refused.stderr


def test_export_all_as_json_and_reimport(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data")
    _seed(data)
    out = tmp_path / "everything.json"
    done = _run(data, "export", "--all", "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    titles = [c["title"] for c in json.loads(out.read_text(encoding="utf-8"))["conversations"]]
    assert titles == ["Garden", "Taxes"]
    assert _run(data, "export", "--all", "--format", "md", "--out", "-").returncode == 2
    other = DataDir(tmp_path / "other")
    assert _run(other, "import", str(out)).stdout.startswith("imported 2 conversations")
