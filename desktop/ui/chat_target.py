"""What a send goes to: the picker's provider and model with the parameter panel's values.

A send with no provider at all says how to add one; with providers but no model chosen, it
says so and opens the picker. Either way the message stays in the composer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop.core.chat_service import ChatSettings
from desktop.core.providers import ProviderRegistry
from desktop.ui.chat_pane import ChatPane
from desktop.ui.parameter_panel import ParameterPanel


class ChatTarget(QObject):
    """Reads the settings of the next request from the picker and the parameter panel."""

    def __init__(self, pane: ChatPane, parameters: ParameterPanel, registry: ProviderRegistry,
                 open_picker: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pane = pane
        self._parameters = parameters
        self._registry = registry
        self._open_picker = open_picker

    def selected(self) -> tuple[str, str] | None:
        """(provider, model) picked, or None (after saying why) when nothing usable is."""
        target = self._pane.selected_target()
        if target is not None and target[0] and target[1]:
            return target
        if len(self._registry) == 0:
            self._pane.show_notice(self.tr(
                "No provider is set up yet. Add one in Settings → Providers (or with "
                "“switchboard provider add” on the command line); your message is kept."))
        else:
            self._pane.show_notice(self.tr("Choose a model first; your message is kept."))
            self._open_picker()
        return None

    def settings(self) -> ChatSettings | None:
        """The next request's settings, or None after telling the user what is missing."""
        target = self.selected()
        if target is None:
            return None
        provider, model = target
        problems = self._parameters.validation_errors()  # shown at the fields as well
        if problems:
            self._pane.show_notice(self.tr("Fix the parameters first: %1").replace(
                "%1", " ".join(problems.values())))
            return None
        return ChatSettings(provider, model, self._parameters.parameters(),
                            self._parameters.system_prompt_text())
