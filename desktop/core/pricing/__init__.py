"""What a message cost: per-model prices (the `genai-prices` data plus per-provider overrides),
the cost of a reply's usage, and token estimates when a provider sent no usage."""
