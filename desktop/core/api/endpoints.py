"""Requests and results of the non-chat endpoints: models, images, speech, embeddings.

Parsers here are lenient about shape (a bare list or `{"data": [...]}`, extra fields,
Anthropic's model list) and raise `ValueError` with a clear message when nothing fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.api.embedding_vectors import MAX_VALUES, vector_of
from desktop.core.api.requests_openai import RequestValidationError

_SIZE_RE = re.compile(r"^\s*(\d{2,5})\s*[xX*×]\s*(\d{2,5})\s*$")


@dataclass(frozen=True)
class ModelInfo:
    """One entry of a provider's model list."""

    id: str
    owned_by: str | None = None
    display_name: str | None = None
    created: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def parse_models(data: Any) -> list[ModelInfo]:
    """Models from `{"data": [...]}`, `{"models": [...]}`, a bare list, or Anthropic's shape."""
    items: Any = data
    if isinstance(data, dict):
        items = data.get("data", data.get("models"))
    if not isinstance(items, list):
        raise ValueError("The model list is neither a list nor an object with a 'data' list.")
    models: list[ModelInfo] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, str):
            entry: dict[str, Any] = {"id": item}
        elif isinstance(item, dict):
            entry = item
        else:
            continue
        model_id = entry.get("id") or entry.get("name") or entry.get("model")
        if not isinstance(model_id, str) or not model_id or model_id in seen:
            continue
        # Ollama's /api/tags and Gemini use "models/<id>"; the id is what chat requests take.
        seen.add(model_id)
        created = entry.get("created")
        models.append(
            ModelInfo(
                id=model_id,
                owned_by=_str_or_none(entry.get("owned_by")),
                display_name=_str_or_none(entry.get("display_name")),
                created=created if isinstance(created, int) else None,
                raw=entry,
            )
        )
    return models


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def parse_image_size(size: str) -> tuple[int, int]:
    """(width, height) from `1024x1024`, `1024*1024`, `1024X1024` or `1024×1024`."""
    match = _SIZE_RE.match(size)
    if not match:
        raise RequestValidationError(f"Image size {size!r} must look like 1024x1024.")
    return int(match.group(1)), int(match.group(2))


@dataclass
class ImageRequest:
    """POST /images/generations; None fields are not sent."""

    model: str
    prompt: str
    n: int | None = None
    size: str | None = None  # either form; sent in the profile's form
    quality: str | None = None
    style: str | None = None
    response_format: str | None = None  # "b64_json" or "url"
    user: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def body(self, size_separator: str = "x") -> dict[str, Any]:
        if not self.prompt.strip():
            raise RequestValidationError("An image request needs a prompt.")
        if self.n is not None and not 1 <= self.n <= 10:
            raise RequestValidationError(f"n must be between 1 and 10 (got {self.n}).")
        body: dict[str, Any] = {"model": self.model, "prompt": self.prompt}
        if self.n is not None:
            body["n"] = self.n
        if self.size is not None and self.size.strip().lower() == "auto":
            body["size"] = "auto"
        elif self.size is not None:
            width, height = parse_image_size(self.size)
            body["size"] = f"{width}{size_separator}{height}"
        for name in ("quality", "style", "response_format", "user"):
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        body.update(self.extra)
        return body


@dataclass(frozen=True)
class GeneratedImage:
    """One generated image: its bytes (downloaded when the provider sent a URL)."""

    data: bytes
    content_type: str | None = None
    url: str | None = None
    revised_prompt: str | None = None

    @property
    def extension(self) -> str:
        """File extension from the bytes' magic number (providers mislabel often)."""
        if self.data.startswith(b"\x89PNG"):
            return ".png"
        if self.data.startswith(b"\xff\xd8"):
            return ".jpg"
        if self.data[:4] == b"RIFF" and self.data[8:12] == b"WEBP":
            return ".webp"
        if self.data.startswith(b"GIF8"):
            return ".gif"
        return ".png"


@dataclass
class SpeechRequest:
    """POST /audio/speech."""

    model: str
    input: str
    voice: str = "alloy"
    response_format: str | None = None  # mp3, opus, aac, flac, wav, pcm
    speed: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"model": self.model, "input": self.input, "voice": self.voice}
        if self.response_format is not None:
            body["response_format"] = self.response_format
        if self.speed is not None:
            body["speed"] = self.speed
        body.update(self.extra)
        return body


@dataclass(frozen=True)
class SpeechResult:
    audio: bytes
    content_type: str


@dataclass
class EmbeddingRequest:
    """POST /embeddings."""

    model: str
    input: str | list[str]
    dimensions: int | None = None
    encoding_format: str | None = None
    user: str | None = None

    def body(self) -> dict[str, Any]:
        if self.encoding_format not in (None, "float", "base64"):
            raise RequestValidationError("encoding_format must be float or base64.")
        if self.dimensions is not None and not 1 <= self.dimensions <= 65_536:
            raise RequestValidationError(f"dimensions must be positive (got {self.dimensions}).")
        body: dict[str, Any] = {"model": self.model, "input": self.input}
        for name in ("dimensions", "encoding_format", "user"):
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        return body


@dataclass(frozen=True)
class EmbeddingsResult:
    vectors: list[list[float]]
    model: str | None = None
    prompt_tokens: int | None = None
    total_tokens: int | None = None


def parse_embeddings(data: Any) -> EmbeddingsResult:
    """Vectors in input order (sorted by `index`), from the OpenAI embeddings shape."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise ValueError("The embeddings reply has no 'data' list.")
    rows = [item for item in data["data"] if isinstance(item, dict)]
    rows.sort(key=lambda item: item.get("index", 0) if isinstance(item.get("index"), int) else 0)
    vectors: list[list[float]] = []
    total = 0
    for row in rows:
        vector = vector_of(row.get("embedding"))  # numbers, or base64 float32
        total += len(vector)
        if total > MAX_VALUES:
            raise ValueError(f"The embeddings reply holds more than {MAX_VALUES} values.")
        vectors.append(vector)
    usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
    assert isinstance(usage, dict)
    return EmbeddingsResult(
        vectors=vectors,
        model=_str_or_none(data.get("model")),
        prompt_tokens=_int_or_none(usage.get("prompt_tokens")),
        total_tokens=_int_or_none(usage.get("total_tokens")),
    )


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
