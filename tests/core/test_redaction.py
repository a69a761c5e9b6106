from __future__ import annotations

import logging
import secrets
from pathlib import Path

from desktop.core.logs import setup_logging
from desktop.core.redaction import REDACTED, redact, redact_headers, register_secret


def fake_key(prefix: str = "sk-") -> str:
    return prefix + secrets.token_hex(16)


def test_key_shapes_are_redacted() -> None:
    for key in (fake_key(), fake_key("sk-ant-"), fake_key("sk-or-"), "AIza" + "x" * 30):
        text = f"request failed with key {key} at gateway"
        cleaned = redact(text)
        assert key not in cleaned
        assert REDACTED in cleaned


def test_bearer_and_json_fields_are_redacted() -> None:
    token = secrets.token_urlsafe(24)
    assert token not in redact(f"Authorization: Bearer {token}")
    assert token not in redact(f'{{"api_key": "{token}"}}')


def test_registered_secret_without_known_shape_is_redacted() -> None:
    odd = "zz" + secrets.token_hex(6)
    register_secret(odd)
    assert redact(f"value={odd};") == f"value={REDACTED};"


def test_headers() -> None:
    key = fake_key()
    headers = redact_headers({"Authorization": f"Bearer {key}", "x-api-key": key,
                              "Content-Type": "application/json"})
    assert headers == {"Authorization": REDACTED, "x-api-key": REDACTED,
                       "Content-Type": "application/json"}


def test_log_file_never_holds_the_key(tmp_path: Path) -> None:
    key = fake_key()
    path = setup_logging(tmp_path / "logs")
    log = logging.getLogger("test.redaction")
    log.error("sending with %s", key)
    try:
        raise RuntimeError(f"boom {key}")
    except RuntimeError:
        log.exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text()
    assert "sending with" in text and "boom" in text
    assert key not in text
