"""Knowledge bases: named sets of files and folders, chunked, embedded through a provider's
`/embeddings` model and searched for the passages sent with a user's message.

API (what the window and the command line call)::

    bases = KnowledgeBases(data_dir, client_for=chat_service.client_for)   # batch_size=64
    bases.create("manuals", provider="OpenAI", model="text-embedding-3-small",
                 chunk_size=400, overlap=60)                   # blocking (worker thread)
    bases.add_paths("manuals", [Path("~/docs").expanduser()])  # blocking; indexes nothing
    progress = Progress()                       # desktop/core/progress.py; progress.cancel()
    report = await bases.index("manuals", progress=progress)  # WorkCancelledError if cancelled
    report.error                  # the typed APIError that stopped it; finished part kept
    bases.list() / bases.get(name) -> KnowledgeBaseInfo; bases.files(name) -> [IndexedFile]
    bases.remove(name); bases.remove_paths(name, paths); bases.is_indexing(name)
    bases.plan_reindex(name) -> ReindexPlan; bases.needs_reindex(name)   # stat only, blocking
    await bases.refresh(name, progress=...)                   # = index(): changed + removed
    await bases.change_model(name, provider, model, progress=...)   # rebuilds (ask first)
    passages = await bases.search(["manuals"], "query text", k=5, threshold=0.3)
    passages = bases.search_vector(names, vector, k, threshold)       # blocking
    passages = await bases.retrieve_for_prompt(names, user_text, k=..., threshold=...)
    messages = add_passages(messages, passages)  # numbered sources into the last user message

Errors: KnowledgeBaseError and its subclasses (NotFound, Exists, Invalid); embedding errors are
the chat's typed APIError. One `index()` per base at a time (a second one is refused).

Chat: `ChatService(..., knowledge=KnowledgeHook(bases, settings=lambda:
RetrievalSettings.from_settings(user_settings)))`. For each user turn in a conversation with
bases attached (`store.set_conversation_knowledge_bases(cid, names)`), the service retrieves,
sends the sources, stores them with the reply (`store.message_sources(reply_id)`,
`store.sources_of_messages(ids)`) and tells `ExchangeListener.reply_sources(...)`.

Storage: `<data dir>/knowledge/<folder>/` per base: `base.sqlite3` (settings, files with size,
mtime and content hash, chunks with file, page and text) and `vectors.f32` (a header and a
float32 matrix, one normalised row per chunk). See index_store.py for the file format and
why the search is an exact numpy dot product, and chunking.py for the chunk size.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded on first use: numpy and the readers cost every command's start
    from desktop.core.knowledge.chat_hook import KnowledgeHook, RetrievalSettings
    from desktop.core.knowledge.manager import ClientFor, KnowledgeBases
    from desktop.core.knowledge.models import (
        DEFAULT_BATCH_SIZE,
        DEFAULT_CHUNK_TOKENS,
        DEFAULT_OVERLAP_TOKENS,
        DEFAULT_THRESHOLD,
        DEFAULT_TOP_K,
        FileState,
        IndexedFile,
        IndexReport,
        InvalidKnowledgeBaseError,
        KnowledgeBaseError,
        KnowledgeBaseExistsError,
        KnowledgeBaseInfo,
        KnowledgeBaseNotFoundError,
        ReindexPlan,
    )
    from desktop.core.knowledge.prompt import add_passages, format_passages
    from desktop.core.passages import Passage
    from desktop.core.progress import Progress, WorkCancelledError

_WHERE = {
    "KnowledgeHook": "chat_hook", "RetrievalSettings": "chat_hook",
    "ClientFor": "manager", "KnowledgeBases": "manager",
    "add_passages": "prompt", "format_passages": "prompt",
    "Passage": "desktop.core.passages", "Progress": "desktop.core.progress",
    "WorkCancelledError": "desktop.core.progress",
}


def __getattr__(name: str) -> Any:
    """The public names, imported when first asked for."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    where = _WHERE.get(name, "models")
    module = import_module(where if "." in where else f"{__name__}.{where}")
    value = getattr(module, name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_CHUNK_TOKENS",
    "DEFAULT_OVERLAP_TOKENS",
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOP_K",
    "ClientFor",
    "FileState",
    "IndexReport",
    "IndexedFile",
    "InvalidKnowledgeBaseError",
    "KnowledgeBaseError",
    "KnowledgeBaseExistsError",
    "KnowledgeBaseInfo",
    "KnowledgeBaseNotFoundError",
    "KnowledgeBases",
    "KnowledgeHook",
    "Passage",
    "Progress",
    "ReindexPlan",
    "RetrievalSettings",
    "WorkCancelledError",
    "add_passages",
    "format_passages",
]
