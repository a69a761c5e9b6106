"""Keep secrets out of stored request parameters: keys named like credentials are dropped."""

from __future__ import annotations

import re
from typing import Any

from desktop.core.redaction import redact

# Matched against a key lower-cased with "-" turned into "_"; "max_tokens" must not match.
_SECRET_KEY = re.compile(
    r"(api_?key|authori[sz]ation|secret|passw(or)?d|access_?token|refresh_?token|"
    r"id_?token|bearer|cookie|credential|private_?key)"
)


def is_secret_key(key: str) -> bool:
    return _SECRET_KEY.search(key.lower().replace("-", "_")) is not None


def scrub_params(value: Any) -> Any:
    """A copy of `value` without secret-named keys, and with key-shaped strings redacted."""
    if isinstance(value, dict):
        return {
            str(key): scrub_params(item)
            for key, item in value.items()
            if not is_secret_key(str(key))
        }
    if isinstance(value, list | tuple):
        return [scrub_params(item) for item in value]
    if isinstance(value, str):
        return redact(value)
    return value
