"""Hostile imports (issue 12, classes 6 and 7): poisoned values get a named cause and import
nothing, and a zip bomb is refused before it is inflated; the history keeps working after."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.paths import DataDir
from desktop.core.store import ImportFormatError, Role, Store, import_limits
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json
from desktop.core.store.export_markdown import export_markdown
from desktop.core.store.importer import import_file

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parents[3]


def _export(store: Store) -> dict[str, Any]:
    """A valid Switchboard export of three conversations, the third with 17 messages."""
    for n in range(3):
        conv = store.create_conversation(f"c{n}", params={"temperature": 0.5})
        parent = None
        for k in range(17 if n == 2 else 2):
            role = Role.USER if k % 2 == 0 else Role.ASSISTANT
            parent = store.append_message(conv.id, role, f"m{k}", parent_id=parent).id
    return export_json(store, sorted(c.id for c in store.list_conversations()))


_DOCUMENT: list[dict[str, Any]] = []


def _document(tmp_path: Path) -> dict[str, Any]:
    """The export above, made once per session (hypothesis runs many examples)."""
    if not _DOCUMENT:
        with Store.open(tmp_path / "source") as source:
            _DOCUMENT.append(_export(source))
    return _DOCUMENT[0]


# Where a poison goes: (description, setter on the document).
def _set(path: list[Any]) -> Any:
    def setter(document: dict[str, Any], value: Any) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return setter


TARGETS = {
    "conversation created_at": ["conversations", 2, "created_at"],
    "conversation updated_at": ["conversations", 2, "updated_at"],
    "message created_at": ["conversations", 2, "messages", 16, "created_at"],
    "message ttft_ms": ["conversations", 2, "messages", 16, "ttft_ms"],
    "message usage": ["conversations", 2, "messages", 16, "usage"],
    "message id": ["conversations", 2, "messages", 16, "id"],
    "params": ["conversations", 2, "params", "temperature"],
}
# Raw JSON text for each poison (some cannot come from json.dumps of a Python value).
POISONS = {
    "1e20": "1e20", "Infinity": "Infinity", "-Infinity": "-Infinity", "NaN": "NaN",
    "negative": "-5", "2^63": str(2**63), "-2^64": str(-(2**64)), "4000 digits": "9" * 4000,
    "5000 digits": "9" * 5000, "deep": "[" * 5000 + "]" * 5000,
    "deep object": '{"a":' * 60 + "1" + "}" * 60,
}
_MARK = "__POISON__"


def _poisoned_text(document: dict[str, Any], target: str, poison: str) -> str:
    copy = json.loads(json.dumps(document))
    value: Any = _MARK
    if target == "message usage":
        value = {"prompt_tokens": _MARK}
    _set(TARGETS[target])(copy, value)
    return json.dumps(copy).replace(f'"{_MARK}"', POISONS[poison])


def _history_still_works(store: Store, before: int) -> None:
    assert len(store.list_conversations()) == before  # nothing was imported
    for conv in store.list_conversations():
        export_markdown(store, conv.id)
        export_html(store, conv.id)
    export_json(store, [c.id for c in store.list_conversations()])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(target=st.sampled_from(sorted(TARGETS)), poison=st.sampled_from(sorted(POISONS)))
def test_poisoned_values_are_named_and_import_nothing(
    store: Store, tmp_path: Path, target: str, poison: str
) -> None:
    document = _document(tmp_path)
    before = len(store.list_conversations())
    text = _poisoned_text(document, target, poison)
    path = tmp_path / "poisoned.json"
    path.write_text(text)
    fine = (target == "params" and poison in ("negative", "1e20"))  # a parameter may be -5
    if fine:
        import_file(store, path)
        before = len(store.list_conversations())
    else:
        with pytest.raises(ImportFormatError) as caught:
            import_file(store, path)
        message = str(caught.value)
        assert "Nothing was imported" in message
        if poison not in ("5000 digits", "deep"):  # refused while parsing: no field yet
            assert "conversation #3" in message, message
            if target.startswith("message") and (target, poison) != ("message id", "negative"):
                assert "messages[16]" in message, message  # (-5 is a fine id: the leaf's
                # reference to the old id is what breaks)
    _history_still_works(store, before)


def _chatgpt(**changes: Any) -> list[Any]:
    document = json.loads((FIXTURES / "chatgpt" / "conversations.json").read_text())
    conversation = document[0]
    for key, value in changes.items():
        conversation[key] = value
    return document


@pytest.mark.parametrize(
    ("change", "cause"),
    [
        ({"create_time": 1e20}, "create_time"),
        ({"update_time": -1}, "update_time"),
        ({"create_time": 2**64}, "create_time"),
        ("children", "children"),
        ("message time", "create_time"),
    ],
)
def test_poisoned_chatgpt_export(store: Store, tmp_path: Path, change: Any, cause: str) -> None:
    document = _chatgpt(**change) if isinstance(change, dict) else _chatgpt()
    mapping = document[0]["mapping"]
    if change == "children":
        mapping["root-1"]["children"] = [["sys-1"]]
    elif change == "message time":
        mapping["u-1"]["message"]["create_time"] = float("inf")
    path = tmp_path / "conversations.json"
    path.write_text(json.dumps(document))
    with pytest.raises(ImportFormatError, match=re.escape(cause)):
        import_file(store, path)
    _history_still_works(store, 0)


def _bomb(path: Path, member: str, size: int) -> None:
    """A zip whose one member inflates to `size` bytes of spaces (about 1000:1)."""
    block = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(
        member, "w", force_zip64=True
    ) as handle:
        for _ in range(size >> 20):
            handle.write(block)


_CHILD = r"""
import resource, sys
from pathlib import Path
from desktop.core.store import ImportFormatError, Store
from desktop.core.store.importer import import_file
store = Store.open(Path(sys.argv[2]))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    import_file(store, Path(sys.argv[1]))
except ImportFormatError as exc:
    print("refused:", exc)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("grew_kib", peak - base, "conversations", len(store.list_conversations()))
"""


def test_zip_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    _bomb(bomb, "conversations.json", 300 << 20)
    assert bomb.stat().st_size < 2 << 20
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(bomb), str(tmp_path / "data")],
        capture_output=True, text=True, timeout=120, env=env, check=True,
    )
    assert "refused:" in done.stdout and "more than the 256 MiB" in done.stdout, done.stdout
    grew = int(done.stdout.split("grew_kib")[1].split()[0])
    assert grew < 32 * 1024, done.stdout  # under 32 MiB more than before the import
    assert done.stdout.rstrip().endswith("conversations 0")


def test_command_line_names_the_bomb_and_the_history_still_works(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    _bomb(bomb, "export/conversations.json", 300 << 20)
    data = DataDir(tmp_path / "data")
    with Store.open(data) as store:
        store.append_message(store.create_conversation("kept").id, Role.USER, "hello")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", "--data-dir", str(data.root), *args],
            capture_output=True, text=True, timeout=60, cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )

    refused = run("import", str(bomb))
    assert refused.returncode == 31, refused.stderr
    assert "256 MiB" in refused.stderr and "Traceback" not in refused.stderr
    poisoned = tmp_path / "poisoned.json"
    poisoned.write_text(_poisoned_text(_document(tmp_path), "message created_at", "1e20"))
    refused = run("import", str(poisoned))
    assert refused.returncode == 31 and "out of range" in refused.stderr, refused.stderr
    assert "conversation #3" in refused.stderr and "messages[16].created_at" in refused.stderr
    listed = run("history", "list")
    assert listed.returncode == 0 and "kept" in listed.stdout
    assert run("history", "show", "1").returncode == 0
    assert run("export", "1", "--format", "md", "--out", str(tmp_path / "x.md")).returncode == 0


def test_total_and_member_caps(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Images past the total budget, and too many members, are refused (limits made small)."""
    archive = tmp_path / "export.zip"
    document = _chatgpt()
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("conversations.json", json.dumps(document))
        out.writestr("file-Abc123-starter.png", (FIXTURES / "chatgpt" /
                                                 "file-Abc123-starter.png").read_bytes())
        for n in range(20):
            out.writestr(f"filler-{n}.txt", "x")
    small = len(json.dumps(document)) + 10
    monkeypatch.setattr(import_limits, "MAX_TOTAL_BYTES", small)
    with pytest.raises(ImportFormatError, match="would unpack to more than"):
        import_file(store, archive)
    monkeypatch.setattr(import_limits, "MAX_TOTAL_BYTES", 1 << 30)
    monkeypatch.setattr(import_limits, "MAX_MEMBERS", 5)
    with pytest.raises(ImportFormatError, match="holds 22 files"):
        import_file(store, archive)
    monkeypatch.setattr(import_limits, "MAX_MEMBERS", 50_000)
    assert import_file(store, archive)  # within the limits it imports


def test_history_list_survives_a_time_written_before_the_checks(tmp_path: Path) -> None:
    """A history poisoned by an older version (updated_at 1e20) still lists."""
    data = DataDir(tmp_path / "data")
    with Store.open(data) as store:
        store.create_conversation("from the future")
        store._conn.execute("UPDATE conversations SET updated_at = 1e20")
    listed = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data.root), "history", "list"],
        capture_output=True, text=True, timeout=60, cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert listed.returncode == 0, listed.stderr
    assert "from the future" in listed.stdout
