"""One task's results: its images as thumbnails (click: full size), its clips and video
playing in the app, its Midjourney buttons, Shorten's (and Describe's) prompts with "Use this
prompt", "Extend…" (Luma) and "Continue from…" (Suno clips), and Save as…, Copy, Open and
Re-run.

Progress-only updates change the header in place, so a clip that is playing keeps playing
while a sibling task reports progress; a new status, new files or new buttons rebuild it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QCursor,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store.models import ImagePart
from desktop.core.tasks import (
    MjButton,
    TaskFamily,
    TaskFile,
    TaskKind,
    TaskRecord,
    TaskStatus,
    numbered_prompts,
)
from desktop.ui.chat_view.images import ChatImages
from desktop.ui.studio.media_players import MediaPlayer
from desktop.ui.studio.queue_model import (
    elapsed_seconds,
    elapsed_text,
    kind_text,
    status_text,
    task_title,
)
from desktop.ui.studio.result_files import ResultFiles, file_name

THUMB_SIDE = 300
BUTTON_COLUMNS = 5


def button_text(button: MjButton, *, push_font: QFont) -> str:
    """The button's caption; an emoji the font cannot draw gets a word instead (🔄 Reroll)."""
    caption = button.caption
    metrics = QFontMetrics(push_font)
    if button.label or all(metrics.inFontUcs4(ord(ch)) for ch in caption if ord(ch) > 0xFF):
        return caption
    words = {"reroll": QCoreApplication.translate("ResultCard", "Reroll"),
             "upsample": QCoreApplication.translate("ResultCard", "Upscale"),
             "variation": QCoreApplication.translate("ResultCard", "Vary"),
             "outpaint": QCoreApplication.translate("ResultCard", "Zoom out"),
             "pan": QCoreApplication.translate("ResultCard", "Pan")}
    lowered = button.custom_id.lower()
    return next((word for key, word in words.items() if key in lowered), caption)


def _described(record: TaskRecord) -> str:
    """What the server wrote back: Describe's prompts, Flux's revised prompt."""
    details = record.details
    if record.kind is TaskKind.MJ_DESCRIBE:
        return str(details.get("prompt_en") or details.get("final_prompt")
                   or details.get("description") or "")
    revised = details.get("revised_prompt")
    return str(revised) if revised else ""


def _clip_index(item: TaskFile) -> int | None:
    """Which Suno clip a file is (its name is suno-N…), as an index; None if not one."""
    stem = item.name.split(".", 1)[0]
    number = stem.removeprefix("suno-")
    return int(number) - 1 if stem.startswith("suno-") and number.isdigit() else None


def _image_part(item: TaskFile) -> ImagePart:
    return ImagePart(item.hash, item.mime, item.name)


def _shape(record: TaskRecord) -> tuple[Any, ...]:
    """What a rebuild depends on (progress and time do not)."""
    return (record.id, record.status, tuple(f.hash for f in record.files), record.buttons,
            record.error)


class Thumbnail(QLabel):
    """A result image scaled to fit; a click opens it at full size."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studioThumbnail")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        self.setMinimumSize(120, 120)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def show_image(self, image: QImage) -> None:
        if image.isNull():
            self.setText(self.tr("The image could not be read."))
            return
        pixmap = QPixmap.fromImage(image)
        self.setPixmap(pixmap)
        self.setFixedSize(pixmap.size())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ResultCard(QFrame):
    """Shows one task; requests go out as signals with the task's id."""

    action_requested = Signal(int, str)  # task id, button custom_id
    rerun_requested = Signal(int)
    cancel_requested = Signal(int)
    input_requested = Signal(int)  # a MODAL task: ask for its input again
    prompt_chosen = Signal(str)  # "Use this prompt" under a Shorten or Describe answer
    extend_requested = Signal(int)  # a finished Luma video: ask what comes next
    continue_requested = Signal(int, int, float)  # Suno task id, clip index, at (seconds)

    def __init__(self, images: ChatImages, files: ResultFiles,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("studioCard")
        self.images = images
        self.files = files
        self.record: TaskRecord | None = None
        self._shape: tuple[Any, ...] = ()
        self.thumbnails: dict[str, Thumbnail] = {}
        self.players: list[MediaPlayer] = []
        self.mj_buttons: list[QPushButton] = []
        self.prompt_buttons: list[QPushButton] = []
        self.continue_buttons: list[QPushButton] = []
        self.extend_button: QPushButton | None = None
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(18, 16, 18, 16)
        self.column.setSpacing(10)
        self.title = QLabel()
        self.title.setObjectName("studioCardTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        self.column.addWidget(self.subtitle)
        self.progress = QProgressBar()
        self.progress.setObjectName("studioProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.column.addWidget(self.progress)
        self.error = QLabel()
        self.error.setObjectName("studioError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.column.addWidget(self.error)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(10)
        self.column.addWidget(self.body)
        self.column.addStretch(1)
        images.thumbnail_ready.connect(self._thumbnail_ready)

    # ----------------------------------------------------------------- showing

    def show_record(self, record: TaskRecord) -> None:
        shape = _shape(record)
        self.record = record
        self._update_header(record)
        if shape != self._shape:
            self._shape = shape
            self._rebuild(record)

    def _update_header(self, record: TaskRecord) -> None:
        self.title.setText(task_title(record) or kind_text(record.kind))
        parts = [kind_text(record.kind), record.provider, status_text(record),
                 elapsed_text(elapsed_seconds(record))]
        self.subtitle.setText("  ·  ".join(p for p in parts if p))
        active = not record.status.is_final and record.status is not TaskStatus.MODAL
        self.progress.setVisible(active)
        self.progress.setValue(record.progress)
        self.error.setVisible(record.status is TaskStatus.FAILED)
        self.error.setText(self.tr("Failed: %1").replace(
            "%1", (record.error or self.tr("the server gave no reason"))[:1000]))

    def _clear_body(self) -> None:
        for player in self.players:
            player.transport.stop()
        self.players.clear()
        self.thumbnails.clear()
        self.mj_buttons.clear()
        self.prompt_buttons.clear()
        self.continue_buttons.clear()
        self.extend_button = None
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _rebuild(self, record: TaskRecord) -> None:
        self._clear_body()
        pictures = [f for f in record.files if f.role == "image"]
        if pictures:
            self.body_layout.addWidget(self._image_row(pictures))
        for item in record.files:
            if item.role in ("audio", "video"):
                self.body_layout.addWidget(self._media_row(item, record))
        prompts = numbered_prompts(record) if record.kind in (
            TaskKind.MJ_SHORTEN, TaskKind.MJ_DESCRIBE) else []
        described = "" if prompts else _described(record)
        if prompts:
            self.body_layout.addWidget(self._prompt_list(prompts))
        if described:
            label = QLabel(described[:4000])
            label.setObjectName("studioDescribed")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.body_layout.addWidget(label)
        if record.buttons and record.status is TaskStatus.SUCCEEDED:
            self.body_layout.addWidget(self._button_grid(record))
        self.body_layout.addWidget(self._action_row(record, pictures))

    def _image_row(self, pictures: list[TaskFile]) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for item in pictures[:8]:
            thumb = Thumbnail()
            thumb.setToolTip(self.tr("Click to see it at full size"))
            part = _image_part(item)
            thumb.clicked.connect(lambda p=part: self.images.open_image(p, self.window()))
            self.thumbnails[item.hash] = thumb
            image = self.images.thumbnail(part, THUMB_SIDE)
            if image is not None:
                thumb.show_image(image)
            else:
                thumb.setText(self.tr("Loading…"))
            layout.addWidget(thumb)
        layout.addStretch(1)
        return row

    def _thumbnail_ready(self, digest: str, side: int) -> None:
        thumb = self.thumbnails.get(digest)
        if thumb is None or side != THUMB_SIDE:
            return
        image = self.images.thumbnail(ImagePart(digest, "", ""), side)
        if image is not None:
            thumb.show_image(image)

    def _media_row(self, item: TaskFile, record: TaskRecord) -> QWidget:
        box = QFrame()
        box.setObjectName("studioMedia")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 10, 12, 10)
        name = QLabel(item.name or item.role)
        name.setObjectName("studioMediaName")
        layout.addWidget(name)
        player = MediaPlayer(Path(item.path), video=item.role == "video",
                             file_type=Path(file_name(item)).suffix.lstrip(".").upper())
        self.players.append(player)
        layout.addWidget(player)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Save as…"))
        save.clicked.connect(lambda: self.files.save(item, self))
        opener = QPushButton(self.tr("Open"))
        opener.setToolTip(self.tr("Open with the system's player"))
        opener.clicked.connect(lambda: self.files.open_external(item))
        buttons.addWidget(save)
        buttons.addWidget(opener)
        clip = _clip_index(item)
        if (record.family is TaskFamily.SUNO and item.role == "audio" and clip is not None
                and record.status is TaskStatus.SUCCEEDED):
            more = QPushButton(self.tr("Continue from…"))
            more.setToolTip(self.tr("Make a new song that continues this clip"))
            more.clicked.connect(lambda: self.continue_requested.emit(
                record.id, clip, player.position_seconds()))
            self.continue_buttons.append(more)
            buttons.addWidget(more)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _prompt_list(self, prompts: list[str]) -> QWidget:
        box = QWidget()
        box.setObjectName("studioPrompts")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for row, prompt in enumerate(prompts):
            label = QLabel(f"{row + 1}. {prompt}")
            label.setObjectName("studioDescribed")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            use = QPushButton(self.tr("Use this prompt"))
            use.setToolTip(self.tr("Put it into the Imagine form"))
            use.clicked.connect(lambda _=False, p=prompt: self.prompt_chosen.emit(p))
            self.prompt_buttons.append(use)
            grid.addWidget(label, row, 0)
            grid.addWidget(use, row, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        return box

    def _button_grid(self, record: TaskRecord) -> QWidget:
        grid_box = QWidget()
        grid_box.setObjectName("mjButtons")
        grid = QGridLayout(grid_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, button in enumerate(record.buttons[:40]):
            push = QPushButton(button_text(button, push_font=self.font())[:40])
            push.setObjectName("mjButton")
            push.setToolTip(button.label or button.custom_id[:120])
            push.clicked.connect(lambda _=False, b=button: self.action_requested.emit(
                record.id, b.custom_id))
            self.mj_buttons.append(push)
            grid.addWidget(push, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
        return grid_box

    def _action_row(self, record: TaskRecord, pictures: list[TaskFile]) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 4, 0, 0)
        if pictures:
            first = pictures[0]
            save = QPushButton(self.tr("Save as…"))
            save.clicked.connect(lambda: self.files.save(first, self))
            copy = QPushButton(self.tr("Copy image"))
            copy.clicked.connect(lambda: self.files.copy_image(first))
            opener = QPushButton(self.tr("Open"))
            opener.setToolTip(self.tr("Open with the system's image viewer"))
            opener.clicked.connect(lambda: self.files.open_external(first))
            for button in (save, copy, opener):
                layout.addWidget(button)
        layout.addStretch(1)
        if record.family is TaskFamily.LUMA and record.status is TaskStatus.SUCCEEDED:
            self.extend_button = QPushButton(self.tr("Extend…"))
            self.extend_button.setToolTip(self.tr("Continue the video with a new prompt"))
            self.extend_button.clicked.connect(lambda: self.extend_requested.emit(record.id))
            layout.addWidget(self.extend_button)
        if record.status is TaskStatus.MODAL:
            answer = QPushButton(self.tr("Give the input…"))
            answer.setObjectName("primary")
            answer.clicked.connect(lambda: self.input_requested.emit(record.id))
            layout.addWidget(answer)
        if not record.status.is_final:
            cancel = QPushButton(self.tr("Cancel"))
            cancel.clicked.connect(lambda: self.cancel_requested.emit(record.id))
            layout.addWidget(cancel)
        self.rerun_button = QPushButton(self.tr("Re-run"))
        self.rerun_button.setToolTip(self.tr("Submit again with the same prompt and options"))
        self.rerun_button.clicked.connect(lambda: self.rerun_requested.emit(record.id))
        layout.addWidget(self.rerun_button)
        return row
