"""Runs image generations for the window: image mode, `/image <prompt>`, Regenerate and Retry
of generated images.

A generation is an exchange of the ChatController like a chat turn: the same Stop button,
Esc, sidebar dot, inline error with the prompt given back, and shut-down. Only the model
differs: the picker's when it can generate images, else the last image model used with
that provider (remembered in the settings), else the user is asked to pick one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.image_generation import (
    ImageGenerationService,
    ImageSettings,
    parse_image_command,
)
from desktop.core.model_catalog import Capability, known_capabilities
from desktop.core.store.models import Message, MessageStatus, Role
from desktop.ui.chat_controller import Exchange

if TYPE_CHECKING:
    from desktop.ui.chat_controller import ChatController

log = logging.getLogger(__name__)


class ImageExchange(Exchange):
    """A generation shown like a streamed reply: the card says "Generating image…" meanwhile."""

    def __init__(self, controller: ChatController, conversation_id: int, *, reload: bool,
                 busy_text: str) -> None:
        super().__init__(controller, conversation_id, reload=reload)
        self.busy_text = busy_text
        self.finished: Message | None = None

    def reply_started(self, message: Message) -> None:
        super().reply_started(message)
        partial = self.partials[message.id]
        partial.text.append(self.busy_text)
        self.controller.view_update(self.conversation_id, partial.current())

    def reply_finished(self, message: Message) -> None:
        self.finished = message
        super().reply_finished(message)


class ImageGenerationController(QObject):
    """Turns image-mode sends and `/image` into generations of the open conversation."""

    def __init__(self, chat: ChatController) -> None:
        super().__init__(chat)
        self.chat = chat
        self.service = ImageGenerationService(chat.service)
        self.mode = chat.pane.image_mode
        self.mode.options.load(chat.window.settings)
        self.mode.toggled.connect(self._on_mode_toggled)
        chat.pane.model_picker.selection_changed.connect(self._on_model_selected)

    # ----------------------------------------------------------------- hooks of ChatController

    def take(self, text: str) -> bool:
        """Generate when in image mode or `text` is `/image …`; False: it is a chat message."""
        prompt = parse_image_command(text)
        if prompt is None:
            if not self.mode.active:
                return False
            prompt = text.strip()
        chat = self.chat
        if not prompt:
            chat.pane.show_notice(self.tr("Describe the image to generate first.")
                                  if self.mode.active
                                  else self.tr("Type what the image should show after /image."))
            return True
        settings = self.settings_for_new()
        if settings is None:
            return True
        chat.pane.clear_notice()
        if chat.pane.attachments.images():  # no /images/edits: say so rather than drop them
            chat.pane.show_notice(self.tr(
                "Image generation does not use the attached images; they stay for your next "
                "chat message."))
        if chat.editing_id is not None:  # an edit is not an image request: leave the branch
            chat.cancel_edit()
        retry_of = self._failed_reply_for(prompt)
        chat.creating = chat.current_id is None  # until the conversation is made
        chat.pane.composer.clear()
        chat.save_draft()
        chat.run(self._generate(chat.current_id, text, prompt, settings, retry_of),
                 "generate images")
        return True

    def regenerate(self, reply_id: int) -> bool:
        """Regenerate (or Retry) a generated image reply; False: a chat reply, not ours."""
        chat = self.chat
        reply = chat.messages.get(reply_id)
        conversation_id = chat.current_id
        if reply is None or not self.is_image_reply(reply) or conversation_id is None:
            return False
        if conversation_id in chat.exchanges:
            return True
        settings = self._with_options(reply.provider or "", reply.model or "")
        if settings is None:
            return True
        exchange = self._exchange(conversation_id, reload=True)
        chat.run(chat.run_exchange(exchange, self.service.regenerate(
            reply_id, settings, listener=exchange)), "regenerate images")
        return True

    # ----------------------------------------------------------------- models and options

    def _capabilities(self, model: str) -> Capability:
        wiring = getattr(self.chat.window, "provider_wiring", None)
        catalog = getattr(wiring, "catalog", None)
        if catalog is not None:
            caps: Capability = catalog.capabilities(model)
            return caps
        return known_capabilities(model)

    def _remembered(self) -> dict[str, str]:
        settings = self.chat.window.settings
        models = settings.get("images.models") if settings is not None else {}
        return {str(k): str(v) for k, v in models.items()} if isinstance(models, dict) else {}

    def is_image_reply(self, message: Message) -> bool:
        """A reply with images, or an empty (failed, stopped) one from a model that only
        generates images; a model that also chats (gemini-…-image) counts as chat then."""
        if message.role is not Role.ASSISTANT:
            return False
        if message.images:
            return True
        model = message.model or ""
        if not model or message.text:
            return False
        caps = self._capabilities(model)
        if caps == Capability.IMAGE_GENERATION:
            return True
        return caps == Capability.NONE and model in self._remembered().values()

    def image_model(self) -> tuple[str, str] | None:
        """(provider, model) to generate with: the picker's if it makes images, else the last
        image model used with the picker's provider; None: none known."""
        target = self.chat.pane.selected_target()
        if target is None:
            return None
        provider, model = target
        if model and Capability.IMAGE_GENERATION in self._capabilities(model):
            return provider, model
        remembered = self._remembered().get(provider)
        return (provider, remembered) if remembered else None

    def settings_for_new(self) -> ImageSettings | None:
        """What to generate with, or None after telling the user why not."""
        if self.chat.pane.selected_target() is None:
            self.chat.pane.show_notice(self.tr(
                "No provider is set up yet. Add one (Settings → Providers, or "
                "`switchboard provider add`); your prompt is kept."))
            return None
        target = self.image_model()
        if target is None:
            self.chat.pane.show_notice(self._pick_model_hint())
            return None
        return self._with_options(*target)

    def _pick_model_hint(self) -> str:
        return self.tr(
            "Pick an image model (one with the [image] badge, e.g. dall-e-3) in the model "
            "picker at the top (Ctrl+M); your prompt is kept.")

    def _with_options(self, provider: str, model: str) -> ImageSettings | None:
        row = self.mode.options
        problem = row.problem()
        if problem is not None:
            self.chat.pane.show_notice(problem)
            return None
        options = row.options()
        return ImageSettings(provider, model, size=options.size, n=options.n,
                             quality=options.quality, style=options.style)

    def _remember_model(self, settings: ImageSettings) -> None:
        window_settings = self.chat.window.settings
        models = self._remembered()
        if models.get(settings.provider) != settings.model:
            models[settings.provider] = settings.model
            window_settings.set("images.models", models)

    def _on_model_selected(self, _provider: str, model: str) -> None:
        """A model that only makes images (dall-e-3, flux…) turns image mode on."""
        if self._capabilities(model) == Capability.IMAGE_GENERATION and not self.mode.active:
            self.mode.set_active(True)

    def _on_mode_toggled(self, active: bool) -> None:
        if active and self.chat.pane.selected_target() is not None and self.image_model() is None:
            self.chat.pane.show_notice(self._pick_model_hint())
        elif not active:
            self.chat.pane.clear_notice()
        self.chat.pane.composer.setFocus()

    # ----------------------------------------------------------------- running

    def _exchange(self, conversation_id: int, *, reload: bool) -> ImageExchange:
        return ImageExchange(self.chat, conversation_id, reload=reload,
                             busy_text=self.tr("Generating image…"))

    def _failed_reply_for(self, prompt: str) -> int | None:
        """The last reply when it was a failed generation for this same prompt: send = retry."""
        messages = list(self.chat.messages.values())
        if not messages:
            return None
        last = messages[-1]
        parent = self.chat.messages.get(last.parent_id or -1)
        if (last.role is Role.ASSISTANT and last.status is MessageStatus.ERROR
                and not last.parts and parent is not None and parent.text.strip() == prompt
                and self.is_image_reply(last)):
            return last.id
        return None

    async def _generate(self, conversation_id: int | None, text: str, prompt: str,
                        settings: ImageSettings, retry_of: int | None) -> None:
        chat = self.chat
        created = conversation_id is None
        if conversation_id is None:
            target = chat.pane.selected_target()  # the chat model stays the conversation's
            conversation_id = await chat.create_for_send(
                settings.provider, target[1] if target is not None else settings.model)
        exchange = self._exchange(conversation_id, reload=retry_of is not None)
        exchange.user_text = text
        if retry_of is not None:
            coro = self.service.regenerate(retry_of, settings, listener=exchange)
        else:
            coro = self.service.generate(conversation_id, prompt, settings, listener=exchange)
        await chat.run_exchange(exchange, coro)
        if created and exchange.setup_failed:
            await chat.drop_empty(conversation_id)
        finished = exchange.finished
        if finished is not None and finished.status is MessageStatus.COMPLETE:
            self._remember_model(settings)
