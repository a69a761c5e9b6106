"""A scripted fake LLM provider: a real HTTP/1.1 server on 127.0.0.1 for tests and benchmarks.

In a test (the `fake_provider` fixture)::

    fake_provider.script("/chat/completions", Reply.sse(["data: {...}", ...]))
    ... point a client at fake_provider.base_url ...
    assert fake_provider.requests[-1].json["temperature"] == 0.2

Scripted replies are queued per path suffix and used once each, in order; when a path's queue
is empty the built-in default answers (OpenAI chat and completions, streamed or not, /models,
/images/generations, /audio/speech, /embeddings, Anthropic /v1/messages, /v1/responses).
A reply is a status, headers and a list of byte chunks each with its own delay, sent with
chunked transfer encoding (or a Content-Length); `drop=True` cuts the connection mid-body.

As a separate process (for the GUI benchmarks)::

    python -m tests.helpers.fake_provider --port 0 [--script FILE.json]

prints `READY http://127.0.0.1:PORT/v1` once listening.

Hostile servers (gzip bombs, endless SSE lines, huge images, redirects to local addresses)
are built by `tests/helpers/hostile_replies.py` as ordinary replies whose chunks are
generated while they are sent. The script file is JSON:
`{"routes": {"/chat/completions": [REPLY, ...]}, "repeat": false, "default_text": "...",
"default_delay": 0.0, "require_key": null, "tasks": false}` (`default_delay`: seconds
before each word of the built-in streamed replies, to pace them like a real model; `tasks`:
true or "wrapped" serves the task relay of fake_tasks.py) where REPLY is
`{"status", "headers", "json": ...}`,
`{"sse": [event, ...], "delay": s, "done": true}` (an event is a JSON object sent as
`data: ...` or a raw string) or `{"chunks": [{"data": "...", "delay": s}], "drop": false}`.
"""

from __future__ import annotations

import argparse
import base64
import collections
import http.server
import json
import select
import socket
import ssl
import struct
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from desktop.core.wav_audio import tone_wav
from tests.helpers.fake_billing import Billing
from tests.helpers.fake_embeddings import FakeEmbeddings
from tests.helpers.fake_media import media_reply
from tests.helpers.fake_tasks import TaskRelay

DEFAULT_TEXT = "Hello from the fake provider."


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A valid PNG (grey pixels), so that image tests handle real image bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@dataclass
class Chunk:
    """Bytes sent after waiting `delay` seconds."""

    data: bytes
    delay: float = 0.0


@dataclass
class Reply:
    """One scripted HTTP response."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    # A list, or a generator for bodies too large to hold (see `hostile_replies.py`).
    chunks: Iterable[Chunk] = field(default_factory=list)
    chunked: bool = True  # Transfer-Encoding: chunked; False sends a Content-Length
    drop: bool = False  # cut the connection after the chunks, leaving the body incomplete
    delay: float = 0.0  # wait before the status line

    @classmethod
    def json(cls, obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
        body = json.dumps(obj).encode()
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        return cls(status, all_headers, [Chunk(body)], chunked=False)

    @classmethod
    def text(
        cls,
        text: str | bytes,
        status: int = 200,
        content_type: str = "text/plain; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> Reply:
        body = text.encode() if isinstance(text, str) else text
        return cls(status, {"Content-Type": content_type, **(headers or {})}, [Chunk(body)], False)

    @classmethod
    def sse(
        cls,
        events: Iterable[str | dict[str, Any]],
        *,
        done: bool = True,
        delay: float = 0.0,
        newline: str = "\n",
        content_type: str = "text/event-stream",
        drop: bool = False,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        """A stream: dicts become `data: <json>` events, strings are sent as given
        (plus the blank line), one chunk per event with `delay` before each."""
        chunks = [Chunk(sse_event(event, newline), delay) for event in events]
        if done:
            chunks.append(Chunk(f"data: [DONE]{newline}{newline}".encode(), delay))
        all_headers = {"Content-Type": content_type, "Cache-Control": "no-cache", **(headers or {})}
        return cls(200, all_headers, chunks, drop=drop)

    @classmethod
    def hang_up(cls) -> Reply:
        """Close the connection without any answer (status 0 means: no status line at all)."""
        return cls(status=0, drop=True)

    @classmethod
    def error(cls, status: int, message: str, code: str | None = None, **headers: str) -> Reply:
        """An OpenAI-shaped error body."""
        error: dict[str, Any] = {"message": message, "type": "invalid_request_error"}
        if code is not None:
            error["code"] = code
        return cls.json(
            {"error": error}, status, {k.replace("_", "-"): v for k, v in headers.items()}
        )

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Reply:
        """A reply from its JSON script form (see the module docstring)."""
        headers = dict(spec.get("headers", {}))
        status = int(spec.get("status", 200))
        if "json" in spec:
            return cls.json(spec["json"], status, headers)
        if "sse" in spec:
            reply = cls.sse(
                spec["sse"],
                done=spec.get("done", True),
                delay=float(spec.get("delay", 0.0)),
                drop=bool(spec.get("drop", False)),
                headers=headers,
            )
            reply.status = status
            return reply
        chunks = [
            Chunk(str(c.get("data", "")).encode(), float(c.get("delay", 0.0)))
            for c in spec.get("chunks", [])
        ]
        return cls(status, headers, chunks, drop=bool(spec.get("drop", False)))


def sse_event(event: str | dict[str, Any], newline: str = "\n") -> bytes:
    """One SSE event's bytes: a dict as `data: <json>`, a string as the raw event text."""
    text = f"data: {json.dumps(event)}" if isinstance(event, dict) else event
    return f"{text}{newline}{newline}".encode()


@dataclass
class RecordedRequest:
    """What the fake provider received: parsed enough for exact assertions."""

    method: str
    path: str
    query: str
    headers: dict[str, str]  # names lower-cased
    body: bytes
    json: Any = None
    disconnected: bool = False  # the client went away while we were still sending


ReplySource = Reply | Callable[[RecordedRequest], Reply]


class FakeProvider:
    """The server plus its script and its record of requests; thread-safe."""

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, tls: ssl.SSLContext | None = None
    ) -> None:
        self.requests: list[RecordedRequest] = []
        self.default_text = DEFAULT_TEXT
        self.default_delay = 0.0  # seconds before each event of the built-in streamed replies
        self.require_key: str | None = None  # when set, other keys get a 401
        self.billing: Billing | None = None  # balance endpoints (tests/helpers/fake_billing.py)
        self.tasks: TaskRelay | None = None  # Midjourney/Suno/Luma routes (fake_tasks.py)
        self.embeddings: FakeEmbeddings | None = None  # tests/helpers/fake_embeddings.py
        # Added to the built-in chat replies' usage, e.g. cached and reasoning token details.
        self.usage_extra: dict[str, Any] = {}
        self.disconnected = threading.Event()
        self._queues: dict[str, collections.deque[ReplySource]] = {}
        self._routes: dict[str, ReplySource] = {}
        self._lock = threading.Lock()
        self._server = _Server((host, port), _Handler)
        self._server.provider = self
        self.scheme = "http"
        if tls is not None:  # serve HTTPS with the given server context
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/v1"

    def start(self) -> FakeProvider:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeProvider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def script(self, path: str, *replies: ReplySource) -> None:
        """Queue replies for requests whose path ends with `path`, each used once."""
        with self._lock:
            self._queues.setdefault(_key(path), collections.deque()).extend(replies)

    def route(self, path: str, reply: ReplySource) -> None:
        """Answer every request to `path` with `reply` (after its queue is used up)."""
        with self._lock:
            self._routes[_key(path)] = reply

    def load_script(self, spec: dict[str, Any]) -> None:
        """Apply a JSON script (the separate-process form)."""
        self.default_text = spec.get("default_text", self.default_text)
        self.default_delay = float(spec.get("default_delay", self.default_delay))
        self.require_key = spec.get("require_key", self.require_key)
        if spec.get("tasks"):  # the task relay (fake_tasks.py); "wrapped" wraps its replies
            self.tasks = TaskRelay(wrapped=spec["tasks"] == "wrapped")
        if "embeddings" in spec:  # deterministic vectors (fake_embeddings.py)
            self.embeddings = FakeEmbeddings.from_spec(spec["embeddings"])
        if "tool_script" in spec:  # the scripted tool-calling model (fake_tool_model.py)
            from tests.helpers.fake_tool_model import tool_script_from_spec

            tool_script_from_spec(spec["tool_script"]).install(self)
        for path, replies in spec.get("routes", {}).items():
            built = [Reply.from_spec(r) for r in replies]
            if spec.get("repeat") and len(built) == 1:
                self.route(path, built[0])
            else:
                self.script(path, *built)

    def wait_for_disconnect(self, timeout: float = 5.0) -> bool:
        return self.disconnected.wait(timeout)

    def bodies(self, path: str) -> list[Any]:
        """JSON bodies of the requests to `path`, in order."""
        return [r.json for r in self.requests if _key(r.path).endswith(_key(path))]

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_reply(self, request: RecordedRequest) -> Reply:
        path = _key(request.path)
        with self._lock:
            source: ReplySource | None = None
            for key, queue in self._queues.items():
                if queue and path.endswith(key):
                    source = queue.popleft()
                    break
            if source is None:
                source = next((r for k, r in self._routes.items() if path.endswith(k)), None)
        if source is None:
            return default_reply(self, request)
        return source(request) if callable(source) else source


def _key(path: str) -> str:
    return "/" + path.split("?", 1)[0].strip("/")


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    provider: FakeProvider

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients that go away mid-request are part of the tests; stay quiet about them."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError | ValueError):  # resets, TLS failures, closed files
            return
        super().handle_error(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without this, Nagle's algorithm and
        # delayed ACKs add 40 ms to every reply.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        request = RecordedRequest(
            self.command,
            path,
            query,
            {k.lower(): v for k, v in self.headers.items()},
            body,
            parsed,
        )
        provider = self.server.provider
        provider._record(request)
        reply = _auth_failure(provider, request) or provider._next_reply(request)
        try:
            self._write(reply)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
            self._mark_disconnected(request)

    def _mark_disconnected(self, request: RecordedRequest) -> None:
        request.disconnected = True
        self.close_connection = True
        self.server.provider.disconnected.set()

    def _client_gone(self) -> bool:
        """True when the client closed its end (readable socket that reads as EOF)."""
        readable, _, _ = select.select([self.connection], [], [], 0)
        if not readable:
            return False
        try:
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except OSError:
            return True

    def _pause(self, seconds: float) -> None:
        """Sleep, but notice a disconnect at once (raises BrokenPipeError)."""
        deadline = time.monotonic() + seconds
        while True:
            if self._client_gone():
                raise BrokenPipeError("client closed the connection")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            select.select([self.connection], [], [], min(remaining, 0.01))

    def _write(self, reply: Reply) -> None:
        if reply.delay:
            self._pause(reply.delay)
        if reply.status == 0:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.send_response(reply.status)
        names = {k.lower() for k in reply.headers}
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        elif "content-length" not in names:
            total = sum(len(c.data) for c in reply.chunks)
            self.send_header("Content-Length", str(total))
        self.end_headers()
        self.wfile.flush()
        for chunk in reply.chunks:
            if chunk.delay:
                self._pause(chunk.delay)
            if reply.chunked:
                if chunk.data:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk.data), chunk.data))
            else:
                self.wfile.write(chunk.data)
            self.wfile.flush()
        if reply.drop:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()


def _auth_failure(provider: FakeProvider, request: RecordedRequest) -> Reply | None:
    if provider.require_key is None or request.path.startswith(("/files/", "/task-files/")):
        return None
    bearer = request.headers.get("authorization", "")
    given = request.headers.get("x-api-key") or bearer.removeprefix("Bearer ").strip()
    if given == provider.require_key:
        return None
    return Reply.error(401, "Incorrect API key provided.", "invalid_api_key")


# -- built-in default answers ---------------------------------------------------------------


def _words(text: str) -> list[str]:
    parts = text.split(" ")
    return [p if i == 0 else " " + p for i, p in enumerate(parts)]


def _wants_stream(request: RecordedRequest) -> bool:
    return isinstance(request.json, dict) and bool(request.json.get("stream"))


def _chat_reply(provider: FakeProvider, request: RecordedRequest, legacy: bool) -> Reply:
    body = request.json if isinstance(request.json, dict) else {}
    model = body.get("model", "fake-model")
    n = body.get("n", 1) if isinstance(body.get("n"), int) else 1
    text = provider.default_text
    usage = {
        "prompt_tokens": 5,
        "completion_tokens": len(_words(text)),
        "total_tokens": 5 + len(_words(text)),
        **provider.usage_extra,
    }
    kind = "text_completion" if legacy else "chat.completion"
    if not _wants_stream(request):
        choices = [
            {"index": i, "text": text, "finish_reason": "stop"}
            if legacy
            else {
                "index": i,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
            for i in range(n)
        ]
        return Reply.json(
            {"id": "fake-1", "object": kind, "model": model, "choices": choices, "usage": usage},
            headers={"x-request-id": "req-fake-1"},
        )
    events: list[str | dict[str, Any]] = []
    for i in range(n):
        for word in _words(text):
            choice = (
                {"index": i, "text": word} if legacy else {"index": i, "delta": {"content": word}}
            )
            events.append(
                {"id": "fake-1", "object": kind + ".chunk", "model": model, "choices": [choice]}
            )
        finish: dict[str, Any] = {"index": i, "finish_reason": "stop"}
        finish.update({"text": ""} if legacy else {"delta": {}})
        events.append({"id": "fake-1", "model": model, "choices": [finish]})
    if (body.get("stream_options") or {}).get("include_usage"):
        events.append({"id": "fake-1", "model": model, "choices": [], "usage": usage})
    return Reply.sse(events, delay=provider.default_delay, headers={"x-request-id": "req-fake-1"})


def _anthropic_reply(provider: FakeProvider, request: RecordedRequest) -> Reply:
    body = request.json if isinstance(request.json, dict) else {}
    model = body.get("model", "claude-fake")
    text = provider.default_text
    if not _wants_stream(request):
        return Reply.json(
            {
                "id": "msg_fake",
                "type": "message",
                "role": "assistant",
                "model": model,
                "content": [{"type": "text", "text": text}],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": 5, "output_tokens": 6},
            }
        )
    events: list[str | dict[str, Any]] = [
        _named(
            "message_start",
            {
                "type": "message_start",
                "message": {
                    "id": "msg_fake",
                    "type": "message",
                    "role": "assistant",
                    "model": model,
                    "content": [],
                    "usage": {"input_tokens": 5, "output_tokens": 1},
                },
            },
        ),
        _named(
            "content_block_start",
            {
                "type": "content_block_start",
                "index": 0,
                "content_block": {"type": "text", "text": ""},
            },
        ),
        _named("ping", {"type": "ping"}),
    ]
    for word in _words(text):
        events.append(
            _named(
                "content_block_delta",
                {
                    "type": "content_block_delta",
                    "index": 0,
                    "delta": {"type": "text_delta", "text": word},
                },
            )
        )
    events += [
        _named("content_block_stop", {"type": "content_block_stop", "index": 0}),
        _named(
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn"},
                "usage": {"output_tokens": 6},
            },
        ),
        _named("message_stop", {"type": "message_stop"}),
    ]
    return Reply.sse(events, done=False, delay=provider.default_delay)


def _responses_reply(provider: FakeProvider, request: RecordedRequest) -> Reply:
    body = request.json if isinstance(request.json, dict) else {}
    model = body.get("model", "fake-model")
    text = provider.default_text
    usage = {"input_tokens": 5, "output_tokens": 6, "total_tokens": 11}
    final = {
        "id": "resp_fake",
        "object": "response",
        "status": "completed",
        "model": model,
        "output": [
            {
                "type": "message",
                "id": "msg_1",
                "role": "assistant",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            }
        ],
        "usage": usage,
    }
    if not _wants_stream(request):
        return Reply.json(final)
    events: list[str | dict[str, Any]] = [
        _named(
            "response.created",
            {
                "type": "response.created",
                "response": {**final, "status": "in_progress", "output": []},
            },
        ),
    ]
    for word in _words(text):
        events.append(
            _named(
                "response.output_text.delta",
                {
                    "type": "response.output_text.delta",
                    "output_index": 0,
                    "content_index": 0,
                    "delta": word,
                },
            )
        )
    events.append(_named("response.completed", {"type": "response.completed", "response": final}))
    return Reply.sse(events, done=False, delay=provider.default_delay)


def _named(name: str, data: dict[str, Any]) -> str:
    return f"event: {name}\ndata: {json.dumps(data)}"


def _images_reply(provider: FakeProvider, request: RecordedRequest) -> Reply:
    body = request.json if isinstance(request.json, dict) else {}
    n = body.get("n", 1) if isinstance(body.get("n"), int) else 1
    png = tiny_png()
    if body.get("response_format") == "url":
        data = [{"url": f"{provider.url}/files/image-{i}.png"} for i in range(n)]
    else:
        data = [{"b64_json": base64.b64encode(png).decode()} for _ in range(n)]
    return Reply.json({"created": int(time.time()), "data": data})


def _speech_reply(request: RecordedRequest) -> Reply:
    """A real short tone for `wav` (streamed-style header, sizes unknown) and `pcm`; else MP3."""
    body = request.json if isinstance(request.json, dict) else {}
    audio_format = body.get("response_format")
    if audio_format in ("wav", "pcm"):
        seconds = min(0.05 + len(str(body.get("input", ""))) / 2000, 1.0)
        wav = tone_wav(seconds)
        if audio_format == "pcm":
            return Reply.text(wav[44:], content_type="audio/pcm")
        # As OpenAI streams it: RIFF and data sizes are 0xFFFFFFFF.
        streamed = wav[:4] + b"\xff\xff\xff\xff" + wav[8:40] + b"\xff\xff\xff\xff" + wav[44:]
        return Reply.text(streamed, content_type="audio/wav")
    return Reply.text(b"ID3\x04fake-mp3-audio", content_type="audio/mpeg")


def default_reply(provider: FakeProvider, request: RecordedRequest) -> Reply:
    """The built-in answer for a path nothing was scripted for."""
    path = _key(request.path)
    billed = None
    if provider.billing is not None:
        billed = provider.billing.answer(f"{request.path}?{request.query}")
    if billed is not None:
        return Reply.json(billed[1], status=billed[0])
    tasked = provider.tasks.answer(provider, request) if provider.tasks is not None else None
    if tasked is not None:
        return tasked
    if path.endswith("/chat/completions"):
        return _chat_reply(provider, request, legacy=False)
    if path.endswith("/completions"):
        return _chat_reply(provider, request, legacy=True)
    if path.endswith("/messages"):
        return _anthropic_reply(provider, request)
    if path.endswith("/responses"):
        return _responses_reply(provider, request)
    if path.endswith("/models"):
        return Reply.json(
            {
                "object": "list",
                "data": [
                    {"id": "fake-chat", "object": "model", "owned_by": "fake", "created": 1},
                    {"id": "fake-image", "object": "model", "owned_by": "fake", "created": 2},
                ],
            }
        )
    if path.endswith("/images/generations"):
        return _images_reply(provider, request)
    if path.startswith("/files/"):
        return Reply.text(tiny_png(), content_type="image/png")
    if path.endswith("/audio/speech"):
        return _speech_reply(request)
    if path.endswith("/embeddings") and provider.embeddings is not None:
        status, answer, headers = provider.embeddings.answer(request.json)
        return replace(Reply.json(answer, status, headers), delay=provider.embeddings.delay)
    if path.endswith("/embeddings"):
        body = request.json if isinstance(request.json, dict) else {}
        inputs = body.get("input", "")
        count = len(inputs) if isinstance(inputs, list) else 1
        data = [
            {"object": "embedding", "index": i, "embedding": [0.1 * (i + 1), 0.2, 0.3]}
            for i in reversed(range(count))
        ]
        return Reply.json(
            {
                "object": "list",
                "model": body.get("model"),
                "data": data,
                "usage": {"prompt_tokens": 3, "total_tokens": 3},
            }
        )
    media = media_reply(provider, request)  # edits, variations, transcriptions (fake_media.py)
    if media is not None:
        return media
    return Reply.error(404, f"Unknown endpoint {request.path}", "not_found")


# -- pytest fixture and separate-process entry point ----------------------------------------


@pytest.fixture
def fake_provider() -> Iterator[FakeProvider]:
    """A started fake provider, stopped after the test."""
    with FakeProvider() as provider:
        yield provider


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the scripted fake LLM provider.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--script", type=Path, help="JSON script of replies (see docstring)")
    args = parser.parse_args(argv)
    provider = FakeProvider(port=args.port)
    if args.script:
        provider.load_script(json.loads(args.script.read_text(encoding="utf-8")))
    provider.start()
    print(f"READY {provider.base_url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        provider.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
