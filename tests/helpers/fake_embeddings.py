"""Deterministic embeddings for the fake provider, so retrieval is exact in tests.

    fake_provider.embeddings = FakeEmbeddings()
    fake_provider.embeddings.fail(429, retry_after="0")      # the next request gets a 429
    fake_provider.embeddings.fail_request(3, 500, times=5)   # requests 3..7 get a 500

A text's vector is a hashed bag of words: each lower-cased word adds ±1 at a position chosen
by its SHA-256, then the vector is normalised. Two texts with the same words get the same
vector, and the cosine similarity grows with the words they share. The dimension is the
number at the end of the model name (`fake-embed-128`), else 256.
"""

from __future__ import annotations

import base64
import collections
import hashlib
import math
import re
import struct
import threading
from dataclasses import dataclass, field
from typing import Any

DEFAULT_DIMENSION = 256
_WORD = re.compile(r"\w+")
_DIMENSION = re.compile(r"-(\d{1,5})$")


def dimension_of(model: str) -> int:
    match = _DIMENSION.search(model or "")
    return max(1, min(int(match.group(1)), 8192)) if match else DEFAULT_DIMENSION


def embed(text: str, dimension: int = DEFAULT_DIMENSION) -> list[float]:
    """The fake vector of `text` (the same function the tests use for their queries)."""
    vector = [0.0] * dimension
    for word in _WORD.findall(text.lower()):
        digest = hashlib.sha256(word.encode()).digest()
        index = int.from_bytes(digest[:4], "little") % dimension
        vector[index] += 1.0 if digest[4] & 1 else -1.0
    norm = math.sqrt(sum(v * v for v in vector))
    return [v / norm for v in vector] if norm else vector


def _encoded(vector: list[float], encoding: str) -> list[float] | str:
    """The vector as sent: a number list, or base64 of little-endian float32."""
    if encoding != "base64":
        return vector
    return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode("ascii")


@dataclass
class FakeEmbeddings:
    """The `/embeddings` route: vectors as above, and failures scripted by request number."""

    requests: int = 0  # /embeddings requests answered so far (failures included)
    delay: float = 0.0  # seconds before each answer (a slow provider, for cancel tests)
    inputs: list[list[str]] = field(default_factory=list)  # the inputs of each request
    refuse_base64: bool = False  # answer `encoding_format=base64` with a 400, as some relays do
    formats: list[str] = field(default_factory=list)  # each request's encoding_format
    _failures: collections.deque[tuple[int, dict[str, str]]] = field(
        default_factory=collections.deque)
    _at: dict[int, tuple[int, dict[str, str]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, status: int, *, times: int = 1, retry_after: str | None = None) -> None:
        """The next `times` requests get `status` (with a Retry-After header if given)."""
        headers = {} if retry_after is None else {"Retry-After": retry_after}
        with self._lock:
            self._failures.extend([(status, headers)] * times)

    def fail_request(self, number: int, status: int, *, times: int = 1,
                     retry_after: str | None = "0") -> None:
        """Requests `number` .. `number + times - 1` (1-based) get `status`."""
        headers = {} if retry_after is None else {"Retry-After": retry_after}
        with self._lock:
            for n in range(number, number + times):
                self._at[n] = (status, headers)

    def answer(self, body: Any) -> tuple[int, Any, dict[str, str]]:
        """(status, JSON body, headers) for one request body."""
        body = body if isinstance(body, dict) else {}
        raw = body.get("input", "")
        texts = [str(t) for t in raw] if isinstance(raw, list) else [str(raw)]
        encoding = str(body.get("encoding_format") or "float")
        with self._lock:
            self.requests += 1
            self.inputs.append(texts)
            self.formats.append(encoding)
        if encoding == "base64" and self.refuse_base64:
            return 400, {"error": {"message": "unknown parameter: encoding_format",
                                   "type": "invalid_request_error"}}, {}
        with self._lock:
            failure = self._at.pop(self.requests, None)
            if failure is None and self._failures:
                failure = self._failures.popleft()
        if failure is not None:
            status, headers = failure
            kind = {401: "invalid_api_key", 429: "rate_limit_exceeded"}.get(status, "server")
            return status, {"error": {"message": f"fake embeddings failure {status}",
                                      "type": kind, "code": kind}}, headers
        dimension = dimension_of(str(body.get("model", "")))
        data = [{"object": "embedding", "index": i,
                 "embedding": _encoded(embed(text, dimension), encoding)}
                for i, text in enumerate(texts)]
        tokens = sum(len(_WORD.findall(t)) for t in texts)
        return 200, {"object": "list", "model": body.get("model"), "data": data,
                     "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}, {}

    @classmethod
    def from_spec(cls, spec: Any) -> FakeEmbeddings:
        """From a JSON script: `{"fail": [[request number, status, times], ...], "delay": s}`."""
        fake = cls(delay=float(spec.get("delay", 0.0)) if isinstance(spec, dict) else 0.0)
        for number, status, times in (spec or {}).get("fail", []) if isinstance(spec, dict) \
                else []:
            fake.fail_request(int(number), int(status), times=int(times))
        return fake
