"""Finding out which task APIs a provider offers, by asking each route about a task that
does not exist.

A relay that has a route answers it in its own way (200 with an empty task, a 400 or 404
whose JSON talks about the task); one without the route answers 404/405 with a generic "not
found" or "Invalid URL". Flux is offered when the model list names a Flux model. The
result is a guess: the user can change it by hand (`TaskApis.by_hand`).
"""

from __future__ import annotations

import logging
import re
import time

from desktop.core.api.client import ApiClient
from desktop.core.api.errors import APIError, APIStatusError, AuthenticationError
from desktop.core.tasks.capabilities import TaskApis
from desktop.core.tasks.models import TaskFamily
from desktop.core.tasks.relay_client import RelayClient

log = logging.getLogger(__name__)

PROBE_ID = "switchboard-probe"
_TASK_WORDS = re.compile(r"task|任务|generation|not exist|no such|不存在", re.I)


def _route_exists(error: APIStatusError) -> bool:
    """Whether an error answer still shows the route is there (it talks about the task,
    not about the address: words of the echoed path do not count)."""
    status = error.status or 0
    message = " ".join(w for w in (error.provider_message or "").split()
                       if "/" not in w and PROBE_ID not in w)
    if status in (404, 405):
        return bool(_TASK_WORDS.search(message)) and "invalid url" not in message.lower()
    return 400 <= status < 500 and status != 401


async def _probe_route(relay: RelayClient, path: str) -> bool:
    try:
        await relay._json("GET", path, _family_of(path))
    except AuthenticationError:
        raise
    except APIStatusError as exc:
        return _route_exists(exc)
    except APIError as exc:  # not JSON, a broken connection: say no, the user can override
        log.info("probing %s of %s: %s", path, relay.who, exc)
        return False
    return True


def _family_of(path: str) -> TaskFamily:
    if "mj/" in path:
        return TaskFamily.MIDJOURNEY
    return TaskFamily.SUNO if path.startswith("suno") else TaskFamily.LUMA


async def probe_task_apis(api: ApiClient) -> TaskApis:
    """Ask the provider which task APIs it answers; keeps the profile's mode and model.

    Raises `AuthenticationError` when the key is refused (nothing can be told then).
    """
    current = TaskApis.of(api.profile)
    relay = RelayClient(api)
    prefix = current.mj_mode.prefix
    midjourney = await _probe_route(relay, f"{prefix}mj/task/{PROBE_ID}/fetch")
    suno = await _probe_route(relay, f"suno/fetch/{PROBE_ID}")
    luma = await _probe_route(relay, f"luma/generations/{PROBE_ID}")
    flux_model = current.flux_model
    try:
        flux_models = [m.id for m in await api.list_models() if "flux" in m.id.lower()]
    except APIError as exc:
        log.info("probing Flux of %s: %s", api.provider_name, exc)
        flux_models = []
    if flux_models and not flux_model:
        flux_model = sorted(flux_models, key=len)[0]
    return current.with_changes(midjourney=midjourney, suno=suno, luma=luma,
                                flux=bool(flux_models), flux_model=flux_model,
                                probed_at=time.time(), by_hand=False)
