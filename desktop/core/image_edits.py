"""Image edits and variations in a conversation, recorded like image generations.

The source image (and the prompt, or a label for variations) becomes a user message; the
reply holds the images `/images/edits` or `/images/variations` returned, stored once as
attachments. So every paid result stays in the history, can be saved, copied, opened, and
edited again from its own context menu. The mask is sent, not stored: it only matters for
the request.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import GeneratedImage
from desktop.core.api.media_requests import ImageEditRequest, ImageVariationRequest, Upload
from desktop.core.chat_service import ChatSetupError, ExchangeListener, ExchangeResult
from desktop.core.image_generation import ImageGenerationService, ImageSettings
from desktop.core.store.models import ContentPart, Role, TextPart
from desktop.core.store.store import ACTIVE_LEAF


@dataclass(frozen=True)
class ImageEdit:
    """What to send: the image (PNG bytes), the mask (PNG, transparent = change) or None,
    and the prompt; `variations` asks for new images like the source instead (no prompt)."""

    image: bytes
    prompt: str = ""
    mask: bytes | None = None
    variations: bool = False
    name: str = "image.png"

    def request(self, settings: ImageSettings) -> ImageEditRequest | ImageVariationRequest:
        image = Upload(self.image, self.name, "image/png")
        if self.variations:
            return ImageVariationRequest(image, model=settings.model or None, n=settings.n,
                                         size=settings.size)
        mask = Upload(self.mask, "mask.png", "image/png") if self.mask is not None else None
        return ImageEditRequest(image, self.prompt, model=settings.model or None, mask=mask,
                                n=settings.n, size=settings.size)


class ImageEditService(ImageGenerationService):
    """Sends edits and variations into conversations (ImageGenerationService's reply path)."""

    async def edit(
        self, conversation_id: int, edit: ImageEdit, settings: ImageSettings, *,
        label: str = "", listener: ExchangeListener | None = None,
    ) -> ExchangeResult:
        """Append the source image with the prompt (or `label`) and answer with the results."""
        listener = listener or ExchangeListener()
        request = edit.request(settings)
        try:
            request.form()
        except ValueError as exc:  # RequestValidationError: no prompt, bad mask, size or n
            raise ChatSetupError(str(exc)) from exc
        client = await self._client(settings)
        store = self.store
        source = await asyncio.to_thread(store.add_attachment, edit.image, "image/png",
                                         edit.name)
        text = edit.prompt.strip() if not edit.variations else label
        parts: list[ContentPart] = [TextPart(text)] if text else []
        parts.append(source)
        user = await asyncio.to_thread(store.append_message, conversation_id, Role.USER, parts,
                                       parent_id=ACTIVE_LEAF)
        listener.user_message_added(user)
        reply, error = await self._reply(conversation_id, user.id, client, request, settings,
                                         listener)
        return ExchangeResult(user, [reply], error)

    async def _fetch(self, client: ApiClient, request: object) -> list[GeneratedImage]:
        if isinstance(request, ImageEditRequest):
            return await client.edit_image(request)
        if isinstance(request, ImageVariationRequest):
            return await client.image_variations(request)
        return await super()._fetch(client, request)

