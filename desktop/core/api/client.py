"""The async API client: one `httpx.AsyncClient` per provider, every endpoint, typed errors.

    async with ApiClient(profile, api_key) as client:
        async with client.stream_chat(request) as stream:
            async for event in stream:
                ...
        result = stream.result

Every request goes through `_send`, the one place that retries (see `retry.py`) and turns
HTTP failures into the typed errors of `errors.py`. Streams live in `chat_stream.py` (their
parsers in `parsers/`), the httpx client and network-failure errors in `connection.py`, request
bodies in `requests_*.py`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx

from desktop.core.api.assembler import StreamAssembler
from desktop.core.api.body_reader import read_capped, read_prefix, too_large_error
from desktop.core.api.chat_stream import SSE_STARTS, ChatStream
from desktop.core.api.connection import build_http_client, connection_error
from desktop.core.api.endpoints import (
    EmbeddingRequest,
    EmbeddingsResult,
    GeneratedImage,
    ImageRequest,
    ModelInfo,
    SpeechRequest,
    SpeechResult,
    parse_embeddings,
    parse_models,
)
from desktop.core.api.errors import (
    APIError,
    APIStatusError,
    MalformedResponseError,
    ResponseTooLargeError,
    error_from_status,
    error_from_stream,
    request_id_from,
)
from desktop.core.api.events import ChatResult, ErrorEvent
from desktop.core.api.image_download import ImageDownloader
from desktop.core.api.limits import ResponseLimits
from desktop.core.api.media_requests import (
    FormFiles,
    ImageEditRequest,
    ImageVariationRequest,
    Transcription,
    TranscriptionRequest,
    images_from_reply,
    parse_transcription,
)
from desktop.core.api.parsers.provider_json import MalformedResponseError as ParseError
from desktop.core.api.parsers.provider_json import ResponseBodyError, parse_chat_response
from desktop.core.api.parsers.stream_parser import make_stream_parser
from desktop.core.api.request_repair import repaired_body
from desktop.core.api.requests_anthropic import anthropic_headers, anthropic_messages_body
from desktop.core.api.requests_openai import (
    ChatRequest,
    CompletionRequest,
    completion_body,
    content_text,
    openai_chat_body,
)
from desktop.core.api.requests_responses import responses_body
from desktop.core.api.retry import (
    RetryListener,
    RetryPolicy,
    RetryWait,
    announce_wait,
    should_retry_exception,
    should_retry_status,
)
from desktop.core.api.styles import ApiStyle
from desktop.core.parameters import wire_params
from desktop.core.provider_credentials import resolve_credentials
from desktop.core.providers import CHAT_PATHS, ProviderProfile, check_api_key
from desktop.core.redaction import redact_headers, register_secret
from desktop.core.secrets import SecretStore

log = logging.getLogger(__name__)

MAX_ERROR_BODY = 64 * 1024  # bytes of an error body worth reading for its message
# Commas allowed per model-list entry before parsing (OpenRouter's rich entries have ~60).
MODEL_LIST_VALUES_PER_ENTRY = 64


def prompt_from_messages(request: ChatRequest) -> str:
    """A legacy completion prompt from chat messages: their texts, one paragraph each."""
    return "\n\n".join(t for t in (content_text(m.get("content")) for m in request.messages) if t)


def _looks_like_sse(content_type: str, body: bytes) -> bool:
    return "event-stream" in content_type or body.lstrip().startswith(SSE_STARTS)


class ApiClient:
    """Talks to one provider; create one per profile and close it (`async with`)."""

    def __init__(
        self,
        profile: ProviderProfile,
        api_key: str | None,
        *,
        retry: RetryPolicy | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        limits: ResponseLimits | None = None,
        secrets: SecretStore | None = None,
    ) -> None:
        # Secret headers and a proxy password are in the keyring, the profile names them only.
        profile = resolve_credentials(profile, secrets)
        self.profile = profile
        self.limits = limits or ResponseLimits()
        """Caps on what the provider may send (`ResponseLimits.from_settings(settings)`)."""
        if api_key:
            register_secret(api_key)
            api_key = check_api_key(api_key, profile.name)
            register_secret(api_key)
        self._api_key = api_key
        self.retry = retry or RetryPolicy(max_retries=profile.max_retries)
        self.http = http_client or build_http_client(profile, transport)

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()

    @property
    def provider_name(self) -> str:
        return self.profile.name

    # -- the one request path -------------------------------------------------------------

    def _headers(self, accept: str) -> dict[str, str]:
        headers = {"Accept": accept}
        if self.profile.api_style is ApiStyle.ANTHROPIC_MESSAGES:
            headers.update(anthropic_headers(self._api_key))
        elif self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        headers.update(self.profile.extra_headers)
        return headers

    async def _read_error_body(self, response: httpx.Response) -> bytes:
        try:
            return await read_prefix(response, MAX_ERROR_BODY)
        except httpx.HTTPError as exc:
            log.debug("error body of %s cut short: %s", self.provider_name, exc)
            return b""

    async def _send(
        self, method: str, path: str, *, body: dict[str, Any] | None, accept: str,
        on_retry: RetryListener | None = None, extra_headers: dict[str, str] | None = None,
        once: bool = False, form: tuple[dict[str, str], FormFiles] | None = None,
    ) -> httpx.Response:
        """Send with retries; returns a successful response whose body is not read yet.

        `on_retry` hears of each wait before a retry (the window shows it on the reply);
        `extra_headers` are added unless the profile sets the same header (task routes);
        `once`: retried only when the request surely did not arrive (a paid task submit).
        `form` (fields, files) sends a multipart body instead of JSON."""
        fields, files = form if form is not None else (None, None)
        url = path if "://" in path else self.profile.request_url(path)
        headers = self._headers(accept)
        present = {name.lower() for name in headers}
        headers.update({k: v for k, v in (extra_headers or {}).items() if k.lower() not in present})
        retries = 0
        repaired = False
        while True:
            request = self.http.build_request(method, url, json=body, data=fields, files=files,
                                              headers=headers)
            log.debug("%s %s headers=%s", method, url, redact_headers(request.headers))
            delay: float | None
            retry_reason: str | None = None
            try:
                response = await self.http.send(request, stream=True)
            except httpx.HTTPError as exc:
                error = connection_error(exc, url, self.profile)
                unsent = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout)
                if not (should_retry_exception(exc) and self.retry.can_retry(retries)
                        and (unsent or not once)):
                    raise error from exc
                delay = self.retry.delay(retries)
                retry_reason = "connection"
                log.info("retrying %s after %s (in %.2f s)", url, type(exc).__name__, delay or 0)
            else:
                if response.status_code < 300:
                    return response
                try:
                    raw = await self._read_error_body(response)
                finally:
                    await response.aclose()
                status_error = self._status_error(response, raw)
                retryable = (
                    should_retry_status(response.status_code, response.headers)
                    and status_error.retryable
                    and self.retry.can_retry(retries)
                    and (response.status_code == 429 or not once)
                )
                delay = self.retry.delay(retries, response.headers) if retryable else None
                if delay is None:
                    fixed = None if repaired else repaired_body(body, status_error)
                    if fixed is None:
                        raise status_error
                    log.warning(
                        "%s rejected a parameter; resending without it: %s",
                        self.provider_name,
                        status_error.provider_message,
                    )
                    body, repaired = fixed, True
                    continue
                log.info(
                    "retrying %s after status %d (in %.2f s)", url, response.status_code, delay
                )
            assert delay is not None
            reason = str(response.status_code) if retry_reason is None else retry_reason
            announce_wait(on_retry, RetryWait(retries + 1, self.retry.max_retries, delay, reason))
            await self.retry.sleep(delay)
            retries += 1

    def _status_error(self, response: httpx.Response, raw: bytes) -> APIStatusError:
        status = response.status_code
        if 300 <= status < 400:
            location = response.headers.get("location", "?")
            return APIStatusError(
                f"{self.provider_name} redirected the request to {location} ({status}). "
                "Use that address as the base URL.",
                provider=self.provider_name,
                status=status,
                request_id=request_id_from(response.headers),
            )
        error = error_from_status(status, response.headers, raw, provider=self.provider_name)
        log.warning("%s: %s", self.provider_name, error.details().replace("\n", " | "))
        return error

    async def _read_body(
        self, response: httpx.Response, limit: int | None = None,
        setting: str = "limits.response_mb", what: str = "a reply",
    ) -> bytes:
        """The whole body of a successful response, at most `limit` decoded bytes (the
        response limit by default; more is a `ResponseTooLargeError`); a broken body is a
        connection error."""
        limit = self.limits.response_bytes if limit is None else limit
        too_large = too_large_error(response, self.provider_name, what, limit, setting)
        try:
            return await read_capped(response, limit, too_large)
        except ResponseTooLargeError as exc:
            log.warning("%s: %s", self.provider_name, exc)
            raise
        except httpx.HTTPError as exc:
            raise connection_error(exc, str(response.request.url), self.profile) from exc
        finally:
            await response.aclose()

    async def _request_json(
        self, method: str, path: str, body: dict[str, Any] | None = None,
        check: Callable[[bytes, httpx.Response], None] | None = None,
        form: tuple[dict[str, str], FormFiles] | None = None,
    ) -> tuple[Any, httpx.Response]:
        """The parsed JSON body; `check(raw, response)` may refuse the raw bytes first."""
        response = await self._send(method, path, body=body, accept="application/json",
                                    form=form)
        if path.startswith("models"):
            raw = await self._read_body(response, self.limits.model_list_bytes,
                                        "limits.model_list_mb", "a model list")
        else:
            raw = await self._read_body(response)
        if check is not None:
            check(raw, response)
        try:
            return json.loads(raw), response
        except ValueError:
            raise self._malformed(f"The reply to {path} is not JSON", raw, response) from None

    def _malformed(self, what: str, raw: bytes, response: httpx.Response) -> MalformedResponseError:
        snippet = " ".join(raw[:200].decode("utf-8", "replace").split())
        return MalformedResponseError(
            f"{what}: {snippet!r}. Is the base URL of {self.provider_name} an API address?",
            provider=self.provider_name,
            status=response.status_code,
            request_id=request_id_from(response.headers),
        )

    def _stream_error(
        self, event: ErrorEvent, partial: ChatResult | None, rid: str | None
    ) -> APIError:
        if event.type == "malformed_stream":  # the parser could make nothing of the body
            return MalformedResponseError(
                f"{self.provider_name} sent a reply that cannot be read. {event.message}. "
                "Is the base URL an API address?",
                provider=self.provider_name,
                request_id=rid,
                partial=partial,
            )
        return error_from_stream(
            event.message,
            code=event.code or event.type,
            status=event.status,
            provider=self.provider_name,
            partial=partial,
            request_id=rid,
        )

    # -- chat -----------------------------------------------------------------------------

    def _chat_body(self, request: ChatRequest, *, stream: bool) -> tuple[str, dict[str, Any]]:
        request.validate()
        style = self.profile.api_style
        path = CHAT_PATHS[style]
        if style is ApiStyle.ANTHROPIC_MESSAGES:
            return path, anthropic_messages_body(request, stream=stream)
        if style is ApiStyle.OPENAI_RESPONSES:
            return path, responses_body(request, stream=stream)
        if style is ApiStyle.OPENAI_COMPLETIONS:
            # Refuses what the Completions API cannot send (response_format) before copying.
            wire_params(request.schema_params(), ApiStyle.OPENAI_COMPLETIONS)
            legacy = CompletionRequest(
                **request.sampling_values(),
                model=request.model,
                prompt=prompt_from_messages(request),
            )
            return path, completion_body(
                legacy, stream=stream, include_usage=self.profile.include_usage
            )
        return path, openai_chat_body(
            request, stream=stream, include_usage=self.profile.include_usage
        )

    async def chat(self, request: ChatRequest, *,
                   on_retry: RetryListener | None = None) -> ChatResult:
        """A whole (non-streamed) reply."""
        path, body = self._chat_body(request, stream=False)
        return await self._chat_once(self.profile.api_style, path, body, on_retry)

    async def complete(self, request: CompletionRequest) -> ChatResult:
        """A legacy text completion (POST /completions), not streamed."""
        request.validate()
        body = completion_body(request, stream=False, include_usage=False)
        return await self._chat_once(ApiStyle.OPENAI_COMPLETIONS, "completions", body)

    async def _chat_once(self, style: ApiStyle, path: str, body: dict[str, Any],
                         on_retry: RetryListener | None = None) -> ChatResult:
        response = await self._send("POST", path, body=body, accept="application/json",
                                    on_retry=on_retry)
        raw = await self._read_body(response)
        rid = request_id_from(response.headers)
        if _looks_like_sse(response.headers.get("content-type", ""), raw):
            # Some relays stream whatever was asked; decode it as the stream it is.
            parser = make_stream_parser(style)
            assembler = StreamAssembler()
            for event in [*parser.feed(raw), *parser.close()]:
                assembler.add(event)
                if isinstance(event, ErrorEvent):
                    raise self._stream_error(event, assembler.result, rid)
            return assembler.result
        try:
            return parse_chat_response(style, raw)
        except ResponseBodyError as exc:
            raise self._stream_error(exc.error, None, rid) from None
        except ParseError as exc:
            raise self._malformed(
                f"{self.provider_name} sent a reply that cannot be read ({exc})", b"", response
            ) from None

    def stream_chat(self, request: ChatRequest, *,
                    on_retry: RetryListener | None = None) -> ChatStream:
        """A streamed reply: use as `async with client.stream_chat(r) as s: async for e in s`."""
        path, body = self._chat_body(request, stream=True)
        return ChatStream(self, self.profile.api_style, path, body, on_retry=on_retry)

    def stream_complete(self, request: CompletionRequest) -> ChatStream:
        """A streamed legacy text completion."""
        request.validate()
        body = completion_body(request, stream=True, include_usage=self.profile.include_usage)
        return ChatStream(self, ApiStyle.OPENAI_COMPLETIONS, "completions", body)

    # -- other endpoints ------------------------------------------------------------------

    async def get_json(self, path: str, *, limit: int = MAX_ERROR_BODY) -> Any:
        """GET `path` (relative to the base URL, or a full URL on the base URL's host: the key
        goes nowhere else) and parse its JSON body of at most `limit` bytes."""
        if "://" in path and httpx.URL(path).netloc != httpx.URL(self.profile.base_url).netloc:
            raise ValueError(f"{path} is not on the host of {self.provider_name}")
        response = await self._send("GET", path, body=None, accept="application/json")
        raw = await self._read_body(response, limit, "limits.response_mb", "a JSON reply")
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            raise self._malformed(f"The reply to {path} is not JSON", raw, response) from None

    async def list_models(self) -> list[ModelInfo]:
        path = "models"
        if self.profile.api_style is ApiStyle.ANTHROPIC_MESSAGES:
            path = "models?limit=1000"
        data, response = await self._request_json("GET", path, check=self._check_model_list)
        try:
            models = parse_models(data)
        except ValueError as exc:
            raise self._malformed(str(exc), json.dumps(data).encode(), response) from None
        if len(models) > self.limits.model_list_entries:
            raise self._too_many_models(len(models), response)
        return models

    def _check_model_list(self, raw: bytes, response: httpx.Response) -> None:
        """Refuse a list whose JSON holds far more values than the entry limit allows before
        parsing it (a few MB of tiny values parse into hundreds of MB of objects)."""
        values = raw.count(b",") + 1
        if values > MODEL_LIST_VALUES_PER_ENTRY * self.limits.model_list_entries:
            raise self._too_many_models(values // MODEL_LIST_VALUES_PER_ENTRY, response)

    def _too_many_models(self, count: int, response: httpx.Response) -> ResponseTooLargeError:
        limit = self.limits.model_list_entries
        log.warning("%s lists about %d models, over the limit of %d", self.provider_name,
                    count, limit)
        return ResponseTooLargeError(
            f"{self.provider_name} lists {count} or more models, more than the limit of "
            f"{limit}; the list was not used. Raise the setting limits.model_list_entries "
            "if this is expected.",
            provider=self.provider_name,
            status=response.status_code,
            request_id=request_id_from(response.headers),
            limit=limit,
            received=count,
        )

    async def generate_images(self, request: ImageRequest) -> list[GeneratedImage]:
        """Generated images as bytes; `url` results are downloaded (without our key)."""
        body = request.body(self.profile.image_size_separator)
        return await self._images("images/generations", body=body)

    async def edit_image(self, request: ImageEditRequest) -> list[GeneratedImage]:
        """POST /images/edits (multipart): the image changed where the mask is transparent."""
        return await self._images("images/edits",
                                  form=request.form(self.profile.image_size_separator))

    async def image_variations(self, request: ImageVariationRequest) -> list[GeneratedImage]:
        """POST /images/variations (multipart): new images like the given one."""
        return await self._images("images/variations",
                                  form=request.form(self.profile.image_size_separator))

    async def _images(self, path: str, *, body: dict[str, Any] | None = None,
                      form: tuple[dict[str, str], FormFiles] | None = None
                      ) -> list[GeneratedImage]:
        data, response = await self._request_json("POST", path, body, form=form)
        downloader = ImageDownloader(self.http, self.profile, self.limits)
        cap = self.limits.images_per_reply
        images, usable = await images_from_reply(data, downloader, cap)
        if usable > cap:
            log.warning("%s returned %d images; keeping the first %d (limits.images_per_reply)",
                        self.provider_name, usable, cap)
        if not images:
            raise self._malformed(
                "The image reply holds no images", json.dumps(data).encode()[:400], response
            )
        return images

    async def transcribe(self, request: TranscriptionRequest) -> Transcription:
        """Speech to text: POST /audio/transcriptions (multipart) and the text heard."""
        response = await self._send("POST", "audio/transcriptions", body=None,
                                    accept="application/json, text/plain", form=request.form())
        raw = await self._read_body(response)
        try:
            return parse_transcription(raw, response.headers.get("content-type", ""))
        except ValueError as exc:
            raise self._malformed(str(exc), raw, response) from None

    async def speech(self, request: SpeechRequest) -> SpeechResult:
        """Text to speech: the audio bytes and their content type."""
        response = await self._send("POST", "audio/speech", body=request.body(), accept="*/*")
        audio = await self._read_body(response)
        content_type = response.headers.get("content-type", "application/octet-stream")
        if "json" in content_type:
            raise self._malformed("Expected audio but got JSON", audio, response)
        return SpeechResult(audio, content_type)

    async def embeddings(self, request: EmbeddingRequest) -> EmbeddingsResult:
        data, response = await self._request_json("POST", "embeddings", request.body())
        try:
            return parse_embeddings(data)
        except ValueError as exc:
            raise self._malformed(str(exc), b"", response) from None
