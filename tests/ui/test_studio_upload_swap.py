"""Midjourney's image upload and FaceSwap in the real Studio against the fake relay
(tests/helpers/fake_tasks.py): the upload form shows, copies and hands over the addresses the
relay answers and keeps the picked images when it refuses; FaceSwap sends both images and
shows its result. SWITCHBOARD_SHOTS=DIR saves upload-light.png and upload-dark.png."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from desktop.core.tasks import TaskKind
from desktop.ui import theme
from desktop.ui.language import install_language
from desktop.ui.studio.form_base import KindForm
from desktop.ui.studio.form_mj_upload import MjUploadForm, upload_addresses
from desktop.ui.studio.forms_mj import MjImagineForm, MjSwapForm
from desktop.ui.studio.image_picker import data_url
from desktop.ui.studio.wiring import StudioWiring
from tests.helpers.chat_window import ChatWindow
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.fake_tasks import TaskRelay
from tests.ui.test_studio_window import data, final, relay, studio_window

__all__ = ["data", "relay", "studio_window"]
F = TypeVar("F", bound=KindForm)


def png(path: Path, color: str) -> Path:
    image = QImage(24, 16, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path))
    return path


def show_form(studio: StudioWiring, form_type: type[F]) -> F:
    form = studio.view.form
    form.kind.setCurrentIndex(next(i for i, f in enumerate(form.forms) if type(f) is form_type))
    assert form.provider.currentText() == "Relay"
    assert isinstance(form.current, form_type)
    return form.current


def _shots(chat: ChatWindow) -> None:
    folder = os.environ.get("SWITCHBOARD_SHOTS")
    app = QApplication.instance()
    if not folder or not isinstance(app, QApplication):
        return
    saved = (app.style().name(), app.palette(), app.styleSheet(), theme.current_colors())
    chat.window.resize(1280, 860)
    try:
        for name in ("light", "dark"):
            theme.apply_theme(app, name)
            chat.wait(lambda: True, timeout=0.3)
            assert chat.window.grab().save(str(Path(folder) / f"upload-{name}.png"))
        install_language(app, "zh_CN")  # and in Chinese
        chat.wait(lambda: True, timeout=0.3)
        assert chat.window.grab().save(str(Path(folder) / "upload-dark-zh.png"))
    finally:
        install_language(app, "en")
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setStyleSheet(saved[2])
        theme._current = saved[3]


def test_only_web_addresses_one_per_image_are_shown() -> None:
    hostile = ["javascript:alert(1)", " https://cdn.example/1.png", 7, "https://x/a b",
               "file:///etc/passwd", "https://cdn.example/extra.png"]
    assert upload_addresses(hostile, 5) == ["https://cdn.example/1.png"]
    assert upload_addresses(["https://a/1.png", "https://a/2.png"], 1) == ["https://a/1.png"]
    assert upload_addresses({"result": ["https://a/1.png"]}, 1) == []


def test_upload_images_copy_them_and_use_them_in_imagine(
        studio_window: tuple[ChatWindow, StudioWiring], relay: TaskRelay,
        fake_provider: FakeProvider, tmp_path: Path) -> None:
    chat, studio = studio_window
    form = studio.view.form
    imagine = show_form(studio, MjImagineForm)
    imagine.prompt.setPlainText("a fox in the snow")
    uploads = show_form(studio, MjUploadForm)
    assert form.create_button.isHidden() and uploads.upload_button.isEnabled()
    uploads.upload_button.click()  # nothing picked yet
    assert form.error.text() == "Choose the images to upload."
    picked = [png(tmp_path / "red.png", "tomato"), png(tmp_path / "teal.png", "teal")]
    assert all(uploads.images.add(path) for path in picked)

    relay.fail_upload(23, "Queue is full, please try again later")
    uploads.upload_button.click()
    assert uploads.busy and not uploads.upload_button.isEnabled()
    assert form.error.isHidden()
    chat.wait(lambda: not uploads.busy)
    assert not form.error.isHidden()
    assert "Queue is full, please try again later" in form.error.text()
    assert "Traceback" not in form.error.text()
    assert uploads.images.paths == picked and uploads.upload_button.isEnabled()
    assert not uploads.shown_addresses() and uploads.results.isHidden()

    uploads.upload_button.click()  # the same images again
    chat.wait(lambda: not uploads.busy)
    addresses = [f"{fake_provider.url}/task-files/upload-{n}.png" for n in (1, 2)]
    assert uploads.shown_addresses() == addresses
    assert not uploads.results.isHidden() and form.error.isHidden()
    sent = {"base64Array": [data_url(path) for path in picked]}
    assert fake_provider.bodies("/mj/submit/upload-discord-images") == [sent, sent]
    assert sent["base64Array"][0].startswith("data:image/png;base64,")
    assert studio.view.model.rowCount() == 0  # an upload is no task
    _shots(chat)

    QGuiApplication.clipboard().clear()
    uploads.copy_button.click()
    assert QGuiApplication.clipboard().text() == "\n".join(addresses)
    uploads.use_button.click()
    assert form.current is imagine and not form.create_button.isHidden()
    assert imagine.prompt.toPlainText() == f"{addresses[0]} {addresses[1]} a fox in the snow"
    assert uploads.images.paths == picked  # still there for another upload


def test_face_swap_sends_both_images_and_shows_the_result(
        studio_window: tuple[ChatWindow, StudioWiring], fake_provider: FakeProvider,
        tmp_path: Path) -> None:
    chat, studio = studio_window
    swap = show_form(studio, MjSwapForm)
    face, target = png(tmp_path / "face.png", "gold"), png(tmp_path / "target.png", "navy")
    assert swap.source.add(face) and swap.target.add(target)
    studio.view.form.create_button.click()
    record = final(chat, studio, TaskKind.MJ_SWAP)
    assert [f.role for f in record.files] == ["image"]
    card = studio.view.card
    chat.wait(lambda: bool(card.thumbnails) and all(
        t.pixmap() is not None and not t.pixmap().isNull() for t in card.thumbnails.values()))
    body = fake_provider.bodies("/mj/insight-face/swap")
    assert body == [{"sourceBase64": data_url(face), "targetBase64": data_url(target)}]
    assert all(value.startswith("data:image/png;base64,") for value in body[0].values())
    assert body[0]["sourceBase64"] != body[0]["targetBase64"]


def test_a_form_shown_when_the_language_changes_is_laid_out_in_it(
        studio_window: tuple[ChatWindow, StudioWiring]) -> None:
    chat, studio = studio_window
    uploads = show_form(studio, MjUploadForm)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    label = uploads.labels["images"]
    try:
        install_language(app, "zh_CN")
        chat.wait(lambda: label.text() == "图片（1–5 张）")
        assert label.width() >= label.sizeHint().width()  # not cut at the old width
    finally:
        install_language(app, "en")
    chat.wait(lambda: label.text() == "Images (1–5)")
    assert label.width() >= label.sizeHint().width()
