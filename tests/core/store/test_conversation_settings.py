"""remember_settings: the one writer of a conversation's provider, model and parameters."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop.core.conversation_settings import remember_settings
from desktop.core.store.changes import ConversationField, StoreChanges
from desktop.core.store.store import Store

REPO = Path(__file__).resolve().parents[3]
SETTING_KEYWORDS = {"provider", "model", "params", "system_prompt"}


def test_writes_only_what_differs(store: Store) -> None:
    conversation = store.create_conversation("t", provider="relay", model="a")
    seen: list[StoreChanges] = []
    store.subscribe(seen.append)
    assert not remember_settings(store, conversation.id, provider="relay", model="a")
    assert seen == []  # nothing differed: no write, so no change event (no list reload)
    assert remember_settings(store, conversation.id, model="b",
                             params={"temperature": 0.3}, system_prompt="Be brief.")
    saved = store.get_conversation(conversation.id)
    assert (saved.provider, saved.model) == ("relay", "b")
    assert saved.params == {"temperature": 0.3} and saved.system_prompt == "Be brief."
    assert len(seen) == 1
    assert ConversationField.PARAMS in seen[0].conversation_fields
    assert not remember_settings(store, conversation.id, params={"temperature": 0.3})


def test_no_other_code_writes_these_settings() -> None:
    """Every `update_conversation(..., provider=/model=/params=/system_prompt=)` in the app
    goes through remember_settings (the store's own import code aside)."""
    offenders = []
    for path in (REPO / "desktop").rglob("*.py"):
        if path.name == "conversation_settings.py" or "store" in path.parts[-2:-1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "update_conversation"
                    and SETTING_KEYWORDS & {k.arg for k in node.keywords if k.arg}):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
            if (isinstance(node, ast.Call) and any(
                    isinstance(a, ast.Attribute) and a.attr == "update_conversation"
                    for a in node.args)
                    and SETTING_KEYWORDS & {k.arg for k in node.keywords if k.arg}):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []
