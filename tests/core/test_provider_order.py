"""ProviderRegistry.move: the user's order survives a reload; new profiles go last."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry


def _add(registry: ProviderRegistry, name: str) -> None:
    registry.add(ProviderProfile(name, "http://127.0.0.1:9/v1", key_source=KeySource.NONE))


def test_order_is_by_name_until_moved_then_kept(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    for name in ("Bravo", "Alpha", "Charlie"):
        _add(registry, name)
    assert [p.name for p in registry.list()] == ["Alpha", "Bravo", "Charlie"]
    registry.move("Charlie", 0)
    assert [p.name for p in registry.list()] == ["Charlie", "Alpha", "Bravo"]
    _add(registry, "Aardvark")  # a new one goes last once an order exists
    registry.move("alpha", 99)  # clamped, case-insensitive
    expected = ["Charlie", "Bravo", "Aardvark", "Alpha"]
    assert [p.name for p in registry.list()] == expected
    assert [p.name for p in ProviderRegistry(tmp_path).list()] == expected
    data = json.loads((tmp_path / "providers.json").read_text())
    assert len(data["order"]) == 4


def test_rename_and_remove_keep_the_order(tmp_path: Path) -> None:
    registry = ProviderRegistry(tmp_path)
    for name in ("A", "B", "C"):
        _add(registry, name)
    registry.move("C", 0)
    registry.update("B", name="Z")  # the id, and so its place, stays
    registry.remove("A")
    assert [p.name for p in ProviderRegistry(tmp_path).list()] == ["C", "Z"]
