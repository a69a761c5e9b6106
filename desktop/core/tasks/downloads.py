"""Downloading a task's result files with the image downloader's address checks.

Each hop must be http(s) and, unless the provider itself is local, resolve to public
addresses only (`ImageDownloader._check_address`); the body is capped, its announced type
must fit the file's role, and its first bytes must be a known image, audio or video format.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from desktop.core.api.body_reader import read_capped, read_prefix, too_large_error
from desktop.core.api.connection import connection_error
from desktop.core.api.errors import (
    APIStatusError,
    MalformedResponseError,
    ResponseTooLargeError,
    error_from_status,
)
from desktop.core.api.image_download import (
    MAX_ERROR_BODY,
    MAX_REDIRECTS,
    ImageDownloader,
    image_type,
)
from desktop.core.api.limits import describe_size
from desktop.core.tasks.replies import RemoteFile

_GENERIC = ("application/octet-stream", "binary/octet-stream", "")
_ANNOUNCED = {"image": ("image/",), "cover": ("image/",), "audio": ("audio/",),
              "video": ("video/",)}
EXTENSIONS = {
    "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp",
    "image/avif": ".avif", "image/bmp": ".bmp", "audio/wav": ".wav", "audio/mpeg": ".mp3",
    "audio/ogg": ".ogg", "audio/flac": ".flac", "audio/mp4": ".m4a", "video/mp4": ".mp4",
    "video/webm": ".webm", "video/x-msvideo": ".avi", "video/quicktime": ".mov",
}


def media_type(data: bytes) -> str | None:
    """The MIME type told by the first bytes (images, audio, video); None when unknown."""
    known = image_type(data)
    if known:
        return known
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:4] == b"RIFF" and data[8:12] == b"AVI ":
        return "video/x-msvideo"
    if data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    if data.startswith(b"OggS"):
        return "audio/ogg"
    if data.startswith(b"fLaC"):
        return "audio/flac"
    if data.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand.startswith(b"M4A"):
            return "audio/mp4"
        return "video/quicktime" if brand == b"qt  " else "video/mp4"
    return None


def fits_role(mime: str, role: str) -> bool:
    """Whether a file of type `mime` can be a task's `role` file."""
    if role in ("image", "cover"):
        return mime.startswith("image/")
    if role == "audio":
        return mime.startswith("audio/") or mime == "video/mp4"  # m4a often says mp4
    if role == "video":
        return mime.startswith("video/")
    return False


class TaskFileDownloader(ImageDownloader):
    """Fetches one result file at a time; `limit` caps its size in bytes."""

    async def fetch_file(self, file: RemoteFile, limit: int) -> tuple[bytes, str]:
        """The bytes and MIME type of `file`, checked (typed errors say what was wrong)."""
        try:
            target = httpx.URL(file.url)
        except (httpx.InvalidURL, ValueError) as exc:
            raise self._refuse(file.url, f"it is no valid address ({exc})") from None
        for _hop in range(MAX_REDIRECTS + 1):
            address = await self._check_address(target)
            try:
                response = await self.http.send(self._request(target, address), stream=True)
            except httpx.HTTPError as exc:
                raise connection_error(exc, str(target), self.profile) from exc
            try:
                location = response.headers.get("location")
                if response.is_redirect and location:
                    target = target.join(location)
                    continue
                return await self._file_body(response, target, file.role, limit)
            except httpx.HTTPError as exc:
                raise connection_error(exc, str(target), self.profile) from exc
            finally:
                await response.aclose()
        raise self._refuse(file.url, f"it redirected more than {MAX_REDIRECTS} times")

    async def _file_body(
        self, response: httpx.Response, url: httpx.URL, role: str, limit: int
    ) -> tuple[bytes, str]:
        if response.status_code >= 300:
            raw = await read_prefix(response, MAX_ERROR_BODY)
            error = error_from_status(response.status_code, response.headers, raw,
                                      provider=self.who)
            raise APIStatusError(
                f"The {role} file {self.who} named at {url} could not be fetched "
                f"(status {response.status_code}).",
                provider=self.who, provider_message=error.provider_message,
                status=response.status_code, request_id=error.request_id,
            )
        declared = response.headers.get("content-type", "").split(";")[0].strip().lower()
        allowed = _ANNOUNCED.get(role, ())
        if declared not in _GENERIC and not declared.startswith(allowed):
            raise self._wrong(url, role, f"its type is {declared}")
        data = await read_capped(response, limit, self._too_large(response, role, limit))
        mime = media_type(data)
        if mime is None or not fits_role(mime, role):
            raise self._wrong(url, role, "its bytes are no known format for it")
        return data, mime

    def _too_large(
        self, response: httpx.Response, role: str, limit: int
    ) -> Callable[[int], ResponseTooLargeError]:
        if role in ("image", "cover"):
            return too_large_error(response, self.who, "an image", limit, "limits.image_mb")

        def make(received: int) -> ResponseTooLargeError:
            return ResponseTooLargeError(
                f"{self.who} sent an {role} file larger than the limit of "
                f"{describe_size(limit)} for task results ({describe_size(received)} or "
                "more); reading stopped there.",
                provider=self.who, limit=limit, received=received,
                status=response.status_code)

        return make

    def _wrong(self, url: httpx.URL, role: str, why: str) -> MalformedResponseError:
        return MalformedResponseError(
            f"{self.who} named {'an' if role[0] in 'aeiou' else 'a'} {role} file at {url} "
            f"that was not one: {why}.",
            provider=self.who,
        )
