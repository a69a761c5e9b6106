"""Fetching the images a server names by `url`, without trusting the server.

The address comes from the provider's reply, so it could point anywhere: each hop (redirects
are followed here, one at a time) must be http(s) and resolve only to public addresses,
unless the provider itself is on this machine or the local network. The body is capped
(`ResponseLimits.image_bytes`), must be announced as an image if its type is announced at
all, and must be one by its first bytes. `data:` URLs are decoded with the same checks.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import ipaddress
import logging
import socket
import urllib.parse

import httpx

from desktop.core.api.body_reader import read_capped, read_prefix, too_large_error
from desktop.core.api.connection import connection_error
from desktop.core.api.endpoints import GeneratedImage
from desktop.core.api.errors import (
    APIStatusError,
    MalformedResponseError,
    ResponseTooLargeError,
    error_from_status,
    request_id_from,
)
from desktop.core.api.limits import ResponseLimits, describe_size
from desktop.core.providers import ProviderProfile

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
MAX_ERROR_BODY = 16 * 1024
# Types a server may announce for an image body (besides image/*): generic bytes.
_GENERIC_TYPES = ("application/octet-stream", "binary/octet-stream", "")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class ImageAddressError(MalformedResponseError):
    """The server named an image address the client refuses to fetch (a local or private
    network address, another scheme): a request forgery from model or relay output."""


def image_type(data: bytes) -> str | None:
    """The image MIME type told by the first bytes; None when they are no known image."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:12] in (b"ftypavif", b"ftypavis"):
        return "image/avif"
    if data.startswith(b"BM") and len(data) > 26:
        return "image/bmp"
    return None


def is_public(address: IPAddress) -> bool:
    """False for loopback, private, link-local, multicast, reserved and unspecified."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (an address literal is itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = await asyncio.get_running_loop().getaddrinfo(
        host, port, type=socket.SOCK_STREAM
    )
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


class ImageDownloader:
    """Downloads the images of one reply for one provider (count, size, type, address)."""

    def __init__(
        self, http: httpx.AsyncClient, profile: ProviderProfile, limits: ResponseLimits
    ) -> None:
        self.http = http
        self.profile = profile
        self.limits = limits
        self._local_provider: bool | None = None

    @property
    def who(self) -> str:
        return self.profile.name

    def _refuse(self, url: str, why: str) -> ImageAddressError:
        shown = url if len(url) <= 200 else url[:200] + "…"
        log.warning("%s: refused to fetch image %s: %s", self.who, shown, why)
        return ImageAddressError(
            f"{self.who} named an image at {shown}, which was not fetched: {why}.",
            provider=self.who,
        )

    async def provider_is_local(self) -> bool:
        """True when the provider's own address is loopback or private (a local server)."""
        if self._local_provider is None:
            url = httpx.URL(self.profile.base_url)
            try:
                addresses = await resolve(url.host, url.port or 443)
            except OSError:
                addresses = []
            self._local_provider = url.host == "localhost" or any(
                not is_public(a) for a in addresses
            )
        return self._local_provider

    async def _check_address(self, url: httpx.URL) -> IPAddress | None:
        """Refuse `url` unless it may be fetched; the checked address to connect to (None
        when the provider is local and any address goes)."""
        if url.scheme not in ("http", "https"):
            raise self._refuse(str(url), "only http and https addresses are fetched")
        if not url.host:
            raise self._refuse(str(url), "the address names no host")
        if await self.provider_is_local():
            return None
        try:
            addresses = await resolve(url.host, url.port or (443 if url.scheme == "https" else 80))
        except OSError as exc:
            raise self._refuse(str(url), f"its host could not be found ({exc})") from None
        private = [str(a) for a in addresses if not is_public(a)]
        if private or not addresses:
            raise self._refuse(
                str(url), f"it leads to a local or private network address ({', '.join(private)})"
            )
        return addresses[0]

    def _request(self, url: httpx.URL, address: IPAddress | None) -> httpx.Request:
        """GET `url`, connecting to the checked `address`: the host is not resolved a second
        time, so a name cannot switch to a private address after the check (DNS rebinding).
        The Host header and the TLS server name stay the URL's own."""
        if address is None or url.host == str(address):
            return self.http.build_request("GET", url)
        return self.http.build_request(
            "GET", url.copy_with(host=str(address)),
            headers={"Host": url.netloc.decode("ascii")},
            extensions={"sni_hostname": url.host},
        )

    async def fetch(self, url: str, revised: str | None) -> GeneratedImage:
        """The image at `url` (http(s) or data:), checked; typed errors say what was wrong."""
        if url[:5].lower() == "data:":
            data, mime = self.decode_data_url(url)
            return GeneratedImage(data, mime, None, revised)
        try:
            target = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            raise self._refuse(url, f"it is no valid address ({exc})") from None
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
                data = await self._body(response, target)
            except httpx.HTTPError as exc:
                raise connection_error(exc, str(target), self.profile) from exc
            finally:
                await response.aclose()
            return GeneratedImage(data, image_type(data), str(target), revised)
        raise self._refuse(url, f"it redirected more than {MAX_REDIRECTS} times")

    async def _body(self, response: httpx.Response, url: httpx.URL) -> bytes:
        if response.status_code >= 300:
            raw = await read_prefix(response, MAX_ERROR_BODY)
            error = error_from_status(
                response.status_code, response.headers, raw, provider=self.who
            )
            raise APIStatusError(
                f"The image {self.who} named at {url} could not be fetched "
                f"(status {response.status_code}).",
                provider=self.who,
                provider_message=error.provider_message,
                status=response.status_code,
                request_id=error.request_id,
            )
        declared = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if not declared.startswith("image/") and declared not in _GENERIC_TYPES:
            raise self._not_image(response, f"its type is {declared}")
        limit = self.limits.image_bytes
        data = await read_capped(response, limit, too_large_error(
            response, self.who, "an image", limit, "limits.image_mb"))
        if image_type(data) is None:
            raise self._not_image(response, "its bytes are no known image format")
        return data

    def _not_image(self, response: httpx.Response, why: str) -> MalformedResponseError:
        return MalformedResponseError(
            f"{self.who} named an image at {response.url} that is not an image: {why}.",
            provider=self.who,
            status=response.status_code,
            request_id=request_id_from(response.headers),
        )

    def decode_data_url(self, url: str) -> tuple[bytes, str]:
        """The bytes and type of a `data:` image URL; a clear error for a broken one."""
        header, comma, payload = url[5:].partition(",")
        if not comma:
            raise self._bad_data_url("it has no comma before its data")
        limit = self.limits.image_bytes
        is_base64 = header.lower().endswith(";base64")
        estimate = len(payload) * 3 // 4 if is_base64 else len(payload) // 3
        if estimate > limit:
            raise ResponseTooLargeError(
                f"{self.who} sent an image larger than the limit of {describe_size(limit)} "
                f"({describe_size(estimate)} or more). Raise the setting limits.image_mb if "
                "this is expected.",
                provider=self.who, limit=limit, received=estimate,
            )
        try:
            if is_base64:
                text = "".join(urllib.parse.unquote(payload).split())  # wrapped lines
                data = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
            else:
                data = urllib.parse.unquote_to_bytes(payload)
        except (binascii.Error, ValueError) as exc:
            raise self._bad_data_url(f"its data is not valid base64 ({exc})") from None
        if len(data) > limit:
            raise ResponseTooLargeError(
                f"{self.who} sent an image larger than the limit of {describe_size(limit)}.",
                provider=self.who, limit=limit, received=len(data),
            )
        mime = image_type(data)
        if mime is None:
            raise self._bad_data_url("its bytes are no known image format")
        return data, mime

    def _bad_data_url(self, why: str) -> MalformedResponseError:
        return MalformedResponseError(
            f"{self.who} sent an image as a data: URL that cannot be read: {why}.",
            provider=self.who,
        )
