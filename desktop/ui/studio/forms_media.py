"""The Suno, Luma and Flux forms (new-api's relay bodies; see docs/task-apis.md).

Option names are the core's (`desktop.core.tasks.requests.PARAMS`). Suno: a description it
writes lyrics for (the prompt), or custom `lyrics` with a `title` and style `tags`;
`instrumental`; `model` (sent as `mv`). Luma: the prompt with `aspect_ratio`, `loop`,
`expand_prompt` and optional start/end frames (`image_url`, `image_end_url`, data URLs).
Flux: the OpenAI images endpoint with a Flux `model` and a `size`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

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

SUNO_MODELS = ("chirp-v3-5", "chirp-v4", "chirp-v3-0", "chirp-auk")
FLUX_MODELS = ("flux-schnell", "flux-dev", "flux-pro", "flux-1.1-pro", "flux-kontext-pro")
FLUX_SIZES = ("1024x1024", "1024x768", "768x1024", "1536x1024", "1024x1536", "1920x1080")
MAX_FIELD_CHARS = 200


class SunoForm(KindForm):
    family = TaskFamily.SUNO
    kind = TaskKind.SUNO_MUSIC

    def build(self) -> None:
        modes = QWidget()
        row = QHBoxLayout(modes)
        row.setContentsMargins(0, 0, 0, 0)
        self.by_description = QRadioButton()
        self.by_lyrics = QRadioButton()
        self.by_description.setChecked(True)
        self.mode_group = QButtonGroup(self)
        for button in (self.by_description, self.by_lyrics):
            self.mode_group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.row("mode", modes)
        self.prompt = prompt_box()
        self.row("prompt", self.prompt)
        self.song_title = QLineEdit()
        self.song_title.setMaxLength(MAX_FIELD_CHARS)
        self.row("title", self.song_title)
        self.tags = QLineEdit()
        self.tags.setMaxLength(MAX_FIELD_CHARS)
        self.row("tags", self.tags)
        self.instrumental = QCheckBox()
        self.row("instrumental", self.instrumental)
        self.model = combo([(name, name) for name in SUNO_MODELS])
        self.model.setEditable(True)
        self.row("model", self.model)
        self.by_lyrics.toggled.connect(self._follow_mode)
        self._follow_mode()

    def title(self) -> str:
        return self.tr("Suno — Music")

    def retranslate_ui(self) -> None:
        self.labels["mode"].setText(self.tr("Write"))
        self.by_description.setText(self.tr("A description"))
        self.by_lyrics.setText(self.tr("Custom lyrics"))
        self.labels["title"].setText(self.tr("Title"))
        self.labels["tags"].setText(self.tr("Style tags"))
        self.tags.setPlaceholderText(self.tr("dream pop, female vocals"))
        self.labels["instrumental"].setText(self.tr("Instrumental"))
        self.instrumental.setText(self.tr("No vocals"))
        self.labels["model"].setText(self.tr("Model"))
        self._follow_mode()

    def _follow_mode(self) -> None:
        lyrics = self.by_lyrics.isChecked()
        self.labels["prompt"].setText(self.tr("Lyrics") if lyrics else self.tr("Description"))
        self.prompt.setPlaceholderText(
            self.tr("[Verse]\n…") if lyrics else self.tr("A calm song about the sea at night"))
        for key, widget in (("title", self.song_title), ("tags", self.tags)):
            self.labels[key].setVisible(lyrics)
            widget.setVisible(lyrics)

    def request(self) -> TaskRequest:
        text = self.required_prompt(self.prompt)
        params: dict[str, object] = {"model": self.model.currentText().strip()[:MAX_FIELD_CHARS]
                                     or SUNO_MODELS[0],
                                     "instrumental": self.instrumental.isChecked()}
        if not self.by_lyrics.isChecked():
            return TaskRequest(self.kind, text, params)
        title = self.song_title.text().strip()
        params.update(lyrics=text, title=title, tags=self.tags.text().strip())
        return TaskRequest(self.kind, title or text.splitlines()[0][:80], params)


class LumaForm(KindForm):
    family = TaskFamily.LUMA
    kind = TaskKind.LUMA_CREATE

    def build(self) -> None:
        self.prompt = prompt_box()
        self.row("prompt", self.prompt)
        self.aspect = combo([(ratio, ratio) for ratio in ASPECT_RATIOS])
        self.aspect.setCurrentIndex(1)
        self.row("aspect", self.aspect)
        self.loop = QCheckBox()
        self.row("loop", self.loop)
        self.expand = QCheckBox()
        self.expand.setChecked(True)
        self.row("expand", self.expand)
        self.start_image = ImagePicker(most=1)
        self.start_image.problem.connect(self.problem)
        self.row("start", self.start_image)
        self.end_image = ImagePicker(most=1)
        self.end_image.problem.connect(self.problem)
        self.row("end", self.end_image)

    def title(self) -> str:
        return self.tr("Luma — Video")

    def retranslate_ui(self) -> None:
        self.labels["prompt"].setText(self.tr("Prompt"))
        self.prompt.setPlaceholderText(self.tr("A paper boat drifting down a rainy street"))
        self.labels["aspect"].setText(self.tr("Aspect ratio"))
        self.labels["loop"].setText(self.tr("Loop"))
        self.loop.setText(self.tr("End where it starts"))
        self.labels["expand"].setText(self.tr("Expand prompt"))
        self.expand.setText(self.tr("Let Luma enrich the prompt"))
        self.labels["start"].setText(self.tr("Start frame"))
        self.labels["end"].setText(self.tr("End frame"))

    def request(self) -> TaskRequest:
        prompt = self.required_prompt(self.prompt)
        params: dict[str, object] = {"aspect_ratio": self.aspect.currentData(),
                                     "loop": self.loop.isChecked(),
                                     "expand_prompt": self.expand.isChecked()}
        if self.start_image.images():
            params["image_url"] = self.start_image.images()[0]
        if self.end_image.images():
            params["image_end_url"] = self.end_image.images()[0]
        return TaskRequest(self.kind, prompt, params)


class FluxForm(KindForm):
    family = TaskFamily.FLUX
    kind = TaskKind.FLUX_IMAGE

    def build(self) -> None:
        self.prompt = prompt_box()
        self.row("prompt", self.prompt)
        self.size_box = combo([(size.replace("x", " × "), size) for size in FLUX_SIZES])
        self.row("size", self.size_box)
        self.model = combo([(name, name) for name in FLUX_MODELS])
        self.model.setEditable(True)
        self.row("model", self.model)

    def title(self) -> str:
        return self.tr("Flux — Image")

    def retranslate_ui(self) -> None:
        self.labels["prompt"].setText(self.tr("Prompt"))
        self.prompt.setPlaceholderText(self.tr("A macro photo of frost on a leaf"))
        self.labels["size"].setText(self.tr("Size"))
        self.labels["model"].setText(self.tr("Model"))

    def request(self) -> TaskRequest:
        prompt = self.required_prompt(self.prompt)
        model = self.model.currentText().strip()[:MAX_FIELD_CHARS]
        if not model:
            raise FormError(self.tr("Choose a Flux model."))
        return TaskRequest(self.kind, prompt, {"size": self.size_box.currentData(), "model": model})
