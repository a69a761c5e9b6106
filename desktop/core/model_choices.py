"""The rows of the model picker: favourites, recent picks, then each provider's models.

Pure data (no Qt): the picker's item model shows what `arrange` returns, so the grouping
and the filter-as-you-type rules are tested without a window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.model_catalog import Capability, ModelCatalog

# Texts the picker translates (core has no Qt; the UI maps them through its translator).
NO_MODELS_NOTICE = "No models listed — refresh, or type a model name."


class RowKind(StrEnum):
    HEADER = "header"  # a section title, not selectable
    MODEL = "model"
    NOTICE = "notice"  # "loading…" / the error of a failed refresh / "no models"
    MANUAL = "manual"  # "use the typed name with provider P"


class Section(StrEnum):
    FAVOURITES = "favourites"
    RECENT = "recent"
    PROVIDER = "provider"
    MANUAL = "manual"


@dataclass(frozen=True)
class PickerRow:
    kind: RowKind
    section: Section
    provider: str = ""
    model: str = ""
    text: str = ""  # header title or notice text
    capabilities: Capability = Capability.NONE
    favourite: bool = False
    hand_typed: bool = False

    @property
    def selectable(self) -> bool:
        return self.kind in (RowKind.MODEL, RowKind.MANUAL)


def matches(query: str, provider: str, model: str) -> bool:
    """Every word of the query appears in "provider model" (case-insensitive)."""
    haystack = f"{provider} {model}".casefold()
    return all(word in haystack for word in query.casefold().split())


def arrange(
    providers: Sequence[str],
    catalog: ModelCatalog,
    query: str = "",
    *,
    status: Mapping[str, str] | None = None,
) -> list[PickerRow]:
    """The picker's rows for `providers` (in the user's order) and the filter text `query`.

    `status` holds a line to show under a provider's header (loading, or why its list
    could not be fetched).
    """
    status = status or {}
    known = set(providers)
    rows: list[PickerRow] = []

    def model_row(section: Section, provider: str, model: str, manual: set[str]) -> PickerRow:
        return PickerRow(
            RowKind.MODEL,
            section,
            provider,
            model,
            capabilities=catalog.capabilities(model),
            favourite=(provider, model) in favourite_pairs,
            hand_typed=model in manual,
        )

    manual_by_provider = {p: set(catalog.manual_models(p)) for p in providers}
    favourite_pairs = set(catalog.favourites())
    favourites = [(p, m) for p, m in catalog.favourites() if p in known and matches(query, p, m)]
    if favourites:
        rows.append(PickerRow(RowKind.HEADER, Section.FAVOURITES, text="Favourites"))
        rows += [model_row(Section.FAVOURITES, p, m, manual_by_provider[p]) for p, m in favourites]
    recent = [
        (p, m)
        for p, m in catalog.recent()
        if p in known and (p, m) not in favourites and matches(query, p, m)
    ]
    if recent:
        rows.append(PickerRow(RowKind.HEADER, Section.RECENT, text="Recently used"))
        rows += [model_row(Section.RECENT, p, m, manual_by_provider[p]) for p, m in recent]

    exact = False
    for provider in providers:
        models = catalog.models(provider)
        shown = [m for m in models if matches(query, provider, m)]
        exact = exact or query.strip() in models
        note = status.get(provider)
        if not shown and query and not note:
            continue
        rows.append(PickerRow(RowKind.HEADER, Section.PROVIDER, provider, text=provider))
        if note:
            rows.append(PickerRow(RowKind.NOTICE, Section.PROVIDER, provider, text=note))
        elif not models:
            rows.append(
                PickerRow(
                    RowKind.NOTICE,
                    Section.PROVIDER,
                    provider,
                    text=NO_MODELS_NOTICE,
                )
            )
        rows += [
            model_row(Section.PROVIDER, provider, m, manual_by_provider[provider]) for m in shown
        ]

    typed = query.strip()
    if typed and not exact and providers:
        rows.append(PickerRow(RowKind.HEADER, Section.MANUAL, text="Use the name as typed"))
        rows += [
            PickerRow(
                RowKind.MANUAL,
                Section.MANUAL,
                provider,
                typed,
                capabilities=catalog.capabilities(typed),
            )
            for provider in providers
        ]
    return rows
