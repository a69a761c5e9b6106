"""A history with a few weeks of priced replies across providers and models, written through
the real Store (its triggers keep the usage roll-ups), for the usage view's tests and shots."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from desktop.core.pricing.cost import MessageCost
from desktop.core.reply_parts import Usage
from desktop.core.store import Store
from desktop.core.store.models import Role

# provider, model, currency, input $/M, output $/M
MIXES = (
    ("OpenRouter", "anthropic/claude-sonnet-4", "USD", 3.0, 15.0),
    ("OpenRouter", "openai/gpt-4.1-mini", "USD", 0.4, 1.6),
    ("OpenAI", "gpt-4o", "USD", 2.5, 10.0),
    ("OpenAI", "o4-mini", "USD", 1.1, 4.4),
    ("DeepSeek relay", "deepseek-chat", "USD", 0.27, 1.1),
    ("Gemini relay", "gemini-2.5-flash", "USD", 0.3, 2.5),
    ("SiliconFlow", "Qwen/Qwen3-32B", "CNY", 1.0, 4.0),
)
TITLES = ("Refactor the store layer", "Trip plan for Kyoto", "Explain QtCharts axes",
          "Rust lifetimes question", "Write release notes", "SQL window functions",
          "Translate the README", "Debug the SSE parser", "Summarise the paper",
          "Birthday speech draft", "Tax questions", "Kubernetes ingress")


@dataclass
class Seeded:
    """What was written, for tests that check the view's figures against it."""

    replies: int = 0
    cost: dict[str, float] | None = None
    conversation_ids: list[int] | None = None


def seed_usage(store: Store, *, days: int = 28, now: float | None = None, seed: int = 3,
               conversations: int = 12) -> Seeded:
    """`conversations` conversations, each with one provider/model, replies spread over
    the last `days` days (more on weekdays), each reply priced as it would be."""
    rng = random.Random(seed)
    now = time.time() if now is None else now
    result = Seeded(0, {}, [])
    assert result.cost is not None and result.conversation_ids is not None
    for index in range(conversations):
        provider, model, currency, price_in, price_out = MIXES[index % len(MIXES)]
        start = now - days * 86400 + rng.uniform(0, 3 * 86400)
        conv = store.create_conversation(TITLES[index % len(TITLES)], provider=provider,
                                         model=model, created_at=start)
        result.conversation_ids.append(conv.id)
        moment = start
        weight = rng.uniform(0.4, 2.0)
        while moment < now - 600:
            store.append_message(conv.id, Role.USER, "question", created_at=moment)
            prompt = int(rng.uniform(400, 9000) * weight)
            completion = int(rng.uniform(150, 2200) * weight)
            cost = (prompt * price_in + completion * price_out) / 1e6
            reply = store.append_message(
                conv.id, Role.ASSISTANT, "answer", provider=provider, model=model,
                usage=Usage(prompt, completion, prompt + completion), created_at=moment + 5)
            store.set_message_costs({reply.id: MessageCost(cost, currency)})
            result.replies += 1
            result.cost[currency] = result.cost.get(currency, 0.0) + cost
            moment += rng.uniform(0.2, 1.6) * 86400 / weight
    return result
