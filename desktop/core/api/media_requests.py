"""Multipart uploads: image edits, image variations and speech to text.

    POST /images/edits          image, [mask], prompt, [model, n, size, response_format]
    POST /images/variations     image, [model, n, size, response_format]
    POST /audio/transcriptions  file, model, [language, prompt, response_format]

Files are checked before anything is sent: their size is capped, an image must be PNG, JPEG or
WebP by its first bytes, and a mask must be a PNG with an alpha channel the same size as the
image (OpenAI edits where the mask is transparent). The image size is sent in the provider's
form (`1024x1024` or `1024*1024`), as for generations.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.api.endpoints import GeneratedImage, parse_image_size
from desktop.core.api.image_download import ImageDownloader, image_type
from desktop.core.api.limits import describe_size
from desktop.core.api.requests_openai import RequestValidationError

MIB = 1024 * 1024
MAX_IMAGE_UPLOAD = 50 * MIB  # gpt-image-1 takes up to 50 MB; dall-e-2 4 MB
MAX_AUDIO_UPLOAD = 25 * MIB  # OpenAI's limit for /audio/transcriptions
MAX_TRANSCRIPT_CHARS = 1_000_000
IMAGE_UPLOAD_TYPES = ("image/png", "image/jpeg", "image/webp")
TRANSCRIPT_FORMATS = ("json", "text", "verbose_json", "srt", "vtt")
_AUDIO_TYPES = {
    ".wav": "audio/wav", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "audio/mp4",
    ".mpeg": "audio/mpeg", ".mpga": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg",
    ".webm": "audio/webm", ".flac": "audio/flac",
}
FormFiles = list[tuple[str, tuple[str, bytes, str]]]


@dataclass(frozen=True)
class Upload:
    """One file of a multipart request: its bytes, the name sent and its content type."""

    data: bytes
    filename: str
    content_type: str

    @classmethod
    def from_path(cls, path: Path, limit: int, content_type: str = "") -> Upload:
        """The file at `path`, refused when missing, empty or larger than `limit` bytes."""
        try:
            size = path.stat().st_size
            if size > limit:
                raise RequestValidationError(
                    f"{path.name} is {describe_size(size)}; the limit is {describe_size(limit)}.")
            data = path.read_bytes()
        except OSError as exc:
            raise RequestValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from None
        if not data:
            raise RequestValidationError(f"{path.name} is empty.")
        guessed = content_type or image_type(data) or _AUDIO_TYPES.get(path.suffix.lower(), "")
        return cls(data, path.name, guessed or "application/octet-stream")


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header; None when `data` is no PNG."""
    if len(data) < 24 or not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def png_has_alpha(data: bytes) -> bool:
    """Whether a PNG's colour type carries alpha (4, 6) or a tRNS chunk gives transparency."""
    return len(data) > 25 and (data[25] in (4, 6) or b"tRNS" in data[:4096])


def _check_image(upload: Upload, what: str) -> None:
    if len(upload.data) > MAX_IMAGE_UPLOAD:
        raise RequestValidationError(
            f"The {what} is larger than {describe_size(MAX_IMAGE_UPLOAD)}.")
    kind = image_type(upload.data)
    if kind not in IMAGE_UPLOAD_TYPES:
        raise RequestValidationError(f"The {what} must be a PNG, JPEG or WebP image.")


def _check_mask(image: Upload, mask: Upload) -> None:
    _check_image(mask, "mask")
    mask_size = png_size(mask.data)
    if mask_size is None or not png_has_alpha(mask.data):
        raise RequestValidationError("The mask must be a PNG with transparency (an alpha "
                                     "channel): transparent areas are the ones edited.")
    image_size = png_size(image.data)
    if image_size is not None and image_size != mask_size:
        raise RequestValidationError(
            f"The mask is {mask_size[0]}×{mask_size[1]} but the image is "
            f"{image_size[0]}×{image_size[1]}; they must be the same size.")


def _common_fields(model: str | None, n: int | None, size: str | None,
                   response_format: str | None, separator: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    if model:
        fields["model"] = model
    if n is not None:
        if not 1 <= n <= 10:
            raise RequestValidationError(f"n must be between 1 and 10 (got {n}).")
        fields["n"] = str(n)
    if size is not None and size.strip().lower() == "auto":
        fields["size"] = "auto"
    elif size is not None:
        width, height = parse_image_size(size)
        fields["size"] = f"{width}{separator}{height}"
    if response_format is not None:
        if response_format not in ("b64_json", "url"):
            raise RequestValidationError("response_format must be b64_json or url.")
        fields["response_format"] = response_format
    return fields


def _extra_fields(extra: dict[str, Any]) -> dict[str, str]:
    return {k: v if isinstance(v, str) else json.dumps(v) for k, v in extra.items()}


@dataclass
class ImageEditRequest:
    """POST /images/edits: change `image` where `mask` is transparent (whole image without)."""

    image: Upload
    prompt: str
    model: str | None = None
    mask: Upload | None = None
    n: int | None = None
    size: str | None = None
    response_format: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def form(self, size_separator: str = "x") -> tuple[dict[str, str], FormFiles]:
        """(fields, files) of the multipart body; RequestValidationError when invalid."""
        if not self.prompt.strip():
            raise RequestValidationError("An image edit needs a prompt.")
        _check_image(self.image, "image")
        files: FormFiles = [("image", (self.image.filename, self.image.data,
                                       self.image.content_type))]
        if self.mask is not None:
            _check_mask(self.image, self.mask)
            files.append(("mask", (self.mask.filename, self.mask.data, "image/png")))
        fields = {"prompt": self.prompt, **_common_fields(
            self.model, self.n, self.size, self.response_format, size_separator)}
        return {**fields, **_extra_fields(self.extra)}, files


@dataclass
class ImageVariationRequest:
    """POST /images/variations: new images like `image` (dall-e-2 and relays)."""

    image: Upload
    model: str | None = None
    n: int | None = None
    size: str | None = None
    response_format: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def form(self, size_separator: str = "x") -> tuple[dict[str, str], FormFiles]:
        _check_image(self.image, "image")
        files: FormFiles = [("image", (self.image.filename, self.image.data,
                                       self.image.content_type))]
        fields = _common_fields(self.model, self.n, self.size, self.response_format,
                                size_separator)
        return {**fields, **_extra_fields(self.extra)}, files


@dataclass
class TranscriptionRequest:
    """POST /audio/transcriptions: the text spoken in `file`."""

    file: Upload
    model: str = "whisper-1"
    language: str | None = None  # ISO-639-1, e.g. "en"; None lets the model detect it
    prompt: str | None = None
    response_format: str = "json"
    temperature: float | None = None

    def form(self) -> tuple[dict[str, str], FormFiles]:
        if not self.model.strip():
            raise RequestValidationError("A transcription needs a model (e.g. whisper-1).")
        if len(self.file.data) > MAX_AUDIO_UPLOAD:
            raise RequestValidationError(
                f"The audio is larger than {describe_size(MAX_AUDIO_UPLOAD)}.")
        if not self.file.data:
            raise RequestValidationError("The audio is empty.")
        if self.response_format not in TRANSCRIPT_FORMATS:
            raise RequestValidationError(
                f"response_format must be one of {', '.join(TRANSCRIPT_FORMATS)}.")
        language = (self.language or "").strip()
        if language and not (language.replace("-", "").isalpha() and len(language) <= 12):
            raise RequestValidationError(f"Language {language!r} should be a code like en.")
        fields = {"model": self.model, "response_format": self.response_format}
        if language:
            fields["language"] = language
        if self.prompt:
            fields["prompt"] = self.prompt
        if self.temperature is not None:
            fields["temperature"] = str(self.temperature)
        return fields, [("file", (self.file.filename, self.file.data, self.file.content_type))]


@dataclass(frozen=True)
class Transcription:
    """The text heard, plus the language and duration when the reply gives them."""

    text: str
    language: str | None = None
    duration: float | None = None


def parse_transcription(raw: bytes, content_type: str) -> Transcription:
    """The transcript from a JSON (`{"text": ...}`) or plain-text reply; ValueError if none."""
    text = raw.decode("utf-8", errors="replace")
    stripped = text.strip()
    if "json" in content_type or stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError:
            if "json" in content_type:
                raise ValueError("The transcription reply is not JSON") from None
        else:
            if not isinstance(data, dict) or not isinstance(data.get("text"), str):
                raise ValueError("The transcription reply has no 'text'")
            language = data.get("language")
            duration = data.get("duration")
            return Transcription(
                data["text"].strip()[:MAX_TRANSCRIPT_CHARS],
                language if isinstance(language, str) else None,
                float(duration) if isinstance(duration, int | float) else None)
    return Transcription(stripped[:MAX_TRANSCRIPT_CHARS])


async def images_from_reply(data: Any, downloader: ImageDownloader, cap: int
                            ) -> tuple[list[GeneratedImage], int]:
    """The images of an images reply (`b64_json` decoded, `url` fetched without our key), at
    most `cap` of them, and how many usable entries the reply had."""
    items = data.get("data") if isinstance(data, dict) else None
    usable = [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    images: list[GeneratedImage] = []
    for item in usable[:cap]:
        revised = item.get("revised_prompt")
        revised = revised if isinstance(revised, str) else None
        if isinstance(item.get("b64_json"), str) and item["b64_json"]:
            blob, mime = downloader.decode_data_url(f"data:image/png;base64,{item['b64_json']}")
            images.append(GeneratedImage(blob, mime, None, revised))
        elif isinstance(item.get("url"), str) and item["url"]:
            images.append(await downloader.fetch(item["url"], revised))
    return images, len(usable)
