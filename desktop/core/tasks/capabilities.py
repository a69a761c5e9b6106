"""Which task APIs a provider offers, and how to reach them (kept in its profile).

Stored in `ProviderProfile.task_apis` as a small JSON object, read leniently (a hand-edited
or newer file never breaks loading): `{"mj": true, "suno": false, "luma": true,
"flux": true, "mj_mode": "fast", "flux_model": "flux-pro", "probed_at": 1733300000.0,
"by_hand": true}`. The task routes live at the host's root (`https://relay/mj/...`), not
under the `/v1` of the chat base URL: `task_root` gives that root.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from desktop.core.providers import ProviderProfile
from desktop.core.tasks.models import TaskFamily

MAX_MODEL_CHARS = 200


class MjMode(StrEnum):
    """Midjourney speed, chosen by a path prefix (`/mj-fast/mj/submit/imagine`);
    DEFAULT sends no prefix (the relay's own default)."""

    DEFAULT = ""
    RELAX = "relax"
    FAST = "fast"
    TURBO = "turbo"

    @property
    def prefix(self) -> str:
        """The path segment before `/mj/…` ("" or "mj-fast/")."""
        return f"mj-{self.value}/" if self.value else ""


@dataclass(frozen=True)
class TaskApis:
    """What one provider offers. False means "not offered" (or not known yet)."""

    midjourney: bool = False
    suno: bool = False
    luma: bool = False
    flux: bool = False
    mj_mode: MjMode = MjMode.DEFAULT
    flux_model: str = ""  # the image model for Flux ("" → the kind's default, flux-schnell)
    probed_at: float | None = None  # when probing last ran (None: never)
    by_hand: bool = False  # the user set these; probing does not overwrite them

    def offers(self, family: TaskFamily) -> bool:
        return {
            TaskFamily.MIDJOURNEY: self.midjourney, TaskFamily.SUNO: self.suno,
            TaskFamily.LUMA: self.luma, TaskFamily.FLUX: self.flux,
        }[family]

    @property
    def families(self) -> tuple[TaskFamily, ...]:
        return tuple(f for f in TaskFamily if self.offers(f))

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "mj": self.midjourney, "suno": self.suno, "luma": self.luma, "flux": self.flux,
        }
        if self.mj_mode is not MjMode.DEFAULT:
            data["mj_mode"] = str(self.mj_mode)
        if self.flux_model:
            data["flux_model"] = self.flux_model
        if self.probed_at is not None:
            data["probed_at"] = self.probed_at
        if self.by_hand:
            data["by_hand"] = True
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> TaskApis:
        """Lenient: wrong types fall back to the defaults."""
        if not isinstance(data, Mapping):
            return cls()
        try:
            mode = MjMode(str(data.get("mj_mode", "")).strip().lower())
        except ValueError:
            mode = MjMode.DEFAULT
        model = data.get("flux_model")
        probed = data.get("probed_at")
        return cls(
            midjourney=data.get("mj") is True, suno=data.get("suno") is True,
            luma=data.get("luma") is True, flux=data.get("flux") is True, mj_mode=mode,
            flux_model=model.strip()[:MAX_MODEL_CHARS] if isinstance(model, str) else "",
            probed_at=float(probed) if isinstance(probed, int | float)
            and not isinstance(probed, bool) and math.isfinite(probed) else None,
            by_hand=data.get("by_hand") is True,
        )

    @classmethod
    def of(cls, profile: ProviderProfile) -> TaskApis:
        """The task APIs stored in a profile."""
        return cls.from_json(profile.task_apis)

    def apply(self, profile: ProviderProfile) -> ProviderProfile:
        """The profile with these task APIs (save it with `ProviderRegistry.update`)."""
        return replace(profile, task_apis=self.to_json())

    def with_changes(self, **changes: Any) -> TaskApis:
        return replace(self, **changes)


def task_root(profile: ProviderProfile) -> str:
    """The host root the task routes hang from: the base URL without a trailing `/v1`
    (`https://relay.example/v1` → `https://relay.example`; `/api/v1` → `/api`)."""
    parts = urlsplit(profile.base_url)
    path = parts.path.rstrip("/")
    if path.lower().endswith("/v1"):
        path = path[:-3]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
