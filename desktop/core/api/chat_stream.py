"""A streamed reply: typed events from the response bytes, a response that is always closed.

A provider error inside the stream is raised as a typed error whose `partial` keeps what came
before; a body that breaks off raises `StreamInterruptedError`; a stream is retried only when
it broke before any of its body arrived.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from types import TracebackType
from typing import Any, Protocol

import httpx

from desktop.core.api.assembler import StreamAssembler
from desktop.core.api.body_reader import decoded_chunks
from desktop.core.api.errors import (
    APIError,
    MalformedResponseError,
    StreamInterruptedError,
    StreamTooLargeError,
    request_id_from,
)
from desktop.core.api.events import ChatResult, ErrorEvent, StreamEnd, StreamEvent
from desktop.core.api.limits import ResponseLimits, describe_size
from desktop.core.api.parsers.stream_parser import make_stream_parser
from desktop.core.api.retry import RetryListener, RetryPolicy, should_retry_exception
from desktop.core.api.sse import SSELengthGuard, SSELimitError
from desktop.core.api.styles import ApiStyle
from desktop.core.providers import ProviderProfile

log = logging.getLogger(__name__)

# How an event-stream body can start (comment, field names); anything else is no stream.
SSE_STARTS = (b"data:", b"event:", b":", b"id:", b"retry:")


class StreamingClient(Protocol):
    """What a stream needs of its `ApiClient`: the one request path with its retry policy, and
    the provider's error for an error event. (A protocol, so this module does not import the
    client, which imports it.)"""

    @property
    def profile(self) -> ProviderProfile: ...

    @property
    def retry(self) -> RetryPolicy: ...

    @property
    def provider_name(self) -> str: ...

    @property
    def limits(self) -> ResponseLimits: ...

    async def _send(
        self, method: str, path: str, *, body: dict[str, Any] | None, accept: str,
        on_retry: RetryListener | None = None,
    ) -> httpx.Response: ...

    def _stream_error(
        self, event: ErrorEvent, partial: ChatResult | None, rid: str | None
    ) -> APIError: ...


class ChatStream:
    """One streamed reply: an async iterator of `StreamEvent`s that always closes its response.

    A provider error inside the stream is raised as a typed `APIStatusError` (its `partial`
    holds what came before); a body that breaks off raises `StreamInterruptedError` with the
    partial result, and one that passes a limit (`ResponseLimits`: the whole body, one line
    or event) `StreamTooLargeError`, also with it. A clean end yields `StreamEnd`. `result`
    is the reply assembled so far.
    """

    def __init__(
        self, client: StreamingClient, style: ApiStyle, path: str, body: dict[str, Any], *,
        on_retry: RetryListener | None = None,
    ) -> None:
        self._client = client
        self._on_retry = on_retry
        self._style = style
        self._path = path
        self._body = body
        self._assembler = StreamAssembler()
        self._response: httpx.Response | None = None
        self._iterator: AsyncIterator[StreamEvent] | None = None
        self.request_id: str | None = None
        self._head = bytearray()  # the body's first bytes, to describe a body that is no stream

    @property
    def result(self) -> ChatResult:
        return self._assembler.result

    async def __aenter__(self) -> ChatStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __aiter__(self) -> AsyncIterator[StreamEvent]:
        if self._iterator is None:
            self._iterator = self._events()
        return self._iterator

    async def aclose(self) -> None:
        """Stop the stream and close the HTTP response (safe to call more than once)."""
        iterator = self._iterator
        try:
            if iterator is not None and hasattr(iterator, "aclose"):
                with contextlib.suppress(RuntimeError):  # still running in another task
                    await iterator.aclose()
        finally:
            if self._response is not None:
                await self._response.aclose()

    def _interrupted(self, reason: str) -> StreamInterruptedError:
        result = self._assembler.result
        result.interrupted = True
        who = self._client.provider_name
        got_text = any(c.text or c.reasoning or c.tool_calls for c in result.choices)
        explanation = f"The reply from {who} was interrupted ({reason})."
        if got_text:
            explanation += " The text received so far is kept."
        return StreamInterruptedError(
            explanation, provider=who, partial=result, request_id=self.request_id
        )

    def _too_large(self, what: str, limit: int, received: int, setting: str) -> APIError:
        result = self._assembler.result
        result.interrupted = True
        who = self._client.provider_name
        got_text = any(c.text or c.reasoning or c.tool_calls for c in result.choices)
        explanation = (
            f"The reply from {who} was stopped: it sent {what} larger than the limit of "
            f"{describe_size(limit)}. Raise the setting {setting} if this is expected."
        )
        if got_text:
            explanation += " The text received so far is kept."
        log.warning("%s: %s over %d bytes; stream stopped", who, what, limit)
        return StreamTooLargeError(
            explanation, provider=who, partial=result, request_id=self.request_id,
            limit=limit, received=received,
        )

    async def _events(self) -> AsyncIterator[StreamEvent]:
        client = self._client
        limits = client.limits
        retries = 0
        while True:
            response = await client._send(
                "POST", self._path, body=self._body, accept="text/event-stream",
                on_retry=self._on_retry,
            )
            self._response = response
            self.request_id = request_id_from(response.headers)
            parser = make_stream_parser(self._style)
            guard = SSELengthGuard(limits.sse_line_bytes)
            received = False
            total = 0
            try:
                try:
                    async for chunk in decoded_chunks(response):
                        received = True
                        total += len(chunk)
                        if total > limits.response_bytes:
                            raise self._too_large("a reply", limits.response_bytes, total,
                                                  "limits.response_mb")
                        try:
                            guard.feed(chunk)
                        except SSELimitError as exc:
                            raise self._too_large(f"{exc.what} of its event stream",
                                                  guard.limit, exc.size,
                                                  "limits.sse_line_mb") from None
                        if len(self._head) < 512:
                            self._head += chunk[: 512 - len(self._head)]
                        for event in parser.feed(chunk):
                            yield self._check(event)
                except httpx.HTTPError as exc:
                    if (
                        not received
                        and should_retry_exception(exc)
                        and client.retry.can_retry(retries)
                    ):
                        delay = client.retry.delay(retries) or 0.0
                        log.info("stream broke before any data; retrying in %.2f s", delay)
                        retries += 1
                        await response.aclose()
                        await client.retry.sleep(delay)
                        continue
                    for event in parser.close():
                        if not isinstance(event, StreamEnd):
                            yield self._check(event)
                    reason = "the connection broke"
                    if isinstance(exc, httpx.TimeoutException):
                        reason = f"no data for {client.profile.read_timeout:g} s"
                    raise self._interrupted(reason) from exc
                for event in parser.close():
                    yield self._check(event)
                return
            finally:
                await response.aclose()

    def _check(self, event: StreamEvent) -> StreamEvent:
        """Assemble the event; raise for an error or an interrupted end, else pass it on."""
        self._assembler.add(event)
        if isinstance(event, ErrorEvent):
            partial = self._assembler.result
            partial.interrupted = True
            raise self._client._stream_error(event, partial, self.request_id)
        if isinstance(event, StreamEnd) and event.interrupted:
            result = self._assembler.result
            empty = not any(c.text or c.reasoning or c.tool_calls for c in result.choices)
            head = bytes(self._head).lstrip()
            if empty and head and not head.startswith((b"{", b"[", *SSE_STARTS)):
                snippet = " ".join(head[:200].decode("utf-8", "replace").split())
                raise MalformedResponseError(
                    f"{self._client.provider_name} answered with something that is not a reply "
                    f"stream: {snippet!r}. Is the base URL an API address?",
                    provider=self._client.provider_name,
                    request_id=self.request_id,
                )
            raise self._interrupted("the stream ended before the reply was complete")
        return event
