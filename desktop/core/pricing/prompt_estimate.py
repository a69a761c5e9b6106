"""The composer's pre-send estimate: the tokens the next request will carry (the conversation
so far, the system prompt, the typed text, attached documents and images) and what its
input costs at the chosen model's price. Cheap enough to run on each (debounced) keystroke:
the conversation's part comes from the last reply's reported usage where there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.pricing.cost import PER
from desktop.core.pricing.estimate import (
    TOKENS_PER_IMAGE,
    TOKENS_PER_MESSAGE,
    TOKENS_PER_REPLY,
    estimate_text_tokens,
)
from desktop.core.pricing.prices import PriceSheet
from desktop.core.store.models import ImagePart, Message, Role

MAX_ESTIMATED_CHARS = 200_000  # the typed text beyond this is counted by length only


@dataclass(frozen=True)
class PromptEstimate:
    """Estimated input tokens of the next request, and their cost when the price is known."""

    tokens: int
    context_tokens: int
    cost: float | None = None
    currency: str | None = None


def _message_tokens(message: Message) -> int:
    images = sum(1 for part in message.parts if isinstance(part, ImagePart))
    return (TOKENS_PER_MESSAGE + estimate_text_tokens(message.text)
            + images * TOKENS_PER_IMAGE)


def context_tokens(path: Sequence[Message]) -> int:
    """Tokens of the conversation sent along: the last reply's reported prompt + completion,
    plus estimates of what came after it; estimated throughout when no reply reported usage."""
    total = 0
    for message in reversed(path):
        usage = message.usage
        if (message.role is Role.ASSISTANT and usage is not None
                and usage.prompt_tokens is not None):
            return total + usage.prompt_tokens + (usage.completion_tokens or 0)
        if message.role in (Role.USER, Role.ASSISTANT, Role.TOOL):
            total += _message_tokens(message)
    return total


def estimate_next_prompt(path: Sequence[Message], text: str, *, system_prompt: str = "",
                         document_tokens: int = 0, images: int = 0,
                         prices: PriceSheet | None = None) -> PromptEstimate:
    """What sending `text` (with attachments) after `path` would cost in input tokens."""
    typed = text if len(text) <= MAX_ESTIMATED_CHARS else text[:MAX_ESTIMATED_CHARS]
    extra = max(0, len(text) - len(typed)) // 4
    context = context_tokens(path)
    system = TOKENS_PER_MESSAGE + estimate_text_tokens(system_prompt) if system_prompt else 0
    tokens = (context + system + TOKENS_PER_MESSAGE + TOKENS_PER_REPLY
              + estimate_text_tokens(typed) + extra + max(0, document_tokens)
              + max(0, images) * TOKENS_PER_IMAGE)
    if prices is None:
        return PromptEstimate(tokens, context)
    return PromptEstimate(tokens, context, tokens * prices.input / PER, prices.currency)
