"""Runs "Edit image…" and "Variations…" from an image's context menu in the chat.

The image is read off the UI thread (scaled to at most `MAX_SIDE`, so image and mask stay
within what the edit endpoints take), the dialog gathers the request, and the edit runs as an
exchange of the open conversation: the source image with the prompt as the user's message,
the results as the reply — the same Stop button, busy card and inline error as a generation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from desktop.core.image_edits import ImageEdit, ImageEditService
from desktop.core.image_generation import ImageSettings
from desktop.core.store.models import ImagePart, Message, Role
from desktop.ui.chat_pane import ChatPane
from desktop.ui.chat_view.images import ChatImages, read_image
from desktop.ui.exchange_runner import ExchangeRunner
from desktop.ui.image_edit.dialog import EDIT_MODELS, VARIATION_MODELS, ImageEditDialog
from desktop.ui.image_generation_controller import ImageExchange
from desktop.ui.open_conversation import OpenConversation

MAX_SIDE = 2048


class ImageEditController(QObject):
    """Opens the edit dialog for a chat image and runs what it gathers."""

    def __init__(self, runner: ExchangeRunner, state: OpenConversation, pane: ChatPane,
                 images: ChatImages, providers: Callable[[], list[str]],
                 image_model: Callable[[], tuple[str, str] | None],
                 is_image_reply: Callable[[Message], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.state = state
        self.pane = pane
        self.images = images
        self._providers = providers
        self._image_model = image_model
        self._is_image_reply = is_image_reply
        self.service = ImageEditService(runner.service)
        self.dialog: ImageEditDialog | None = None  # the open one (tests drive it)
        images.edit_requested.connect(self.open)
        runner.reply_hooks.insert(0, self.redo)  # before image generation's own hook

    def redo(self, reply_id: int) -> bool:
        """Regenerate or Retry of an edit's reply opens the dialog again on the same image and
        prompt (the mask was not kept); False: not an edit's reply."""
        reply = self.state.messages.get(reply_id)
        if reply is None or reply.role is not Role.ASSISTANT or reply.parent_id is None:
            return False
        user = self.state.messages.get(reply.parent_id)
        if user is None or len(user.images) != 1 or not self._is_image_reply(reply):
            return False
        variations = not user.text or user.text == self.tr("Variations of this image")
        self.open(user.images[0], variations, "" if variations else user.text)
        return True

    def open(self, part: ImagePart, variations: bool, prompt: str = "") -> None:
        """Read the image, then show the dialog for it (`prompt` filled in)."""
        path = self.images.path_of(part)
        if path is None:
            self.pane.show_notice(self.tr("The image file is missing."))
            return
        conversation_id = self.state.conversation_id
        self.images.jobs.submit(lambda: read_image(path, MAX_SIDE),
                                lambda image: self._show(image, part, variations,
                                                         conversation_id, prompt))

    def _show(self, image: QImage, part: ImagePart, variations: bool,
              conversation_id: int | None, prompt: str) -> None:
        if image.isNull():
            self.pane.show_notice(self.tr("The image could not be read."))
            return
        providers = self._providers()
        if not providers:
            self.pane.show_notice(self.tr("Add a provider first (Providers…)."))
            return
        chosen = self._image_model()
        provider = chosen[0] if chosen else providers[0]
        model = chosen[1] if chosen else ""
        known = VARIATION_MODELS if variations else EDIT_MODELS  # dall-e-3 cannot edit
        if model not in known and not (not variations and "gpt-image" in model):
            model = known[0]
        name = f"{Path(part.name).stem or 'image'}.png"
        parent = self.pane.window()
        dialog = ImageEditDialog(image, variations=variations, providers=providers,
                                 provider=provider, model=model, name=name,
                                 parent=parent if isinstance(parent, QWidget) else None)
        dialog.prompt.setPlainText(prompt)
        dialog.submitted.connect(
            lambda edit, settings: self.run(conversation_id, edit, settings))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.dialog = dialog
        dialog.show()

    def _forget(self, dialog: ImageEditDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def run(self, conversation_id: int | None, edit: ImageEdit,
            settings: ImageSettings) -> None:
        """Send the edit into the conversation the image came from."""
        if conversation_id is None or self.runner.busy(conversation_id):
            self.pane.show_notice(self.tr(
                "Wait for the reply in progress to finish, then edit the image again."))
            return
        busy = self.tr("Making variations…") if edit.variations else self.tr("Editing image…")
        exchange = ImageExchange(self.runner, conversation_id, reload=False, busy_text=busy)
        label = self.tr("Variations of this image")
        self.runner.run(self.runner.run_exchange(exchange, self.service.edit(
            conversation_id, edit, settings, label=label, listener=exchange)), "edit image")
