"""Image generation in a conversation: the prompt as a user message, `/images/generations`,
the images stored once in the history as the reply.

Mirrors `ChatService`: setup problems (unknown provider, no key, invalid size) raise
`ChatSetupError` before anything is written; the reply exists (status `streaming`) while the
request runs, so a view can show it as busy; a provider error is stored on the reply
(status `error`, the typed error's explanation) and returned; cancelling the task leaves the
reply `interrupted` ("Stopped.") before the CancelledError goes on. The same listener and
result types as chat are used, so the GUI runs both the same way.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import GeneratedImage, ImageRequest
from desktop.core.api.errors import APIError
from desktop.core.chat_messages import title_from
from desktop.core.chat_service import (
    ChatService,
    ChatSetupError,
    ExchangeListener,
    ExchangeResult,
)
from desktop.core.store.attachments import sniff_mime
from desktop.core.store.errors import StoreError
from desktop.core.store.models import (
    STOPPED_BY_USER,
    ContentPart,
    ImagePart,
    Message,
    MessageStatus,
    Role,
    TextPart,
)
from desktop.core.store.store import ACTIVE_LEAF

log = logging.getLogger(__name__)

IMAGE_COMMAND = "/image"


def parse_image_command(text: str) -> str | None:
    """The prompt of `/image <prompt>` ("" for a bare `/image`); None for any other text."""
    stripped = text.strip()
    head = stripped[: len(IMAGE_COMMAND)]
    if head.lower() != IMAGE_COMMAND:
        return None
    rest = stripped[len(IMAGE_COMMAND):]
    if rest and not rest[0].isspace():  # "/images of…" is text, not the command
        return None
    return rest.strip()


@dataclass(frozen=True)
class ImageSettings:
    """What to generate with; None means "not sent" (the provider's default)."""

    provider: str
    model: str
    size: str | None = None  # "1024x1024", "auto", …
    n: int | None = None
    quality: str | None = None
    style: str | None = None

    def request(self, prompt: str) -> ImageRequest:
        return ImageRequest(
            model=self.model, prompt=prompt, n=self.n, size=self.size,
            quality=self.quality, style=self.style,
        )


def image_parts(
    add_attachment: Callable[[bytes, str, str], ImagePart], images: Sequence[GeneratedImage]
) -> list[ContentPart]:
    """Each image stored once (by content) as an ImagePart, then the revised prompts as text.

    Blocking (writes files): run it in a worker thread.
    """
    parts: list[ContentPart] = []
    revised: list[str] = []
    for number, image in enumerate(images, start=1):
        mime = sniff_mime(image.data) or image.content_type or "image/png"
        parts.append(add_attachment(image.data, mime, f"image-{number}{image.extension}"))
        if image.revised_prompt and image.revised_prompt not in revised:
            revised.append(image.revised_prompt)
    parts.extend(TextPart(text) for text in revised)
    return parts


class ImageGenerationService:
    """Generates images into conversations, with ChatService's store, providers and clients."""

    def __init__(self, chat: ChatService) -> None:
        self.chat = chat
        self.store = chat.store

    async def generate(
        self,
        conversation_id: int | None,
        prompt: str,
        settings: ImageSettings,
        *,
        listener: ExchangeListener | None = None,
    ) -> ExchangeResult:
        """Append `prompt` to the conversation (a new one, titled from it, when None) and
        generate its images as the reply."""
        listener = listener or ExchangeListener()
        request = self._validated(prompt, settings)
        client = await self._client(settings)
        store = self.store
        if conversation_id is None:
            conversation = await asyncio.to_thread(
                store.create_conversation, title_from(prompt), provider=settings.provider,
                model=settings.model,
            )
        else:
            conversation = await asyncio.to_thread(store.get_conversation, conversation_id)
        user = await asyncio.to_thread(
            store.append_message, conversation.id, Role.USER, prompt, parent_id=ACTIVE_LEAF
        )
        listener.user_message_added(user)
        if not conversation.title:
            await asyncio.to_thread(
                store.update_conversation, conversation.id, title=title_from(prompt)
            )
        reply, error = await self._reply(conversation.id, user.id, client, request, settings,
                                         listener)
        return ExchangeResult(user, [reply], error)

    async def regenerate(
        self, reply_id: int, settings: ImageSettings, *, listener: ExchangeListener | None = None
    ) -> ExchangeResult:
        """New images for the prompt that `reply_id` answered, as a sibling of that reply."""
        listener = listener or ExchangeListener()
        reply = await asyncio.to_thread(self.store.get_message, reply_id)
        if reply.parent_id is None:
            raise ChatSetupError("This reply has no prompt to generate from.")
        user = await asyncio.to_thread(self.store.get_message, reply.parent_id)
        request = self._validated(user.text, settings)
        client = await self._client(settings)
        new_reply, error = await self._reply(reply.conversation_id, user.id, client, request,
                                             settings, listener)
        return ExchangeResult(None, [new_reply], error)

    # ----------------------------------------------------------------- internals

    @staticmethod
    def _validated(prompt: str, settings: ImageSettings) -> ImageRequest:
        request = settings.request(prompt)
        try:
            request.body()
        except ValueError as exc:  # RequestValidationError: no prompt, bad size or n
            raise ChatSetupError(str(exc)) from exc
        return request

    async def _fetch(self, client: ApiClient, request: Any) -> list[GeneratedImage]:
        """The images for `request` (image edits override this: `image_edits.py`)."""
        return await client.generate_images(request)

    async def _client(self, settings: ImageSettings) -> ApiClient:
        return await self.chat.client_for(settings.provider)

    async def _reply(
        self,
        conversation_id: int,
        parent_id: int,
        client: ApiClient,
        request: Any,  # ImageRequest, or an edit's request (image_edits.py)
        settings: ImageSettings,
        listener: ExchangeListener,
    ) -> tuple[Message, APIError | None]:
        store = self.store
        reply = await asyncio.to_thread(
            store.begin_reply, conversation_id, parent_id=parent_id, model=settings.model,
            provider=settings.provider,
        )
        listener.reply_started(reply)  # shown at once, as busy
        parts: list[ContentPart] | None = None
        error: APIError | None = None
        cancelled = False
        try:
            images = await self._fetch(client, request)
            parts = await asyncio.to_thread(image_parts, store.add_attachment, images)
        except asyncio.CancelledError:
            cancelled = True
        except APIError as exc:
            error = exc
            log.warning("image generation in conversation %s failed: %s", conversation_id, exc)
        except StoreError as exc:  # e.g. an image over the attachment size limit
            error = APIError(str(exc), provider=settings.provider)
        if cancelled:
            status, error_text = MessageStatus.INTERRUPTED, STOPPED_BY_USER
        elif error is not None:
            status, error_text = MessageStatus.ERROR, str(error)
        else:
            status, error_text = MessageStatus.COMPLETE, None
        final = await asyncio.to_thread(
            store.finish_reply, reply.id, status, parts=parts, error=error_text,
        )
        listener.reply_finished(final)
        if cancelled:
            raise asyncio.CancelledError
        return final, error
