"""User settings: one typed schema (name, type, default, description), change callbacks per key.

User settings (`settings.json`) are kept apart from window state (`window-state.json`, see
`desktop.core.window_state`), as Picard keeps `setting` apart from `persist`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import notices
from desktop.core.atomic_file import write_json_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()
    bounds: tuple[int, int] | None = None  # inclusive range of a whole-number setting


SCHEMA: tuple[Setting, ...] = (
    Setting("ui.theme", str, "system", "Colour scheme", ("system", "light", "dark")),
    Setting("ui.language", str, "system", "Interface language", ("system", "en", "zh_CN")),
    Setting("composer.enter_sends", bool, True, "Enter sends; Shift+Enter adds a line"),
    Setting("chat.default_provider", str, "", "Provider for new conversations"),
    Setting("chat.default_model", str, "", "Model for new conversations"),
    Setting("attachments.max_image_side", int, 2048, "Downscale images to this longest side",
            bounds=(256, 16384)),
    Setting("attachments.max_document_tokens", int, 100_000,
            "Ask before attaching a document estimated above this many tokens",
            bounds=(1000, 10_000_000)),
    Setting("knowledge.top_k", int, 5,
            "Knowledge-base passages sent with each message", bounds=(1, 50)),
    Setting("knowledge.min_score_percent", int, 30,
            "Least similarity (0-100) a knowledge-base passage needs to be sent",
            bounds=(0, 100)),
    Setting("history.backups_kept", int, 7, "Daily database backups to keep", bounds=(0, 365)),
    Setting("speech.provider", str, "", "Provider for read aloud (empty: the conversation's)"),
    Setting("speech.model", str, "tts-1", "Text-to-speech model for read aloud"),
    Setting("speech.voice", str, "alloy", "Voice for read aloud"),
    Setting("speech.format", str, "wav", "Audio format requested for read aloud",
            ("wav", "pcm", "mp3", "opus", "aac", "flac")),
    Setting("speech.cache_mb", int, 200, "Megabytes of read-aloud audio kept in the cache",
            bounds=(0, 100_000)),
    Setting("dictation.provider", str, "", "Provider for dictation (empty: the conversation's)"),
    Setting("dictation.model", str, "whisper-1", "Speech-to-text model for dictation"),
    Setting("dictation.language", str, "", "Spoken language for dictation, e.g. en (empty: "
            "detected)"),
    Setting("images.size", str, "auto", "Size of generated images (WxH; auto: not sent)"),
    Setting("images.n", int, 1, "Images per generation", (1, 2, 3, 4)),
    Setting("images.quality", str, "", "Quality of generated images (empty: not sent)",
            ("", "standard", "hd", "low", "medium", "high")),
    Setting("images.style", str, "", "Style of generated images (empty: not sent)",
            ("", "vivid", "natural")),
    Setting("images.models", dict, {}, "Last image model used, per provider"),
    # Caps on what a server may send, counted after decompression (see core/api/limits.py).
    Setting("limits.response_mb", int, 64, "Megabytes of one reply body, streamed or not",
            bounds=(1, 4096)),
    Setting("limits.sse_line_mb", int, 8, "Megabytes of one line or event of a streamed reply",
            bounds=(1, 1024)),
    Setting("limits.model_list_mb", int, 16, "Megabytes of a provider's model list",
            bounds=(1, 1024)),
    Setting("limits.model_list_entries", int, 20_000, "Models a provider's list may hold",
            bounds=(100, 1_000_000)),
    Setting("limits.image_mb", int, 50, "Megabytes of one generated image", bounds=(1, 4096)),
    Setting("limits.images_per_reply", int, 16, "Generated images kept from one reply",
            bounds=(1, 1000)),
    Setting("tools.max_steps", int, 10, "Rounds of tool calls the model may make for one turn",
            bounds=(1, 100)),
)
_BY_NAME = {setting.name: setting for setting in SCHEMA}


def _unused_name(path: Path) -> Path:
    """`path`, or `path` with `-1`, `-2`… added when that name is taken."""
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}-{n}")
        n += 1
    return candidate


class SettingsError(ValueError):
    """A value of the wrong type or outside the allowed choices."""


class Settings:
    """Typed access to the user settings stored in one JSON file (or only in memory).

    Parts that care about a setting subscribe to its name and get each new value, so a
    change takes effect at once (`subscribe`); `on_change` hears every name.
    """

    def __init__(self, path: Path | None) -> None:
        """Settings saved in `path`; None keeps them in memory only (tests, previews)."""
        self.path = path
        self._values: dict[str, Any] = {}
        self._listeners: list[Callable[[str], None]] = []
        self._subscribers: dict[str, list[Callable[[Any], None]]] = {}
        self.load_problem: str | None = None
        self._load()

    @classmethod
    def in_memory(cls, values: Mapping[str, Any] | None = None) -> Settings:
        """Settings that are never saved, starting from the defaults and `values`."""
        settings = cls(None)
        for name, value in (values or {}).items():
            settings._values[name] = cls._validate(name, value)
        return settings

    @staticmethod
    def spec(name: str) -> Setting:
        """The schema entry of `name` (type, default, choices, bounds)."""
        setting = _BY_NAME.get(name)
        if setting is None:
            raise SettingsError(f"unknown setting {name!r}")
        return setting

    @staticmethod
    def default(name: str) -> Any:
        """The schema's default of `name` (the one place defaults are written)."""
        return Settings.spec(name).default

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError, RecursionError) as exc:
            # Keep the unreadable file for the user (never over an earlier copy); use defaults.
            why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            self.load_problem = f"Settings could not be read ({why}); defaults are used."
            aside = _unused_name(self.path.with_suffix(".json.broken"))
            try:
                self.path.replace(aside)
            except OSError:
                pass  # a read-only directory: the file stays where it is
            else:
                self.load_problem = f"Settings could not be read ({why}); moved to {aside.name}."
            log.warning(self.load_problem)
            return
        if not isinstance(raw, dict):
            self.load_problem = "Settings file did not hold an object; defaults used."
            return
        for name, value in raw.items():
            try:
                self._values[name] = self._validate(name, value)
            except SettingsError as exc:
                log.warning("ignoring setting %s: %s", name, exc)

    @staticmethod
    def check(name: str, value: Any) -> Any:
        """`value` if `name` accepts it; SettingsError saying why not (for command lines too)."""
        return Settings._validate(name, value)

    @staticmethod
    def _validate(name: str, value: Any) -> Any:
        setting = _BY_NAME.get(name)
        if setting is None:
            raise SettingsError(f"unknown setting {name!r}")
        if setting.type is int and isinstance(value, bool):
            raise SettingsError(f"{name} takes a whole number")
        if not isinstance(value, setting.type):
            raise SettingsError(f"{name} takes a {setting.type.__name__}, not {value!r}")
        if setting.choices and value not in setting.choices:
            raise SettingsError(f"{name} takes one of {', '.join(map(str, setting.choices))}")
        if setting.bounds is not None and isinstance(value, int):
            low, high = setting.bounds
            if not low <= value <= high:
                raise SettingsError(
                    f"{name} takes a whole number from {low} to {high}, not {value}")
        return value

    def get(self, name: str) -> Any:
        if name not in _BY_NAME:
            raise SettingsError(f"unknown setting {name!r}")
        return self._values.get(name, _BY_NAME[name].default)

    def set(self, name: str, value: Any) -> None:
        value = self._validate(name, value)
        if self.get(name) == value:
            return
        self._values[name] = value
        if self.path is not None:
            try:
                write_json_atomic(self.path, self._values)
            except OSError as exc:  # a full disk or a read-only data directory
                # The change still applies (theme, language…) for as long as the app runs.
                message = (f"The setting {name} could not be saved ({exc.strerror or exc}); "
                           "it applies until Switchboard quits.")
                log.warning(message)
                notices.warning(message)
        for callback in list(self._subscribers.get(name, ())):
            callback(value)
        for listener in list(self._listeners):
            listener(name)

    def subscribe(self, name: str, callback: Callable[[Any], None]) -> Callable[[], None]:
        """Call `callback(new_value)` whenever `name` changes; returns the unsubscribe call."""
        if name not in _BY_NAME:
            raise SettingsError(f"unknown setting {name!r}")
        callbacks = self._subscribers.setdefault(name, [])
        callbacks.append(callback)

        def unsubscribe() -> None:
            if callback in callbacks:
                callbacks.remove(callback)

        return unsubscribe

    def on_change(self, listener: Callable[[str], None]) -> Callable[[], None]:
        """Call `listener(name)` after any setting changed; returns the unsubscribe call."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe
