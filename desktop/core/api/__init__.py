"""Async client for OpenAI-compatible gateways, Anthropic Messages and the Responses API."""
