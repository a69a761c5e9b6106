"""Test helpers shared across test folders (the fake provider, ...)."""
