"""The one hook between chat and knowledge bases: sources for a user message.

`ChatService` (window) and `ask --kb` (command line) both call `KnowledgeHook.sources_for`
with the conversation's attached knowledge bases and the user's text, send the passages
with the request (`prompt.add_passages`) and store them with the reply
(`Store.set_message_sources`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from desktop.core import notices
from desktop.core.api.errors import APIError
from desktop.core.knowledge.manager import KnowledgeBases
from desktop.core.knowledge.models import DEFAULT_THRESHOLD, DEFAULT_TOP_K
from desktop.core.knowledge.prompt import add_passages
from desktop.core.passages import Passage

if TYPE_CHECKING:
    from desktop.core.api.requests_openai import ChatRequest
    from desktop.core.chat_exchange import ExchangeListener
    from desktop.core.store.models import Message
    from desktop.core.store.store import Store

log = logging.getLogger(__name__)
TOP_K_SETTING = "knowledge.top_k"
THRESHOLD_SETTING = "knowledge.min_score_percent"


@dataclass(frozen=True)
class RetrievalSettings:
    """How many chunks a message gets (k) and the least cosine similarity one needs."""

    k: int = DEFAULT_TOP_K
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def from_settings(cls, settings: Any) -> RetrievalSettings:
        """From the user settings `knowledge.top_k` and `knowledge.min_score_percent`."""
        return cls(int(settings.get(TOP_K_SETTING)),
                   int(settings.get(THRESHOLD_SETTING)) / 100.0)


class KnowledgeHook:
    """What ChatService is given to add knowledge-base sources to a user's turn."""

    def __init__(self, bases: KnowledgeBases,
                 settings: Callable[[], RetrievalSettings] = RetrievalSettings) -> None:
        """`settings` is read at each turn (so a changed setting applies at once)."""
        self.bases = bases
        self._settings = settings

    async def sources_for(self, names: Sequence[str], text: str) -> list[Passage]:
        """The passages for `text` from the bases `names` ([] when there are none to search).

        Embedding errors are raised as the chat's typed APIError (the reply shows them). Any
        other failure (the base's provider is gone or has no key, its files cannot be read)
        sends the message without sources and says why in a notice.
        """
        if not names or not text.strip():
            return []
        chosen = self._settings()
        try:
            return await self.bases.retrieve_for_prompt(names, text, k=chosen.k,
                                                        threshold=chosen.threshold)
        except APIError:
            raise
        except Exception as exc:  # ChatSetupError, KnowledgeBaseError, OSError, sqlite3.Error
            log.warning("knowledge-base search failed: %s", exc)
            notices.warning("The knowledge bases could not be searched; the message was sent "
                            "without their passages.", str(exc))
            return []

    async def apply(self, store: Store, conversation_id: int, user: Message,
                    request: ChatRequest, reply_id: int,
                    listener: ExchangeListener) -> ChatRequest:
        """The request with the sources of the conversation's knowledge bases for `user`'s
        text, kept with the reply; unchanged without bases. Embedding errors propagate."""
        names = await asyncio.to_thread(store.conversation_knowledge_bases, conversation_id)
        passages = await self.sources_for(names, user.text) if names else []
        if not passages:
            return request
        await asyncio.to_thread(store.set_message_sources, reply_id, passages)
        listener.reply_sources(reply_id, passages)
        return replace(request, messages=add_passages(request.messages, passages))
