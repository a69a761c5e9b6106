"""A closed window takes all its views with it: the Studio view and the chat pane, whichever
stood out of the main slot, must not stay behind as hidden top-level widgets (each kept its
combo-box popups alive and got every later theme and language change: the test suite slowed
to a crawl)."""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from desktop.core.paths import DataDir
from desktop.ui.studio.main_area import CHATS, STUDIO
from tests.helpers.chat_window import open_window


def _alive(*widgets: object) -> list[object]:
    """This window's own widgets that still exist (other tests' windows may be pending deletion,
    so the check names its own objects instead of counting top-levels)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return [w for w in widgets if shiboken6.isValid(w)]


def test_views_out_of_the_slot_stay_in_the_window_and_go_with_it(
        data: DataDir, qasync_loop: asyncio.AbstractEventLoop) -> None:
    chat = open_window(data, qasync_loop)
    studio = chat.parts.studio
    assert studio is not None
    pane = chat.window.chat
    assert studio.view.window() is chat.window  # built hidden, inside the window
    studio.area.show_section(STUDIO)
    assert pane.window() is chat.window and pane.isHidden()  # out of the slot, still inside
    studio.area.show_section(CHATS)
    assert studio.view.window() is chat.window and studio.view.isHidden()
    studio.area.show_section(STUDIO)  # closed while the Studio is shown
    view, window = studio.view, chat.window
    chat.close()
    chat.wait(lambda: not _alive(view, pane, window))
    chat.store.close()
