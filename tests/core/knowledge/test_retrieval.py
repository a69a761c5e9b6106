"""Indexing through the fake provider's exact embeddings, then search by text and vector."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.knowledge import (
    FileState,
    KnowledgeBaseExistsError,
    KnowledgeBaseNotFoundError,
    KnowledgeBases,
    add_passages,
    format_passages,
)
from desktop.core.knowledge.models import InvalidKnowledgeBaseError
from tests.helpers.fake_embeddings import FakeEmbeddings, embed
from tests.helpers.sample_documents import make_pdf

from .conftest import MODEL, run, write

FACTS = {
    "volcano.md": "Volcanoes erupt molten lava and ash from the mantle.",
    "ocean.txt": "Whales sing long songs in the deep ocean water.",
    "garden/roses.md": "Roses need pruning in early spring sunshine.",
}


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    for name, text in FACTS.items():
        write(folder, name, text)
    return folder


def test_a_question_finds_the_file_that_answers_it(bases: KnowledgeBases,
                                                   tmp_path: Path) -> None:
    bases.create("notes", "Fake", MODEL)
    bases.add_paths("notes", [_corpus(tmp_path)])
    report = run(bases.index("notes"))
    assert report.ok and report.files_indexed == 3 and report.chunks_added == 3
    found = run(bases.search(["notes"], "when do roses need pruning", k=3, threshold=0.2))
    assert found[0].file_name == "roses.md" and found[0].knowledge_base == "notes"
    assert found[0].text == FACTS["garden/roses.md"]
    exact = run(bases.search(["notes"], FACTS["ocean.txt"], k=1, threshold=0.0))
    assert exact[0].file_name == "ocean.txt" and exact[0].score == pytest.approx(1.0, abs=1e-5)
    by_vector = bases.search_vector(["notes"], embed(FACTS["volcano.md"]), k=5, threshold=0.99)
    assert [p.file_name for p in by_vector] == ["volcano.md"]
    info = bases.get("notes")
    assert (info.files, info.indexed_files, info.chunks, info.dimension) == (3, 3, 3, 256)
    assert info.ready and not bases.needs_reindex("notes")
    assert {f.state for f in bases.files("notes")} == {FileState.INDEXED}


def test_threshold_k_and_several_bases(bases: KnowledgeBases, tmp_path: Path) -> None:
    bases.create("a", "Fake", MODEL)
    bases.create("b", "Fake", MODEL)
    bases.add_paths("a", [write(tmp_path, "a.md", "alpha beta gamma")])
    bases.add_paths("b", [write(tmp_path, "b.md", "alpha beta delta")])
    run(bases.index("a"))
    run(bases.index("b"))
    both = run(bases.search(["a", "b", "missing"], "alpha beta gamma", k=5, threshold=0.0))
    assert [p.knowledge_base for p in both] == ["a", "b"]
    assert both[0].score > both[1].score
    assert run(bases.search(["a", "b"], "alpha beta gamma", k=1, threshold=0.0))[0].path \
        .endswith("a.md")
    assert run(bases.search(["a", "b"], "unrelated words only", k=5, threshold=0.5)) == []


def test_pdf_passages_know_their_page(bases: KnowledgeBases, tmp_path: Path) -> None:
    pdf = tmp_path / "guide.pdf"
    pdf.write_bytes(make_pdf(["Introduction to the guide.", "Calibrate the sensor weekly."]))
    bases.create("guide", "Fake", MODEL)
    bases.add_paths("guide", [pdf])
    run(bases.index("guide"))
    found = run(bases.search(["guide"], "calibrate the sensor weekly", k=1, threshold=0.5))
    assert found[0].page == 2 and found[0].where == "guide.pdf, page 2"
    assert bases.files("guide")[0].pages == 2


def test_create_list_remove_and_names(bases: KnowledgeBases) -> None:
    bases.create("Manuals 手册", "Fake", MODEL, chunk_size=200, overlap=20)
    with pytest.raises(KnowledgeBaseExistsError):
        bases.create("Manuals 手册", "Fake", MODEL)
    for bad in ("", "x" * 101, "bad\x1b[2Jname"):
        with pytest.raises(InvalidKnowledgeBaseError):
            bases.create(bad, "Fake", MODEL)
    with pytest.raises(InvalidKnowledgeBaseError):
        bases.create("sizes", "Fake", MODEL, chunk_size=100, overlap=80)
    assert [(i.name, i.chunk_size, i.overlap) for i in bases.list()] == [("Manuals 手册", 200, 20)]
    bases.remove("Manuals 手册")
    assert bases.list() == []
    with pytest.raises(KnowledgeBaseNotFoundError):
        bases.get("Manuals 手册")


def test_passages_go_into_the_last_user_message(bases: KnowledgeBases, tmp_path: Path) -> None:
    bases.create("notes", "Fake", MODEL)
    bases.add_paths("notes", [_corpus(tmp_path)])
    run(bases.index("notes"))
    passages = run(bases.retrieve_for_prompt(["notes"], "whales ocean songs", k=2,
                                             threshold=0.1))
    block = format_passages(passages)
    assert block.startswith("<sources>") and "[1] ocean.txt" in block
    messages = [{"role": "system", "content": "s"}, {"role": "user", "content": "whales?"}]
    sent = add_passages(messages, passages)
    assert sent[1]["content"].startswith("whales?\n\n<sources>")
    assert messages[1]["content"] == "whales?"  # the caller's list is not changed
    parts = add_passages([{"role": "user", "content": [{"type": "text", "text": "q"}]}],
                         passages)
    assert parts[0]["content"][-1] == {"type": "text", "text": block}


def test_the_fake_embeddings_are_requested_in_batches(bases: KnowledgeBases,
                                                      embeddings: FakeEmbeddings,
                                                      tmp_path: Path) -> None:
    bases.create("many", "Fake", MODEL)
    for n in range(10):
        write(tmp_path / "many", f"f{n}.md", f"file number {n} says {n * 7}")
    bases.add_paths("many", [tmp_path / "many"])
    assert run(bases.index("many")).chunks_added == 10
    assert [len(batch) for batch in embeddings.inputs] == [4, 4, 2]


def test_vectors_come_as_base64_and_a_gateway_that_refuses_gets_number_lists(
        bases: KnowledgeBases, embeddings: FakeEmbeddings, tmp_path: Path) -> None:
    bases.create("packed", "Fake", MODEL)
    bases.add_paths("packed", [_corpus(tmp_path)])
    assert run(bases.index("packed")).chunks_added == 3
    assert set(embeddings.formats) == {"base64"}  # a quarter of the bytes, no number parsing
    exact = run(bases.search(["packed"], FACTS["ocean.txt"], k=1, threshold=0.0))
    assert exact[0].file_name == "ocean.txt" and exact[0].score == pytest.approx(1.0, abs=1e-5)

    embeddings.refuse_base64, embeddings.formats[:] = True, []
    bases.create("plain", "Fake", "fake-embed-128")  # a model of its own: the refusal is kept
    bases.add_paths("plain", [_corpus(tmp_path)])
    assert run(bases.index("plain")).chunks_added == 3
    assert "float" in embeddings.formats and embeddings.formats.count("base64") <= 1
    found = run(bases.search(["plain"], FACTS["volcano.md"], k=1, threshold=0.0))
    assert found[0].file_name == "volcano.md" and found[0].score == pytest.approx(1.0, abs=1e-5)


def test_a_base_says_when_it_was_last_indexed(bases: KnowledgeBases, tmp_path: Path) -> None:
    bases.create("dated", "Fake", MODEL)
    assert bases.get("dated").indexed_at == 0.0
    bases.add_paths("dated", [_corpus(tmp_path)])
    run(bases.index("dated"))
    vectors = next((tmp_path / "data").rglob("vectors.f32"))
    assert bases.get("dated").indexed_at == pytest.approx(vectors.stat().st_mtime)


def test_files_left_out_by_the_caps_are_counted(bases: KnowledgeBases, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.knowledge import source_files

    monkeypatch.setattr(source_files, "MAX_FILES", 2)
    bases.create("capped", "Fake", MODEL)
    bases.add_paths("capped", [_corpus(tmp_path)])
    assert bases.plan_reindex("capped").skipped == 1
    report = run(bases.index("capped"))
    assert (report.files_indexed, report.skipped) == (2, 1)
