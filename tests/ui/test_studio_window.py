"""The Studio in the real window against the fake relay routes (tests/helpers/fake_tasks.py):
Imagine then U2, a Modal question, a Suno clip played to the end, a Luma video shown, a
failed task with its reason, tasks that resume after the window is reopened, Shorten's
prompts, Luma Extend and Suno continue, and provider pickers that follow the Providers
dialog. STUDIO_SHOTS=DIR saves screenshots of the new parts."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from desktop.core.paths import DataDir
from desktop.core.providers import ProviderRegistry
from desktop.core.tasks import PollPolicy, TaskApis, TaskKind, TaskRecord, TaskStatus
from desktop.ui.studio.follow_up_dialog import FollowUpDialog
from desktop.ui.studio.forms_media import LumaForm, SunoForm
from desktop.ui.studio.forms_mj import MjImagineForm, MjShortenForm
from desktop.ui.studio.modal_dialog import ModalInputDialog
from desktop.ui.studio.queue_model import TaskRoles
from desktop.ui.studio.wiring import StudioWiring
from tests.helpers.chat_window import (
    KEY_ENV,
    ChatWindow,
    add_provider,
    data_dir_at,
    fake_key,
    open_window,
)
from tests.helpers.fake_provider import FakeProvider
from tests.helpers.fake_tasks import Plan, TaskRelay

FAST = PollPolicy(first=0.02, factor=1.0, longest=0.02)


@pytest.fixture
def relay(fake_provider: FakeProvider) -> TaskRelay:
    fake_provider.tasks = TaskRelay()
    return fake_provider.tasks


@pytest.fixture
def data(tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch) -> DataDir:
    monkeypatch.setenv(KEY_ENV, fake_key())
    data = data_dir_at(tmp_path / "data")
    add_provider(data, fake_provider.base_url, name="Relay")
    ProviderRegistry(data.root).update("Relay", task_apis=TaskApis(
        midjourney=True, suno=True, luma=True).to_json())
    return data


def open_studio(data: DataDir, loop: asyncio.AbstractEventLoop) -> tuple[ChatWindow, StudioWiring]:
    chat = open_window(data, loop)
    studio = chat.parts.studio
    assert studio is not None
    studio.runner.policy = FAST
    chat.window.sidebar.sections.buttons["studio"].click()
    assert chat.window.splitter.widget(1) is studio.view
    assert chat.window.parameters.isHidden()
    return chat, studio


@pytest.fixture
def studio_window(data: DataDir, relay: TaskRelay, qasync_loop: asyncio.AbstractEventLoop
                  ) -> Iterator[tuple[ChatWindow, StudioWiring]]:
    chat, studio = open_studio(data, qasync_loop)
    yield chat, studio
    chat.close()
    chat.store.close()


def create(studio: StudioWiring, form_type: type, prompt: str) -> None:
    form = studio.view.form
    form.kind.setCurrentIndex(next(i for i, f in enumerate(form.forms) if type(f) is form_type))
    assert form.provider.currentText() == "Relay"
    form.current.prompt.setPlainText(prompt)  # type: ignore[attr-defined]
    form.create_button.click()


def final(chat: ChatWindow, studio: StudioWiring, kind: TaskKind,
          status: TaskStatus = TaskStatus.SUCCEEDED) -> TaskRecord:
    """Wait until the newest task of `kind` is in `status`; it is the one the card shows."""
    def newest() -> TaskRecord | None:
        return next((r for r in studio.view.model.records() if r.kind is kind), None)

    chat.wait(lambda: (r := newest()) is not None and r.status is status, timeout=15)
    record = newest()
    assert record is not None
    assert studio.view.card.record is not None and studio.view.card.record.id == record.id
    return record


def test_imagine_then_u2(studio_window: tuple[ChatWindow, StudioWiring],
                         relay: TaskRelay) -> None:
    chat, studio = studio_window
    create(studio, MjImagineForm, "a red fox in snow")
    imagine = final(chat, studio, TaskKind.MJ_IMAGINE)
    card = studio.view.card
    assert [f.role for f in imagine.files] == ["image"]
    chat.wait(lambda: all(t.pixmap() is not None and not t.pixmap().isNull()
                          for t in card.thumbnails.values()) and bool(card.thumbnails))
    captions = [b.text() for b in card.mj_buttons]
    assert captions[:4] == ["U1", "U2", "U3", "U4"] and "V2" in captions
    next(b for b in card.mj_buttons if b.text() == "U2").click()
    upscale = final(chat, studio, TaskKind.MJ_ACTION)
    assert upscale.parent_id == imagine.id and upscale.files
    sent = [t.body for t in relay.tasks.values() if t.action == "ACTION"]
    u2 = next(b for b in imagine.buttons if b.label == "U2")
    assert sent == [{"customId": u2.custom_id, "taskId": imagine.remote_id}]
    assert studio.view.model.rowCount() == 2
    studio.view.queue.select_task(imagine.id)
    studio.view.card.rerun_button.click()  # the same prompt and options, a new task
    chat.wait(lambda: studio.view.model.rowCount() == 3)
    again = final(chat, studio, TaskKind.MJ_IMAGINE)
    assert again.id != imagine.id
    assert (again.prompt, again.params) == (imagine.prompt, imagine.params)


def test_modal_reply_asks_for_the_prompt(studio_window: tuple[ChatWindow, StudioWiring],
                                         relay: TaskRelay) -> None:
    chat, studio = studio_window
    relay.plan(Plan(outcome="modal"))
    create(studio, MjImagineForm, "a lighthouse")
    final(chat, studio, TaskKind.MJ_IMAGINE, TaskStatus.MODAL)
    chat.wait(lambda: bool(studio.dialogs))
    dialog = studio.dialogs[0]
    assert isinstance(dialog, ModalInputDialog) and dialog.isVisible()
    dialog.editor.setPlainText("a lighthouse, zoomed out --zoom 1.5")
    dialog.accept()
    final(chat, studio, TaskKind.MJ_IMAGINE)
    assert not studio.dialogs
    assert any(t.modal_done for t in relay.tasks.values())


def test_suno_clip_plays_to_the_end(studio_window: tuple[ChatWindow, StudioWiring]) -> None:
    chat, studio = studio_window
    create(studio, SunoForm, "a calm song about the sea")
    clip = final(chat, studio, TaskKind.SUNO_MUSIC)
    assert "audio" in [f.role for f in clip.files]
    players = studio.view.card.players
    assert players and not players[0].transport.video
    ended: list[bool] = []
    players[0].finished.connect(lambda: ended.append(True))
    players[0].transport.play_button.click()
    if players[0].problem_text:  # no media backend here: the clear message, no crash
        assert "cannot play" in players[0].problem_text
        pytest.skip("QtMultimedia has no media backend here")
    chat.wait(lambda: bool(ended), timeout=15)
    assert players[0].transport.slider.maximum() > 0


def test_luma_video_is_shown(studio_window: tuple[ChatWindow, StudioWiring]) -> None:
    chat, studio = studio_window
    create(studio, LumaForm, "a paper boat on a rainy street")
    video = final(chat, studio, TaskKind.LUMA_CREATE)
    assert [f.role for f in video.files if f.role == "video"] == ["video"]
    player = studio.view.card.players[0]
    player.transport.play_button.click()
    if player.problem_text:
        pytest.skip("QtMultimedia has no media backend here")
    surface = player.transport.video_widget
    assert surface is not None
    chat.wait(lambda: surface.isVisible() and player.transport.player.duration() > 0)


def test_failed_task_shows_its_reason(studio_window: tuple[ChatWindow, StudioWiring],
                                      relay: TaskRelay) -> None:
    chat, studio = studio_window
    relay.plan(Plan(outcome="failure", fail_reason="Upstream job failed: banned image"))
    create(studio, MjImagineForm, "a fox")
    final(chat, studio, TaskKind.MJ_IMAGINE, TaskStatus.FAILED)
    card = studio.view.card
    assert card.error.isVisible() and "banned image" in card.error.text()
    assert not card.mj_buttons
    row = studio.view.model.index(0)
    assert "banned image" in row.data(0x03)  # the queue row's tooltip names the reason
    failed_id = row.data(TaskRoles.TASK_ID)
    studio.view.queue.delete_requested.emit(failed_id)  # its menu's Delete
    chat.wait(lambda: studio.view.model.rowCount() == 0 and card.record is None)
    assert chat.store.list_tasks() == []


def test_tasks_resume_after_the_window_is_reopened(
    data: DataDir, relay: TaskRelay, qasync_loop: asyncio.AbstractEventLoop,
) -> None:
    relay.plan(Plan(steps=6))
    chat, studio = open_studio(data, qasync_loop)
    create(studio, MjImagineForm, "a slow fox")
    chat.wait(lambda: any(r.status is TaskStatus.IN_PROGRESS and r.progress > 0
                          for r in studio.view.model.records()))
    chat.close()
    chat.store.close()
    chat, studio = open_studio(data, qasync_loop)
    try:
        chat.wait(lambda: studio.view.model.rowCount() == 1)
        chat.wait(lambda: studio.view.model.records()[0].status is TaskStatus.SUCCEEDED,
                  timeout=15)
        assert studio.view.model.records()[0].files
    finally:
        chat.close()
        chat.store.close()


def _shot(chat: ChatWindow, name: str, widget: QWidget | None = None) -> None:
    folder = os.environ.get("STUDIO_SHOTS")
    if folder:
        shown = widget or chat.window
        shown.repaint()
        shown.grab().save(str(Path(folder) / f"studio2-{name}.png"))


def test_shorten_prompts_fill_the_imagine_form(
        studio_window: tuple[ChatWindow, StudioWiring]) -> None:
    chat, studio = studio_window
    create(studio, MjShortenForm, "a red fox sitting by an old lighthouse at dusk")
    final(chat, studio, TaskKind.MJ_SHORTEN)
    card, form = studio.view.card, studio.view.form
    assert [b.text() for b in card.prompt_buttons] == ["Use this prompt"] * 5
    _shot(chat, "shorten")
    card.prompt_buttons[2].click()
    assert isinstance(form.current, MjImagineForm)
    assert form.current.prompt.toPlainText() == "a red fox sitting by a lighthouse, dusk, oil"


def test_luma_extend_and_suno_continue(studio_window: tuple[ChatWindow, StudioWiring],
                                       relay: TaskRelay) -> None:
    chat, studio = studio_window
    create(studio, LumaForm, "a paper boat")
    video = final(chat, studio, TaskKind.LUMA_CREATE)
    card = studio.view.card
    assert card.extend_button is not None and not card.continue_buttons
    card.extend_button.click()
    dialog = studio.dialogs[-1]
    assert isinstance(dialog, FollowUpDialog) and dialog.isVisible()
    dialog.editor.setPlainText("the boat reaches the sea")
    _shot(chat, "luma-extend")
    _shot(chat, "luma-extend-dialog", dialog)
    dialog.accept()
    longer = final(chat, studio, TaskKind.LUMA_EXTEND)
    assert longer.parent_id == video.id and longer.prompt == "the boat reaches the sea"
    assert longer.params["generation_id"] == video.remote_id
    create(studio, SunoForm, "a calm song")
    song = final(chat, studio, TaskKind.SUNO_MUSIC)
    assert len(studio.view.card.continue_buttons) == 2
    studio.view.card.continue_buttons[1].click()
    dialog = studio.dialogs[-1]
    assert isinstance(dialog, FollowUpDialog) and dialog.at is not None
    assert dialog.at.maximum() == pytest.approx(0.3)  # the clip's duration
    dialog.at.setValue(0.2)
    _shot(chat, "suno-continue-dialog", dialog)
    dialog.accept()
    chat.wait(lambda: sum(r.kind is TaskKind.SUNO_MUSIC for r in studio.view.model.records())
              == 2)
    more = final(chat, studio, TaskKind.SUNO_MUSIC)
    assert more.parent_id == song.id
    assert more.params["continue_clip_id"] == f"{song.remote_id}-2"
    assert more.params["continue_at"] == pytest.approx(0.2)


def test_provider_pickers_follow_the_providers_dialog(
        studio_window: tuple[ChatWindow, StudioWiring]) -> None:
    chat, studio = studio_window
    form = studio.view.form
    create(studio, MjImagineForm, "a fox")  # shows the Midjourney picker with Relay
    editor = chat.parts.providers.editor
    relay = editor.registry.get("Relay")
    editor.update("Relay", TaskApis(suno=True).apply(relay))
    assert form.provider.count() == 0 and form.no_provider.isVisibleTo(form)
    editor.update("Relay", TaskApis(midjourney=True).apply(relay))
    assert form.provider.currentText() == "Relay" and form.create_button.isEnabled()
    chat.wait(chat.idle)  # the model picker's refetch after the edits
