"""Translated names and hints of the parameter fields.

The schema (`desktop.core.parameters`) keeps the English labels (the core has no Qt and no
translator); the panel shows these. Each string is a literal `translate` call so that
`pyside6-lupdate` collects it; a label or hint without one is shown in English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.parameter_fields import range_hint
from desktop.core.parameters import Parameter


def field_label(parameter: Parameter) -> str:
    labels = {
        "temperature": QCoreApplication.translate("ParameterFields", "Temperature"),
        "top_p": QCoreApplication.translate("ParameterFields", "Top P"),
        "max_tokens": QCoreApplication.translate("ParameterFields", "Max tokens"),
        "presence_penalty": QCoreApplication.translate("ParameterFields", "Presence penalty"),
        "frequency_penalty": QCoreApplication.translate("ParameterFields", "Frequency penalty"),
        "seed": QCoreApplication.translate("ParameterFields", "Seed"),
        "n": QCoreApplication.translate("ParameterFields", "Choices (n)"),
        "stop": QCoreApplication.translate("ParameterFields", "Stop sequences"),
        "logit_bias": QCoreApplication.translate("ParameterFields", "Logit bias"),
        "user": QCoreApplication.translate("ParameterFields", "User"),
    }
    label: str = labels.get(parameter.name, parameter.label)
    return label


def field_hint(parameter: Parameter) -> str:
    """What the field accepts ("0-2", "whole number"), from the schema's range."""
    hint = range_hint(parameter)
    hints = {
        "-2 to 2": QCoreApplication.translate("ParameterFields", "-2 to 2"),
        "whole number": QCoreApplication.translate("ParameterFields", "whole number"),
        "one per line, up to 4": QCoreApplication.translate(
            "ParameterFields", "one per line, up to 4"
        ),
        "end-user id for abuse monitoring": QCoreApplication.translate(
            "ParameterFields", "end-user id for abuse monitoring"
        ),
    }
    translated: str = hints.get(hint, hint)
    return translated


def unset_placeholder() -> str:
    return QCoreApplication.translate("ParameterFields", "default")


def multi_line_placeholder(hint: str) -> str:
    return QCoreApplication.translate("ParameterFields", "Provider default — e.g. %1").replace(
        "%1", hint
    )


def field_tooltip(label: str, hint: str) -> str:
    return (
        QCoreApplication.translate(
            "ParameterFields", "%1 (%2). Leave empty to use the provider's default."
        )
        .replace("%1", label)
        .replace("%2", hint)
    )
