"""Known-model capabilities, overrides, favourites, recent picks and the cached lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.model_catalog import (
    MAX_RECENT,
    Capability,
    ModelCatalog,
    capability_names,
    known_capabilities,
    parse_capabilities,
)

V, R, T, I = (  # noqa: E741
    Capability.VISION,
    Capability.REASONING,
    Capability.TOOLS,
    Capability.IMAGE_GENERATION,
)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("gpt-4o", V | T),
        ("gpt-4o-mini-2024-07-18", V | T),
        ("openai/gpt-4o", V | T),
        ("gpt-3.5-turbo", T),
        ("o3-mini", V | R | T),
        ("o1-mini", R),
        ("gpt-5", V | R | T),
        ("claude-3-5-sonnet-20241022", V | T),
        ("claude-sonnet-4-20250514", V | R | T),
        ("deepseek-reasoner", R),
        ("deepseek-chat", T),
        ("models/gemini-2.5-pro", V | R | T),
        ("gemini-1.5-flash", V | T),
        ("dall-e-3", I),
        ("gpt-image-1", I),
        ("flux-pro", I),
        ("llava:13b", V),
        ("qwen2.5-vl-72b-instruct", V),
        ("text-embedding-3-small", Capability.NONE),
        ("my-custom-model", Capability.NONE),
    ],
)
def test_known_capabilities(model: str, expected: Capability) -> None:
    assert known_capabilities(model) == expected


def test_capability_names_round_trip() -> None:
    caps = V | I
    assert capability_names(caps) == ["vision", "image"]
    assert parse_capabilities(["vision", "image", "from-the-future"]) == caps


def test_override_wins_and_persists(tmp_path: Path) -> None:
    catalog = ModelCatalog(tmp_path)
    catalog.set_override("my-custom-model", V | T)
    catalog.set_override("gpt-4o", Capability.NONE)  # the user says: no badges
    again = ModelCatalog(tmp_path)
    assert again.capabilities("my-custom-model") == V | T
    assert again.capabilities("gpt-4o") == Capability.NONE
    again.set_override("gpt-4o", None)
    assert ModelCatalog(tmp_path).capabilities("gpt-4o") == V | T


def test_cached_lists_manual_models_and_staleness(tmp_path: Path) -> None:
    catalog = ModelCatalog(tmp_path)
    assert catalog.is_stale("Relay", 3600)
    catalog.set_models("Relay", ["a", "b", "a"], now=1000.0)
    catalog.add_manual("Relay", "hidden-model")
    catalog.add_manual("Relay", "b")  # already listed: shown once
    again = ModelCatalog(tmp_path)
    assert again.models("Relay") == ["a", "b", "hidden-model"]
    assert not again.is_stale("Relay", 3600, now=2000.0)
    assert again.is_stale("Relay", 3600, now=5000.0)
    with pytest.raises(ValueError, match="empty"):
        again.add_manual("Relay", "  ")
    again.remove_manual("Relay", "hidden-model")
    assert ModelCatalog(tmp_path).models("Relay") == ["a", "b"]


def test_favourites_and_recent(tmp_path: Path) -> None:
    catalog = ModelCatalog(tmp_path)
    catalog.set_favourite("P", "m1")
    catalog.set_favourite("P", "m1")  # once
    catalog.set_favourite("Q", "m2")
    catalog.set_favourite("P", "m1", False)
    for index in range(MAX_RECENT + 3):
        catalog.note_used("P", f"r{index}")
    catalog.note_used("P", "r5")
    again = ModelCatalog(tmp_path)
    assert again.favourites() == [("Q", "m2")]
    recent = again.recent()
    assert recent[0] == ("P", "r5")
    assert len(recent) == MAX_RECENT
    assert len(set(recent)) == MAX_RECENT


def test_rename_and_forget_provider(tmp_path: Path) -> None:
    catalog = ModelCatalog(tmp_path)
    catalog.set_models("Old", ["x"])
    catalog.set_favourite("Old", "x")
    catalog.note_used("Old", "x")
    catalog.rename_provider("Old", "New")
    assert catalog.models("New") == ["x"]
    assert catalog.favourites() == [("New", "x")]
    catalog.forget_provider("New")
    again = ModelCatalog(tmp_path)
    assert again.models("New") == [] and again.favourites() == [] and again.recent() == []


def test_broken_file_is_kept_aside_and_nothing_is_lost(tmp_path: Path) -> None:
    (tmp_path / "models.json").write_text('{"favourites": [["only-one"]]}')
    catalog = ModelCatalog(tmp_path)
    assert catalog.load_problem and "kept as" in catalog.load_problem
    assert catalog.favourites() == []
    kept = list(tmp_path.glob("models.broken-*.json"))
    assert len(kept) == 1 and "only-one" in kept[0].read_text()
    catalog.set_favourite("P", "m")
    assert ModelCatalog(tmp_path).favourites() == [("P", "m")]


def test_defaults_per_provider_and_model(tmp_path: Path) -> None:
    catalog = ModelCatalog(tmp_path)
    assert catalog.defaults("P", "m") is None
    catalog.set_defaults("P", "m", {"temperature": 0.3, "api_key": "sk-test-x"}, "Be brief.")
    catalog.set_defaults("P", "other", {"seed": 1})
    again = ModelCatalog(tmp_path)
    assert again.defaults("P", "m") == ({"temperature": 0.3}, "Be brief.")  # no key kept
    again.rename_provider("P", "Q")
    assert again.defaults("Q", "other") == ({"seed": 1}, "")
    again.set_defaults("Q", "other", None)
    assert ModelCatalog(tmp_path).defaults("Q", "other") is None
    again.forget_provider("Q")
    assert ModelCatalog(tmp_path).defaults("Q", "m") is None
