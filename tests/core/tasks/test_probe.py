"""Probing which task APIs a provider offers, against the fake relay and a plain server."""

from __future__ import annotations

import asyncio

from desktop.core.api.client import ApiClient
from desktop.core.api.retry import RetryPolicy
from desktop.core.providers import KeySource, ProviderProfile
from desktop.core.tasks import MjMode, TaskApis, probe_task_apis
from tests.helpers.fake_provider import FakeProvider, Reply
from tests.helpers.fake_tasks import TaskRelay


def _probe(provider: FakeProvider, **apis: object) -> TaskApis:
    profile = ProviderProfile("R", provider.base_url, key_source=KeySource.NONE,
                              task_apis=TaskApis(**apis).to_json())  # type: ignore[arg-type]

    async def scenario() -> TaskApis:
        async with ApiClient(profile, "sk-probe-key", retry=RetryPolicy(max_retries=0)) as api:
            return await probe_task_apis(api)

    return asyncio.run(scenario())


def test_a_plain_openai_server_offers_none(fake_provider: FakeProvider) -> None:
    found = _probe(fake_provider)  # its 404s echo the path, which names a task
    assert found.families == () and found.probed_at is not None


def test_the_relay_offers_mj_suno_luma_and_flux_by_its_models(
    fake_provider: FakeProvider,
) -> None:
    fake_provider.tasks = TaskRelay()
    fake_provider.route("/models", Reply.json({"object": "list", "data": [
        {"id": "flux-pro-1.1", "object": "model"}, {"id": "flux-dev", "object": "model"},
        {"id": "gpt-4o", "object": "model"}]}))
    found = _probe(fake_provider, mj_mode=MjMode.FAST)
    assert found.midjourney and found.suno and found.luma and found.flux
    assert found.flux_model == "flux-dev" and found.mj_mode is MjMode.FAST
    assert any(r.path == "/mj-fast/mj/task/switchboard-probe/fetch"
               for r in fake_provider.requests)
