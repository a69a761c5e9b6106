"""A real corpus end to end: the source of an installed package (markdown-it-py, which the
app depends on) and this project's README, indexed through the fake provider's embeddings."""

from __future__ import annotations

from pathlib import Path

import markdown_it

from desktop.core.knowledge import KnowledgeBases
from desktop.core.knowledge.base_db import BaseDb

from .conftest import MODEL, run

REPO = Path(__file__).resolve().parents[3]


def test_an_installed_package_and_the_readme_are_indexed_and_found(
        bases: KnowledgeBases) -> None:
    package = Path(markdown_it.__file__).parent
    sources = sorted(p for p in package.rglob("*") if p.suffix in (".py", ".yaml")
                     and "__pycache__" not in p.parts)
    bases.batch_size = 64
    bases.create("corpus", "Fake", MODEL, chunk_size=300, overlap=40)
    bases.add_paths("corpus", [package, REPO / "README.md"])
    report = run(bases.index("corpus"))
    assert report.ok, report.error
    info = bases.get("corpus")
    assert info.files == len(sources) + 1 and info.failed_files == 0
    assert info.chunks > len(sources) and info.waiting_chunks == 0
    indexed = {Path(f.path) for f in bases.files("corpus")}
    assert indexed == {*sources, REPO / "README.md"}  # no .pyc, nothing from __pycache__

    # Every chunk is found by its own text, first, with a similarity of 1 (exact search).
    db = BaseDb(next(bases.root.glob("*/base.sqlite3")))
    with db.connect() as conn:
        samples = conn.execute("SELECT c.text, f.path FROM chunks c JOIN files f "
                               "ON f.id = c.file_id ORDER BY c.id LIMIT 400").fetchall()
    for text, path in samples[::37]:
        (best,) = run(bases.search(["corpus"], text, k=1, threshold=0.0))
        assert best.path == path and best.text == text and best.score > 0.999
    readme = (REPO / "README.md").read_text("utf-8").split("\n\n")[1]
    assert run(bases.search(["corpus"], readme, k=1, threshold=0.3))[0].file_name == "README.md"
