"""Typed field access for import files: every failure names the file, conversation and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn, TypeVar

from desktop.core.store.errors import ImportFormatError

T = TypeVar("T")

_TYPE_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true or false",
               list: "a list", dict: "an object"}


class FieldReader:
    """Reads fields of one conversation of an import file, raising ImportFormatError."""

    def __init__(self, file: Path, conversation: str | None = None) -> None:
        self.file = file
        self.conversation = conversation

    def fail(self, field: str, problem: str) -> NoReturn:
        raise ImportFormatError(self.file, problem, conversation=self.conversation, field=field)

    def get(
        self, obj: Any, key: str, kind: type[T] | tuple[type, ...], field: str,
        *, required: bool = True, default: Any = None,
    ) -> Any:
        """`obj[key]` checked against `kind` (None is accepted when not required)."""
        if not isinstance(obj, dict):
            self.fail(field.rsplit(".", 1)[0] or field, "is not an object")
        if key not in obj or obj[key] is None:
            if required:
                self.fail(field, "is missing")
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if float in kinds and int not in kinds:
            kinds = (*kinds, int)
        if isinstance(value, bool) and bool not in kinds:
            self.fail(field, f"must be {_TYPE_NAMES.get(kinds[0], kinds[0].__name__)}")
        if not isinstance(value, kinds):
            self.fail(field, f"must be {_TYPE_NAMES.get(kinds[0], kinds[0].__name__)}, "
                             f"not {type(value).__name__}")
        return value
