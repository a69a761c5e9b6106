"""The usage view: what replies cost, per period, provider and model."""
