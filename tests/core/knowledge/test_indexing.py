"""Indexing that fails, stops and resumes: retries, typed errors, cancel, changed and removed
files, a new model, and files that must not hurt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.api.errors import AuthenticationError, InternalServerError
from desktop.core.knowledge import KnowledgeBases, Progress, WorkCancelledError
from tests.helpers.fake_embeddings import FakeEmbeddings

from .conftest import MODEL, Sleeps, run, write


def _ten_files(bases: KnowledgeBases, tmp_path: Path) -> Path:
    folder = tmp_path / "ten"
    for n in range(10):
        write(folder, f"f{n}.md", f"document {n} mentions keyword{n}")
    bases.create("ten", "Fake", MODEL)
    bases.add_paths("ten", [folder])
    return folder


def test_429_and_5xx_are_retried_honouring_retry_after(
        bases: KnowledgeBases, embeddings: FakeEmbeddings, sleeps: Sleeps,
        tmp_path: Path) -> None:
    _ten_files(bases, tmp_path)
    embeddings.fail_request(1, 429, retry_after="3")
    embeddings.fail_request(3, 503, retry_after=None)
    report = run(bases.index("ten"))
    assert report.ok and report.chunks_added == 10
    assert sleeps.delays[0] == 3.0 and len(sleeps.delays) == 2
    assert embeddings.requests == 5  # three batches and two retries


def test_an_error_keeps_the_finished_batches_and_the_next_run_resumes(
        bases: KnowledgeBases, embeddings: FakeEmbeddings, tmp_path: Path) -> None:
    _ten_files(bases, tmp_path)
    embeddings.fail_request(2, 401)
    report = run(bases.index("ten"))
    assert isinstance(report.error, AuthenticationError) and report.chunks_added == 4
    info = bases.get("ten")
    assert (info.chunks, info.waiting_chunks, info.ready) == (4, 6, False)
    assert bases.needs_reindex("ten")
    assert len(run(bases.search(["ten"], "document mentions", k=10, threshold=0.0))) == 4
    embeddings.fail(500, times=3)  # past its two retries
    report = run(bases.index("ten"))
    assert isinstance(report.error, InternalServerError) and report.chunks_added == 0
    report = run(bases.index("ten"))
    assert report.ok and report.chunks_added == 6 and report.files_indexed == 0
    first, resumed = embeddings.inputs[0], embeddings.inputs[-2:]
    assert [len(batch) for batch in resumed] == [4, 2]  # only the six that were missing
    assert not set(first) & {text for batch in resumed for text in batch}
    assert bases.get("ten").ready


class _CancelAfter(Progress):
    def __init__(self, chunks: int) -> None:
        super().__init__()
        self.chunks = chunks
        self.phases: list[str] = []

    def step(self, done: int | None = None, total: int | None = None,
             phase: str | None = None) -> None:
        if phase and phase not in self.phases:
            self.phases.append(phase)
        if phase == "Embedding" and (done or 0) >= self.chunks:
            self.cancel()
        super().step(done, total, phase)


def test_cancel_mid_index_keeps_what_was_done(bases: KnowledgeBases,
                                              embeddings: FakeEmbeddings,
                                              tmp_path: Path) -> None:
    _ten_files(bases, tmp_path)
    progress = _CancelAfter(8)
    with pytest.raises(WorkCancelledError):
        run(bases.index("ten", progress=progress))
    assert progress.phases == ["Reading files", "Embedding"]
    assert progress.fraction == pytest.approx(0.8)
    assert bases.get("ten").chunks == 8
    progress = Progress()
    assert run(bases.index("ten", progress=progress)).chunks_added == 2
    assert progress.fraction == 1.0


def test_changed_and_removed_files_are_reindexed(bases: KnowledgeBases,
                                                 tmp_path: Path) -> None:
    folder = _ten_files(bases, tmp_path)
    run(bases.index("ten"))
    (folder / "f1.md").write_text("now about pineapples", encoding="utf-8")
    os.utime(folder / "f1.md", ns=(1, 1))  # a new mtime, whatever the clock's resolution
    (folder / "f2.md").unlink()
    os.utime(folder / "f3.md", ns=(2, 2))  # touched, same content: not embedded again
    write(folder, "sub/new.md", "a brand new file")
    plan = bases.plan_reindex("ten")
    assert plan.removed == (str(folder / "f2.md"),)
    assert set(plan.changed) == {str(folder / n) for n in ("f1.md", "f3.md", "sub/new.md")}
    report = run(bases.refresh("ten"))
    assert (report.files_removed, report.chunks_added) == (1, 2)
    assert report.files_indexed == 3
    assert run(bases.search(["ten"], "pineapples", k=1, threshold=0.5))[0].path.endswith("f1.md")
    assert run(bases.search(["ten"], "keyword1", k=1, threshold=0.5)) == []
    assert run(bases.search(["ten"], "keyword2", k=1, threshold=0.5)) == []
    assert bases.get("ten").chunks == 10 and not bases.needs_reindex("ten")
    bases.remove_paths("ten", [folder / "sub"])
    assert bases.get("ten").files == 9 and not bases.needs_reindex("ten")
    bases.remove_paths("ten", [folder])
    assert bases.get("ten").files == 0 and bases.get("ten").roots == ()


def test_a_new_model_rebuilds_the_index(bases: KnowledgeBases, embeddings: FakeEmbeddings,
                                        tmp_path: Path) -> None:
    _ten_files(bases, tmp_path)
    run(bases.index("ten"))
    assert bases.get("ten").dimension == 256
    report = run(bases.change_model("ten", "Fake", "fake-embed-64"))
    assert report.rebuilt and report.chunks_added == 10
    info = bases.get("ten")
    assert (info.model, info.dimension, info.chunks) == ("fake-embed-64", 64, 10)
    assert run(bases.search(["ten"], "keyword7", k=1, threshold=0.3))[0].path.endswith("f7.md")


def _vectors(bases: KnowledgeBases, name: str) -> Path:
    return next(bases.root.glob("*/vectors.f32"))


@pytest.mark.parametrize("damage", ["header", "short", "nan", "database"])
def test_a_corrupt_index_is_rebuilt(bases: KnowledgeBases, tmp_path: Path,
                                    damage: str) -> None:
    _ten_files(bases, tmp_path)
    run(bases.index("ten"))
    vectors = _vectors(bases, "ten")
    data = bytearray(vectors.read_bytes())
    if damage == "header":
        data[:8] = b"GARBAGE!"
        vectors.write_bytes(data)
    elif damage == "short":
        vectors.write_bytes(data[:-100])
    elif damage == "nan":
        data[40:44] = b"\x00\x00\xc0\x7f"  # a float32 NaN in the first row
        vectors.write_bytes(data)
    else:
        (vectors.parent / "base.sqlite3").write_bytes(b"not a database" * 100)
        for extra in ("-wal", "-shm"):
            (vectors.parent / f"base.sqlite3{extra}").unlink(missing_ok=True)
    assert bases.get("ten").name == "ten"  # reading a damaged base does not raise
    report = run(bases.index("ten"))
    assert report.ok and report.rebuilt and report.chunks_added == 10
    assert run(bases.search(["ten"], "keyword4", k=1, threshold=0.5))[0].path.endswith("f4.md")


def test_a_search_on_a_damaged_index_finds_nothing_until_reindexed(
        bases: KnowledgeBases, tmp_path: Path) -> None:
    _ten_files(bases, tmp_path)
    run(bases.index("ten"))
    assert bases.search_vector(["ten"], [1.0] * 256, k=3, threshold=-1.0)
    vectors = _vectors(bases, "ten")
    vectors.write_bytes(b"SBKVEC01" + b"\xff" * 100)
    assert bases.search_vector(["ten"], [1.0] * 256, k=3, threshold=-1.0) == []
    assert bases.get("ten").waiting_chunks == 10
    assert run(bases.index("ten")).chunks_added == 10
    assert len(bases.search_vector(["ten"], [1.0] * 256, k=3, threshold=-1.0)) == 3


def test_hostile_files_are_skipped_or_refused(bases: KnowledgeBases, tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    write(folder, "good.md", "the only readable words")
    write(folder, ".hidden.md", "secret hidden words")
    write(folder, ".git/config.md", "git internals")
    (folder / "program.txt").write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 200)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (folder / "empty.md").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (folder / "loop").symlink_to(folder)  # a symlink loop is not followed
    (folder / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024 + 1))
    bases.create("hostile", "Fake", MODEL)
    bases.add_paths("hostile", [folder])
    report = run(bases.index("hostile"))
    assert report.ok and report.files_indexed == 2 and report.files_failed == 2
    failed = {Path(f.path).name: f.error for f in bases.files("hostile") if f.error}
    assert set(failed) == {"program.txt", "broken.pdf"}
    assert "program" in failed["program.txt"] and "damaged" in failed["broken.pdf"]
    assert {Path(f.path).name: f.chunks for f in bases.files("hostile")}["empty.md"] == 0
    found = run(bases.search(["hostile"], "secret hidden words internals", k=5, threshold=0.0))
    assert [p.file_name for p in found] == ["good.md"]


def test_one_index_run_per_base_at_a_time(bases: KnowledgeBases, embeddings: FakeEmbeddings,
                                          tmp_path: Path) -> None:
    import asyncio

    from desktop.core.knowledge import KnowledgeBaseError

    _ten_files(bases, tmp_path)
    embeddings.delay = 0.05

    class Started(Progress):
        def __init__(self) -> None:
            super().__init__()
            self.event = asyncio.Event()

        def step(self, done: int | None = None, total: int | None = None,
                 phase: str | None = None) -> None:
            self.event.set()  # called on the loop, between files and batches
            super().step(done, total, phase)

    async def both() -> list[object]:
        started = Started()
        first = asyncio.create_task(bases.index("ten", progress=started))
        await started.event.wait()
        assert bases.is_indexing("ten")
        with pytest.raises(KnowledgeBaseError):
            bases.remove("ten")
        return await asyncio.gather(first, bases.index("ten"), return_exceptions=True)

    first, second = run(both())
    assert getattr(first, "chunks_added", None) == 10
    assert isinstance(second, KnowledgeBaseError) and "already" in str(second)
    assert not bases.is_indexing("ten") and bases.get("ten").chunks == 10
