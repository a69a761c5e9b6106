"""Image `url` results do not trust the server (issue 12, class 11): no local or private
targets (also after a redirect) unless the provider itself is local; size, count and type
capped; a broken `data:` URL is a clear error.

A remote provider is played by the fake provider acting as the HTTP proxy of a profile
whose base URL is a public address, so every request still reaches the real local server.
"""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Coroutine
from typing import Any, TypeVar

import pytest

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import GeneratedImage, ImageRequest
from desktop.core.api.errors import MalformedResponseError, ResponseTooLargeError
from desktop.core.api.image_download import ImageAddressError, is_public
from desktop.core.api.limits import MIB, ResponseLimits
from desktop.core.providers import KeySource, ProviderProfile
from tests.helpers.fake_provider import FakeProvider, Reply, tiny_png
from tests.helpers.hostile_client import run_client
from tests.helpers.hostile_replies import GIB, huge_image, image_urls, redirect

T = TypeVar("T")
PUBLIC = "93.184.215.14"  # a public address; the proxy (the fake provider) answers for it
REQUEST = ImageRequest(model="m", prompt="a cat")


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def remote_client(provider: FakeProvider, **limits: int) -> ApiClient:
    profile = ProviderProfile("Remote", f"http://{PUBLIC}/v1", key_source=KeySource.NONE,
                              max_retries=0, proxy=provider.url)
    return ApiClient(profile, None, limits=ResponseLimits(**limits))


def local_client(provider: FakeProvider, **limits: int) -> ApiClient:
    profile = ProviderProfile("Local", provider.base_url, key_source=KeySource.NONE,
                              max_retries=0)
    return ApiClient(profile, None, limits=ResponseLimits(**limits))


async def generate(client: ApiClient) -> list[GeneratedImage]:
    async with client:
        return await client.generate_images(REQUEST)


def file_requests(provider: FakeProvider) -> list[str]:
    return [r.path for r in provider.requests if "/files/" in r.path]


def test_a_remote_provider_may_fetch_a_public_image(fake_provider: FakeProvider) -> None:
    fake_provider.script("/images/generations", image_urls(f"http://{PUBLIC}/files/a.png"))
    fake_provider.script("/files/a.png", Reply.text(tiny_png(), content_type="image/png"))
    images = run(generate(remote_client(fake_provider)))
    assert images[0].data == tiny_png()
    assert images[0].content_type == "image/png"


@pytest.mark.parametrize("target", ["127.0.0.1", "10.1.2.3", "169.254.169.254", "[::1]",
                                    "192.168.0.7", "0.0.0.0", "224.0.0.1", "[::ffff:127.0.0.1]"])
def test_a_remote_provider_cannot_name_a_local_or_private_image(
    fake_provider: FakeProvider, target: str
) -> None:
    fake_provider.script("/images/generations", image_urls(f"http://{target}/files/a.png"))
    with pytest.raises(ImageAddressError) as caught:
        run(generate(remote_client(fake_provider)))
    assert "local or private network address" in caught.value.explanation
    assert file_requests(fake_provider) == []


@pytest.mark.parametrize("hop", ["http://127.0.0.1:{port}/files/a.png",
                                 "http://10.0.0.1/files/a.png"])
def test_a_redirect_to_a_local_address_is_refused(fake_provider: FakeProvider,
                                                   hop: str) -> None:
    fake_provider.script("/images/generations", image_urls(f"http://{PUBLIC}/files/a.png"))
    fake_provider.script("/files/a.png", redirect(hop.format(port=fake_provider.port)))
    with pytest.raises(ImageAddressError):
        run(generate(remote_client(fake_provider)))
    assert len(file_requests(fake_provider)) == 1  # the first hop only


def test_other_schemes_are_refused(fake_provider: FakeProvider) -> None:
    fake_provider.script("/images/generations", image_urls("file:///etc/passwd"))
    with pytest.raises(ImageAddressError):
        run(generate(remote_client(fake_provider)))


def test_a_local_provider_may_name_and_redirect_to_local_images(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.script("/images/generations", image_urls(f"{fake_provider.url}/files/r.png"))
    fake_provider.script("/files/r.png", redirect(f"{fake_provider.url}/files/a.png"))
    images = run(generate(local_client(fake_provider)))
    assert images[0].data == tiny_png()


def test_endless_redirects_are_refused(fake_provider: FakeProvider) -> None:
    fake_provider.script("/images/generations", image_urls(f"{fake_provider.url}/files/r.png"))
    fake_provider.route("/files/r.png", redirect(f"{fake_provider.url}/files/r.png"))
    with pytest.raises(ImageAddressError) as caught:
        run(generate(local_client(fake_provider)))
    assert "redirected more than" in caught.value.explanation


def test_a_1_gb_image_is_refused_with_bounded_memory(fake_provider: FakeProvider) -> None:
    fake_provider.script("/images/generations", image_urls(f"{fake_provider.url}/files/h.png"))
    fake_provider.script("/files/h.png", huge_image(GIB))
    outcome = run_client("images", fake_provider.base_url, {"image_bytes": 20 * MIB})
    assert outcome.error is not None
    assert outcome.error[0] == "ResponseTooLargeError"
    assert "limits.image_mb" in outcome.error[1]
    assert outcome.over_base_mb < 100


def test_an_announced_huge_image_is_refused_before_reading(fake_provider: FakeProvider) -> None:
    fake_provider.script("/images/generations", image_urls(f"{fake_provider.url}/files/h.png"))
    fake_provider.script("/files/h.png", huge_image(GIB, announce=True))
    with pytest.raises(ResponseTooLargeError) as caught:
        run(generate(local_client(fake_provider)))
    assert caught.value.received == GIB


def test_the_image_count_is_capped(fake_provider: FakeProvider) -> None:
    urls = [f"{fake_provider.url}/files/{i}.png" for i in range(40)]
    fake_provider.script("/images/generations", image_urls(*urls))
    images = run(generate(local_client(fake_provider, images_per_reply=5)))
    assert len(images) == 5
    assert len(file_requests(fake_provider)) == 5


def test_a_body_that_is_no_image_is_refused(fake_provider: FakeProvider) -> None:
    fake_provider.script("/images/generations", image_urls(f"{fake_provider.url}/files/a.png",
                                                           f"{fake_provider.url}/files/b.png"))
    fake_provider.script("/files/a.png", Reply.text("<html>login</html>",
                                                    content_type="text/html"))
    with pytest.raises(MalformedResponseError) as caught:
        run(generate(local_client(fake_provider)))
    assert "text/html" in caught.value.explanation
    fake_provider.script("/images/generations", image_urls(f"{fake_provider.url}/files/b.png"))
    fake_provider.script("/files/b.png", Reply.text(b"not a png", content_type="image/png"))
    with pytest.raises(MalformedResponseError) as caught:
        run(generate(local_client(fake_provider)))
    assert "no known image format" in caught.value.explanation


@pytest.mark.parametrize("url", ["data:image/png;base64,%%%notbase64", "data:image/png",
                                 "data:image/png;base64," + base64.b64encode(b"<svg/>").decode()])
def test_a_bad_data_url_is_a_clear_error(fake_provider: FakeProvider, url: str) -> None:
    fake_provider.script("/images/generations", image_urls(url))
    with pytest.raises(MalformedResponseError) as caught:
        run(generate(local_client(fake_provider)))
    assert "data: URL" in caught.value.explanation


def test_a_data_url_and_b64_json_over_the_size_limit_are_refused(
    fake_provider: FakeProvider,
) -> None:
    big = base64.b64encode(tiny_png() + b"\0" * (2 * MIB)).decode()
    fake_provider.script("/images/generations", image_urls(f"data:image/png;base64,{big}"))
    with pytest.raises(ResponseTooLargeError):
        run(generate(local_client(fake_provider, image_bytes=MIB)))
    fake_provider.script("/images/generations", Reply.json({"data": [{"b64_json": big}]}))
    with pytest.raises(ResponseTooLargeError):
        run(generate(local_client(fake_provider, image_bytes=MIB)))


def test_address_classes() -> None:
    import ipaddress

    assert is_public(ipaddress.ip_address("93.184.215.14"))
    for local in ("127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.1.1",
                  "100.64.0.1", "::1", "fe80::1", "fc00::1", "ff02::1", "::ffff:10.0.0.1"):
        assert not is_public(ipaddress.ip_address(local)), local


def test_the_checked_address_is_the_one_connected_to(
    fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolves to a public address for the check and to 127.0.0.1 after it (DNS
    rebinding) is still fetched from the checked address, with its own Host header."""
    import ipaddress

    from desktop.core.api import image_download

    real_resolve = image_download.resolve
    answers = iter([PUBLIC, "127.0.0.1", "127.0.0.1"])

    async def rebinding(host: str, port: int) -> list[image_download.IPAddress]:
        if host == "images.test":
            return [ipaddress.ip_address(next(answers))]
        return await real_resolve(host, port)

    monkeypatch.setattr(image_download, "resolve", rebinding)
    fake_provider.script("/images/generations", image_urls("http://images.test/files/a.png"))
    fake_provider.script("/files/a.png", Reply.text(tiny_png(), content_type="image/png"))
    images = run(generate(remote_client(fake_provider)))
    assert images[0].data == tiny_png()
    fetched = [r for r in fake_provider.requests if "/files/" in r.path]
    assert PUBLIC in fetched[0].path  # the proxy was asked for the checked address
    assert fetched[0].headers["host"] == "images.test"
