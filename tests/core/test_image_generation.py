"""ImageGenerationService against the fake provider (a real HTTP server) and a real store."""

from __future__ import annotations

import asyncio
import base64
import secrets
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from desktop.core.api.errors import (
    AuthenticationError,
    ContentPolicyError,
    InternalServerError,
    PermissionDeniedError,
    RateLimitError,
)
from desktop.core.chat_service import (
    ChatService,
    ChatSettings,
    ChatSetupError,
    ExchangeListener,
)
from desktop.core.image_generation import (
    ImageGenerationService,
    ImageSettings,
    parse_image_command,
)
from desktop.core.providers import KeySource, ProviderProfile, ProviderRegistry
from desktop.core.store.export_html import export_html
from desktop.core.store.export_json import export_json, write_json
from desktop.core.store.export_markdown import export_markdown, write_markdown
from desktop.core.store.importer import import_file
from desktop.core.store.models import ImagePart, Message, MessageStatus, Role, TextPart
from desktop.core.store.store import Store
from tests.helpers.fake_provider import FakeProvider, Reply, fake_provider, tiny_png

__all__ = ["fake_provider"]
KEY_ENV = "SWITCHBOARD_TEST_IMAGE_KEY"
T = TypeVar("T")
SETTINGS = ImageSettings(provider="fake", model="dall-e-3")


class Recorder(ExchangeListener):
    def __init__(self) -> None:
        self.users: list[Message] = []
        self.started: list[Message] = []
        self.finished: list[Message] = []

    def user_message_added(self, message: Message) -> None:
        self.users.append(message)

    def reply_started(self, message: Message) -> None:
        self.started.append(message)

    def reply_finished(self, message: Message) -> None:
        self.finished.append(message)


@pytest.fixture
def images(
    tmp_path: Path, fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ImageGenerationService]:
    monkeypatch.setenv(KEY_ENV, "sk-test-" + secrets.token_hex(12))
    store = Store.open(tmp_path, backup_interval=None)
    registry = ProviderRegistry(tmp_path)
    registry.add(ProviderProfile(name="fake", base_url=fake_provider.base_url,
                                 key_source=KeySource.ENV, key_env=KEY_ENV, max_retries=0))
    yield ImageGenerationService(ChatService(store, registry))
    store.close()


def drive(service: ImageGenerationService, coro: Coroutine[Any, Any, T]) -> T:
    async def scenario() -> T:
        try:
            return await coro
        finally:
            await service.chat.close()

    return asyncio.run(scenario())


def stored_files(store: Store) -> list[Path]:
    return [p for p in store.data_dir.attachments.rglob("*") if p.is_file()]


@pytest.mark.parametrize(("text", "prompt"), [
    ("/image a lighthouse at dusk", "a lighthouse at dusk"),
    ("  /image   two cats \n on a sofa ", "two cats \n on a sofa"),
    ("/IMAGE a fox", "a fox"),
    ("/image", ""),
    ("/image\nmulti-line prompt", "multi-line prompt"),
    ("/images of cats", None),
    ("draw /image of a cat", None),
    ("image a cat", None),
    ("", None),
])
def test_parse_image_command(text: str, prompt: str | None) -> None:
    assert parse_image_command(text) == prompt


def test_b64_reply_in_a_new_conversation(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    recorder = Recorder()
    result = drive(images, images.generate(None, "A lighthouse at dusk\nin oil", SETTINGS,
                                           listener=recorder))
    assert result.error is None
    user = result.user_message
    assert user is not None and user.role is Role.USER
    assert user.text == "A lighthouse at dusk\nin oil"
    (reply,) = result.replies
    assert reply.status is MessageStatus.COMPLETE
    assert (reply.model, reply.provider, reply.parent_id) == ("dall-e-3", "fake", user.id)
    (part,) = reply.parts
    assert isinstance(part, ImagePart) and part.mime == "image/png"
    assert part.name == "image-1.png"
    store = images.store
    assert store.read_attachment(part.hash) == tiny_png()
    conversation = store.get_conversation(user.conversation_id)
    assert conversation.title == "A lighthouse at dusk"
    assert [m.id for m in store.active_path(conversation.id)] == [user.id, reply.id]
    assert store.get_message(reply.id) == reply
    assert recorder.users == [user]
    assert recorder.started[0].id == reply.id
    assert recorder.started[0].status is MessageStatus.STREAMING
    assert recorder.finished == [reply]
    (body,) = fake_provider.bodies("/images/generations")
    assert body == {"model": "dall-e-3", "prompt": "A lighthouse at dusk\nin oil"}
    assert fake_provider.requests[-1].headers["authorization"].startswith("Bearer sk-test-")


def test_request_body_holds_exactly_the_fields_set(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    settings = ImageSettings("fake", "dall-e-3", size="1792x1024", n=1, quality="hd",
                             style="natural")
    drive(images, images.generate(None, "a fox", settings))
    drive(images, images.generate(None, "a fox", ImageSettings("fake", "gpt-image-1",
                                                                size="auto", quality="low")))
    first, second = fake_provider.bodies("/images/generations")
    assert first == {"model": "dall-e-3", "prompt": "a fox", "size": "1792x1024", "n": 1,
                     "quality": "hd", "style": "natural"}
    assert second == {"model": "gpt-image-1", "prompt": "a fox", "size": "auto",
                      "quality": "low"}


def test_url_reply_is_downloaded_with_revised_prompt(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/images/generations", Reply.json({"created": 1, "data": [
        {"url": f"{fake_provider.url}/files/image-0.png",
         "revised_prompt": "A red lighthouse on a cliff at dusk."}]}))
    result = drive(images, images.generate(None, "lighthouse", SETTINGS))
    assert result.error is None
    (reply,) = result.replies
    image, text = reply.parts
    assert isinstance(image, ImagePart)
    assert text == TextPart("A red lighthouse on a cliff at dusk.")
    assert images.store.read_attachment(image.hash) == tiny_png()
    assert [r.path for r in fake_provider.requests if r.method == "GET"] == [
        "/files/image-0.png"]


def test_two_images_are_two_parts_stored_once(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    other = tiny_png(3, 3)
    fake_provider.script("/images/generations", Reply.json({"data": [
        {"b64_json": base64.b64encode(tiny_png()).decode()},
        {"b64_json": base64.b64encode(other).decode()},
        {"b64_json": base64.b64encode(tiny_png()).decode()}]}))
    settings = ImageSettings("fake", "dall-e-2", n=3)
    result = drive(images, images.generate(None, "three squares", settings))
    parts = result.replies[0].images
    assert [p.name for p in parts] == ["image-1.png", "image-2.png", "image-3.png"]
    assert parts[0].hash == parts[2].hash != parts[1].hash
    assert len(stored_files(images.store)) == 2  # the repeated image is one file
    assert images.store.read_attachment(parts[1].hash) == other


def test_n_two_gives_two_image_parts(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    result = drive(images, images.generate(None, "two", ImageSettings("fake", "dall-e-2", n=2)))
    assert len(result.replies[0].images) == 2
    assert fake_provider.bodies("/images/generations")[0]["n"] == 2


def test_existing_conversation_gets_prompt_under_active_leaf(
    images: ImageGenerationService,
) -> None:
    store = images.store
    conversation = store.create_conversation("Kept title", provider="fake", model="gpt-4o")
    first = store.append_message(conversation.id, Role.USER, "hi")
    answer = store.append_message(conversation.id, Role.ASSISTANT, "hello")
    result = drive(images, images.generate(conversation.id, "a cat", SETTINGS))
    assert result.user_message is not None and result.user_message.parent_id == answer.id
    assert [m.id for m in store.active_path(conversation.id)] == [
        first.id, answer.id, result.user_message.id, result.replies[0].id]
    after = store.get_conversation(conversation.id)
    assert (after.title, after.model) == ("Kept title", "gpt-4o")  # the chat model stays


ERRORS = [
    (401, Reply.error(401, "Incorrect API key provided.", "invalid_api_key"),
     AuthenticationError, "rejected the key"),
    (403, Reply.error(403, "Insufficient balance, please top up.", "insufficient_balance"),
     PermissionDeniedError, "balance"),
    (429, Reply.error(429, "Rate limit reached for images.", "rate_limit_exceeded"),
     RateLimitError, "rate limiting"),
    (500, Reply.error(500, "Internal error.", "server_error"),
     InternalServerError, "server error"),
    (503, Reply.error(503, "Your request was rejected by the safety system.",
                      "content_policy_violation"),
     ContentPolicyError, "content filter"),
]


@pytest.mark.parametrize(("status", "reply", "kind", "words"), ERRORS,
                         ids=[str(e[0]) for e in ERRORS])
def test_errors_are_stored_on_the_reply(
    images: ImageGenerationService, fake_provider: FakeProvider, status: int, reply: Reply,
    kind: type[Exception], words: str,
) -> None:
    fake_provider.script("/images/generations", reply)
    result = drive(images, images.generate(None, "a lighthouse", SETTINGS))
    assert isinstance(result.error, kind)
    assert result.error.status == status
    (failed,) = result.replies
    assert failed.status is MessageStatus.ERROR
    assert failed.error == result.error.explanation
    assert words in failed.error
    assert failed.parts == ()
    stored = images.store.active_path(failed.conversation_id)
    assert [m.role for m in stored] == [Role.USER, Role.ASSISTANT]
    assert stored[-1].error == failed.error and stored[-1].status is MessageStatus.ERROR
    assert stored_files(images.store) == []


def test_cancel_leaves_an_interrupted_reply(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    slow = Reply.json({"data": []})
    slow.delay = 10.0  # seconds before the status line: the provider is slow
    fake_provider.script("/images/generations", slow)
    recorder = Recorder()

    async def scenario() -> None:
        started = asyncio.Event()
        recorder.reply_started = lambda message: started.set()  # type: ignore[method-assign]
        task = asyncio.ensure_future(images.generate(None, "slow", SETTINGS, listener=recorder))
        await started.wait()
        await asyncio.sleep(0.2)  # the request is on its way
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    drive(images, scenario())
    (reply,) = recorder.finished
    assert reply.status is MessageStatus.INTERRUPTED
    assert reply.error == "Stopped."
    assert reply.parts == ()
    assert images.store.get_message(reply.id).status is MessageStatus.INTERRUPTED
    assert fake_provider.wait_for_disconnect(5)


def test_setup_errors_write_nothing(images: ImageGenerationService) -> None:
    store = images.store
    with pytest.raises(ChatSetupError, match="1024x1024"):
        drive(images, images.generate(None, "a fox", ImageSettings("fake", "m", size="big")))
    with pytest.raises(ChatSetupError, match="prompt"):
        drive(images, images.generate(None, "  ", SETTINGS))
    with pytest.raises(ChatSetupError, match="nowhere"):
        drive(images, images.generate(None, "a fox", ImageSettings("nowhere", "dall-e-3")))
    assert store.list_conversations() == []


def test_regenerate_makes_a_sibling(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/images/generations", Reply.error(500, "boom"))
    first = drive(images, images.generate(None, "a heron", SETTINGS))
    assert first.replies[0].status is MessageStatus.ERROR
    again = drive(images, images.regenerate(first.replies[0].id, SETTINGS))
    (reply,) = again.replies
    assert again.user_message is None
    assert reply.status is MessageStatus.COMPLETE and reply.images
    assert reply.parent_id == first.replies[0].parent_id
    assert [b["prompt"] for b in fake_provider.bodies("/images/generations")] == [
        "a heron", "a heron"]
    assert images.store.active_path(reply.conversation_id)[-1].id == reply.id


@pytest.fixture
def generated(images: ImageGenerationService, fake_provider: FakeProvider) -> int:
    """A conversation with a chat turn and a generation of two different images."""
    store = images.store
    conversation = store.create_conversation("Art", provider="fake", model="gpt-4o")
    store.append_message(conversation.id, Role.USER, "hi")
    store.append_message(conversation.id, Role.ASSISTANT, "hello")
    fake_provider.script("/images/generations", Reply.json({"data": [
        {"b64_json": base64.b64encode(tiny_png()).decode(), "revised_prompt": "A heron, ink."},
        {"b64_json": base64.b64encode(tiny_png(3, 3)).decode()}]}))
    drive(images, images.generate(conversation.id, "a heron", ImageSettings(
        "fake", "dall-e-2", n=2)))
    return conversation.id


def test_html_export_inlines_generated_images(
    images: ImageGenerationService, generated: int
) -> None:
    page = export_html(images.store, generated)
    for png in (tiny_png(), tiny_png(3, 3)):
        assert f'src="data:image/png;base64,{base64.b64encode(png).decode()}"' in page
    assert "a heron" in page and "A heron, ink." in page and "dall-e-2" in page


def test_json_export_holds_each_image_once_and_imports_again(
    images: ImageGenerationService, generated: int, tmp_path: Path
) -> None:
    store = images.store
    document = export_json(store, [generated])
    reply = document["conversations"][0]["messages"][-1]
    hashes = [p["sha256"] for p in reply["parts"] if p["type"] == "image"]
    assert len(hashes) == 2 and set(document["attachments"]) == set(hashes)
    assert base64.b64decode(document["attachments"][hashes[1]]["data"]) == tiny_png(3, 3)
    dest = tmp_path / "export.json"
    write_json(store, [generated], dest)
    (copy_id,) = import_file(store, dest)
    copied = store.active_path(copy_id)[-1]
    assert [store.read_attachment(p.hash) for p in copied.images] == [tiny_png(), tiny_png(3, 3)]
    assert copied.model == "dall-e-2"


def test_markdown_export_writes_the_images_next_to_the_file(
    images: ImageGenerationService, generated: int, tmp_path: Path
) -> None:
    store = images.store
    text = export_markdown(store, generated)
    assert "## Assistant (dall-e-2)" in text and "*[image: image-1.png, image/png]*" in text
    dest = tmp_path / "out dir" / "my chat.md"
    dest.parent.mkdir()
    files = write_markdown(store, generated, dest)
    assert [f.parent.name for f in files] == ["my chat_files", "my chat_files"]
    assert [f.read_bytes() for f in files] == [tiny_png(), tiny_png(3, 3)]
    written = dest.read_text(encoding="utf-8")
    for file in files:
        assert f"](my%20chat_files/{file.name})" in written
    assert "![image-1.png](" in written and "A heron, ink." in written
    assert "*[image:" not in written
    # Exporting again replaces the same files instead of adding more.
    assert write_markdown(store, generated, dest) == files
    assert len(list(files[0].parent.iterdir())) == 2


def test_chat_after_a_generation_names_the_images(
    images: ImageGenerationService, fake_provider: FakeProvider
) -> None:
    fake_provider.script("/images/generations", Reply.json({"data": [
        {"b64_json": base64.b64encode(tiny_png()).decode(), "revised_prompt": "A grey heron."}]}))
    first = drive(images, images.generate(None, "a heron", SETTINGS))
    assert first.user_message is not None
    cid = first.user_message.conversation_id
    drive(images, images.generate(cid, "a crane", SETTINGS))
    chat = ChatSettings(provider="fake", model="gpt-4o")
    drive(images, images.chat.send(cid, "Which bird was first?", chat))
    sent = fake_provider.bodies("/chat/completions")[-1]["messages"]
    assert sent == [
        {"role": "user", "content": "a heron"},
        {"role": "assistant", "content": "[Generated 1 image: image-1.png]\n\nA grey heron."},
        {"role": "user", "content": "a crane"},
        {"role": "assistant", "content": "[Generated 1 image: image-1.png]"},
        {"role": "user", "content": "Which bird was first?"},
    ]
