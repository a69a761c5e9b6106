"""The picker's rows: sections, filter as you type, notices and the typed-name entries."""

from __future__ import annotations

from pathlib import Path

from desktop.core.model_catalog import Capability, ModelCatalog
from desktop.core.model_choices import RowKind, Section, arrange, matches


def catalog_with_lists(tmp_path: Path) -> ModelCatalog:
    catalog = ModelCatalog(tmp_path)
    catalog.set_models("OpenAI", ["gpt-4o", "gpt-4o-mini", "dall-e-3"])
    catalog.set_models("Local", ["llama3.1:8b", "llava:13b"])
    return catalog


def test_matches_every_word_anywhere() -> None:
    assert matches("4o mini", "OpenAI", "gpt-4o-mini")
    assert matches("openai 4o", "OpenAI", "gpt-4o")
    assert not matches("4o local", "OpenAI", "gpt-4o")
    assert matches("", "x", "y")


def test_sections_in_order_with_favourites_and_recent_first(tmp_path: Path) -> None:
    catalog = catalog_with_lists(tmp_path)
    catalog.set_favourite("Local", "llava:13b")
    catalog.note_used("OpenAI", "gpt-4o")
    catalog.note_used("Gone", "old-model")  # a removed provider: not shown
    rows = arrange(["OpenAI", "Local"], catalog)
    headers = [(r.section, r.text) for r in rows if r.kind is RowKind.HEADER]
    assert headers == [
        (Section.FAVOURITES, "Favourites"),
        (Section.RECENT, "Recently used"),
        (Section.PROVIDER, "OpenAI"),
        (Section.PROVIDER, "Local"),
    ]
    assert rows[1].model == "llava:13b" and rows[1].favourite
    assert rows[1].capabilities == Capability.VISION
    assert rows[3].model == "gpt-4o"
    assert [r.model for r in rows if r.section is Section.PROVIDER and r.provider == "OpenAI"
            and r.kind is RowKind.MODEL] == ["gpt-4o", "gpt-4o-mini", "dall-e-3"]  # fmt: skip


def test_filter_hides_empty_providers_and_offers_the_typed_name(tmp_path: Path) -> None:
    catalog = catalog_with_lists(tmp_path)
    rows = arrange(["OpenAI", "Local"], catalog, "mini")
    assert [(r.kind, r.provider, r.model) for r in rows] == [
        (RowKind.HEADER, "OpenAI", ""),
        (RowKind.MODEL, "OpenAI", "gpt-4o-mini"),
        (RowKind.HEADER, "", ""),
        (RowKind.MANUAL, "OpenAI", "mini"),
        (RowKind.MANUAL, "Local", "mini"),
    ]
    exact = arrange(["OpenAI", "Local"], catalog, "gpt-4o")
    assert not any(r.kind is RowKind.MANUAL for r in exact)


def test_status_notice_and_empty_provider(tmp_path: Path) -> None:
    catalog = catalog_with_lists(tmp_path)
    rows = arrange(["OpenAI", "Relay"], catalog, status={"OpenAI": "Could not load models: 401"})
    openai_rows = [r for r in rows if r.provider == "OpenAI"]
    assert openai_rows[1].kind is RowKind.NOTICE and "401" in openai_rows[1].text
    assert len([r for r in openai_rows if r.kind is RowKind.MODEL]) == 3  # the cache still shows
    relay = [r for r in rows if r.provider == "Relay"]
    assert relay[1].kind is RowKind.NOTICE and "type a model name" in relay[1].text
    assert not any(r.selectable for r in rows if r.kind in (RowKind.HEADER, RowKind.NOTICE))


def test_hand_typed_models_are_marked(tmp_path: Path) -> None:
    catalog = catalog_with_lists(tmp_path)
    catalog.add_manual("OpenAI", "gpt-secret-preview")
    rows = arrange(["OpenAI"], catalog, "secret")
    model_rows = [r for r in rows if r.kind is RowKind.MODEL]
    assert [(r.model, r.hand_typed) for r in model_rows] == [("gpt-secret-preview", True)]
