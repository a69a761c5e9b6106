"""Texts to vectors through a provider's `/embeddings`, one batch per request.

Retries are the client's (`ApiClient` retries 408/409/429/5xx and connection failures,
honouring `Retry-After`, see api/retry.py); what still fails is raised as the chat's typed
errors (AuthenticationError for 401 …). A reply with the wrong number of vectors, mixed
dimensions or values that are not finite numbers is a MalformedResponseError.

Vectors are asked for as base64 (`encoding_format=base64`, what openai-python does): a quarter
of the bytes of a JSON number list and no per-number parsing on the event loop. A gateway that
rejects the option (400) is asked for plain lists from then on; one that ignores it answers
lists, which are read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.core.api.client import ApiClient
from desktop.core.api.endpoints import EmbeddingRequest
from desktop.core.api.errors import BadRequestError, MalformedResponseError
from desktop.core.knowledge.vector_file import MAX_DIMENSION

if TYPE_CHECKING:
    from desktop.core.knowledge.vector_file import Matrix

_FLOATS_ONLY: set[tuple[str, str]] = set()  # (provider, model) that refused base64


def _malformed(client: ApiClient, what: str) -> MalformedResponseError:
    return MalformedResponseError(f"The embeddings reply of {client.provider_name} {what}.",
                                  provider=client.provider_name)


async def embed_texts(client: ApiClient, model: str, texts: Sequence[str]) -> Matrix:
    """One request for `texts`: a (len(texts), dimension) float32 matrix in input order."""
    key = (client.provider_name, model)
    result = None
    if key not in _FLOATS_ONLY:
        try:
            result = await client.embeddings(
                EmbeddingRequest(model=model, input=list(texts), encoding_format="base64"))
        except BadRequestError:
            _FLOATS_ONLY.add(key)  # asked again below as plain number lists
    if result is None:
        result = await client.embeddings(EmbeddingRequest(model=model, input=list(texts)))
    if len(result.vectors) != len(texts):
        raise _malformed(client, f"holds {len(result.vectors)} vectors for {len(texts)} texts")
    dimensions = {len(v) for v in result.vectors}
    if len(dimensions) != 1 or not 0 < next(iter(dimensions)) <= MAX_DIMENSION:
        raise _malformed(client, "holds vectors of different or impossible lengths")
    import numpy as np

    matrix = np.asarray(result.vectors, dtype=np.float32)
    if not np.isfinite(matrix).all():
        raise _malformed(client, "holds values that are not finite numbers")
    return matrix
