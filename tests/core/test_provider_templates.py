"""Provider templates: every required provider is there, with a usable profile."""

from __future__ import annotations

import pytest

from desktop.core.api.styles import ApiStyle
from desktop.core.provider_templates import (
    TEMPLATES,
    TemplateKind,
    local_templates,
    template,
    unique_name,
)
from desktop.core.providers import KeySource

REQUIRED = {
    "OpenAI", "Anthropic", "DeepSeek", "OpenRouter", "Google Gemini", "Groq", "Together",
    "DeepInfra", "MaxAPI", "ModelMax", "MaxToken", "OpenAI-compatible",
    "Ollama", "LM Studio", "llama.cpp", "vLLM", "LiteLLM",
}  # fmt: skip


def test_every_required_provider_has_a_template() -> None:
    assert {t.name for t in TEMPLATES} >= REQUIRED
    assert len({t.id for t in TEMPLATES}) == len(TEMPLATES)


@pytest.mark.parametrize("item", TEMPLATES, ids=lambda t: t.id)
def test_template_builds_a_valid_profile(item: object) -> None:
    from desktop.core.provider_templates import ProviderTemplate

    assert isinstance(item, ProviderTemplate)
    profile = item.profile()
    assert profile.name == item.name
    assert profile.base_url == item.base_url  # already normalised
    assert profile.key_source is (KeySource.KEYRING if item.needs_key else KeySource.NONE)


def test_local_servers_use_their_default_ports_on_loopback() -> None:
    ports = {t.name: t.local_port for t in local_templates()}
    assert ports == {"Ollama": 11434, "LM Studio": 1234, "llama.cpp": 8080, "vLLM": 8000,
                     "LiteLLM": 4000}  # fmt: skip
    assert all(t.base_url.startswith("http://127.0.0.1:") for t in local_templates())
    assert all(not t.needs_key for t in local_templates())
    assert template("openai").local_port is None


def test_gateway_urls_from_their_api_pages() -> None:
    assert template("maxapi").base_url == "https://api.maxapi.ai/v1"
    assert template("modelmax").base_url == "https://api.modelmax.io/v1"
    assert template("maxtoken").base_url == "https://api.maxtoken.io/v1"
    assert template("openai-compatible").url_is_placeholder
    assert template("maxapi").kind is TemplateKind.GATEWAY


def test_anthropic_speaks_messages_and_gemini_keeps_its_path() -> None:
    assert template("anthropic").api_style is ApiStyle.ANTHROPIC_MESSAGES
    gemini = template("gemini").profile()
    assert gemini.chat_url.endswith("/v1beta/openai/chat/completions")


def test_unknown_template_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="openai"):
        template("nope")


def test_unique_name_avoids_clashes_case_insensitively() -> None:
    assert unique_name("Ollama", set()) == "Ollama"
    assert unique_name("Ollama", {"ollama"}) == "Ollama 2"
    assert unique_name("Ollama", {"Ollama", "OLLAMA 2"}) == "Ollama 3"
