"""What the `switchboard task` subcommands do (their options are in `task.py`)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import Any

from desktop.commands import api_access
from desktop.commands.exit_codes import EXIT_EXISTS, EXIT_NOT_FOUND, EXIT_OK
from desktop.commands.store_access import fail, run_with_store
from desktop.core.api.client import ApiClient
from desktop.core.api.image_download import image_type
from desktop.core.api.limits import describe_size
from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.providers import ProviderError
from desktop.core.safe_text import SafeOutput, json_safe
from desktop.core.store import Store
from desktop.core.tasks import (
    MjMode,
    PollPolicy,
    TaskApis,
    TaskEvent,
    TaskFamily,
    TaskKind,
    TaskRecord,
    TaskRunner,
    TaskStatus,
    encode_image,
    probe_task_apis,
    task_error,
    upload_images,
)
from desktop.core.tasks.requests import MAX_IMAGE_BYTES

POLL_POLICY = PollPolicy()  # how the CLI polls (tests make it fast)
EXIT_MISSING_FILES = 20  # the task finished but some result files could not be fetched
Body = Callable[[TaskRunner], Awaitable[int]]


class _LocalFileError(Exception):
    """A local file named on the command line cannot be used (exit 30)."""


def _run(args: argparse.Namespace, body: Body) -> int:
    """Open the history, run `body` with a runner whose clients are closed afterwards."""

    async def session(store: Store) -> int:
        clients: dict[str, ApiClient] = {}

        async def client_for(name: str) -> ApiClient:
            if name not in clients:
                clients[name] = api_access.client_for(args, name)
            return clients[name]

        runner = TaskRunner(store, client_for, policy=POLL_POLICY)
        try:
            return await body(runner)
        finally:
            await runner.aclose()
            for client in clients.values():
                await client.aclose()

    def action(store: Store) -> int:
        try:
            return api_access.run_api_command(session(store))
        except _LocalFileError as exc:
            return fail(str(exc), EXIT_NOT_FOUND)

    return run_with_store(args, action)


def _provider(args: argparse.Namespace, family: TaskFamily) -> str:
    """-p, else the first provider set up for `family`, else the only provider."""
    if args.provider:
        return str(args.provider)
    profiles = api_access.open_registry(api_access.open_data_dir(args)).list()
    offering = [p for p in profiles if TaskApis.of(p).offers(family)]
    if offering:
        return offering[0].name
    if len(profiles) == 1:
        return profiles[0].name
    known = ", ".join(p.name for p in profiles) or "none yet"
    raise ProviderError(f"Name the provider with -p (none is set up for {family.name.title()}"
                        f" tasks; known: {known}).")


def _image_file(path: str) -> str:
    """A local image as the data URL the task APIs take."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise _LocalFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_IMAGE_BYTES:
        raise RequestValidationError(f"{path} is larger than {describe_size(MAX_IMAGE_BYTES)}.")
    mime = image_type(data)
    if mime is None:
        raise RequestValidationError(f"{path} is not a PNG, JPEG, GIF or WebP image.")
    return encode_image(data, mime)


def _image_or_url(value: str) -> str:
    return value if value.startswith(("http://", "https://")) else _image_file(value)


def _bot(args: argparse.Namespace) -> str:
    return "NIJI_JOURNEY" if args.bot == "niji" else "MID_JOURNEY"


# ----------------------------------------------------------------- following and printing


def _printable(task: TaskRecord) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, Enum):
            return str(value.value)
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    data: dict[str, Any] = plain(asdict(task))
    data["params"] = {k: (v[:40] + "…" if isinstance(v, str) and v.startswith("data:") else v)
                      for k, v in task.params.items()}
    return data


def _print_task(args: argparse.Namespace, task: TaskRecord) -> None:
    if args.json:
        print(json_safe(json.dumps(_printable(task), ensure_ascii=False, indent=1)))
        return
    out = SafeOutput(sys.stdout, raw=args.raw)
    remote = f", remote {task.remote_id}" if task.remote_id else ""
    out.print(f"task {task.id}  {task.kind}  {task.status} {task.progress}%  "
              f"({task.provider}{remote})")
    if task.prompt:
        out.print(f"prompt: {task.prompt}")
    for key in ("final_prompt", "revised_prompt"):
        if task.details.get(key):
            out.print(f"{key.replace('_', ' ')}: {task.details[key]}")
    for button in task.buttons:
        out.print(f"button: {button.caption}  {button.custom_id}")
    for file in task.files:
        out.print(f"file: {file.role}  {file.mime}  {describe_size(file.size)}  {file.path}")
    if task.status is TaskStatus.MODAL:
        out.print(f"waiting for input: switchboard task mj modal {task.id} PROMPT")
    elif task.status.is_active:
        out.print(f"follow it with: switchboard task fetch {task.id} --wait")


def _progress_printer(task_id: int) -> Callable[[TaskEvent], None]:
    err = SafeOutput(sys.stderr)
    shown: list[tuple[str, int]] = []

    def show(event: TaskEvent) -> None:
        if event.task.id != task_id:
            return
        now = (str(event.task.status), event.task.progress)
        if not shown or shown[-1] != now:
            shown.append(now)
            err.print(f"task {task_id}: {now[0]} {now[1]}%")

    return show


def _save(args: argparse.Namespace, store: Store, task: TaskRecord) -> int:
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for file in task.files:
        target = out_dir / f"task-{task.id}-{file.position + 1}-{file.name}"
        if target.exists() and not args.force:
            return fail(f"{target} exists; pass --force to replace it", EXIT_EXISTS)
        target.write_bytes(store.read_attachment(file.hash))
        print(target)
    return EXIT_OK


async def _follow(args: argparse.Namespace, runner: TaskRunner, task: TaskRecord) -> int:
    """Wait when asked, print the task, save its files, and exit as it ended."""
    if (getattr(args, "wait", False) or getattr(args, "out", None)) and (
            task.status.is_active):
        remove = runner.add_listener(_progress_printer(task.id))
        try:
            task = await runner.wait(task.id)
        finally:
            remove()
    _print_task(args, task)
    error = task_error(task)
    if error is not None:
        return api_access.report_error(error)
    if task.status is TaskStatus.SUCCEEDED and getattr(args, "out", None):
        code = await asyncio.to_thread(_save, args, runner.store, task)
        if code != EXIT_OK:
            return code
    if task.error_code == "download":
        SafeOutput(sys.stderr).print(f"switchboard: some result files are missing: {task.error}")
        return EXIT_MISSING_FILES
    return EXIT_OK


def _submitter(args: argparse.Namespace, kind: TaskKind, prompt: str,
               params: Callable[[], dict[str, Any]]) -> int:
    async def body(runner: TaskRunner) -> int:
        task = await runner.submit(_provider(args, kind.family), kind, prompt, params())
        return await _follow(args, runner, task)

    return _run(args, body)


# ----------------------------------------------------------------- the commands


def mj_imagine(args: argparse.Namespace) -> int:
    return _submitter(args, TaskKind.MJ_IMAGINE, args.prompt, lambda: {
        "bot_type": _bot(args), "images": [_image_file(p) for p in args.image or ()]})


def mj_blend(args: argparse.Namespace) -> int:
    return _submitter(args, TaskKind.MJ_BLEND, "", lambda: {
        "bot_type": _bot(args), "dimensions": args.dimensions,
        "images": [_image_file(p) for p in args.images]})


def mj_describe(args: argparse.Namespace) -> int:
    return _submitter(args, TaskKind.MJ_DESCRIBE, "", lambda: {
        "bot_type": _bot(args), "image": _image_file(args.image)})


def mj_shorten(args: argparse.Namespace) -> int:
    return _submitter(args, TaskKind.MJ_SHORTEN, args.prompt, lambda: {"bot_type": _bot(args)})


def mj_swap(args: argparse.Namespace) -> int:
    return _submitter(args, TaskKind.MJ_SWAP, "", lambda: {
        "source_image": _image_file(args.source), "target_image": _image_file(args.target)})


def mj_upload(args: argparse.Namespace) -> int:
    async def body(runner: TaskRunner) -> int:
        images = [_image_file(path) for path in args.images]
        for url in await upload_images(runner, _provider(args, TaskFamily.MIDJOURNEY), images):
            SafeOutput(sys.stdout).print(url)
        return EXIT_OK

    return _run(args, body)


def mj_action(args: argparse.Namespace) -> int:
    async def body(runner: TaskRunner) -> int:
        return await _follow(args, runner, await runner.action(args.id, args.custom_id))

    return _run(args, body)


def mj_modal(args: argparse.Namespace) -> int:
    async def body(runner: TaskRunner) -> int:
        extra = {"mask": _image_file(args.mask)} if args.mask else None
        return await _follow(args, runner, await runner.modal(args.id, args.prompt, extra))

    return _run(args, body)


def suno(args: argparse.Namespace) -> int:
    def params() -> dict[str, Any]:
        lyrics = None
        if args.lyrics == "-":
            lyrics = sys.stdin.read()
        elif args.lyrics:
            try:
                lyrics = Path(args.lyrics).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise _LocalFileError(f"cannot read {args.lyrics}: {exc}") from None
        return {"lyrics": lyrics, "title": args.title, "tags": args.tags,
                "model": args.model, "instrumental": args.instrumental or None}

    return _submitter(args, TaskKind.SUNO_MUSIC, args.prompt, params)


def luma(args: argparse.Namespace) -> int:
    kind = TaskKind.LUMA_EXTEND if args.extend is not None else TaskKind.LUMA_CREATE

    async def body(runner: TaskRunner) -> int:
        params: dict[str, Any] = {
            "aspect_ratio": args.aspect_ratio, "loop": args.loop or None,
            "image_url": _image_or_url(args.image) if args.image else None,
            "image_end_url": _image_or_url(args.end_image) if args.end_image else None}
        provider = args.provider
        if args.extend is not None:
            parent = await asyncio.to_thread(runner.store.get_task, args.extend)
            if parent.family is not TaskFamily.LUMA or not parent.remote_id:
                raise RequestValidationError(f"Task {args.extend} is no Luma video.")
            params["generation_id"] = parent.remote_id
            provider = provider or parent.provider
        args.provider = provider
        task = await runner.submit(_provider(args, TaskFamily.LUMA), kind, args.prompt,
                                   params, parent_id=args.extend)
        return await _follow(args, runner, task)

    return _run(args, body)


def flux(args: argparse.Namespace) -> int:
    return _submitter(args, TaskKind.FLUX_IMAGE, args.prompt, lambda: {
        "model": args.model, "size": args.size, "n": args.n})


def list_tasks(args: argparse.Namespace) -> int:
    def action(store: Store) -> int:
        tasks = store.list_tasks(limit=max(0, args.limit))
        if args.json:
            items = [_printable(t) for t in tasks]
            print(json_safe(json.dumps(items, ensure_ascii=False, indent=1)))
            return EXIT_OK
        out = SafeOutput(sys.stdout, raw=args.raw)
        for t in tasks:
            prompt = " ".join(t.prompt.split())
            prompt = prompt if len(prompt) <= 60 else prompt[:59] + "…"
            out.print(f"{t.id:>5}  {t.kind:<12} {t.status:<11} {t.progress:>3}%  "
                      f"{t.provider}  {prompt}")
        return EXIT_OK

    return run_with_store(args, action)


def fetch(args: argparse.Namespace) -> int:
    async def body(runner: TaskRunner) -> int:
        task = await asyncio.to_thread(runner.store.get_task, args.id)
        stale = task.status.is_active or task.error_code in ("download", "timeout")
        if task.remote_id and stale:
            task = await runner.refresh(task.id)
        return await _follow(args, runner, task)

    return _run(args, body)


def probe(args: argparse.Namespace) -> int:
    async def body(runner: TaskRunner) -> int:
        registry = api_access.open_registry(api_access.open_data_dir(args))
        async with api_access.client_for(args, args.provider) as client:
            apis = await probe_task_apis(client)
        if args.mj_mode:
            apis = apis.with_changes(mj_mode=MjMode("" if args.mj_mode == "default"
                                                    else args.mj_mode))
        registry.update(args.provider, task_apis=apis.to_json())
        out = SafeOutput(sys.stdout)
        for family in TaskFamily:
            out.print(f"{family.name.title():<11} {'yes' if apis.offers(family) else 'no'}")
        if apis.flux_model:
            out.print(f"Flux model  {apis.flux_model}")
        if apis.mj_mode is not MjMode.DEFAULT:
            out.print(f"MJ mode     {apis.mj_mode} (/{apis.mj_mode.prefix}mj/…)")
        return EXIT_OK

    return _run(args, body)
