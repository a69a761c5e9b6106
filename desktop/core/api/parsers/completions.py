"""Stream parser for legacy text completions (`POST /completions`): `choices[i].text`."""

from __future__ import annotations

from typing import Any

from desktop.core.api.events import FinishEvent, LogprobsEvent, StreamEvent, TextDelta
from desktop.core.api.parsers.openai_chat import OpenAIChatStreamParser
from desktop.core.api.parsers.provider_json import legacy_logprobs
from desktop.core.api.styles import ApiStyle


class CompletionsStreamParser(OpenAIChatStreamParser):
    """Same envelope as chat chunks (id, model, usage, errors); the text sits in `text`."""

    style = ApiStyle.OPENAI_COMPLETIONS

    def _on_choice(self, choice: dict[str, Any], position: int, out: list[StreamEvent]) -> None:
        if "text" not in choice and ("delta" in choice or "message" in choice):
            super()._on_choice(choice, position, out)  # a server that answers in chat shape
            return
        index = choice.get("index", position)
        if type(index) is not int:
            index = position
        state = self._state(index)
        text = choice.get("text")
        if text and isinstance(text, str):
            out.append(TextDelta(index, text))
        logprobs = choice.get("logprobs")
        if isinstance(logprobs, dict) and logprobs.get("tokens"):
            out.append(LogprobsEvent(index, tuple(legacy_logprobs(logprobs))))
        reason = choice.get("finish_reason")
        if reason and isinstance(reason, str):
            state.finished = True
            out.append(FinishEvent(index, reason))
