"""Embedding vectors from a reply: JSON number lists or `encoding_format=base64` strings.

With base64, each vector is the little-endian float32 bytes of its values, base64-encoded
(what OpenAI sends, and openai-python decodes with numpy). Both forms are validated: finite
numbers only, and at most `MAX_DIMENSIONS` values per vector and `MAX_VALUES` in a reply.
"""

from __future__ import annotations

import base64
import binascii
import math
import struct
from typing import Any

MAX_DIMENSIONS = 65_536  # the largest models have 3,072 to 16,384
MAX_VALUES = 16_000_000  # all vectors of one reply (64 MB as float32)


def decode_base64_vector(text: str) -> list[float]:
    """Floats from base64 little-endian float32; ValueError when malformed or too long."""
    if len(text) > (MAX_DIMENSIONS * 4 * 4) // 3 + 8:
        raise ValueError(f"An embedding has more than {MAX_DIMENSIONS} values.")
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("An embedding is not valid base64.") from None
    if not raw or len(raw) % 4:
        raise ValueError(f"A base64 embedding holds {len(raw)} bytes, not a whole number "
                         "of float32 values.")
    values = list(struct.unpack(f"<{len(raw) // 4}f", raw))
    if not all(math.isfinite(v) for v in values):
        raise ValueError("An embedding holds a value that is not a finite number.")
    return values


def vector_of(value: Any) -> list[float]:
    """One embedding, from a list of numbers or a base64 string; ValueError otherwise."""
    if isinstance(value, str):
        return decode_base64_vector(value)
    if not isinstance(value, list):
        raise ValueError("An embedding is neither a list of numbers nor a base64 string.")
    if len(value) > MAX_DIMENSIONS:
        raise ValueError(f"An embedding has more than {MAX_DIMENSIONS} values.")
    if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in value):
        raise ValueError("An embedding holds something other than numbers.")
    vector = [float(x) for x in value]
    if not all(math.isfinite(v) for v in vector):
        raise ValueError("An embedding holds a value that is not a finite number.")
    return vector
