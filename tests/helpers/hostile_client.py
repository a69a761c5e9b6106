"""The API client against a hostile server, in a process of its own, reporting its peak memory.

    python -m tests.helpers.hostile_client stream|chat|models|images BASE_URL [LIMITS_JSON]

prints one JSON line: `base_kb` (peak resident memory after the imports), `peak_kb` (peak
resident memory at the end, /proc VmHWM), and `error` (the typed error's class name and
explanation) or `result`. `LIMITS_JSON` overrides `ResponseLimits` fields. Memory tests and
`benchmarks/bench_hostile_server.py` run it with `run_client`.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import ImageRequest
from desktop.core.api.errors import APIError
from desktop.core.api.limits import ResponseLimits
from desktop.core.api.requests_openai import ChatRequest
from desktop.core.providers import ProviderProfile

REPO = Path(__file__).resolve().parents[2]


def peak_kb() -> int:
    """This process's peak resident memory so far (VmHWM), in KB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


async def scenario(name: str, client: ApiClient) -> Any:
    request = ChatRequest(model="m", messages=[{"role": "user", "content": "hi"}])
    if name == "stream":
        stream = client.stream_chat(request)
        try:
            async with stream:
                async for _event in stream:
                    pass
        except APIError as exc:
            partial = exc.partial.choices[0].text if exc.partial and exc.partial.choices else ""
            raise PartialError(exc, partial) from exc
        return stream.result.choices[0].text
    if name == "chat":
        return (await client.chat(request)).choices[0].text
    if name == "models":
        return [m.id for m in await client.list_models()]
    if name == "images":
        images = await client.generate_images(ImageRequest(model="m", prompt="a cat"))
        return [len(image.data) for image in images]
    raise SystemExit(f"unknown scenario {name}")


class PartialError(Exception):
    def __init__(self, error: APIError, partial: str) -> None:
        super().__init__(str(error))
        self.error = error
        self.partial = partial


async def main(name: str, base_url: str, limits: dict[str, int]) -> dict[str, Any]:
    profile = ProviderProfile(name="Hostile", base_url=base_url, max_retries=0)
    client = ApiClient(profile, None, limits=ResponseLimits(**limits))
    base = peak_kb()
    report: dict[str, Any] = {"base_kb": base}
    try:
        report["result"] = await scenario(name, client)
    except PartialError as exc:
        report["error"] = [type(exc.error).__name__, exc.error.explanation]
        report["partial"] = exc.partial
    except APIError as exc:
        report["error"] = [type(exc).__name__, exc.explanation]
    finally:
        await client.aclose()
    report["peak_kb"] = peak_kb()
    return report


@dataclass(frozen=True)
class ClientRun:
    base_kb: int
    peak_kb: int
    error: tuple[str, str] | None
    partial: str | None
    result: Any

    @property
    def over_base_mb(self) -> float:
        return (self.peak_kb - self.base_kb) / 1024


def run_client(name: str, base_url: str, limits: dict[str, int] | None = None,
               timeout: float = 120) -> ClientRun:
    """Run a scenario in a child process and return what it reported."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.hostile_client", name, base_url,
         json.dumps(limits or {})],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the client failed ({done.returncode}): {done.stderr[-2000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    error = report.get("error")
    return ClientRun(report["base_kb"], report["peak_kb"], tuple(error) if error else None,
                     report.get("partial"), report.get("result"))


if __name__ == "__main__":
    limits_json = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2], limits_json))))
