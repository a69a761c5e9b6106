from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.settings import SCHEMA, Settings, SettingsError
from desktop.core.window_state import WindowState


def test_defaults_come_from_the_schema(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    for setting in SCHEMA:
        assert settings.get(setting.name) == setting.default


def test_set_persists_and_notifies(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    changed: list[str] = []
    settings.on_change(changed.append)
    settings.set("ui.theme", "dark")
    settings.set("ui.theme", "dark")  # unchanged: no second notification
    assert changed == ["ui.theme"]
    assert Settings(path).get("ui.theme") == "dark"
    assert json.loads(path.read_text()) == {"ui.theme": "dark"}


def test_subscribers_get_the_new_value_of_their_key_only(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    themes: list[object] = []
    sides: list[object] = []
    unsubscribe = settings.subscribe("ui.theme", themes.append)
    settings.subscribe("attachments.max_image_side", sides.append)
    settings.set("ui.theme", "dark")
    settings.set("ui.theme", "dark")  # unchanged: nothing
    settings.set("attachments.max_image_side", 1024)
    unsubscribe()
    settings.set("ui.theme", "light")
    assert themes == ["dark"]
    assert sides == [1024]
    with pytest.raises(SettingsError):
        settings.subscribe("no.such.setting", themes.append)


def test_in_memory_settings_are_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = Settings.in_memory({"ui.language": "zh_CN"})
    assert settings.path is None and settings.load_problem is None
    assert settings.get("ui.language") == "zh_CN"
    assert settings.get("attachments.max_image_side") == Settings.default(
        "attachments.max_image_side")
    changed: list[object] = []
    settings.subscribe("composer.enter_sends", changed.append)
    settings.set("composer.enter_sends", False)
    assert changed == [False] and settings.get("composer.enter_sends") is False
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(SettingsError):
        Settings.in_memory({"ui.theme": "purple"})


@pytest.mark.parametrize(
    ("name", "value"),
    [("ui.theme", "purple"), ("composer.enter_sends", "yes"), ("history.backups_kept", True),
     ("no.such.setting", 1)],
)
def test_invalid_values_are_refused(tmp_path: Path, name: str, value: object) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(SettingsError):
        settings.set(name, value)


def test_broken_file_is_moved_aside_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    settings = Settings(path)
    assert settings.get("ui.theme") == "system"
    assert settings.load_problem is not None and "settings.json.broken" in settings.load_problem
    assert (tmp_path / "settings.json.broken").read_text() == "{not json"


def test_bad_values_in_file_are_ignored_individually(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ui.theme": "dark", "history.backups_kept": "many"}))
    settings = Settings(path)
    assert settings.get("ui.theme") == "dark"
    assert settings.get("history.backups_kept") == 7


def test_window_state_round_trip_and_garbage(tmp_path: Path) -> None:
    path = tmp_path / "window-state.json"
    state = WindowState(path)
    state.set("geometry", "abc")
    state.save()
    assert WindowState(path).get("geometry") == "abc"
    path.write_text("\x00garbage")
    assert WindowState(path).get("geometry", "default") == "default"


def test_whole_numbers_are_kept_within_their_range(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.json")
    with pytest.raises(SettingsError, match="from 256 to 16384"):
        settings.set("attachments.max_image_side", 0)
    with pytest.raises(SettingsError, match="from 0 to 365"):
        settings.set("history.backups_kept", -1)
    settings.set("attachments.max_image_side", 1024)
    assert Settings.check("attachments.max_image_side", 4096) == 4096
    # Out of range in the file (edited by hand): ignored, the default applies.
    (tmp_path / "other.json").write_text(json.dumps({"attachments.max_image_side": 10}))
    assert Settings(tmp_path / "other.json").get("attachments.max_image_side") == 2048


def test_a_setting_that_cannot_be_saved_still_applies_and_says_so(tmp_path: Path) -> None:
    """A read-only data directory (or a full disk): the change applies, a warning says why."""
    from desktop.core import notices

    folder = tmp_path / "ro"
    folder.mkdir()
    settings = Settings(folder / "settings.json")
    heard: list[object] = []
    unsubscribe = notices.subscribe(heard.append)
    seen: list[object] = []
    settings.subscribe("ui.theme", seen.append)
    (folder / "settings.json").mkdir()  # writing the file fails with an OSError, even as root
    try:
        settings.set("ui.theme", "dark")
    finally:
        unsubscribe()
    assert settings.get("ui.theme") == "dark" and seen == ["dark"]
    assert any("could not be saved" in getattr(n, "text", "") for n in heard)
