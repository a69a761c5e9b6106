"""Fixtures of the API client tests: the fake provider and an in-memory keyring."""

from __future__ import annotations

from tests.helpers.fake_provider import fake_provider

__all__ = ["fake_provider"]
