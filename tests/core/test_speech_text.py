"""The text a reply is read aloud as, and its split into request-sized chunks."""

from __future__ import annotations

from desktop.core.speech_text import SPEECH_INPUT_LIMIT, speakable_text, speech_chunks

REPLY = """# Setting up

Install it with **pip** and read [the guide](https://example.com/guide/install).
See https://www.python.org/downloads/release/ for builds.

```python
print("this code is not read aloud")
```

- first `step`
- second step

| name | value |
|------|-------|
| a    | 1     |
"""


def test_markdown_is_flattened_to_plain_text() -> None:
    text = speakable_text(REPLY)
    assert text.startswith("Setting up\n\nInstall it with pip and read the guide.")
    assert "python.org for builds" in text  # a bare URL is spoken as its host
    for noise in ("**", "```", "print(", "https://", "example.com/guide", "#", "|", "`"):
        assert noise not in text, noise
    assert "first step" in text and "second step" in text
    assert "name, value." in text and "a, 1." in text


def test_only_code_leaves_nothing() -> None:
    assert speakable_text("```\nls -la\n```") == ""


def test_short_text_is_one_chunk() -> None:
    assert speech_chunks("Hello there.") == (["Hello there."], False)


def test_long_text_splits_at_sentences_within_the_limit() -> None:
    sentence = "This sentence is part of a long reply. "
    text = sentence * 300  # about 11,700 characters
    chunks, truncated = speech_chunks(text)
    assert not truncated
    assert len(chunks) == 3
    assert all(len(chunk) <= SPEECH_INPUT_LIMIT for chunk in chunks)
    assert all(chunk.endswith("reply.") for chunk in chunks)  # never cut mid-sentence
    assert sum(chunk.count("long reply") for chunk in chunks) == 300


def test_a_word_longer_than_the_limit_is_cut() -> None:
    chunks, _ = speech_chunks("x" * 10_000, limit=4096)
    assert [len(c) for c in chunks] == [4096, 4096, 1808]


def test_very_long_text_is_cut_to_max_chunks() -> None:
    chunks, truncated = speech_chunks("Word. " * 20_000, max_chunks=2)
    assert len(chunks) == 2 and truncated
