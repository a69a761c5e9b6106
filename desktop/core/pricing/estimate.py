"""Token estimates for replies whose provider sent no usage (the cost is then marked "≈").

`tiktoken` would count OpenAI models exactly, but it downloads its encoding tables
(cl100k_base, o200k_base: 1.7–3.6 MB each) from OpenAI's servers the first time an encoding is
used and cannot work offline without them; other vendors' tokenizers are not public at all. So
one documented approximation serves every model:

- CJK ideographs, kana and hangul: 1 token per character (o200k_base gives 0.7–1.2 for
  Chinese; Claude and Qwen tokenizers are close to 1);
- everything else: 1 token per 4 characters (OpenAI's rule of thumb for English; code and
  other Latin-script languages come out within about ±25 %);
- each chat message adds 4 tokens of framing (OpenAI's cookbook counts 3–4), a reply 3;
- an image counts 765 tokens (OpenAI's 1024×1024 high-detail figure).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

CHARS_PER_TOKEN = 4
TOKENS_PER_MESSAGE = 4
TOKENS_PER_REPLY = 3
TOKENS_PER_IMAGE = 765
MAX_SCANNED_CHARS = 5_000_000  # beyond this, characters are counted, not classified

_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
                   r"\U00020000-\U0002fa1f]")


def estimate_text_tokens(text: str) -> int:
    """Estimated tokens of a text (see the module docstring)."""
    if not text:
        return 0
    if len(text) > MAX_SCANNED_CHARS:
        return -(-len(text) // CHARS_PER_TOKEN)
    wide = len(_WIDE.findall(text))
    narrow = len(text) - wide
    return wide + -(-narrow // CHARS_PER_TOKEN)


def _content_tokens(content: Any) -> int:
    if isinstance(content, str):
        return estimate_text_tokens(content)
    if not isinstance(content, Iterable) or isinstance(content, bytes | Mapping):
        return 0
    total = 0
    for part in content:
        if not isinstance(part, Mapping):
            continue
        kind = str(part.get("type", ""))
        if "image" in kind:
            total += TOKENS_PER_IMAGE
        elif isinstance(part.get("text"), str):
            total += estimate_text_tokens(part["text"])
    return total


def estimate_prompt_tokens(messages: Iterable[Mapping[str, Any]]) -> int:
    """Estimated prompt tokens of chat messages as sent ({"role", "content"} dicts)."""
    total = TOKENS_PER_REPLY
    for message in messages:
        total += TOKENS_PER_MESSAGE + _content_tokens(message.get("content"))
    return total


def estimate_reply_tokens(text: str, reasoning: str = "") -> int:
    """Estimated completion tokens of a reply's text and reasoning."""
    return estimate_text_tokens(text) + estimate_text_tokens(reasoning)
