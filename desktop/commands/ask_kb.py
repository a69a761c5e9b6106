"""`ask --kb NAME`: the conversation searches these knowledge bases; the passages found are
sent with the prompt (the same hook as the window's, core/knowledge/chat_hook.py) and listed
on stderr after the reply."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from typing import Any

from desktop.commands.kb_access import open_bases, print_sources, run_closing
from desktop.core.chat_service import ChatService
from desktop.core.knowledge import (
    KnowledgeBaseNotFoundError,
    KnowledgeBases,
    KnowledgeHook,
    RetrievalSettings,
    add_passages,
)
from desktop.core.passages import Passage
from desktop.core.paths import DataDir
from desktop.core.safe_text import SafeOutput
from desktop.core.settings import Settings
from desktop.core.store import Store


def missing_base(args: argparse.Namespace) -> str | None:
    """The first --kb name with no knowledge base, or None."""
    if not args.kb:
        return None
    bases, _clients = open_bases(args)
    for name in args.kb:
        try:
            bases.get(name)
        except KnowledgeBaseNotFoundError:
            return str(name)
    return None


def _retrieval(data_dir: DataDir) -> RetrievalSettings:
    return RetrievalSettings.from_settings(Settings(data_dir.settings_file))


async def attach_bases(args: argparse.Namespace, service: ChatService, store: Store,
                       conversation_id: int, data_dir: DataDir) -> None:
    """Give the service the knowledge hook and attach --kb to the conversation (added to the
    bases it already searches)."""
    if not args.kb:
        return
    bases = KnowledgeBases(data_dir, client_for=service.client_for)
    service.knowledge = KnowledgeHook(bases, lambda: _retrieval(data_dir))
    attached = await asyncio.to_thread(store.conversation_knowledge_bases, conversation_id)
    await asyncio.to_thread(store.set_conversation_knowledge_bases, conversation_id,
                            [*attached, *args.kb])


def sources_unsaved(args: argparse.Namespace, prompt: str) -> list[Passage]:
    """The passages for a `--no-save` prompt (embedding errors are raised, typed)."""
    bases, clients = open_bases(args)
    settings = _retrieval(clients.data_dir)

    return run_closing(clients, bases.retrieve_for_prompt(args.kb, prompt, k=settings.k,
                                                          threshold=settings.threshold))


def with_sources_unsaved(args: argparse.Namespace, prompt: str,
                         messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`messages` with the passages for a `--no-save` prompt (listed on stderr)."""
    used = sources_unsaved(args, prompt)
    print_used(used)
    return add_passages(messages, used)


def print_used(passages: Sequence[Passage]) -> None:
    """The sources a reply was sent with, on stderr."""
    if passages:
        err = SafeOutput(sys.stderr)
        err.print("switchboard: sources:")
        print_sources(err, passages)
