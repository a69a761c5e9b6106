"""The Midjourney forms: Imagine, Blend, Describe, Shorten and FaceSwap (midjourney-proxy's
submit bodies).

Parameter names are the core's (`desktop.core.tasks.requests.PARAMS`: `bot_type`, `images`,
`dimensions`, `image`, `source_image`, `target_image`); the aspect ratio goes into the prompt
as Midjourney's own `--ar W:H`, and the speed (relax, fast, turbo) is the provider's path
prefix, set in its profile.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from desktop.core.tasks import TaskFamily, TaskKind
from desktop.core.tasks.requests import ASPECT_RATIOS
from desktop.ui.studio.form_base import (
    FormError,
    KindForm,
    TaskRequest,
    combo,
    prompt_box,
)
from desktop.ui.studio.image_picker import ImagePicker

BOT_TYPES = ("MID_JOURNEY", "NIJI_JOURNEY")


def _bot_combo() -> QComboBox:
    return combo([("Midjourney", "MID_JOURNEY"), ("Niji Journey", "NIJI_JOURNEY")])


class MjImagineForm(KindForm):
    family = TaskFamily.MIDJOURNEY
    kind = TaskKind.MJ_IMAGINE

    def build(self) -> None:
        self.prompt = prompt_box()
        self.row("prompt", self.prompt)
        self.bot = _bot_combo()
        self.row("bot", self.bot)
        self.aspect = combo([(ratio, ratio) for ratio in ASPECT_RATIOS])
        self.row("aspect", self.aspect)
        self.images = ImagePicker(most=5)
        self.images.problem.connect(self.problem)
        self.row("images", self.images)

    def title(self) -> str:
        return self.tr("Midjourney — Imagine")

    def retranslate_ui(self) -> None:
        self.labels["prompt"].setText(self.tr("Prompt"))
        self.labels["bot"].setText(self.tr("Bot"))
        self.labels["aspect"].setText(self.tr("Aspect ratio"))
        self.labels["images"].setText(self.tr("Reference images"))
        self.prompt.setPlaceholderText(self.tr("A lighthouse at dusk, oil painting"))

    def request(self) -> TaskRequest:
        prompt = self.required_prompt(self.prompt)
        ratio = str(self.aspect.currentData())
        if ratio != "1:1" and "--ar" not in prompt and "--aspect" not in prompt:
            prompt = f"{prompt} --ar {ratio}"
        params: dict[str, object] = {"bot_type": self.bot.currentData()}
        if self.images.images():
            params["images"] = self.images.images()
        return TaskRequest(self.kind, prompt, params)


class MjBlendForm(KindForm):
    family = TaskFamily.MIDJOURNEY
    kind = TaskKind.MJ_BLEND

    def build(self) -> None:
        self.images = ImagePicker(most=5)
        self.images.problem.connect(self.problem)
        self.row("images", self.images)
        self.dimensions = combo([("2:3", "PORTRAIT"), ("1:1", "SQUARE"), ("3:2", "LANDSCAPE")])
        self.dimensions.setCurrentIndex(1)
        self.row("dimensions", self.dimensions)
        self.bot = _bot_combo()
        self.row("bot", self.bot)

    def title(self) -> str:
        return self.tr("Midjourney — Blend")

    def retranslate_ui(self) -> None:
        self.labels["images"].setText(self.tr("Images (2–5)"))
        self.labels["dimensions"].setText(self.tr("Shape"))
        self.labels["bot"].setText(self.tr("Bot"))

    def request(self) -> TaskRequest:
        images = self.images.images()
        if len(images) < 2:
            raise FormError(self.tr("Blend needs two to five images."))
        params: dict[str, object] = {"images": images,
                                     "dimensions": self.dimensions.currentData(),
                                     "bot_type": self.bot.currentData()}
        return TaskRequest(self.kind, "", params)


class MjDescribeForm(KindForm):
    family = TaskFamily.MIDJOURNEY
    kind = TaskKind.MJ_DESCRIBE

    def build(self) -> None:
        self.images = ImagePicker(most=1)
        self.images.problem.connect(self.problem)
        self.row("image", self.images)
        self.bot = _bot_combo()
        self.row("bot", self.bot)

    def title(self) -> str:
        return self.tr("Midjourney — Describe")

    def retranslate_ui(self) -> None:
        self.labels["image"].setText(self.tr("Image"))
        self.labels["bot"].setText(self.tr("Bot"))

    def request(self) -> TaskRequest:
        images = self.images.images()
        if not images:
            raise FormError(self.tr("Choose the image to describe."))
        return TaskRequest(self.kind, "", {"image": images[0],
                                           "bot_type": self.bot.currentData()})



class MjShortenForm(KindForm):
    """Shorten: Midjourney answers five shorter versions of the prompt (no image); each
    comes back with a "Use this prompt" button that fills the Imagine form."""

    family = TaskFamily.MIDJOURNEY
    kind = TaskKind.MJ_SHORTEN

    def build(self) -> None:
        self.prompt = prompt_box()
        self.row("prompt", self.prompt)
        self.bot = _bot_combo()
        self.row("bot", self.bot)

    def title(self) -> str:
        return self.tr("Midjourney — Shorten")

    def retranslate_ui(self) -> None:
        self.labels["prompt"].setText(self.tr("Prompt to shorten"))
        self.labels["bot"].setText(self.tr("Bot"))
        self.prompt.setPlaceholderText(self.tr(
            "A long prompt: Midjourney answers five shorter ones"))

    def request(self) -> TaskRequest:
        return TaskRequest(self.kind, self.required_prompt(self.prompt),
                           {"bot_type": self.bot.currentData()})


class MjSwapForm(KindForm):
    """FaceSwap (`/mj/insight-face/swap`): the face of one image put on another."""

    family = TaskFamily.MIDJOURNEY
    kind = TaskKind.MJ_SWAP

    def build(self) -> None:
        self.source = ImagePicker(most=1)
        self.source.problem.connect(self.problem)
        self.row("source", self.source)
        self.target = ImagePicker(most=1)
        self.target.problem.connect(self.problem)
        self.row("target", self.target)

    def title(self) -> str:
        return self.tr("Midjourney — FaceSwap")

    def retranslate_ui(self) -> None:
        self.labels["source"].setText(self.tr("Face (source image)"))
        self.labels["target"].setText(self.tr("Put it on (target image)"))

    def request(self) -> TaskRequest:
        source, target = self.source.images(), self.target.images()
        if not source or not target:
            raise FormError(self.tr("Choose the face image and the image to put it on."))
        return TaskRequest(self.kind, "", {"source_image": source[0],
                                           "target_image": target[0]})
