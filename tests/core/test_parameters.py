"""The one parameter schema: checks, normalization, and what each API style sends."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest

from desktop.core.api.requests_openai import ChatRequest, SamplingParams
from desktop.core.api.styles import ApiStyle
from desktop.core.parameter_fields import parse_text, range_hint
from desktop.core.parameters import (
    BUILTIN_PRESETS,
    PARAMETERS,
    PARAMETERS_BY_NAME,
    RequestValidationError,
    check_params,
    wire_params,
)


def test_the_typed_request_fields_are_the_schemas() -> None:
    typed = {f.name for f in fields(SamplingParams)} - {"extra"}
    assert typed | {"response_format"} == set(PARAMETERS_BY_NAME)
    assert {"response_format"} <= {f.name for f in fields(ChatRequest)}


def test_every_parameter_is_sent_by_the_openai_chat_style() -> None:
    assert all(ApiStyle.OPENAI_CHAT in p.wire for p in PARAMETERS)


@pytest.mark.parametrize("preset", BUILTIN_PRESETS, ids=lambda p: p.name)
def test_builtin_presets_pass_the_check(preset: Any) -> None:
    assert set(check_params(preset.params)) == set(preset.params)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"temperature": 3}, "Temperature must be between 0 and 2 (temperature=3)."),
        ({"max_tokens": 0}, "Max tokens must be at least 1 (max_tokens=0)."),
        ({"seed": 1.5}, "Seed must be a whole number (seed=1.5)."),
        ({"top_p": True}, "Top P must be a number (top_p=true)."),
        ({"stop": ["a"] * 5}, "At most 4 stop sequences (one per line); 5 given."),
        ({"logit_bias": {"x": 1}}, "Logit bias keys are token ids"),
        ({"response_format": "xml"}, "response_format type must be"),
        ({"stream": False}, "stream is set by Switchboard"),
    ],
)
def test_one_message_per_refusal(params: dict[str, Any], message: str) -> None:
    with pytest.raises(RequestValidationError) as refused:
        check_params(params)
    assert str(refused.value).startswith(message)


def test_the_panel_text_is_checked_by_the_same_function() -> None:
    temperature = PARAMETERS_BY_NAME["temperature"]
    for text, value in (("3", 3), ("abc", "abc"), ("nan", float("nan"))):
        with pytest.raises(RequestValidationError) as typed:
            parse_text(temperature, text)
        with pytest.raises(RequestValidationError) as given:
            check_params({"temperature": value})
        assert str(typed.value) == str(given.value)
    assert parse_text(temperature, " 0,5 ") == 0.5
    assert parse_text(temperature, "  ") is None
    assert range_hint(temperature) == "0-2"
    assert range_hint(PARAMETERS_BY_NAME["presence_penalty"]) == "-2 to 2"
    assert range_hint(PARAMETERS_BY_NAME["max_tokens"]) == "≥ 1"


def test_normalized_forms() -> None:
    assert check_params({"response_format": "json_object", "top_k": 40, "seed": None}) == {
        "response_format": {"type": "json_object"}
    }
    bare = {"type": "json_schema", "json_schema": {"type": "object"}}
    assert check_params({"response_format": bare})["response_format"]["json_schema"] == {
        "name": "response",
        "schema": {"type": "object"},
    }


def test_each_style_sends_a_parameter_under_its_own_name() -> None:
    params = {"temperature": 0.5, "stop": "END", "user": "u", "max_tokens": 9, "n": 1}
    assert wire_params(params, ApiStyle.ANTHROPIC_MESSAGES) == {
        "temperature": 0.5,
        "stop_sequences": ["END"],
        "metadata": {"user_id": "u"},
        "max_tokens": 9,
    }
    responses = {"temperature": 0.5, "max_tokens": 9, "n": 1,
                 "response_format": {"type": "json_object"}}
    assert wire_params(responses, ApiStyle.OPENAI_RESPONSES) == {
        "temperature": 0.5,
        "max_output_tokens": 9,
        "text": {"format": {"type": "json_object"}},
    }
    assert wire_params(params, ApiStyle.OPENAI_CHAT) == params


@pytest.mark.parametrize(
    ("params", "style", "message"),
    [
        ({"n": 2}, ApiStyle.OPENAI_RESPONSES, "no n parameter other than 1"),
        ({"seed": 1}, ApiStyle.ANTHROPIC_MESSAGES, "Anthropic Messages API has no seed"),
        ({"response_format": {"type": "text"}}, ApiStyle.OPENAI_COMPLETIONS, "response_format"),
        ({"max_tokens": 5, "max_completion_tokens": 6}, ApiStyle.OPENAI_RESPONSES,
         "both sent as max_output_tokens"),
    ],
)
def test_what_a_style_cannot_send_is_refused(
    params: dict[str, Any], style: ApiStyle, message: str
) -> None:
    with pytest.raises(RequestValidationError, match=message):
        wire_params(params, style)
