"""Switchboard: a native desktop client for OpenAI-compatible LLM gateways."""

__version__ = "0.1.0"
APP_NAME = "Switchboard"
APP_ID = "switchboard"
