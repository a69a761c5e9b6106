"""Providers side figures: picker filtering, local-server probing, keyring access overhead.

    .venv/bin/python benchmarks/bench_providers.py

- arrange(): the picker's rows for 3 providers x 1,000 models, per keystroke of a query.
- probe_local_servers(): all five default ports closed, and one answering (fake provider).
- KeyAccess.read_key(): one keyring read through its daemon thread (in-memory backend).
Prints a table (median and worst of several runs).
"""

from __future__ import annotations

import asyncio
import secrets
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop.core.key_access import KeyAccess  # noqa: E402
from desktop.core.local_servers import probe_local_servers  # noqa: E402
from desktop.core.model_catalog import ModelCatalog  # noqa: E402
from desktop.core.model_choices import arrange  # noqa: E402
from desktop.core.provider_templates import local_templates  # noqa: E402
from desktop.core.providers import ProviderProfile  # noqa: E402
from tests.helpers.fake_provider import FakeProvider  # noqa: E402
from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402

FAMILIES = ("gpt-4o", "claude-3-5-sonnet", "gemini-2.5-pro", "llama-3.1", "qwen2.5", "o3-mini")


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, worst) milliseconds of `runs` calls."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def closed_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/v1"


def main() -> None:
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        catalog = ModelCatalog(Path(tmp))
        providers = ["Relay A", "Relay B", "Local"]
        for provider in providers:
            models = [f"{FAMILIES[i % len(FAMILIES)]}-{i:04d}" for i in range(1000)]
            catalog.set_models(provider, models)
        for index in range(5):
            catalog.set_favourite("Relay A", f"gpt-4o-{index * 6:04d}")
            catalog.note_used("Relay B", f"o3-mini-{index * 6 + 5:04d}")
        query = "claude 12"
        for length in (0, 1, 4, len(query)):
            part = query[:length]
            median, worst = timed(lambda p=part: arrange(providers, catalog, p), 15)
            rows.append((f"arrange 3x1000 models, query {part!r}", median, worst))

        closed = {t.id: closed_url() for t in local_templates()}
        median, worst = timed(lambda: asyncio.run(probe_local_servers(urls=closed)), 5)
        rows.append(("probe 5 local ports, all closed", median, worst))
        with FakeProvider() as fake:
            one = dict(closed, ollama=fake.base_url)
            median, worst = timed(lambda: asyncio.run(probe_local_servers(urls=one)), 5)
            rows.append(("probe 5 local ports, one answering", median, worst))

        keys = KeyAccess(backend=MemoryKeyring())
        profile = ProviderProfile("Relay", "https://relay.example/v1")
        asyncio.run(keys.save_key(profile, "sk-test-" + secrets.token_hex(8)))
        median, worst = timed(lambda: asyncio.run(keys.read_key(profile)), 30)
        rows.append(("KeyAccess.read_key (thread + loop)", median, worst))

    width = max(len(name) for name, _, _ in rows)
    print(f"{'measure':<{width}}  {'median ms':>10}  {'worst ms':>9}")
    for name, median, worst in rows:
        print(f"{name:<{width}}  {median:>10.2f}  {worst:>9.2f}")


if __name__ == "__main__":
    main()
