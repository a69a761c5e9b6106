"""Midjourney's "upload files" (`/mj/submit/upload-discord-images`): images in, their
addresses out, for a prompt (`URL prompt`) or a reference.

An upload is no task: the relay answers at once with the addresses, so nothing enters the
queue. The form asks for the upload (`upload_clicked`; the panel adds the provider and the
Studio's bridge runs `desktop.core.tasks.upload_images`), then shows what came back. The
addresses are checked once more here (http(s) only, at most one per image sent) because
they are shown, copied and put into prompts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.tasks import TaskFamily, TaskKind
from desktop.core.tasks.replies import web_url
from desktop.core.tasks.requests import MAX_IMAGES
from desktop.ui.studio.form_base import FormError, KindForm, TaskRequest
from desktop.ui.studio.image_picker import ImagePicker


def upload_addresses(values: object, sent: int) -> list[str]:
    """The http(s) addresses among `values`, at most `sent` of them (one per image)."""
    if not isinstance(values, list | tuple):
        return []
    found = (web_url(value) for value in list(values)[:max(0, sent)])
    return [url for url in found if url is not None]


class MjUploadForm(KindForm):
    """Pick 1–5 images, Upload, then copy the addresses or put them into Imagine's prompt."""

    family = TaskFamily.MIDJOURNEY
    kind = TaskKind.MJ_IMAGINE  # no task is made: the API the provider must offer
    upload_clicked = Signal()
    addresses_chosen = Signal(object)  # list[str]: "Use in Imagine"

    def build(self) -> None:
        self.busy = False
        self.ready = True  # a provider is chosen
        self.failure = ""  # the last upload's error, shown again when the form comes back
        self._sent = 0
        self.about = QLabel()
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        self.form.addRow(self.about)
        self.images = ImagePicker(most=MAX_IMAGES)
        self.images.problem.connect(self.problem)
        self.row("images", self.images)
        action = QWidget()
        action_row = QHBoxLayout(action)
        action_row.setContentsMargins(0, 0, 0, 0)
        self.upload_button = QPushButton()
        self.upload_button.setObjectName("primary")
        self.upload_button.clicked.connect(self.upload_clicked)
        action_row.addWidget(self.upload_button)
        self.state = QLabel()
        self.state.setObjectName("hint")
        action_row.addWidget(self.state, 1)
        self.form.addRow(action)

        self.results = QWidget()
        column = QVBoxLayout(self.results)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.addresses = QListWidget()
        self.addresses.setObjectName("studioUploadAddresses")
        self.addresses.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.addresses.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.addresses.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.addresses.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addresses.setFixedHeight(112)
        column.addWidget(self.addresses)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_addresses)
        self.use_button = QPushButton()
        self.use_button.clicked.connect(self.use_addresses)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.use_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.row("addresses", self.results)
        self.form.setRowVisible(self.results, False)
        self._update()

    def title(self) -> str:
        return self.tr("Midjourney — Upload images")

    def retranslate_ui(self) -> None:
        self.about.setText(self.tr(
            "Upload images to the relay and get their addresses, to start a prompt with "
            "them or to use them as references. An upload makes no task."))
        self.labels["images"].setText(self.tr("Images (1–5)"))
        self.labels["addresses"].setText(self.tr("Addresses"))
        self.upload_button.setText(self.tr("Upload"))
        self.upload_button.setToolTip(self.tr("Upload the images (Ctrl+Enter)"))
        self.copy_button.setText(self.tr("Copy addresses"))
        self.use_button.setText(self.tr("Use in Imagine"))
        self.use_button.setToolTip(self.tr("Start the Imagine prompt with these addresses"))
        self.addresses.setAccessibleName(self.tr("Uploaded image addresses"))
        self._update()

    # ----------------------------------------------------------------- the upload

    def chosen_images(self) -> list[str]:
        """The picked images as data URLs; FormError when there are none."""
        images = self.images.images()
        if not images:
            raise FormError(self.tr("Choose the images to upload."))
        return images

    def request(self) -> TaskRequest:
        raise FormError(self.tr("An upload makes no task: press Upload."))

    def start(self, sent: int) -> None:
        """The upload of `sent` images is under way: one at a time, older addresses go."""
        self._sent = sent
        self.failure = ""
        self.busy = True
        self.addresses.clear()
        self.form.setRowVisible(self.results, False)
        self._update()

    def finish(self, values: object) -> bool:
        """Show the addresses the relay gave (checked); False when none is usable."""
        self.busy = False
        urls = upload_addresses(values, self._sent)
        for url in urls:
            self.addresses.addItem(url)
            self.addresses.item(self.addresses.count() - 1).setToolTip(url)
        self.form.setRowVisible(self.results, bool(urls))
        if not urls:
            self.failure = self.tr("The relay sent no usable image addresses.")
        self._update()
        return bool(urls)

    def fail(self, text: str) -> None:
        """The upload failed: the picked images stay for another try."""
        self.busy = False
        self.failure = text
        self._update()

    def set_ready(self, ready: bool) -> None:
        self.ready = ready
        self._update()

    def shown_addresses(self) -> list[str]:
        return [self.addresses.item(row).text() for row in range(self.addresses.count())]

    def copy_addresses(self) -> None:
        urls = self.shown_addresses()
        if urls:
            QGuiApplication.clipboard().setText("\n".join(urls))
            self.state.setText(self.tr("Copied."))

    def use_addresses(self) -> None:
        urls = self.shown_addresses()
        if urls:
            self.addresses_chosen.emit(urls)

    def _update(self) -> None:
        self.upload_button.setEnabled(self.ready and not self.busy)
        self.images.setEnabled(not self.busy)
        self.state.setText(self.tr("Uploading…") if self.busy else "")
