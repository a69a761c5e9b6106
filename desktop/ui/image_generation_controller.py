"""Runs image generations for the window: image mode, `/image <prompt>`, Regenerate and Retry
of generated images.

A generation is an exchange of the ExchangeRunner like a chat turn: the same Stop button,
Esc, sidebar dot, inline error with the prompt given back, and shut-down. Only the model
differs: the picker's when it can generate images, else the last image model used with
that provider (remembered in the settings), else the user is asked to pick one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject

from desktop.core.image_generation import (
    ImageGenerationService,
    ImageSettings,
    parse_image_command,
)
from desktop.core.model_catalog import Capability, ModelCatalog, known_capabilities
from desktop.core.settings import Settings
from desktop.core.store.models import Message, MessageStatus, Role, TextPart
from desktop.ui.chat_pane import ChatPane
from desktop.ui.exchange_runner import Exchange, ExchangeRunner
from desktop.ui.open_conversation import OpenConversation

log = logging.getLogger(__name__)


class ImageExchange(Exchange):
    """A generation shown like a streamed reply: the card says "Generating image…" meanwhile."""

    def __init__(self, runner: ExchangeRunner, conversation_id: int, *, reload: bool,
                 busy_text: str) -> None:
        super().__init__(runner, conversation_id, reload=reload)
        self.busy_text = busy_text
        self.finished: Message | None = None

    def reply_started(self, message: Message) -> None:
        super().reply_started(message)
        if (state := self.state) is not None:
            state.update(replace(message, parts=(TextPart(self.busy_text),),
                                 status=MessageStatus.STREAMING))

    def reply_finished(self, message: Message) -> None:
        self.finished = message
        super().reply_finished(message)


class ImageGenerationController(QObject):
    """Turns image-mode sends and `/image` into generations of the open conversation."""

    def __init__(self, runner: ExchangeRunner, state: OpenConversation, pane: ChatPane,
                 settings: Settings, catalog: Callable[[], ModelCatalog | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.state = state
        self.pane = pane
        self.settings = settings
        self._catalog = catalog
        self._hinting = False  # the "pick an image model" notice is shown
        self.service = ImageGenerationService(runner.service)
        self.mode = pane.image_mode
        self.mode.options.load(settings)
        self.mode.toggled.connect(self._on_mode_toggled)
        pane.model_picker.selection_changed.connect(self._on_model_selected)
        runner.send_hooks.append(self.take)
        runner.reply_hooks.append(self.regenerate)

    # ----------------------------------------------------------------- hooks of ExchangeRunner

    def take(self, text: str) -> bool:
        """Generate when in image mode or `text` is `/image …`; False: it is a chat message."""
        prompt = parse_image_command(text)
        if prompt is None:
            if not self.mode.active:
                return False
            prompt = text.strip()
        pane = self.pane
        if not prompt:
            pane.show_notice(self.tr("Describe the image to generate first.")
                                  if self.mode.active
                                  else self.tr("Type what the image should show after /image."))
            return True
        settings = self.settings_for_new()
        if settings is None:
            return True
        pane.clear_notice()
        if pane.attachments.images():  # no /images/edits: say so rather than drop them
            pane.show_notice(self.tr(
                "Image generation does not use the attached images; they stay for your next "
                "chat message."))
        runner = self.runner
        runner.editing.cancel()  # an edit is not an image request: leave the branch
        retry_of = self._failed_reply_for(prompt)
        cid = self.state.conversation_id
        runner.creating = cid is None  # until the conversation is made
        runner.take_composer()
        runner.run(self._generate(cid, text, prompt, settings, retry_of), "generate images")
        return True

    def regenerate(self, reply_id: int) -> bool:
        """Regenerate (or Retry) a generated image reply; False: a chat reply, not ours."""
        runner = self.runner
        reply = self.state.messages.get(reply_id)
        conversation_id = self.state.conversation_id
        if reply is None or not self.is_image_reply(reply) or conversation_id is None:
            return False
        if runner.busy(conversation_id):
            return True
        settings = self._with_options(reply.provider or "", reply.model or "")
        if settings is None:
            return True
        exchange = self._exchange(conversation_id, reload=True)
        runner.run(runner.run_exchange(exchange, self.service.regenerate(
            reply_id, settings, listener=exchange)), "regenerate images")
        return True

    # ----------------------------------------------------------------- models and options

    def _capabilities(self, model: str) -> Capability:
        catalog = self._catalog()
        if catalog is not None:
            caps: Capability = catalog.capabilities(model)
            return caps
        return known_capabilities(model)

    def _remembered(self) -> dict[str, str]:
        models = self.settings.get("images.models")
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
        target = self.pane.selected_target()
        if target is None:
            return None
        provider, model = target
        if model and Capability.IMAGE_GENERATION in self._capabilities(model):
            return provider, model
        remembered = self._remembered().get(provider)
        return (provider, remembered) if remembered else None

    def settings_for_new(self) -> ImageSettings | None:
        """What to generate with, or None after telling the user why not."""
        if self.runner.target.selected() is None:
            return None
        target = self.image_model()
        if target is None:
            self.pane.show_notice(self._pick_model_hint())
            self._hinting = True
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
            self.pane.show_notice(problem)
            return None
        options = row.options()
        return ImageSettings(provider, model, size=options.size, n=options.n,
                             quality=options.quality, style=options.style)

    def _remember_model(self, settings: ImageSettings) -> None:
        models = self._remembered()
        if models.get(settings.provider) != settings.model:
            models[settings.provider] = settings.model
            self.settings.set("images.models", models)

    def _on_model_selected(self, _provider: str, model: str) -> None:
        """A model that only makes images (dall-e-3, flux…) turns image mode on; once an image
        model is there, the hint to pick one goes."""
        if self._capabilities(model) == Capability.IMAGE_GENERATION and not self.mode.active:
            self.mode.set_active(True)
        if self._hinting and self.image_model() is not None:
            self._hinting = False
            self.pane.clear_notice()

    def _on_mode_toggled(self, active: bool) -> None:
        if active and self.pane.selected_target() is not None and self.image_model() is None:
            self.pane.show_notice(self._pick_model_hint())
            self._hinting = True
        elif not active:
            self.pane.clear_notice()
            self._hinting = False
        self.pane.composer.setFocus()

    # ----------------------------------------------------------------- running

    def _exchange(self, conversation_id: int, *, reload: bool) -> ImageExchange:
        return ImageExchange(self.runner, conversation_id, reload=reload,
                             busy_text=self.tr("Generating image…"))

    def _failed_reply_for(self, prompt: str) -> int | None:
        """The last reply when it was a failed generation for this same prompt: send = retry."""
        failed = self.state.failed_reply_for(prompt)
        last = self.state.messages.get(failed) if failed is not None else None
        return failed if last is not None and self.is_image_reply(last) else None

    async def _generate(self, conversation_id: int | None, text: str, prompt: str,
                        settings: ImageSettings, retry_of: int | None) -> None:
        runner = self.runner
        created = conversation_id is None
        if conversation_id is None:
            target = self.pane.selected_target()  # the chat model stays the conversation's
            conversation_id = await runner.create_for_send(
                settings.provider, target[1] if target is not None else settings.model)
        exchange = self._exchange(conversation_id, reload=retry_of is not None)
        exchange.user_text = text
        if retry_of is not None:
            coro = self.service.regenerate(retry_of, settings, listener=exchange)
        else:
            coro = self.service.generate(conversation_id, prompt, settings, listener=exchange)
        await runner.run_exchange(exchange, coro)
        if created and exchange.setup_failed:
            await runner.drop_empty(conversation_id)
        finished = exchange.finished
        if finished is not None and finished.status is MessageStatus.COMPLETE:
            self._remember_model(settings)
