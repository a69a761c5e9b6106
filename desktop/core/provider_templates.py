"""Ready-made starting points for the providers people use: base URL, API style, key or not.

A template only fills the form of the Providers dialog; the user can change every field.
Base URLs of the relay gateways (MaxAPI, ModelMax, MaxToken) come from their API pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.api.styles import ApiStyle
from desktop.core.providers import KeySource, ProviderProfile


class TemplateKind(StrEnum):
    """How a template is grouped in the picker."""

    CLOUD = "cloud"
    GATEWAY = "gateway"
    LOCAL = "local"


@dataclass(frozen=True)
class ProviderTemplate:
    """One known provider: where it lives and how to talk to it."""

    id: str
    name: str
    base_url: str
    api_style: ApiStyle = ApiStyle.OPENAI_CHAT
    kind: TemplateKind = TemplateKind.CLOUD
    needs_key: bool = True
    key_env: str | None = None  # the variable the provider's own tools read, as a suggestion
    url_is_placeholder: bool = False  # the user must type their gateway's address
    include_usage: bool = True
    note: str = ""

    @property
    def local_port(self) -> int | None:
        """The default port of a local server template, else None."""
        if self.kind is not TemplateKind.LOCAL:
            return None
        from urllib.parse import urlsplit

        return urlsplit(self.base_url).port

    def profile(self, name: str | None = None) -> ProviderProfile:
        """A profile filled from this template (key in the keyring when one is needed)."""
        return ProviderProfile(
            name=name or self.name,
            base_url=self.base_url,
            api_style=self.api_style,
            key_source=KeySource.KEYRING if self.needs_key else KeySource.NONE,
            include_usage=self.include_usage,
        )


TEMPLATES: tuple[ProviderTemplate, ...] = (
    ProviderTemplate("openai", "OpenAI", "https://api.openai.com/v1", key_env="OPENAI_API_KEY"),
    ProviderTemplate(
        "anthropic",
        "Anthropic",
        "https://api.anthropic.com/v1",
        ApiStyle.ANTHROPIC_MESSAGES,
        key_env="ANTHROPIC_API_KEY",
    ),
    ProviderTemplate(
        "deepseek", "DeepSeek", "https://api.deepseek.com/v1", key_env="DEEPSEEK_API_KEY"
    ),
    ProviderTemplate(
        "openrouter", "OpenRouter", "https://openrouter.ai/api/v1", key_env="OPENROUTER_API_KEY"
    ),
    ProviderTemplate(
        "gemini",
        "Google Gemini",
        "https://generativelanguage.googleapis.com/v1beta/openai",
        key_env="GEMINI_API_KEY",
        note="Gemini's OpenAI-compatible endpoint.",
    ),
    ProviderTemplate("groq", "Groq", "https://api.groq.com/openai/v1", key_env="GROQ_API_KEY"),
    ProviderTemplate(
        "together", "Together", "https://api.together.xyz/v1", key_env="TOGETHER_API_KEY"
    ),
    ProviderTemplate(
        "deepinfra", "DeepInfra", "https://api.deepinfra.com/v1/openai", key_env="DEEPINFRA_API_KEY"
    ),
    ProviderTemplate("maxapi", "MaxAPI", "https://api.maxapi.ai/v1", kind=TemplateKind.GATEWAY),
    ProviderTemplate(
        "modelmax", "ModelMax", "https://api.modelmax.io/v1", kind=TemplateKind.GATEWAY
    ),
    ProviderTemplate(
        "maxtoken", "MaxToken", "https://api.maxtoken.io/v1", kind=TemplateKind.GATEWAY
    ),
    ProviderTemplate(
        "openai-compatible",
        "OpenAI-compatible",
        "https://gateway.example.com/v1",
        kind=TemplateKind.GATEWAY,
        url_is_placeholder=True,
        note="Any relay or aggregator that speaks the OpenAI API: enter its base URL.",
    ),
    ProviderTemplate(
        "ollama", "Ollama", "http://127.0.0.1:11434/v1", kind=TemplateKind.LOCAL, needs_key=False
    ),
    ProviderTemplate(
        "lmstudio",
        "LM Studio",
        "http://127.0.0.1:1234/v1",
        kind=TemplateKind.LOCAL,
        needs_key=False,
    ),
    ProviderTemplate(
        "llamacpp",
        "llama.cpp",
        "http://127.0.0.1:8080/v1",
        kind=TemplateKind.LOCAL,
        needs_key=False,
    ),
    ProviderTemplate(
        "vllm", "vLLM", "http://127.0.0.1:8000/v1", kind=TemplateKind.LOCAL, needs_key=False
    ),
    ProviderTemplate(
        "litellm",
        "LiteLLM",
        "http://127.0.0.1:4000/v1",
        kind=TemplateKind.LOCAL,
        needs_key=False,
        note="Set a key if your LiteLLM proxy has a master key.",
    ),
)
_BY_ID = {template.id: template for template in TEMPLATES}


def template(template_id: str) -> ProviderTemplate:
    """The template with this id; KeyError names the known ones."""
    try:
        return _BY_ID[template_id]
    except KeyError:
        raise KeyError(
            f"No provider template {template_id!r} (known: {', '.join(_BY_ID)})"
        ) from None


def local_templates() -> tuple[ProviderTemplate, ...]:
    """The local-server templates, in the order the welcome view offers them."""
    return tuple(t for t in TEMPLATES if t.kind is TemplateKind.LOCAL)


def unique_name(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted 2`, `wanted 3`… so that it clashes with no name in `taken`."""
    folded = {name.casefold() for name in taken}
    if wanted.casefold() not in folded:
        return wanted
    counter = 2
    while f"{wanted} {counter}".casefold() in folded:
        counter += 1
    return f"{wanted} {counter}"
