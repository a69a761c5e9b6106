"""What Switchboard knows about models: capabilities, favourites, recently used, cached lists.

Capabilities (vision, reasoning, tools, image generation) come from a small table of id
patterns plus the user's own overrides. Model lists fetched from each provider's `/models`
are cached in `<data_dir>/models.json` with the favourites, the recent picks and the models
typed in by hand (gateways whose list is incomplete). The file never holds a key.
"""

from __future__ import annotations

import functools
import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Flag, auto
from pathlib import Path
from typing import Any

from desktop.core.atomic_file import write_json_atomic

log = logging.getLogger(__name__)

CATALOG_FILE_NAME = "models.json"
FILE_VERSION = 1
MAX_RECENT = 8
# A cache this large was written by a version without limits on model lists: ignored unread.
MAX_FILE_BYTES = 32 * 1024 * 1024
# No provider's list above this is cached, whatever limits.model_list_entries says.
MAX_CACHED_MODELS = 1_000_000


class Capability(Flag):
    """What a model can do, as far as Switchboard knows."""

    NONE = 0
    VISION = auto()
    REASONING = auto()
    TOOLS = auto()
    IMAGE_GENERATION = auto()


# Wire names, in the order badges are shown.
CAPABILITY_NAMES: dict[Capability, str] = {
    Capability.VISION: "vision",
    Capability.REASONING: "reasoning",
    Capability.TOOLS: "tools",
    Capability.IMAGE_GENERATION: "image",
}
_BY_NAME = {name: cap for cap, name in CAPABILITY_NAMES.items()}


def capability_names(caps: Capability) -> list[str]:
    return [name for cap, name in CAPABILITY_NAMES.items() if cap in caps]


def parse_capabilities(names: Iterable[str]) -> Capability:
    """Flags from wire names; unknown names are ignored (a newer version may know more)."""
    caps = Capability.NONE
    for name in names:
        caps |= _BY_NAME.get(name, Capability.NONE)
    return caps


V, R, T, I = (  # noqa: E741 - short names keep the table readable
    Capability.VISION,
    Capability.REASONING,
    Capability.TOOLS,
    Capability.IMAGE_GENERATION,
)
# (pattern matched at the start of the id's last path segment, capabilities). The first
# pattern that matches wins, so specific ids come before their family.
KNOWN_MODELS: tuple[tuple[str, Capability], ...] = (
    (
        r"(dall-e|gpt-image|imagen|flux|stable-diffusion|sdxl|sd3|midjourney|mj[-_]|seedream|"
        r"kolors|cogview|ideogram|recraft)",
        I,
    ),
    (r"gemini-[\d.]+-flash-image|gemini-.*image-(generation|preview)", V | I),
    (r"gpt-5", V | R | T),
    (r"o1-mini|o1-preview", R),
    (r"o[134](-|$)", V | R | T),
    (r"gpt-4o|gpt-4\.1|gpt-4-turbo|gpt-4-vision|chatgpt-4o", V | T),
    (r"gpt-4|gpt-3\.5-turbo", T),
    (r"claude-3-7|claude-(opus|sonnet)-4|claude-.*-4", V | R | T),
    (r"claude-3", V | T),
    (r"claude", T),
    (r"gemini-(2\.5|3)", V | R | T),
    (r"gemini", V | T),
    (r"gemma-3", V),
    (r"deepseek-(reasoner|r1)|deepseek-r1", R),
    (r"deepseek-(chat|v3)", T),
    (r"qwq|qwen3-.*thinking", R | T),
    (r"qwen.*vl|qvq", V),
    (r"qwen3|qwen2\.5", T),
    (r"grok-4|grok-3-mini", R | T),
    (r"grok-.*vision|grok-2-vision", V | T),
    (r"grok", T),
    (
        r"(llava|bakllava|minicpm-v|pixtral|glm-4v|llama-3\.2-.*vision|llama3\.2-vision|"
        r"internvl|moondream)",
        V,
    ),
    (r"llama-?3\.[13]|mistral-(large|medium|small)|command-r|glm-4", T),
    (r"magistral|kimi-k2-thinking|.*-thinking|.*-reasoner|r1(-|$)", R),
)
_COMPILED = tuple((re.compile(pattern), caps) for pattern, caps in KNOWN_MODELS)


@functools.lru_cache(maxsize=8192)  # the picker asks for every row on each keystroke
def known_capabilities(model_id: str) -> Capability:
    """Capabilities from the known-models table (`openai/gpt-4o` counts as `gpt-4o`)."""
    base = model_id.strip().lower().rsplit("/", 1)[-1]
    base = base.split(":", 1)[0] if base.startswith(("llava", "qwen", "llama")) else base
    for pattern, caps in _COMPILED:
        if pattern.match(base):
            return caps
    return Capability.NONE


@dataclass(frozen=True)
class CachedModels:
    """A provider's model list as last fetched."""

    models: tuple[str, ...]
    fetched_at: float


class ModelCatalog:
    """Cached model lists, favourites, recent picks, hand-typed models and capability overrides.

    Small JSON file, written atomically on each change; a broken file is moved aside.
    Methods are thread-safe (the UI calls them through `asyncio.to_thread`).
    """

    def __init__(self, data_root: Path) -> None:
        self.path = Path(data_root) / CATALOG_FILE_NAME
        self.load_problem: str | None = None
        self._lock = threading.RLock()
        self._cached: dict[str, CachedModels] = {}
        self._manual: dict[str, list[str]] = {}
        self._favourites: list[tuple[str, str]] = []
        self._recent: list[tuple[str, str]] = []
        self._overrides: dict[str, Capability] = {}
        # provider -> model -> {"params": {...}, "system_prompt": "..."}
        self._defaults: dict[str, dict[str, dict[str, Any]]] = {}
        self._load()

    # -- file ------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.load_problem = (
                    f"The model list cache {self.path.name} is {size // (1024 * 1024)} MB, "
                    "far more than model lists take; it was not read and will be replaced."
                )
                log.warning("%s", self.load_problem)
                return
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except OSError as exc:
            self.load_problem = f"The model list cache could not be read: {exc}"
            return
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            self._read(data)
        except (ValueError, TypeError, AttributeError) as exc:
            aside = self.path.with_name(f"{self.path.stem}.broken-{int(time.time())}.json")
            self.path.replace(aside)
            self.load_problem = (
                f"The model list cache could not be read ({exc}); kept as {aside.name}."
            )
            log.warning("%s", self.load_problem)
            self._cached, self._manual, self._favourites, self._recent = {}, {}, [], []
            self._overrides, self._defaults = {}, {}

    def _read(self, data: dict[str, Any]) -> None:
        for name, entry in dict(data.get("providers", {})).items():
            models = tuple(str(m) for m in entry.get("models", []) if isinstance(m, str) and m)
            fetched = float(entry.get("fetched_at", 0.0))
            if models or fetched:
                self._cached[str(name)] = CachedModels(models, fetched)
            manual = [str(m) for m in entry.get("manual", []) if isinstance(m, str) and m]
            if manual:
                self._manual[str(name)] = manual
        self._favourites = [_pair(item) for item in data.get("favourites", [])]
        self._recent = [_pair(item) for item in data.get("recent", [])][:MAX_RECENT]
        for model, names in dict(data.get("overrides", {})).items():
            self._overrides[str(model)] = parse_capabilities(str(n) for n in names)
        for provider, models in dict(data.get("defaults", {})).items():
            for model, entry in dict(models).items():
                params, prompt = entry.get("params", {}), entry.get("system_prompt", "")
                if not isinstance(params, dict) or not isinstance(prompt, str):
                    raise ValueError(f"bad defaults for {provider}/{model}")
                self._defaults.setdefault(str(provider), {})[str(model)] = {
                    "params": params,
                    "system_prompt": prompt,
                }

    def _save(self) -> None:
        providers: dict[str, dict[str, Any]] = {}
        for name, cached in self._cached.items():
            providers.setdefault(name, {}).update(
                models=list(cached.models), fetched_at=cached.fetched_at
            )
        for name, manual in self._manual.items():
            providers.setdefault(name, {})["manual"] = list(manual)
        payload = {
            "version": FILE_VERSION,
            "providers": providers,
            "favourites": [list(p) for p in self._favourites],
            "recent": [list(p) for p in self._recent],
            "overrides": {m: capability_names(c) for m, c in self._overrides.items()},
            "defaults": self._defaults,
        }
        try:
            write_json_atomic(self.path, payload)
        except OSError as exc:  # a read-only or full data directory: kept in memory only
            log.warning("model list cache not saved: %s", exc)

    # -- model lists -----------------------------------------------------------------------

    def cached(self, provider: str) -> CachedModels | None:
        with self._lock:
            return self._cached.get(provider)

    def set_models(self, provider: str, models: Sequence[str], *, now: float | None = None) -> None:
        """Remember a freshly fetched list (duplicates dropped, order kept); a list longer
        than MAX_CACHED_MODELS is refused with ValueError, and the cache keeps what it had."""
        if len(models) > MAX_CACHED_MODELS:
            raise ValueError(f"{provider} lists {len(models)} models; not cached")
        unique = tuple(dict.fromkeys(m for m in models if m))
        with self._lock:
            self._cached[provider] = CachedModels(unique, time.time() if now is None else now)
            self._save()

    def is_stale(self, provider: str, max_age_s: float, *, now: float | None = None) -> bool:
        cached = self.cached(provider)
        current = time.time() if now is None else now
        return cached is None or current - cached.fetched_at > max_age_s

    def manual_models(self, provider: str) -> list[str]:
        with self._lock:
            return list(self._manual.get(provider, []))

    def add_manual(self, provider: str, model: str) -> None:
        """A model typed in by hand for a gateway whose list lacks it."""
        model = model.strip()
        if not model:
            raise ValueError("A model name cannot be empty.")
        with self._lock:
            manual = self._manual.setdefault(provider, [])
            if model not in manual:
                manual.append(model)
                self._save()

    def remove_manual(self, provider: str, model: str) -> None:
        with self._lock:
            manual = self._manual.get(provider, [])
            if model in manual:
                manual.remove(model)
                self._save()

    def models(self, provider: str) -> list[str]:
        """The fetched list followed by the hand-typed models it lacks."""
        with self._lock:
            cached = self._cached.get(provider)
            fetched = list(cached.models) if cached else []
            extra = [m for m in self._manual.get(provider, []) if m not in fetched]
        return fetched + extra

    def forget_provider(self, provider: str) -> None:
        with self._lock:
            self._cached.pop(provider, None)
            self._defaults.pop(provider, None)
            self._manual.pop(provider, None)
            self._favourites = [p for p in self._favourites if p[0] != provider]
            self._recent = [p for p in self._recent if p[0] != provider]
            self._save()

    def rename_provider(self, old: str, new: str) -> None:
        with self._lock:
            if old in self._cached:
                self._cached[new] = self._cached.pop(old)
            if old in self._manual:
                self._manual[new] = self._manual.pop(old)
            if old in self._defaults:
                self._defaults[new] = self._defaults.pop(old)
            self._favourites = [(new if p == old else p, m) for p, m in self._favourites]
            self._recent = [(new if p == old else p, m) for p, m in self._recent]
            self._save()

    # -- favourites and recent picks -----------------------------------------------------

    def favourites(self) -> list[tuple[str, str]]:
        with self._lock:
            return list(self._favourites)

    def is_favourite(self, provider: str, model: str) -> bool:
        with self._lock:
            return (provider, model) in self._favourites

    def set_favourite(self, provider: str, model: str, favourite: bool = True) -> None:
        pair = (provider, model)
        with self._lock:
            if favourite and pair not in self._favourites:
                self._favourites.append(pair)
            elif not favourite and pair in self._favourites:
                self._favourites.remove(pair)
            else:
                return
            self._save()

    def recent(self) -> list[tuple[str, str]]:
        """Recently used (provider, model) pairs, newest first."""
        with self._lock:
            return list(self._recent)

    def note_used(self, provider: str, model: str) -> None:
        pair = (provider, model)
        with self._lock:
            if self._recent[:1] == [pair]:
                return
            self._recent = [pair] + [p for p in self._recent if p != pair]
            del self._recent[MAX_RECENT:]
            self._save()

    # -- parameter defaults per provider and model ---------------------------------------

    def defaults(self, provider: str, model: str) -> tuple[dict[str, Any], str] | None:
        """(params, system prompt) the user saved as defaults for this model, or None."""
        with self._lock:
            entry = self._defaults.get(provider, {}).get(model)
        if entry is None:
            return None
        return dict(entry["params"]), str(entry["system_prompt"])

    def set_defaults(
        self, provider: str, model: str, params: dict[str, Any] | None, system_prompt: str = ""
    ) -> None:
        """Save (or with None, drop) the defaults new conversations with this model start from."""
        with self._lock:
            if params is None:
                models = self._defaults.get(provider, {})
                if models.pop(model, None) is None:
                    return
                if not models:
                    self._defaults.pop(provider, None)
            else:
                self._defaults.setdefault(provider, {})[model] = {
                    "params": _no_secrets(dict(params)),
                    "system_prompt": system_prompt,
                }
            self._save()

    # -- capabilities ----------------------------------------------------------------------

    def capabilities(self, model: str) -> Capability:
        """The user's override for this model id if any, else the known-models table."""
        with self._lock:
            override = self._overrides.get(model)
        return override if override is not None else known_capabilities(model)

    def set_override(self, model: str, caps: Capability | None) -> None:
        """Set (or with None, drop) the user's capabilities for a model id."""
        with self._lock:
            if caps is None:
                if self._overrides.pop(model, None) is None:
                    return
            else:
                self._overrides[model] = caps
            self._save()


def _pair(item: Any) -> tuple[str, str]:
    if not (
        isinstance(item, list | tuple) and len(item) == 2 and all(isinstance(x, str) for x in item)
    ):
        raise ValueError(f"expected a [provider, model] pair, got {item!r}")
    return (item[0], item[1])


def _no_secrets(params: dict[str, Any]) -> dict[str, Any]:
    """The params without anything that looks like a key (as the Store scrubs them)."""
    from desktop.core.store.params import scrub_params

    cleaned = scrub_params(params)
    return cleaned if isinstance(cleaned, dict) else {}
