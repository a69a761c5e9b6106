"""Fixtures of the tool-loop tests: a real store, the fake provider in its scripted tool mode
(one provider profile per API style) and the in-process tools."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.styles import ApiStyle
from desktop.core.chat_service import ChatService, ChatSettings
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.reply_parts import ToolCall
from desktop.core.store.store import Store
from desktop.core.tools.contract import ToolSpec
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]
KEY_ENV = "SWITCHBOARD_TEST_TOOLS_KEY"
T = TypeVar("T")
STYLES = {
    "chat": ApiStyle.OPENAI_CHAT,
    "anthropic": ApiStyle.ANTHROPIC_MESSAGES,
    "responses": ApiStyle.OPENAI_RESPONSES,
}
# Every style, streamed and whole.
STYLE_CASES = [(name, stream) for name in STYLES for stream in (True, False)]


@pytest.fixture
def service(tmp_path: Path, fake_provider: FakeProvider,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[ChatService]:
    monkeypatch.setenv(KEY_ENV, "sk-test-" + secrets.token_hex(8))
    store = Store.open(tmp_path, backup_interval=None)
    registry = ProviderRegistry(tmp_path)
    for name, style in STYLES.items():
        registry.add(ProviderProfile(name=name, base_url=fake_provider.base_url,
                                     api_style=style, key_source=KeySource.ENV,
                                     key_env=KEY_ENV, max_retries=0))
    chat = ChatService(store, registry)
    yield chat
    chat.store.close()


def settings(style: str = "chat", stream: bool = True) -> ChatSettings:
    return ChatSettings(provider=style, model="fake-tools", stream=stream)


def drive(service: ChatService, coro: Coroutine[Any, Any, T]) -> T:
    """Run one scenario and close the service's HTTP clients in the same event loop."""

    async def scenario() -> T:
        try:
            return await coro
        finally:
            await service.close()

    return asyncio.run(scenario())


@dataclass
class Approver:
    """An ApprovalCallback that answers from a set of tool names and records what it was asked."""

    allow: set[str] = field(default_factory=set)
    asked: list[tuple[str, str]] = field(default_factory=list)

    async def __call__(self, call: ToolCall, spec: ToolSpec) -> bool:
        self.asked.append((spec.name, call.arguments))
        return spec.name in self.allow



# The MCP tests' fixtures (their helpers are imported from mcp_support.py directly).
from .mcp_support import http_server_url, keyring_store, token  # noqa: E402

__all__ += ["http_server_url", "keyring_store", "token"]
