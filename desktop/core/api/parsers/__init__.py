"""Readers of provider replies: a streamed body's bytes into typed events, a whole body's JSON
into a `ChatResult`.

`stream_parser.make_stream_parser(style)` picks the parser of an API style (`openai_chat`,
`completions`, `anthropic`, `responses`); the relay quirks they share live in
`json_event_stream`, the JSON readers shared with whole replies in `provider_json`.
"""
