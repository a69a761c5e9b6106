"""Chat replies chosen by the request's model, for compares (several models at once).

`route_by_model(provider)` answers `/chat/completions` so that each model says who it is
("Reply from MODEL." word by word), a model named `broken…` fails with a 500, and a model
named `slow…` streams its words `SLOW_DELAY` s apart (long enough to stop it mid-way).
"""

from __future__ import annotations

from typing import Any

from tests.helpers.fake_provider import FakeProvider, RecordedRequest, Reply

SLOW_DELAY = 0.15
SLOW_WORDS = 40


def reply_text(model: str) -> str:
    return f"Reply from {model}."


def _events(model: str, words: list[str]) -> list[str | dict[str, Any]]:
    events: list[str | dict[str, Any]] = [
        {"id": "cmp", "model": model, "choices": [{"index": 0, "delta": {"content": word}}]}
        for word in words]
    events.append({"id": "cmp", "model": model,
                   "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    events.append({"id": "cmp", "model": model, "choices": [],
                   "usage": {"prompt_tokens": 9, "completion_tokens": len(words)}})
    return events


def compare_reply(request: RecordedRequest, texts: dict[str, str] | None = None,
                  failing: tuple[str, ...] = ("broken",), delay: float = 0.0) -> Reply:
    body = request.json if isinstance(request.json, dict) else {}
    model = str(body.get("model", "fake-model"))
    if model.startswith(failing):
        return Reply.error(500, f"{model} is down for maintenance", "server_error")
    if model.startswith("slow"):
        words = ["word "] * SLOW_WORDS
        return Reply.sse(_events(model, words), delay=SLOW_DELAY)
    text = (texts or {}).get(model) or reply_text(model)
    words = [w if i == 0 else " " + w for i, w in enumerate(text.split(" "))]
    return Reply.sse(_events(model, words), delay=delay)


def route_by_model(provider: FakeProvider, texts: dict[str, str] | None = None,
                   failing: tuple[str, ...] = ("broken",), delay: float = 0.0) -> FakeProvider:
    """Answer by model; `texts` gives some models their own reply, `failing` the name
    prefixes of models that fail, `delay` the seconds before each word."""
    provider.route("/chat/completions",
                   lambda request: compare_reply(request, texts, failing, delay))
    return provider
