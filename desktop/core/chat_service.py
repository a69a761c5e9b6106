"""Sending, regenerating, editing and continuing chat turns: API client in, history store out.

The GUI and `switchboard ask` both go through `ChatService`, so a reply is streamed, shown and
saved the same way everywhere. Store calls run in worker threads (`asyncio.to_thread`), the
streamed text is checkpointed by the store's background writer, and listener callbacks run on
the event loop's thread — under qasync that is the Qt thread, so handlers must stay cheap.

Cancelling the task that runs an exchange closes the HTTP stream and saves the partial reply
as interrupted before the CancelledError goes on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError, StreamInterruptedError
from desktop.core.api.events import (
    AnnotationsEvent,
    ChatResult,
    MetadataEvent,
    ReasoningDelta,
    RefusalDelta,
    StreamEnd,
    TextDelta,
    UsageEvent,
)
from desktop.core.api.limits import ResponseLimits
from desktop.core.api.requests_openai import ChatRequest
from desktop.core.api.retry import RetryListener, RetryWait
from desktop.core.api.styles import ApiStyle
from desktop.core.chat_exchange import (
    ChatSettings,
    ChatSetupError,
    ExchangeListener,
    ExchangeResult,
)
from desktop.core.chat_messages import build_messages, title_from
from desktop.core.conversation_settings import remember_settings
from desktop.core.parameters import RequestValidationError, check_params, wire_params
from desktop.core.pricing.recording import price_finished
from desktop.core.providers import ProviderProfile, ProviderRegistry, resolve_api_key
from desktop.core.reply_parts import Usage
from desktop.core.reply_state import ReplyState, Totals
from desktop.core.secrets import SecretStore
from desktop.core.store.models import (
    STOPPED_BY_USER,
    ContentPart,
    Message,
    MessageStatus,
    Role,
)
from desktop.core.store.store import ACTIVE_LEAF, ActiveLeaf, Store

if TYPE_CHECKING:
    from desktop.core.knowledge.chat_hook import KnowledgeHook

# The exchange's parts (core/chat_exchange.py) are imported from here by most callers.
__all__ = ["ChatService", "ChatSettings", "ChatSetupError", "ExchangeListener",
           "ExchangeResult"]
log = logging.getLogger(__name__)

KEY_TIMEOUT_S = 20.0  # a locked keyring may show an unlock prompt; don't wait forever
CONTINUE_PROMPT = "Continue exactly where your previous reply stopped, without repeating it."

ClientFactory = Callable[[ProviderProfile, "str | None"], ApiClient]


class ChatService:
    """Runs chat exchanges for conversations in a Store, with providers from a registry."""

    def __init__(
        self,
        store: Store,
        providers: ProviderRegistry,
        *,
        secrets: SecretStore | None = None,
        client_factory: ClientFactory | None = None,
        limits: ResponseLimits | None = None,
        knowledge: KnowledgeHook | None = None,
    ) -> None:
        """`knowledge` adds knowledge-base sources to each user turn of a conversation with
        bases attached (see core/knowledge/chat_hook.py)."""
        self.store = store
        self.knowledge = knowledge
        self.providers = providers
        self.secrets = secrets or SecretStore()
        self.limits = limits or ResponseLimits()  # caps on what providers may send (settings)
        self._client_factory = client_factory or (
            lambda p, key: ApiClient(p, key, limits=self.limits))
        self._clients: dict[str, tuple[str, ApiClient]] = {}
        self._live: dict[int, ReplyState] = {}  # streaming replies by message id

    def live_replies(self, conversation_id: int) -> list[Message]:
        """The replies of `conversation_id` streaming now, with their text so far."""
        return [state.current() for state in list(self._live.values())
                if state.conversation_id == conversation_id]

    async def close(self) -> None:
        clients, self._clients = self._clients, {}
        for _fingerprint, client in clients.values():
            await client.aclose()

    # ----------------------------------------------------------------- public turns

    async def send(
        self,
        conversation_id: int,
        content: str | Sequence[ContentPart],
        settings: ChatSettings,
        *,
        listener: ExchangeListener | None = None,
    ) -> ExchangeResult:
        """Append the user's message under the active leaf and stream the reply."""
        return await self._user_turn(conversation_id, content, ACTIVE_LEAF, settings, listener)

    async def regenerate(
        self, reply_id: int, settings: ChatSettings, *, listener: ExchangeListener | None = None
    ) -> ExchangeResult:
        """A new reply to the same user message, as a sibling of `reply_id`.

        A reply that failed with nothing in it is replaced rather than kept beside the new
        one: retrying a refused request leaves one branch, not one per attempt.
        """
        listener = listener or ExchangeListener()
        client, request_settings = await self._prepare(settings)
        reply = await asyncio.to_thread(self.store.get_message, reply_id)
        if reply.parent_id is None:
            raise ChatSetupError("This reply has no message to answer.")
        if reply.status is MessageStatus.ERROR and not reply.parts and not reply.reasoning:
            await asyncio.to_thread(self.store.delete_message, reply.id)
        replies, error = await self._stream(reply.conversation_id, reply.parent_id, client,
                                            request_settings, listener)
        return ExchangeResult(None, replies, error)

    async def edit_and_resend(
        self,
        user_message_id: int,
        content: str | Sequence[ContentPart],
        settings: ChatSettings,
        *,
        listener: ExchangeListener | None = None,
    ) -> ExchangeResult:
        """The edited message becomes a sibling of the original (a new branch), then a reply."""
        original = await asyncio.to_thread(self.store.get_message, user_message_id)
        return await self._user_turn(
            original.conversation_id, content, original.parent_id, settings, listener
        )

    async def reply_to(
        self, message_id: int, settings: ChatSettings, *, listener: ExchangeListener | None = None
    ) -> ExchangeResult:
        """A new reply under `message_id` (the tool-call loop answers its last tool result)."""
        listener = listener or ExchangeListener()
        client, request_settings = await self._prepare(settings)
        message = await asyncio.to_thread(self.store.get_message, message_id)
        replies, error = await self._stream(message.conversation_id, message.id, client,
                                            request_settings, listener)
        return ExchangeResult(None, replies, error)

    async def continue_reply(
        self, reply_id: int, settings: ChatSettings, *, listener: ExchangeListener | None = None,
        remember: bool = True,
    ) -> ExchangeResult:
        """Ask the model to go on with an interrupted reply; the new text is appended to it.

        `remember=False` leaves the conversation's settings alone (a compared column)."""
        listener = listener or ExchangeListener()
        client, request_settings = await self._prepare(settings)
        reply = await asyncio.to_thread(self.store.get_message, reply_id)
        if reply.role is not Role.ASSISTANT:
            raise ChatSetupError("Only a reply can be continued.")
        replies, error = await self._stream(reply.conversation_id, reply.id, client,
                                            request_settings, listener, continuing=reply,
                                            remember=remember)
        return ExchangeResult(None, replies, error)

    async def prepare(self, settings: ChatSettings) -> tuple[ApiClient, ChatSettings]:
        """The client and checked settings of a request (ChatSetupError before any write);
        for callers that run several replies at once (core/compare_service.py)."""
        return await self._prepare(settings)

    async def reply_under(
        self, conversation_id: int, parent_id: int, client: ApiClient, settings: ChatSettings,
        listener: ExchangeListener, *, make_active: bool = True, remember: bool = True,
    ) -> tuple[list[Message], APIError | None]:
        """Stream a reply under `parent_id` with a prepared client; `make_active=False`
        leaves the active leaf alone, `remember=False` the conversation's settings."""
        return await self._stream(conversation_id, parent_id, client, settings, listener,
                                  make_active=make_active, remember=remember)

    # ----------------------------------------------------------------- internals

    async def _user_turn(
        self,
        conversation_id: int,
        content: str | Sequence[ContentPart],
        parent_id: int | ActiveLeaf | None,
        settings: ChatSettings,
        listener: ExchangeListener | None,
    ) -> ExchangeResult:
        """Save a user message under `parent_id` (titling a new conversation), then reply."""
        listener = listener or ExchangeListener()
        client, request_settings = await self._prepare(settings)
        conversation = await asyncio.to_thread(self.store.get_conversation, conversation_id)
        user = await asyncio.to_thread(
            self.store.append_message, conversation_id, Role.USER, content, parent_id=parent_id
        )
        listener.user_message_added(user)
        if not conversation.title:
            await asyncio.to_thread(
                self.store.update_conversation, conversation_id, title=title_from(content)
            )
        replies, error = await self._stream(conversation_id, user.id, client, request_settings,
                                            listener)
        return ExchangeResult(user, replies, error)

    async def _prepare(self, settings: ChatSettings) -> tuple[ApiClient, ChatSettings]:
        """Resolve provider, key and client, and validate the parameters — or ChatSetupError."""
        try:
            profile = self.providers.get(settings.provider)
        except Exception as exc:  # the registry's own error says which provider is unknown
            raise ChatSetupError(str(exc)) from exc
        try:  # the schema's check, and what this API style can send, before anything is written
            checked = check_params(settings.params)
            wire_params(checked, profile.api_style)
        except RequestValidationError as exc:
            raise ChatSetupError(str(exc)) from exc
        params = {**settings.params, **checked}  # names the schema does not know pass through
        return await self._client(profile), replace(settings, params=params)

    async def client_for(self, provider: str) -> ApiClient:
        """The (shared, cached) client of a provider, for other endpoints such as speech."""
        try:
            profile = self.providers.get(provider)
        except Exception as exc:  # the registry's own error says which provider is unknown
            raise ChatSetupError(str(exc)) from exc
        return await self._client(profile)

    async def _client(self, profile: ProviderProfile) -> ApiClient:
        fingerprint = json.dumps(profile.to_json(), sort_keys=True, default=str)
        cached = self._clients.get(profile.name)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
        try:
            key = await asyncio.wait_for(
                asyncio.to_thread(resolve_api_key, profile, self.secrets), KEY_TIMEOUT_S
            )
        except TimeoutError as exc:
            raise ChatSetupError(
                "The system keyring did not answer (is it locked?). Unlock it and try again."
            ) from exc
        except Exception as exc:  # MissingKeyError, KeyringUnavailableError: their text says why
            raise ChatSetupError(str(exc)) from exc
        if cached is not None:
            await cached[1].aclose()
        client = self._client_factory(profile, key)
        self._clients[profile.name] = (fingerprint, client)
        return client

    async def _stream(
        self,
        conversation_id: int,
        parent_id: int,
        client: ApiClient,
        settings: ChatSettings,
        listener: ExchangeListener,
        *,
        continuing: Message | None = None,
        make_active: bool = True,
        remember: bool = True,
    ) -> tuple[list[Message], APIError | None]:
        path = await asyncio.to_thread(self.store.path_to, parent_id)
        messages = await asyncio.to_thread(
            build_messages, path, settings.system_prompt, self.store.read_attachment,
            native_pdf=client.profile.send_pdfs_natively,
        )
        if continuing is not None and client.profile.api_style is not ApiStyle.ANTHROPIC_MESSAGES:
            # Anthropic continues a trailing assistant message by itself; others need asking.
            messages.append({"role": "user", "content": CONTINUE_PROMPT})
        request = ChatRequest.from_options(settings.model, messages, dict(settings.params))
        if settings.tools:
            request.tools, request.tool_choice = list(settings.tools), settings.tool_choice
            request.validate()
        started = time.monotonic()
        states: dict[int, ReplyState] = {}

        async def state_for(index: int) -> ReplyState:
            state = states.get(index)
            if state is None:
                if continuing is not None and index == 0:
                    message = continuing
                else:
                    message = await asyncio.to_thread(
                        self.store.begin_reply, conversation_id, parent_id=parent_id,
                        model=settings.model, provider=settings.provider,
                        make_active=make_active and index == 0,
                    )
                checkpointer = self.store.checkpointer(message.id)
                state = ReplyState(message, checkpointer, started, conversation_id)
                if continuing is not None and index == 0:
                    checkpointer.append(continuing.text, continuing.reasoning)
                    state.base_length = len(continuing.text)
                states[index] = state
                self._live[message.id] = state
                listener.reply_started(message)
            return state

        first = await state_for(0)  # the first reply exists before the request: shown at once
        totals = Totals()
        error: APIError | None = None
        cancelled = False
        first_id = first.message.id

        def on_retry(wait: RetryWait) -> None:
            listener.reply_waiting(first_id, wait)

        try:
            if self.knowledge and continuing is None and path and path[-1].role is Role.USER:
                request = await self.knowledge.apply(self.store, conversation_id, path[-1],
                                                     request, first_id, listener)
            if settings.stream:
                await self._consume_stream(client, request, states, state_for, listener, totals,
                                           on_retry)
            else:
                await self._deliver_whole(client, request, state_for, listener, totals,
                                          on_retry)
        except asyncio.CancelledError:
            cancelled = True
        except APIError as exc:
            error = exc
            log.warning("reply in conversation %s failed: %s", conversation_id, exc)
        result, usage, model = totals.result, totals.usage, totals.model
        try:
            finals = await self._finish(states, result, usage, model, error, cancelled)
        finally:
            for state in states.values():
                self._live.pop(state.message.id, None)
        finals = await asyncio.to_thread(  # the cost, with the prices of today (core/pricing)
            price_finished, self.store, client.profile.pricing, finals, request.messages)
        for message in finals:
            listener.reply_finished(message)
        if error is None and not cancelled and remember:
            await asyncio.to_thread(
                remember_settings, self.store, conversation_id, provider=settings.provider,
                model=settings.model, params=settings.params,
                system_prompt=settings.system_prompt,
            )
        if cancelled:
            raise asyncio.CancelledError
        return finals, error

    @staticmethod
    async def _consume_stream(
        client: ApiClient,
        request: ChatRequest,
        states: dict[int, ReplyState],
        state_for: Callable[[int], Awaitable[ReplyState]],
        listener: ExchangeListener,
        totals: Totals,
        on_retry: RetryListener,
    ) -> None:
        async with client.stream_chat(request, on_retry=on_retry) as stream:
            async for event in stream:
                if isinstance(event, UsageEvent):
                    totals.usage = event.usage
                elif isinstance(event, MetadataEvent) and event.model:
                    totals.model = event.model
                index = getattr(event, "index", 0)
                state = states.get(index) or await state_for(index)
                if isinstance(event, TextDelta | ReasoningDelta):
                    if state.first_token is None:
                        state.first_token = time.monotonic()
                    if isinstance(event, TextDelta):
                        state.checkpointer.append(text=event.text)
                    else:
                        state.checkpointer.append(reasoning=event.text)
                elif isinstance(event, RefusalDelta):  # checkpointed too: a crash keeps it
                    state.checkpointer.append_refusal(event.text)
                elif isinstance(event, AnnotationsEvent):  # for a conversation opened again
                    state.add_annotations(event)
                if not isinstance(event, StreamEnd):
                    listener.reply_event(state.message.id, event)
            totals.result = stream.result

    @staticmethod
    async def _deliver_whole(
        client: ApiClient,
        request: ChatRequest,
        state_for: Callable[[int], Awaitable[ReplyState]],
        listener: ExchangeListener,
        totals: Totals,
        on_retry: RetryListener,
    ) -> None:
        """A non-streamed request, reported to the listener as one delta per choice."""
        result = await client.chat(request, on_retry=on_retry)
        for choice in result.choices:
            state = await state_for(choice.index)
            state.first_token = time.monotonic()
            state.checkpointer.append(choice.text, choice.reasoning)
            if choice.reasoning:
                listener.reply_event(state.message.id,
                                     ReasoningDelta(choice.index, choice.reasoning))
            listener.reply_event(state.message.id, TextDelta(choice.index, choice.text))
            if choice.refusal is not None:
                state.checkpointer.append_refusal(choice.refusal)
                listener.reply_event(state.message.id, RefusalDelta(choice.index, choice.refusal))
        totals.result, totals.usage, totals.model = result, result.usage, result.model

    async def _finish(
        self,
        states: dict[int, ReplyState],
        result: ChatResult | None,
        usage: Usage | None,
        model: str | None,
        error: APIError | None,
        cancelled: bool,
    ) -> list[Message]:
        """Write every choice's final state (the checkpointers' last write) and read it back."""
        choices = {choice.index: choice for choice in result.choices} if result else {}
        if result is not None and result.usage is not None:
            usage = result.usage
        interrupted = isinstance(error, StreamInterruptedError) or bool(
            result and result.interrupted
        )
        if cancelled or interrupted:
            status = MessageStatus.INTERRUPTED
        elif error is not None:
            status = MessageStatus.ERROR
        else:
            status = MessageStatus.COMPLETE
        error_text = None if error is None else str(error)
        if cancelled:
            error_text = STOPPED_BY_USER
        for index, state in sorted(states.items()):
            choice = choices.get(index)
            ttft_ms, tokens_per_second = state.timings(usage)
            state.checkpointer.finish(
                status,
                tool_calls=choice.tool_calls if choice else None,
                model=model,
                usage=usage if index == 0 else None,
                ttft_ms=ttft_ms,
                tokens_per_second=tokens_per_second,
                finish_reason=choice.finish_reason if choice else None,
                error=error_text,
                citations=choice.citations if choice else None,
                wait=False,
            )
        # Waiting for the writer threads happens off the loop; the UI never waits on disk.
        await asyncio.gather(*(asyncio.to_thread(s.checkpointer.wait) for s in states.values()))
        return [
            await asyncio.to_thread(self.store.get_message, state.message.id)
            for _index, state in sorted(states.items())
        ]
