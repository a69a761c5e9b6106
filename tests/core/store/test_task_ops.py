"""The Studio task part of the store (migration _V9_STUDIO_TASKS): rows, files stored once by
content, kept by the attachment collector, freed with their task; change reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.paths import DataDir
from desktop.core.store import NotFoundError, Store, StoreChanges
from desktop.core.store.database import connect
from desktop.core.store.migrations import SCHEMA_VERSION, migrate
from desktop.core.store.schema_check import schema_problems
from desktop.core.tasks import MjButton, TaskKind, TaskStatus
from tests.helpers.fake_provider import tiny_png


def test_an_older_history_gains_the_task_tables(tmp_path: Path) -> None:
    data = DataDir(tmp_path).ensure()
    conn = connect(data.database)
    migrate(conn, target=SCHEMA_VERSION - 1)
    conn.close()
    with Store.open(data, backup_interval=None) as store:
        assert schema_problems(store._conn, SCHEMA_VERSION) == []
        task = store.create_task("Relay", TaskKind.MJ_IMAGINE, "fox", {"bot_type": "MJ"})
        assert task.status is TaskStatus.PENDING and task.params == {"bot_type": "MJ"}


def test_update_list_and_read_back_after_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        heard: list[StoreChanges] = []
        store.subscribe(heard.append)
        first = store.create_task("Relay", TaskKind.SUNO_MUSIC, "song")
        second = store.create_task("Relay", "mj.imagine", "fox")
        store.update_task(second.id, status="in_progress", progress=145, remote_id="r-1",
                          buttons=(MjButton("MJ::JOB::upsample::1::x", "", "U1"),),
                          details={"prompt_en": "fox"})
        assert all(c.tasks for c in heard) and second.id in heard[-1].tasks
        with pytest.raises(ValueError, match="unknown task fields"):
            store.update_task(first.id, kind="flux.image")
        with pytest.raises(NotFoundError):
            store.update_task(999, progress=1)
    with Store.open(tmp_path, backup_interval=None) as store:
        listed = store.list_tasks()
        assert [t.id for t in listed] == [second.id, first.id]  # newest first
        again = store.get_task(second.id)
        assert again.progress == 100 and again.remote_id == "r-1"  # clamped to 0–100
        assert again.buttons[0].label == "U1" and again.details == {"prompt_en": "fox"}
        assert [t.id for t in store.active_tasks()] == [first.id, second.id]
        assert store.list_tasks(statuses=[TaskStatus.IN_PROGRESS]) == [again]


def test_result_files_are_kept_and_freed_with_their_task(tmp_path: Path) -> None:
    png = tiny_png(3, 3)
    with Store.open(tmp_path, backup_interval=None) as store:
        task = store.create_task("Relay", TaskKind.MJ_IMAGINE, "fox")
        other = store.create_task("Relay", TaskKind.MJ_IMAGINE, "fox again")
        stored = store.add_task_file(task.id, 0, png, "image/png", "grid.png", "image",
                                     "https://cdn.example/grid.png")
        store.add_task_file(other.id, 0, png, "image/png", "same.png", "image")
        assert store.has_task_file(task.id, 0) and not store.has_task_file(task.id, 1)
        assert Path(stored.path).read_bytes() == png
        assert store.collect_attachments(grace_seconds=0) == 0  # task files are in use
        store.delete_task(task.id)
        assert store.attachment_path(stored.hash).exists()  # the other task still uses it
        store.delete_task(other.id)
        assert not store.attachment_path(stored.hash).exists()
        with pytest.raises(NotFoundError):
            store.get_task(task.id)


def test_a_row_from_a_newer_version_reads_as_failed(tmp_path: Path) -> None:
    with Store.open(tmp_path, backup_interval=None) as store:
        task = store.create_task("Relay", TaskKind.MJ_IMAGINE, "fox")
        store._conn.execute("UPDATE tasks SET kind = 'kling.video', params = '[1]', "
                            "buttons = ?, status = 'teleported' WHERE id = ?",
                            (json.dumps([{"label": "no id"}, 3]), task.id))
        odd = store.get_task(task.id)
        assert odd.status is TaskStatus.FAILED and odd.params == {} and odd.buttons == ()
