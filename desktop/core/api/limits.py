"""How much a server may send: caps on decompressed bytes per body, SSE line or event, model
list and image, and on the images of one reply.

The defaults are the Settings schema's (`limits.*`, in megabytes and counts);
`ResponseLimits.from_settings` reads the user's values. Every cap counts bytes after
decompression, so a small gzip bomb is stopped when what it inflates to passes the cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.settings import Settings

MIB = 1024 * 1024


def _default(name: str) -> int:
    value: int = Settings.default(name)  # the schema is the one place defaults are written
    return value


@dataclass(frozen=True)
class ResponseLimits:
    """Caps in bytes (and entries, images); one per provider client."""

    response_bytes: int = _default("limits.response_mb") * MIB
    sse_line_bytes: int = _default("limits.sse_line_mb") * MIB
    model_list_bytes: int = _default("limits.model_list_mb") * MIB
    model_list_entries: int = _default("limits.model_list_entries")
    image_bytes: int = _default("limits.image_mb") * MIB
    images_per_reply: int = _default("limits.images_per_reply")

    @classmethod
    def from_settings(cls, settings: Settings) -> ResponseLimits:
        """The limits the user set (`limits.*` settings, in megabytes and counts)."""
        return cls(
            response_bytes=settings.get("limits.response_mb") * MIB,
            sse_line_bytes=settings.get("limits.sse_line_mb") * MIB,
            model_list_bytes=settings.get("limits.model_list_mb") * MIB,
            model_list_entries=settings.get("limits.model_list_entries"),
            image_bytes=settings.get("limits.image_mb") * MIB,
            images_per_reply=settings.get("limits.images_per_reply"),
        )


def describe_size(count: int) -> str:
    """A byte count in words: "8 MB", "512 KB", "300 bytes"."""
    if count >= MIB:
        return f"{count / MIB:.4g} MB"
    if count >= 1024:
        return f"{count / 1024:.4g} KB"
    return f"{count} bytes"
