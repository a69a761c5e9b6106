"""The one writer of what a conversation is sent with: its provider, model, parameters and
system prompt. The window's picker and parameter panel and a finished chat turn (the window's
or `switchboard ask`'s) all save through `remember_settings`, which writes only what differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.store.store import Store


def remember_settings(
    store: Store,
    conversation_id: int,
    *,
    provider: str | None = None,
    model: str | None = None,
    params: Mapping[str, Any] | None = None,
    system_prompt: str | None = None,
) -> bool:
    """Save the given settings on the conversation where they differ (blocking); True if any
    was written. None leaves a setting as it is."""
    conversation = store.get_conversation(conversation_id)
    changes: dict[str, Any] = {}
    if provider is not None and provider != conversation.provider:
        changes["provider"] = provider
    if model is not None and model != conversation.model:
        changes["model"] = model
    if params is not None and dict(params) != (conversation.params or {}):
        changes["params"] = dict(params)
    if system_prompt is not None and system_prompt != (conversation.system_prompt or ""):
        changes["system_prompt"] = system_prompt
    if changes:
        store.update_conversation(conversation_id, **changes)
    return bool(changes)
