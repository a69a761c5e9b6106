"""The welcome view: probes local servers (a real fake server on loopback) and adds one."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.key_access import KeyAccess
from desktop.core.local_servers import LocalServer, probe_local_servers
from desktop.core.model_catalog import ModelCatalog
from desktop.core.provider_templates import local_templates
from desktop.core.providers import KeySource, ProviderRegistry
from desktop.ui.provider_editor import ProviderEditor
from desktop.ui.task_runner import TaskRunner
from desktop.ui.welcome_view import WelcomeView
from tests.helpers.fake_provider import FakeProvider, fake_provider

__all__ = ["fake_provider"]


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/v1"


def test_probe_offers_what_answers_and_adds_it(
    qtbot: QtBot,
    qasync_loop: asyncio.AbstractEventLoop,
    tmp_path: Path,
    fake_provider: FakeProvider,
) -> None:
    registry = ProviderRegistry(tmp_path)
    catalog = ModelCatalog(tmp_path)
    urls = {t.id: closed_port_url() for t in local_templates()}
    urls["lmstudio"] = fake_provider.base_url

    async def probe() -> list[LocalServer]:
        return await probe_local_servers(urls=urls, limit_s=1.0)

    view = WelcomeView(TaskRunner(), probe=probe)
    qtbot.addWidget(view)
    requested: list[str] = []
    view.add_provider_requested.connect(requested.append)
    view.add_button.click()
    assert requested == [""]
    found = qasync_loop.run_until_complete(view.start_probe())
    assert [s.name for s in found] == ["LM Studio"]
    assert view.local_list.count() == 1
    assert "answered" in view.local_status.text()
    # "Use it" asks; the view writes nothing itself (the editor does, see below).
    use = [b for b in view.findChildren(QPushButton) if b.text() == "Use it"]
    assert len(use) == 1
    with qtbot.waitSignal(view.server_chosen) as chosen:
        use[0].click()
    assert chosen.args == [found[0]]
    assert len(registry) == 0
    editor = ProviderEditor(registry, KeyAccess(), catalog)
    profile = editor.add_local(found[0])
    assert profile.key_source is KeySource.NONE
    assert ProviderRegistry(tmp_path).get("LM Studio").base_url == fake_provider.base_url
    assert catalog.models("LM Studio") == ["fake-chat", "fake-image"]
    again = editor.add_local(found[0])  # a second one gets its own name
    assert again.name == "LM Studio 2"


def test_nothing_found_says_what_to_do(
    qtbot: QtBot, qasync_loop: asyncio.AbstractEventLoop, tmp_path: Path
) -> None:
    async def nothing() -> list[LocalServer]:
        return []

    view = WelcomeView(TaskRunner(), probe=nothing)
    qtbot.addWidget(view)
    qasync_loop.run_until_complete(view.start_probe())
    assert "No local server answered" in view.local_status.text()
    assert view.rescan_button.isEnabled()
