"""Sample Studio results for GUI tests and screenshots: a Midjourney 2×2 grid with its
buttons, stored tasks in each state, and records that are running (for the queue)."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.core.store.store import Store
from desktop.core.tasks import MjButton, TaskKind, TaskRecord, TaskStatus
from desktop.core.wav_audio import tone_wav
from tests.helpers.sample_images import encode, landscape

MJ_BUTTONS = tuple(
    [MjButton(f"MJ::JOB::upsample::{n}::abc", "", f"U{n}") for n in range(1, 5)]
    + [MjButton("MJ::JOB::reroll::0::abc::SOLO", "🔄", "")]
    + [MjButton(f"MJ::JOB::variation::{n}::abc", "", f"V{n}") for n in range(1, 5)]
    + [MjButton("MJ::Outpaint::50::1::abc::SOLO", "🔍", "Zoom Out 2x"),
       MjButton("MJ::CustomZoom::abc", "🔍", "Custom Zoom")]
)


def mj_grid(side: int = 512) -> bytes:
    """Four tinted landscapes in a 2×2 grid, as Midjourney's Imagine returns (PNG)."""
    grid = QImage(side, side, QImage.Format.Format_RGB32)
    painter = QPainter(grid)
    half = side // 2
    for index, tint in enumerate(("#00000000", "#40ff8040", "#404080ff", "#40ffffff")):
        cell = QRect((index % 2) * half, (index // 2) * half, half, half)
        painter.drawImage(cell, landscape(half, half))
        painter.fillRect(cell, QColor(tint))
    painter.end()
    return encode(grid, "PNG")


def seed_finished(store: Store, provider: str) -> dict[str, int]:
    """A finished Imagine (grid + buttons), a failed Luma video and a done Flux image."""
    now = time.time()
    imagine = store.create_task(provider, TaskKind.MJ_IMAGINE,
                                "a lighthouse on a cliff at dusk, oil painting --ar 1:1",
                                {"bot_type": "MID_JOURNEY"})
    store.add_task_file(imagine.id, 0, mj_grid(), "image/png", "lighthouse.png", "image")
    store.update_task(imagine.id, status=TaskStatus.SUCCEEDED, progress=100,
                      remote_id="1733300000001", buttons=MJ_BUTTONS, submitted_at=now - 64,
                      finished_at=now)
    luma = store.create_task(provider, TaskKind.LUMA_CREATE,
                             "a paper boat drifting down a rainy street",
                             {"aspect_ratio": "16:9"})
    store.update_task(luma.id, status=TaskStatus.FAILED, error_code="failure",
                      error="The server reported FAILURE: prompt rejected by moderation.",
                      finished_at=now)
    flux = store.create_task(provider, TaskKind.FLUX_IMAGE, "a macro photo of frost on a leaf",
                             {"model": "flux-schnell", "size": "1024x1024"})
    store.add_task_file(flux.id, 0, encode(landscape(512, 512), "PNG"), "image/png",
                        "frost.png", "image")
    store.update_task(flux.id, status=TaskStatus.SUCCEEDED, progress=100, finished_at=now)
    suno = store.create_task(provider, TaskKind.SUNO_MUSIC, "a calm song about the sea at night",
                             {"model": "chirp-v3-5"})
    for position, title in enumerate(("Night Tide", "Night Tide (take 2)")):
        store.add_task_file(suno.id, position, tone_wav(1.5, 8000, 330.0 + 110 * position),
                            "audio/wav", title, "audio")
    store.update_task(suno.id, status=TaskStatus.SUCCEEDED, progress=100, finished_at=now)
    ids = {"imagine": imagine.id, "luma": luma.id, "flux": flux.id, "suno": suno.id}
    _age(store, {imagine.id: 71, luma.id: 312, flux.id: 9, suno.id: 95})
    return ids


def _age(store: Store, seconds: dict[int, float]) -> None:
    """Move the tasks' creation back, so the queue shows how long each one took (no store
    API sets `created_at`: it is written once, when a task is made)."""
    with sqlite3.connect(store.path) as db:
        for task_id, took in seconds.items():
            db.execute("UPDATE tasks SET created_at = created_at - ? WHERE id = ?",
                       (took, task_id))


def running_records(provider: str, first_id: int = 9000) -> list[TaskRecord]:
    """Two tasks in flight (not stored: only shown), for screenshots of the queue."""
    now = time.time()
    base = TaskRecord(first_id, provider, TaskKind.MJ_IMAGINE, "", created_at=now - 38,
                      updated_at=now)
    return [
        replace(base, prompt="a koi pond in autumn, ukiyo-e --ar 16:9",
                status=TaskStatus.IN_PROGRESS, progress=45, remote_status="IN_PROGRESS"),
        replace(base, id=first_id + 1, kind=TaskKind.SUNO_MUSIC,
                prompt="a calm song about the sea at night", status=TaskStatus.SUBMITTED,
                created_at=now - 12),
    ]
