"""Read provider JSON: whole (non-streamed) chat replies of every API style, usage and errors.

`parse_chat_response` turns a response body into a `ChatResult`; the helpers below it are
shared with the stream parsers so that both paths read usage, errors and finish reasons alike.
Finish reasons are normalised to the OpenAI chat vocabulary (`stop`, `length`, `tool_calls`,
`content_filter`); a reason we do not know is passed through unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop.core.api.events import ChatResult, Choice, ErrorEvent
from desktop.core.api.parsers.relay_values import check_depth
from desktop.core.api.parsers.usage import safe_usage, usage_from, usage_from_anthropic
from desktop.core.api.styles import ApiStyle
from desktop.core.api.think_tags import split_think_tags
from desktop.core.citations import MAX_CITATIONS, citations_from
from desktop.core.reply_parts import ToolCall
from desktop.core.safe_text import without_lone_surrogates

_SNIPPET = 200


class MalformedResponseError(ValueError):
    """The body is not a response of the expected kind; the message says what is wrong."""


class ResponseBodyError(MalformedResponseError):
    """The body (with a success status) is an error object from the provider."""

    def __init__(self, error: ErrorEvent) -> None:
        super().__init__(error.message)
        self.error = error


def snippet(text: str | bytes, limit: int = _SNIPPET) -> str:
    """The start of a body for an error message, on one line."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def as_int(value: Any) -> int | None:
    """A token count as an int; relays sometimes send floats or numeric strings."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


# Anthropic reports error types instead of statuses inside a stream.
_ANTHROPIC_ERROR_STATUS = {
    "invalid_request_error": 400,
    "authentication_error": 401,
    "billing_error": 402,
    "permission_error": 403,
    "not_found_error": 404,
    "request_too_large": 413,
    "rate_limit_error": 429,
    "api_error": 500,
    "overloaded_error": 529,
}


def error_event(error: Any, raw: str = "") -> ErrorEvent:
    """An ErrorEvent from any of the usual error shapes: a body, an error object or a string."""
    if isinstance(error, Mapping):
        inner = error.get("error")
        if isinstance(inner, Mapping) or (isinstance(inner, str) and inner.strip()):
            return error_event(inner, raw)
        message = next(
            (
                error[key]
                for key in ("message", "msg", "detail", "error_description", "error_msg")
                if isinstance(error.get(key), str) and error[key].strip()
            ),
            None,
        )
        code = error.get("code")
        kind = error.get("type")
        status = as_int(error.get("status"))
        if status is None:
            status = as_int(error.get("status_code"))
        numeric_code = as_int(code)
        if status is None and numeric_code is not None and 100 <= numeric_code <= 599:
            status = numeric_code
        if status is None and isinstance(kind, str):
            status = _ANTHROPIC_ERROR_STATUS.get(kind)
        if message is None:
            message = f"The provider reported an error: {snippet(raw or json.dumps(error))}"
        metadata = error.get("metadata")
        if isinstance(metadata, Mapping) and isinstance(metadata.get("raw"), str):
            # OpenRouter passes the upstream provider's own message here.
            source = metadata.get("provider_name") or "upstream"
            message = f"{message} ({source}: {snippet(metadata['raw'])})"
        return ErrorEvent(
            message=message.strip(),
            code=None if code is None else str(code),
            type=kind if isinstance(kind, str) else None,
            status=status,
            raw=raw,
        )
    if isinstance(error, str) and error.strip():
        return ErrorEvent(message=error.strip(), raw=raw or error)
    return ErrorEvent(message="The provider reported an error without details.", raw=raw)


def is_error_body(body: Any) -> bool:
    """True for `{"error": ...}` bodies and Anthropic `{"type": "error"}` objects."""
    if not isinstance(body, Mapping):
        return False
    if body.get("type") == "error":
        return True
    error = body.get("error")
    return bool(error) and "choices" not in body and "output" not in body


_ANTHROPIC_FINISH = {
    "end_turn": "stop",
    "stop_sequence": "stop",
    "max_tokens": "length",
    "tool_use": "tool_calls",
    "refusal": "content_filter",
}
_RESPONSES_INCOMPLETE = {"max_output_tokens": "length", "content_filter": "content_filter"}


def anthropic_finish_reason(reason: str) -> str:
    return _ANTHROPIC_FINISH.get(reason, reason)


def responses_finish_reason(response: Mapping[str, Any], has_tool_calls: bool) -> str:
    """Finish reason of a Responses API `response` object from its status."""
    status = response.get("status")
    if status == "incomplete":
        details = response.get("incomplete_details")
        reason = details.get("reason") if isinstance(details, Mapping) else None
        return _RESPONSES_INCOMPLETE.get(reason, reason) if isinstance(reason, str) else "length"
    if has_tool_calls:
        return "tool_calls"
    return "stop" if status in (None, "completed") else str(status)


def arguments_text(arguments: Any) -> str:
    """Tool-call arguments as the JSON text the model wrote; some relays send an object."""
    if arguments is None:
        return ""
    if isinstance(arguments, str):
        return arguments
    return json.dumps(arguments, ensure_ascii=False)


def legacy_logprobs(logprobs: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Legacy completions logprobs (parallel lists) as chat-style per-token entries."""
    tokens = logprobs.get("tokens") or []
    values = logprobs.get("token_logprobs") or []
    tops = logprobs.get("top_logprobs") or []
    entries: list[dict[str, Any]] = []
    for position, token in enumerate(tokens):
        entry: dict[str, Any] = {
            "token": token,
            "logprob": values[position] if position < len(values) else None,
        }
        top = tops[position] if position < len(tops) else None
        if isinstance(top, Mapping):
            entry["top_logprobs"] = [{"token": t, "logprob": lp} for t, lp in top.items()]
        entries.append(entry)
    return entries


def content_text(content: Any) -> tuple[str, str]:
    """(reasoning, text) of a chat `content`: a string or a list of content parts."""
    if isinstance(content, str):
        return ("", content) if "<" not in content else split_think_tags(content)
    if not isinstance(content, list):
        return "", ""
    reasoning: list[str] = []
    text: list[str] = []
    for part in content:
        if isinstance(part, str):
            text.append(part)
        elif isinstance(part, Mapping):
            kind = part.get("type")
            if kind in ("thinking", "reasoning") and isinstance(part.get("thinking"), str):
                reasoning.append(part["thinking"])
            elif kind in ("thinking", "reasoning") and isinstance(part.get("text"), str):
                reasoning.append(part["text"])
            elif isinstance(part.get("text"), str):
                text.append(part["text"])
    joined_reasoning, joined_text = split_think_tags("".join(text))
    return "".join(reasoning) + joined_reasoning, joined_text


def _missing(key: str, what: str, body: Mapping[str, Any]) -> MalformedResponseError:
    return MalformedResponseError(
        f"The reply has no '{key}' list, so it is not {what}: "
        + snippet(json.dumps(body, ensure_ascii=False, default=str))
    )


def _dict_list(value: Any) -> list[dict[str, Any]]:
    return (
        [dict(item) for item in value if isinstance(item, Mapping)]
        if isinstance(value, list)
        else []
    )


def _chat_choice(raw: Mapping[str, Any], position: int, legacy: bool) -> Choice:
    index = as_int(raw.get("index"))
    choice = Choice(index=position if index is None else index)
    finish = raw.get("finish_reason")
    choice.finish_reason = finish if isinstance(finish, str) and finish else None
    logprobs = raw.get("logprobs")
    if isinstance(logprobs, Mapping):
        if isinstance(logprobs.get("content"), list):
            choice.logprobs = _dict_list(logprobs["content"])
        elif "tokens" in logprobs:
            choice.logprobs = legacy_logprobs(logprobs)
    if legacy or ("text" in raw and "message" not in raw):
        text = raw.get("text")
        choice.text = text if isinstance(text, str) else ""
        return choice
    message = raw.get("message")
    if not isinstance(message, Mapping):
        message = raw.get("delta")
    if not isinstance(message, Mapping):
        return choice
    tag_reasoning, choice.text = content_text(message.get("content"))
    reasoning = message.get("reasoning_content")
    if not isinstance(reasoning, str) or not reasoning:
        reasoning = message.get("reasoning")
    choice.reasoning = (reasoning if isinstance(reasoning, str) else "") + tag_reasoning
    refusal = message.get("refusal")
    choice.refusal = refusal if isinstance(refusal, str) and refusal else None
    for call in message.get("tool_calls") or []:
        if not isinstance(call, Mapping):
            continue
        function = call.get("function")
        function = function if isinstance(function, Mapping) else {}
        choice.tool_calls.append(
            ToolCall(
                id=str(call.get("id") or ""),
                name=str(function.get("name") or ""),
                arguments=arguments_text(function.get("arguments")),
            )
        )
    legacy_call = message.get("function_call")
    if isinstance(legacy_call, Mapping) and not choice.tool_calls:
        choice.tool_calls.append(
            ToolCall(
                "", str(legacy_call.get("name") or ""), arguments_text(legacy_call.get("arguments"))
            )
        )
    choice.annotations = _dict_list(message.get("annotations"))
    choice.citations = citations_from(choice.annotations)
    return choice


def _parse_chat(body: Mapping[str, Any], legacy: bool) -> ChatResult:
    choices = body.get("choices")
    if not isinstance(choices, list):
        raise _missing("choices", "a chat completion", body)
    result = _metadata(body)
    result.choices = sorted(
        (_chat_choice(c, n, legacy) for n, c in enumerate(choices) if isinstance(c, Mapping)),
        key=lambda choice: choice.index,
    )
    result.usage = safe_usage(usage_from, body.get("usage"))
    return result


def _metadata(body: Mapping[str, Any]) -> ChatResult:
    response_id = body.get("id")
    model = body.get("model")
    return ChatResult(
        response_id=response_id if isinstance(response_id, str) else None,
        model=model if isinstance(model, str) else None,
    )


def _parse_anthropic(body: Mapping[str, Any]) -> ChatResult:
    content = body.get("content")
    if not isinstance(content, list):
        raise _missing("content", "an Anthropic message", body)
    result = _metadata(body)
    choice = Choice(index=0)
    text: list[str] = []
    reasoning: list[str] = []
    length = 0
    for block in content:
        if not isinstance(block, Mapping):
            continue
        kind = block.get("type")
        if kind == "text" and isinstance(block.get("text"), str):
            text.append(block["text"])
            length += len(block["text"])
            cited = _dict_list(block.get("citations"))
            choice.annotations.extend(cited)
            choice.citations += citations_from(cited, position=length)
        elif kind == "thinking" and isinstance(block.get("thinking"), str):
            reasoning.append(block["thinking"])
        elif kind == "tool_use":
            choice.tool_calls.append(
                ToolCall(
                    str(block.get("id") or ""),
                    str(block.get("name") or ""),
                    arguments_text(block.get("input")),
                )
            )
    choice.text = "".join(text)
    choice.reasoning = "".join(reasoning)
    del choice.citations[MAX_CITATIONS:]
    stop = body.get("stop_reason")
    choice.finish_reason = anthropic_finish_reason(stop) if isinstance(stop, str) else None
    if stop == "refusal":  # Anthropic gives no refusal text: the reply may hold an apology
        choice.refusal = ""
    result.choices = [choice]
    result.usage = safe_usage(usage_from_anthropic, body.get("usage"))
    return result


def _parse_responses(body: Mapping[str, Any]) -> ChatResult:
    response = body.get("response") if isinstance(body.get("response"), Mapping) else body
    assert isinstance(response, Mapping)
    output = response.get("output")
    if not isinstance(output, list):
        raise _missing("output", "a Responses API reply", body)
    if response.get("status") == "failed" and response.get("error"):
        raise ResponseBodyError(error_event(response.get("error"), json.dumps(body)))
    result = _metadata(response)
    choice = Choice(index=0)
    text: list[str] = []
    summaries: list[str] = []
    reasoning_texts: list[str] = []
    refusals: list[str] = []
    for item in output:
        if not isinstance(item, Mapping):
            continue
        kind = item.get("type")
        if kind == "message":
            for part in item.get("content") or []:
                if not isinstance(part, Mapping):
                    continue
                if part.get("type") == "output_text" and isinstance(part.get("text"), str):
                    annotations = _dict_list(part.get("annotations"))
                    choice.annotations.extend(annotations)
                    choice.citations += citations_from(annotations, base=sum(map(len, text)))
                    text.append(part["text"])
                elif part.get("type") == "refusal" and isinstance(part.get("refusal"), str):
                    refusals.append(part["refusal"])
        elif kind == "reasoning":
            for part in item.get("summary") or []:
                if isinstance(part, Mapping) and isinstance(part.get("text"), str):
                    summaries.append(part["text"])
            for part in item.get("content") or []:
                if isinstance(part, Mapping) and isinstance(part.get("text"), str):
                    reasoning_texts.append(part["text"])
        elif kind == "function_call":
            choice.tool_calls.append(
                ToolCall(
                    str(item.get("call_id") or item.get("id") or ""),
                    str(item.get("name") or ""),
                    arguments_text(item.get("arguments")),
                )
            )
    choice.text = "".join(text)
    choice.reasoning = "\n\n".join(summaries) if summaries else "".join(reasoning_texts)
    choice.refusal = "".join(refusals) or None
    del choice.citations[MAX_CITATIONS:]
    choice.finish_reason = responses_finish_reason(response, bool(choice.tool_calls))
    result.choices = [choice]
    result.usage = safe_usage(usage_from, response.get("usage"))
    return result


def _shape_of(body: Mapping[str, Any]) -> ApiStyle | None:
    """Which style a body looks like, whatever was configured (relays mix them up)."""
    if isinstance(body.get("choices"), list):
        choices = body["choices"]
        first = choices[0] if choices and isinstance(choices[0], Mapping) else {}
        if "text" in first and "message" not in first and "delta" not in first:
            return ApiStyle.OPENAI_COMPLETIONS
        return ApiStyle.OPENAI_CHAT
    if isinstance(body.get("content"), list) and (
        body.get("type") == "message" or body.get("role") == "assistant"
    ):
        return ApiStyle.ANTHROPIC_MESSAGES
    if isinstance(body.get("output"), list) or isinstance(body.get("response"), Mapping):
        return ApiStyle.OPENAI_RESPONSES
    return None


def parse_chat_response(style: ApiStyle, body: Any) -> ChatResult:
    """Parse a complete, non-streamed reply of the given style (JSON text or decoded JSON).

    Raises `ResponseBodyError` when the body is a provider error object and
    `MalformedResponseError` when it is not a recognisable reply.
    """
    if isinstance(body, bytes | bytearray | str):
        try:
            body = json.loads(body)
            check_depth(body)
        except (ValueError, RecursionError) as error:
            text = body if isinstance(body, str) else bytes(body)
            raise MalformedResponseError(
                f"The reply is not valid JSON ({error}): {snippet(text)}"
            ) from None
    if not isinstance(body, Mapping):
        raise MalformedResponseError(
            f"The reply is JSON but not an object (got {type(body).__name__}): "
            + snippet(json.dumps(body))
        )
    if is_error_body(body):
        raise ResponseBodyError(error_event(body, json.dumps(body, ensure_ascii=False)))
    expected = {
        ApiStyle.OPENAI_CHAT: "choices",
        ApiStyle.OPENAI_COMPLETIONS: "choices",
        ApiStyle.ANTHROPIC_MESSAGES: "content",
        ApiStyle.OPENAI_RESPONSES: "output",
    }[style]
    shape = _shape_of(body)
    if isinstance(body.get(expected), list) or shape is None:
        shape = style
    try:
        if shape is ApiStyle.OPENAI_CHAT:
            result = _parse_chat(body, legacy=False)
        elif shape is ApiStyle.OPENAI_COMPLETIONS:
            result = _parse_chat(body, legacy=style is ApiStyle.OPENAI_COMPLETIONS)
        elif shape is ApiStyle.ANTHROPIC_MESSAGES:
            result = _parse_anthropic(body)
        else:
            result = _parse_responses(body)
    except RecursionError:
        raise MalformedResponseError("The reply is nested too deeply to be a chat reply") from None
    return _storable(result)


def _storable(result: ChatResult) -> ChatResult:
    """Lone UTF-16 surrogates (from `\\ud83d` escapes) replaced, as the stream parsers do."""
    for choice in result.choices:
        choice.text = without_lone_surrogates(choice.text)
        choice.reasoning = without_lone_surrogates(choice.reasoning)
        if choice.refusal is not None:
            choice.refusal = without_lone_surrogates(choice.refusal)
        choice.tool_calls = [
            ToolCall(*(without_lone_surrogates(v) for v in (c.id, c.name, c.arguments)))
            for c in choice.tool_calls
        ]
    if result.model is not None:
        result.model = without_lone_surrogates(result.model)
    return result
