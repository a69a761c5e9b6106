"""A reply's footer line: tokens in and out (cached and reasoning when known), time to first
token, speed and cost."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.store.models import Message
from desktop.ui.chat_view.cost_text import cost_footer
from desktop.ui.chat_view.reply_extras import footer_usage


def footer_text(message: Message) -> str:
    """Model · tokens in → out · time to first token · tokens/s · cost (what is known)."""
    parts: list[str] = []
    usage = message.usage
    if usage is not None and (usage.prompt_tokens or usage.completion_tokens):
        parts.append(
            QCoreApplication.translate("MessageWidget", "{0} in · {1} out tokens").format(
                usage.prompt_tokens if usage.prompt_tokens is not None else "?",
                usage.completion_tokens if usage.completion_tokens is not None else "?",
            )
        )
        parts += footer_usage(usage)
    if message.ttft_ms is not None:
        parts.append(QCoreApplication.translate("MessageWidget", "first token {0:.2f} s")
                     .format(message.ttft_ms / 1000))
    if message.tokens_per_second is not None:
        parts.append(QCoreApplication.translate("MessageWidget", "{0:.1f} tokens/s")
                     .format(message.tokens_per_second))
    if message.cost is not None:
        parts.append(cost_footer(message.cost))
    return "  ·  ".join(parts)
