"""Fixtures of the knowledge-base tests: bases in a temporary data directory that embed
through the fake provider's deterministic embeddings, retries without real waits."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.retry import RetryPolicy
from desktop.core.knowledge import KnowledgeBases
from desktop.core.providers import KeySource, ProviderProfile
from tests.helpers.fake_embeddings import FakeEmbeddings
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]
T = TypeVar("T")
MODEL = "fake-embed-256"


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


class Sleeps:
    """The retry policy's sleep: records the delays, waits for nothing."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def embeddings(fake_provider: FakeProvider) -> FakeEmbeddings:
    fake_provider.embeddings = FakeEmbeddings()
    return fake_provider.embeddings


@pytest.fixture
def bases(tmp_path: Path, fake_provider: FakeProvider, embeddings: FakeEmbeddings,
          sleeps: Sleeps) -> Iterator[KnowledgeBases]:
    """Bases under tmp_path/data whose provider "Fake" is the fake provider (a new client per
    call, closed by the test's event loop ending)."""

    async def client_for(provider: str) -> ApiClient:
        profile = ProviderProfile(provider, fake_provider.base_url, key_source=KeySource.NONE,
                                  max_retries=2)
        return ApiClient(profile, "sk-test-kb", retry=RetryPolicy(
            max_retries=2, sleep=sleeps, random=lambda: 0.0))

    yield KnowledgeBases(tmp_path / "data", client_for=client_for, batch_size=4)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
