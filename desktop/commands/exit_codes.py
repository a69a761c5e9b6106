"""The exit codes of every `switchboard` command, and the error classes that map to them.

====  =====================================================================
 0    success
 1    unexpected failure
 2    bad command line (argparse)
 3    configuration: unknown provider, missing key, keyring unavailable
 4    invalid request parameter, refused before sending (n=11, 5 stops, ...)
10    authentication failed (401)
11    permission denied or balance/quota used up (403, 402)
12    model or endpoint not found (404)
13    bad request (400, 422)
14    rate limited (429)
15    blocked by the provider's content filter
16    provider server error (5xx)
17    timeout
18    connection failed (DNS, refused, TLS, proxy)
19    the reply stream was interrupted (the partial text was printed)
20    malformed reply from the provider
21    other HTTP error status
22    other API error
30    no such conversation or file (e.g. the conversation given with -c)
31    malformed import file (nothing was imported)
32    history database damaged: moved aside, restore a backup
33    history database written by a newer Switchboard
34    the history could not be read or written
35    refusing to overwrite an existing output file (pass --force)
130   interrupted by the user (Ctrl+C)
====  =====================================================================
"""

from __future__ import annotations

from desktop.core.api.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ContentPolicyError,
    InternalServerError,
    MalformedResponseError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamInterruptedError,
)
from desktop.core.api.requests_openai import RequestValidationError
from desktop.core.providers import ProviderError
from desktop.core.secrets import KeyringUnavailableError
from desktop.core.store import (
    ImportFormatError,
    StoreDamagedError,
    StoreError,
    StoreVersionError,
)
from desktop.core.store import NotFoundError as ConversationNotFoundError

EXIT_OK = 0
EXIT_FAILURE = 1  # anything unexpected
EXIT_USAGE = 2  # argparse's code for a bad command line
EXIT_CONFIG = 3  # unknown provider, missing key, keyring unavailable, bad profile
EXIT_INVALID_REQUEST = 4  # a parameter we refuse before sending (n=11, 5 stop sequences...)
EXIT_NOT_FOUND = 30  # no such conversation / file
EXIT_IMPORT = 31  # malformed import file (nothing was imported)
EXIT_DAMAGED = 32  # database damaged: moved aside, restore a backup
EXIT_NEWER_VERSION = 33  # database written by a newer Switchboard
EXIT_STORE = 34  # any other history error
EXIT_EXISTS = 35  # refusing to overwrite an existing output file
EXIT_INTERRUPTED_BY_USER = 130

# Most specific class first; the first isinstance match wins.
API_EXIT_CODES: tuple[tuple[type[APIError], int], ...] = (
    (AuthenticationError, 10),
    (PermissionDeniedError, 11),
    (NotFoundError, 12),
    (BadRequestError, 13),
    (RateLimitError, 14),
    (ContentPolicyError, 15),
    (InternalServerError, 16),
    (APITimeoutError, 17),
    (APIConnectionError, 18),
    (StreamInterruptedError, 19),
    (MalformedResponseError, 20),
    (APIStatusError, 21),
    (APIError, 22),
)

STORE_EXIT_CODES: tuple[tuple[type[StoreError], int], ...] = (
    (ConversationNotFoundError, EXIT_NOT_FOUND),
    (ImportFormatError, EXIT_IMPORT),
    (StoreDamagedError, EXIT_DAMAGED),
    (StoreVersionError, EXIT_NEWER_VERSION),
)

EXIT_CODES_HELP = (
    "exit codes: 0 success, 1 unexpected failure, 2 bad command line, 3 configuration "
    "(provider, key, keyring), 4 invalid parameter, 10 key rejected (401), 11 permission or "
    "balance (402/403), 12 model or endpoint not found (404), 13 bad request (400/422), "
    "14 rate limited (429), 15 content filter, 16 server error (5xx), 17 timeout, "
    "18 connection failed (DNS, refused, TLS, proxy), 19 reply interrupted (partial text "
    "printed), 20 malformed reply, 21 other HTTP status, 22 other API error, 130 Ctrl+C"
)


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of an error raised by an API command."""
    if isinstance(error, RequestValidationError):
        return EXIT_INVALID_REQUEST
    if isinstance(error, ProviderError | KeyringUnavailableError):
        return EXIT_CONFIG
    for cls, code in API_EXIT_CODES:
        if isinstance(error, cls):
            return code
    return EXIT_FAILURE


def store_exit_code(error: StoreError) -> int:
    """The documented exit code of a history (store) error."""
    return next((code for cls, code in STORE_EXIT_CODES if isinstance(error, cls)), EXIT_STORE)
