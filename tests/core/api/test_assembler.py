"""StreamAssembler: folding events back into a ChatResult."""

from __future__ import annotations

from desktop.core.api.assembler import StreamAssembler
from desktop.core.api.events import (
    AnnotationsEvent,
    ErrorEvent,
    FinishEvent,
    LogprobsEvent,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEnd,
    TextDelta,
    ToolCallDelta,
    UsageEvent,
)
from desktop.core.reply_parts import ToolCall, Usage


def _assembler(*events: object) -> StreamAssembler:
    assembler = StreamAssembler()
    for event in events:
        assembler.add(event)  # type: ignore[arg-type]
    return assembler


def test_choices_are_sorted_by_index_and_text_is_concatenated() -> None:
    result = _assembler(
        TextDelta(2, "c"),
        TextDelta(0, "a"),
        TextDelta(2, "C"),
        ReasoningDelta(0, "r1"),
        ReasoningDelta(0, "r2"),
        TextDelta(0, "A"),
        FinishEvent(0, "stop"),
        FinishEvent(2, "length"),
        StreamEnd(),
    ).result
    assert [(c.index, c.text, c.reasoning, c.finish_reason) for c in result.choices] == [
        (0, "aA", "r1r2", "stop"),
        (2, "cC", "", "length"),
    ]
    assert not result.interrupted


def test_tool_calls_by_call_index_with_first_id_and_name() -> None:
    result = _assembler(
        ToolCallDelta(0, 1, "id-b", "second", '{"b"'),
        ToolCallDelta(0, 0, "id-a", "first", ""),
        ToolCallDelta(0, 0, None, None, '{"a": 1'),
        ToolCallDelta(0, 1, "", "", ": 2}"),
        ToolCallDelta(0, 0, "other", "renamed", "}"),
    ).result
    assert result.choices[0].tool_calls == [
        ToolCall("id-a", "first", '{"a": 1}'),
        ToolCall("id-b", "second", '{"b": 2}'),
    ]


def test_refusal_annotations_logprobs() -> None:
    result = _assembler(
        RefusalDelta(0, "No, "),
        RefusalDelta(0, "sorry."),
        AnnotationsEvent(0, ({"type": "url_citation", "n": 1},)),
        AnnotationsEvent(0, ({"type": "url_citation", "n": 2},)),
        LogprobsEvent(0, ({"token": "No"},)),
        LogprobsEvent(0, ({"token": ","},)),
        TextDelta(1, "plain"),
    ).result
    first, second = result.choices
    assert first.refusal == "No, sorry."
    assert [a["n"] for a in first.annotations] == [1, 2]
    assert [e["token"] for e in first.logprobs or []] == ["No", ","]
    assert (second.refusal, second.logprobs, second.annotations) == (None, None, [])


def test_usage_reports_merge_field_by_field() -> None:
    result = _assembler(
        UsageEvent(Usage(prompt_tokens=10, cached_tokens=4)),
        UsageEvent(Usage(completion_tokens=5, total_tokens=15)),
    ).result
    assert result.usage == Usage(10, 5, 15, None, 4)


def test_metadata_first_value_wins() -> None:
    result = _assembler(MetadataEvent("r1", None), MetadataEvent("r2", "m")).result
    assert (result.response_id, result.model) == ("r1", "m")


def test_interrupted_until_a_clean_stream_end() -> None:
    assembler = _assembler(TextDelta(0, "x"))
    assert assembler.result.interrupted and not assembler.ended
    assembler.add(StreamEnd(interrupted=False, done_marker=True))
    assert not assembler.result.interrupted
    assert assembler.ended and assembler.done_marker
    assert _assembler(StreamEnd(interrupted=True)).result.interrupted


def test_errors_are_kept_in_order() -> None:
    first, second = ErrorEvent("one"), ErrorEvent("two")
    assembler = _assembler(TextDelta(0, "kept"), first, second, StreamEnd(interrupted=True))
    assert assembler.errors == [first, second]
    assert assembler.error is first
    assert assembler.result.choices[0].text == "kept"
    assert _assembler().error is None


def test_result_can_be_read_while_the_stream_goes_on() -> None:
    assembler = StreamAssembler()
    seen = []
    for piece in ["a", "b", "c", "d"]:
        assembler.add(TextDelta(0, piece))
        assembler.add(ToolCallDelta(0, 0, arguments=piece))
        seen.append(
            (assembler.result.choices[0].text, assembler.result.choices[0].tool_calls[0].arguments)
        )
    assert seen == [("a", "a"), ("ab", "ab"), ("abc", "abc"), ("abcd", "abcd")]


def test_empty_assembler() -> None:
    result = StreamAssembler().result
    assert (result.choices, result.usage, result.interrupted) == ([], None, True)
