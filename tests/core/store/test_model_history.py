"""The model last used with a provider, read from a real history file."""

from __future__ import annotations

from pathlib import Path

from desktop.core.store import Store
from desktop.core.store.model_history import last_model_for, last_models


def test_the_newest_conversation_of_each_provider_names_the_model(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data", backup_interval=None)
    try:
        store.create_conversation("old", provider="relay", model="gpt-4o", created_at=100.0)
        store.create_conversation("new", provider="relay", model="gpt-5", created_at=200.0)
        store.create_conversation("other", provider="local", model="llama", created_at=300.0)
        store.create_conversation("no model", provider="local", model="", created_at=400.0)
        store.create_conversation("none", provider="empty", created_at=500.0)
        assert last_model_for(store.path, "relay") == "gpt-5"
        assert last_models(store.path, ["relay", "local", "empty", "gone"]) == {
            "relay": "gpt-5",
            "local": "llama",
        }
        assert last_models(store.path, []) == {}
    finally:
        store.close()


def test_no_history_file_means_no_model(tmp_path: Path) -> None:
    assert last_model_for(tmp_path / "missing.sqlite3", "relay") is None
