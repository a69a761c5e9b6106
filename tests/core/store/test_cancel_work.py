"""Long history work with progress: cancelling at any point leaves nothing half-done."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.progress import Progress, WorkCancelledError
from desktop.core.store import Role, Store
from desktop.core.store.backup import verify_backup
from desktop.core.store.backup_files import (
    MANUAL_PREFIX,
    SAFETY_PREFIX,
    list_backup_files,
    new_backup_path,
    summarize,
)
from desktop.core.store.export_json import write_json
from desktop.core.store.importer import import_file


class CancelAt(Progress):
    """Cancels itself at the `n`-th step of `phase` (counting from 1), recording every step."""

    def __init__(self, phase: str, n: int) -> None:
        super().__init__()
        self.target, self.n, self.seen = phase, n, 0
        self.steps: list[tuple[str, int, int]] = []

    def step(self, done: int | None = None, total: int | None = None,
             phase: str | None = None) -> None:
        current = phase if phase is not None else self.phase
        if current == self.target:
            self.seen += 1
            if self.seen == self.n:
                self.cancel()
        super().step(done, total, phase)
        self.steps.append((self.phase, self.done, self.total))


def _fill(store: Store, count: int) -> None:
    for i in range(count):
        conv = store.create_conversation(f"talk {i}")
        q = store.append_message(conv.id, Role.USER, f"question {i}")
        store.append_message(conv.id, Role.ASSISTANT, f"answer {i}", parent_id=q.id)


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    with Store.open(DataDir(tmp_path / "source").ensure()) as source:
        _fill(source, 30)
        ids = [c.id for c in source.list_conversations(archived=None)]
        out = tmp_path / "export.json"
        write_json(source, ids, out)
    return out


@pytest.mark.parametrize(("phase", "n"), [("reading", 1), ("checking", 5), ("writing", 3),
                                          ("writing", 31), ("writing", 61)])
def test_cancelled_import_leaves_nothing(store: Store, export_file: Path, phase: str,
                                         n: int) -> None:
    """Cancelled while reading, checking, writing attachments or inside the transaction
    (steps 31 to 61 are inside it; 61 is the last step before COMMIT)."""
    _fill(store, 2)
    before = store.count_conversations()
    progress = CancelAt(phase, n)
    with pytest.raises(WorkCancelledError):
        import_file(store, export_file, progress)
    assert store.count_conversations() == before
    # The store is fine afterwards: the same file imports whole.
    assert len(import_file(store, export_file, Progress())) == 30
    assert store.count_conversations() == before + 30


def test_import_reports_progress_through_its_phases(store: Store, export_file: Path) -> None:
    progress = CancelAt("never", 1)
    import_file(store, export_file, progress)
    phases = [s[0] for s in progress.steps]
    assert phases.index("reading") < phases.index("checking") < phases.index("writing")
    assert progress.fraction == 1.0
    assert ("writing", 60, 60) in progress.steps


def test_cancelled_backup_leaves_no_file(store: Store, data_dir: DataDir) -> None:
    _fill(store, 400)  # a few hundred pages, several steps of the copy
    dest = new_backup_path(data_dir.backups, MANUAL_PREFIX)
    with pytest.raises(WorkCancelledError):
        store.backup_to(dest, CancelAt("copying", 2))
    assert not dest.exists()
    assert not list(data_dir.backups.glob("*.partial"))
    store.backup_to(dest, Progress())
    assert verify_backup(dest) >= 1
    summary = summarize(dest)
    assert summary is not None and summary.conversations == 400 and summary.messages == 800
    assert [b.kind for b in list_backup_files(data_dir.backups)] == ["manual"]


def test_cancelled_restore_changes_nothing(tmp_path: Path) -> None:
    data = DataDir(tmp_path / "data").ensure()
    with Store.open(data, backup_interval=None) as store:
        _fill(store, 300)
        backup = new_backup_path(data.backups, MANUAL_PREFIX)
        store.backup_to(backup)
        _fill(store, 5)
    for phase, n in (("copying", 2), ("checking", 1)):
        with pytest.raises(WorkCancelledError):
            Store.restore_backup(data, backup, CancelAt(phase, n))
        with Store.open(data, backup_interval=None) as store:
            assert store.count_conversations() == 305
    assert not list(data.root.glob("*.restoring"))
    moved = Store.restore_backup(data, backup, Progress())
    assert moved is not None and moved.exists()
    with Store.open(data, backup_interval=None) as store:
        assert store.count_conversations() == 300


def test_cancelled_export_writes_no_file(store: Store, tmp_path: Path) -> None:
    _fill(store, 10)
    ids = [c.id for c in store.list_conversations(archived=None)]
    out = tmp_path / "all.json"
    with pytest.raises(WorkCancelledError):
        write_json(store, ids, out, CancelAt("exporting", 4))
    assert not out.exists() and not list(tmp_path.glob(".all.json.*"))


def test_backup_files_are_listed_newest_first_with_their_kind(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for prefix, when in (("history-", 100.0), (MANUAL_PREFIX, 300.0), (SAFETY_PREFIX, 200.0)):
        path = new_backup_path(folder, prefix, now=when)
        path.write_bytes(b"x")
        os.utime(path, (when, when))
    (folder / "notes.txt").write_text("not a backup")
    assert [b.kind for b in list_backup_files(folder)] == ["manual", "safety", "automatic"]
