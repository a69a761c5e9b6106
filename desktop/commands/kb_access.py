"""What `kb` and `ask --kb` share: the knowledge bases of `--data-dir` with clients for their
providers, a progress line on stderr, and the sources printed after a reply."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Coroutine, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.commands.api_access import limits_for, open_data_dir, open_registry
from desktop.core.api.client import ApiClient
from desktop.core.passages import Passage
from desktop.core.progress import Progress
from desktop.core.providers import resolve_api_key
from desktop.core.safe_text import SafeOutput, is_terminal

if TYPE_CHECKING:
    from desktop.core.knowledge import KnowledgeBases

PREVIEW_CHARS = 240
T = TypeVar("T")


class ProviderClients:
    """An ApiClient per provider, made on first use; `aclose()` closes them all."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.data_dir = open_data_dir(args)
        self.registry = open_registry(self.data_dir)
        self._clients: dict[str, ApiClient] = {}

    async def client_for(self, provider: str) -> ApiClient:
        client = self._clients.get(provider)
        if client is None:
            profile = self.registry.get(provider)
            key = await asyncio.to_thread(resolve_api_key, profile)
            client = ApiClient(profile, key, limits=limits_for(self.data_dir))
            self._clients[provider] = client
        return client

    async def aclose(self) -> None:
        clients, self._clients = self._clients, {}
        for client in clients.values():
            await client.aclose()


def run_closing(clients: ProviderClients, coro: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(coro)`, closing the clients it made in the same loop."""

    async def scenario() -> T:
        try:
            return await coro
        finally:
            await clients.aclose()

    return asyncio.run(scenario())


def open_bases(args: argparse.Namespace) -> tuple[KnowledgeBases, ProviderClients]:
    from desktop.core.knowledge import KnowledgeBases  # numpy: only for these commands

    clients = ProviderClients(args)
    batch = getattr(args, "batch_size", None)
    bases = KnowledgeBases(clients.data_dir, client_for=clients.client_for,
                           **({"batch_size": batch} if batch else {}))
    return bases, clients


async def show_progress(progress: Progress, *, every: float = 0.25) -> None:
    """Print where `progress` is on stderr until cancelled: one updated line on a terminal,
    a line per phase elsewhere."""
    terminal = is_terminal(sys.stderr)
    shown = ""
    try:
        while True:
            await asyncio.sleep(every)
            line = f"{progress.phase}: {progress.done}/{progress.total}" if progress.phase else ""
            if terminal and line:
                sys.stderr.write(f"\r\x1b[K{line}")
                sys.stderr.flush()
            elif line and progress.phase != shown:
                print(f"{progress.phase}…", file=sys.stderr)
            shown = progress.phase
    finally:
        if terminal and shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def one_line(text: str, limit: int = PREVIEW_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def print_sources(out: SafeOutput, passages: Sequence[Passage], *, text: bool = False) -> None:
    """`[n] 0.83 file, page p — path` per passage (with a preview of its text if `text`)."""
    for number, passage in enumerate(passages, 1):
        out.print(f"[{number}] {passage.score:.3f} {passage.where} ({passage.knowledge_base}) "
                  f"{passage.path}")
        if text:
            out.print(f"    {one_line(passage.text)}")
