"""Passages in a request: numbered sources added to the user's message.

The sources go into the last user message (not the system prompt): every API style carries
a user message, and the passages belong to this question only. Each one is numbered as the
reply's source chips are, so a model that writes "[2]" points at chip 2.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from desktop.core.passages import Passage

INSTRUCTIONS = (
    "The numbered sources below were retrieved from the user's knowledge base for this "
    "message. Use them where they help to answer, cite them as [1], [2]…, and say so when "
    "they do not contain the answer."
)


def _clean(text: str) -> str:
    return text.replace("\x00", "")


def format_passages(passages: Sequence[Passage]) -> str:
    """The text block sent with a question: instructions, then `[n] file, page p` + text."""
    if not passages:
        return ""
    blocks = [INSTRUCTIONS]
    for number, passage in enumerate(passages, 1):
        where = passage.where.replace("\n", " ")
        blocks.append(f"[{number}] {where} (knowledge base: {passage.knowledge_base})\n"
                      f"{_clean(passage.text).strip()}")
    return "<sources>\n" + "\n\n".join(blocks) + "\n</sources>"


def add_passages(messages: list[dict[str, Any]],
                 passages: Sequence[Passage]) -> list[dict[str, Any]]:
    """A copy of OpenAI-format `messages` whose last user message carries the sources.

    A string content gets the block appended after a blank line; a list of parts gets a
    text part at its end. Without passages or a user message, `messages` is returned as is.
    """
    if not passages:
        return messages
    index = next((i for i in range(len(messages) - 1, -1, -1)
                  if messages[i].get("role") == "user"), None)
    if index is None:
        return messages
    block = format_passages(passages)
    out = list(messages)
    message = copy.copy(out[index])
    content = message.get("content")
    if isinstance(content, list):
        message["content"] = [*content, {"type": "text", "text": block}]
    else:
        text = content if isinstance(content, str) else ""
        message["content"] = f"{text}\n\n{block}" if text else block
    out[index] = message
    return out
