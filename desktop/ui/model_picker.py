"""The model picker in the chat header: a button naming the model and a searchable popup.

The popup lists favourites, recent picks and every provider's models (cached `/models`
lists, refreshed in the background), filtered as you type; a name that no list holds can be
used as typed (it is then remembered for that provider). Keyboard: type to filter, Up/Down,
Enter to pick, Ctrl+D to star, F5 to refresh, Escape to close.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.key_access import KeyAccess
from desktop.core.model_catalog import Capability, ModelCatalog, capability_names
from desktop.core.model_choices import PickerRow, RowKind, arrange
from desktop.core.model_fetch import describe_failure, fetch_model_ids, resolve_key
from desktop.core.providers import ProviderError, ProviderRegistry
from desktop.core.settings import Settings
from desktop.ui.model_list import ModelListModel, ModelRowDelegate, RowRole
from desktop.ui.task_runner import TaskRunner

log = logging.getLogger(__name__)

STALE_AFTER_S = 24 * 3600.0


class ModelPopup(QFrame):
    """The drop-down: search field, grouped list, refresh button."""

    picked = Signal(str, str)
    refresh_requested = Signal()
    favourite_toggled = Signal(str, str)
    override_requested = Signal(str, object)  # model id, Capability | None
    forget_requested = Signal(str, str)  # provider, hand-typed model
    query_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("modelPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.resize(440, 460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("modelSearch")
        self.search.setPlaceholderText(self.tr("Search models, or type a model name…"))
        self.search.setAccessibleName(self.tr("Search models"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.query_changed)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.list_model = ModelListModel(self)
        self.view = QListView()
        self.view.setObjectName("modelList")
        self.view.setAccessibleName(self.tr("Models"))
        self.view.setModel(self.list_model)
        self.view.setItemDelegate(ModelRowDelegate(self.view))
        self.view.setMouseTracking(True)
        self.view.setUniformItemSizes(False)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.clicked.connect(self._on_clicked)
        self.view.activated.connect(self._pick_index)
        layout.addWidget(self.view, 1)
        footer = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("hint")
        footer.addWidget(self.status, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh model lists"))
        self.refresh_button.setToolTip(self.tr("Fetch every provider's model list again (F5)"))
        self.refresh_button.clicked.connect(self.refresh_requested)
        footer.addWidget(self.refresh_button)
        layout.addLayout(footer)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.refresh_requested)
        self.addAction(refresh)

    # -- rows --------------------------------------------------------------------------------

    def set_rows(self, rows: list[PickerRow]) -> None:
        current = self.current_row()
        self.list_model.set_rows(rows)
        target = 0
        if current is not None:
            for number, row in enumerate(rows):
                if row.selectable and (row.provider, row.model, row.kind) == (
                    current.provider,
                    current.model,
                    current.kind,
                ):
                    target = number
                    break
        self._select(self._next_selectable(target, 1))
        count = sum(1 for row in rows if row.kind is RowKind.MODEL)
        self.status.setText(self.tr("%n model(s)", "", count))

    def current_row(self) -> PickerRow | None:
        index = self.view.currentIndex()
        return self.list_model.row_at(index.row()) if index.isValid() else None

    def _next_selectable(self, start: int, step: int) -> int:
        number = start
        while 0 <= number < self.list_model.rowCount():
            row = self.list_model.row_at(number)
            if row is not None and row.selectable:
                return number
            number += step
        return -1

    def _select(self, number: int) -> None:
        if number < 0:
            self.view.setCurrentIndex(QModelIndex())
            return
        index = self.list_model.index(number)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def move_selection(self, step: int) -> None:
        current = self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1
        found = self._next_selectable(current + step, step)
        if found >= 0:
            self._select(found)

    # -- events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.move_selection(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.move_selection(10 if key == Qt.Key.Key_PageDown else -10)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick_index(self.view.currentIndex())
                return True
            if key == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                row = self.current_row()
                if row is not None and row.kind is RowKind.MODEL:
                    self.favourite_toggled.emit(row.provider, row.model)
                return True
        return super().eventFilter(watched, event)

    def _on_clicked(self, index: QModelIndex) -> None:
        row = self.list_model.row_at(index.row())
        if row is None or not row.selectable:
            return
        # A click on the star column toggles the favourite instead of picking.
        position = self.view.viewport().mapFromGlobal(self.cursor().pos())
        if row.kind is RowKind.MODEL and position.x() < 30:
            self.favourite_toggled.emit(row.provider, row.model)
            return
        self._pick_index(index)

    def _pick_index(self, index: QModelIndex) -> None:
        row = self.list_model.row_at(index.row()) if index.isValid() else None
        if row is not None and row.selectable:
            self.picked.emit(row.provider, row.model)

    def _context_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        row = self.list_model.row_at(index.row()) if index.isValid() else None
        if row is None or row.kind is not RowKind.MODEL:
            return
        menu = QMenu(self)
        star = menu.addAction(
            self.tr("Remove from favourites") if row.favourite else self.tr("Add to favourites")
        )
        star.triggered.connect(lambda: self.favourite_toggled.emit(row.provider, row.model))
        caps_menu = menu.addMenu(self.tr("Capabilities"))
        for cap, label in (
            (Capability.VISION, self.tr("Vision (image input)")),
            (Capability.REASONING, self.tr("Reasoning")),
            (Capability.TOOLS, self.tr("Tools")),
            (Capability.IMAGE_GENERATION, self.tr("Image generation")),
        ):
            action = caps_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(cap in row.capabilities)
            action.triggered.connect(
                lambda checked, c=cap: self.override_requested.emit(
                    row.model, (row.capabilities | c) if checked else (row.capabilities & ~c)
                )
            )
        caps_menu.addSeparator()
        reset = caps_menu.addAction(self.tr("Use the known defaults"))
        reset.triggered.connect(lambda: self.override_requested.emit(row.model, None))
        if row.hand_typed:
            forget = menu.addAction(self.tr("Forget this hand-typed model"))
            forget.triggered.connect(lambda: self.forget_requested.emit(row.provider, row.model))
        menu.exec(self.view.viewport().mapToGlobal(position))


class ModelPicker(QWidget):
    """Header control: shows "model · provider" with badges; opens the searchable popup."""

    selection_changed = Signal(str, str)  # provider, model (a user pick or set_selection)
    models_refreshed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("modelPicker")
        self._registry: ProviderRegistry | None = None
        self._catalog: ModelCatalog | None = None
        self._keys: KeyAccess | None = None
        self._tasks: TaskRunner | None = None
        self._settings: Settings | None = None
        self._selection: tuple[str, str] | None = None
        self._status: dict[str, str] = {}
        self._refreshing: set[str] = set()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.button = QToolButton()
        self.button.setObjectName("modelButton")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setMinimumWidth(220)
        self.button.setAccessibleName(self.tr("Model"))
        self.button.setToolTip(self.tr("Choose the model (Ctrl+M)"))
        self.button.clicked.connect(self.open_popup)
        layout.addWidget(self.button)
        shortcut = QAction(self)
        shortcut.setShortcut(QKeySequence("Ctrl+M"))
        shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.triggered.connect(self.open_popup)
        self.addAction(shortcut)
        self.popup = ModelPopup(self)
        self.popup.picked.connect(self._on_picked)
        self.popup.query_changed.connect(lambda _text: self.update_rows())
        self.popup.refresh_requested.connect(lambda: self.refresh_models(force=True))
        self.popup.favourite_toggled.connect(self._toggle_favourite)
        self.popup.override_requested.connect(self._set_override)
        self.popup.forget_requested.connect(self._forget_manual)
        self._update_button()

    # -- wiring ------------------------------------------------------------------------------

    def configure(
        self,
        *,
        providers: ProviderRegistry,
        catalog: ModelCatalog,
        keys: KeyAccess,
        tasks: TaskRunner,
        settings: Settings | None = None,
    ) -> None:
        """Connect to the app's registry, catalog, keys and task runner; refreshes stale lists."""
        self._registry, self._catalog, self._keys = providers, catalog, keys
        self._tasks, self._settings = tasks, settings
        if self._selection is None and settings is not None:
            provider = settings.get("chat.default_provider")
            model = settings.get("chat.default_model")
            if provider and model:
                self._selection = (provider, model)
        self.providers_changed()

    def providers_changed(self) -> None:
        """The provider list changed (Providers dialog): update rows, fetch missing lists."""
        self.update_rows()
        self._update_button()
        self.refresh_models(force=False)

    def provider_names(self) -> list[str]:
        return [p.name for p in self._registry] if self._registry is not None else []

    # -- selection ---------------------------------------------------------------------------

    def current_selection(self) -> tuple[str, str] | None:
        """(provider, model) shown in the header, or None when nothing is chosen yet."""
        return self._selection

    def set_selection(self, provider: str, model: str) -> None:
        """Show a conversation's model (does not count as a use; emits selection_changed)."""
        if self._selection == (provider, model):
            return
        self._selection = (provider, model)
        self._update_button()
        self.selection_changed.emit(provider, model)

    def pick(self, provider: str, model: str) -> None:
        """What a user pick does: remember it (recent, default for new chats), then select."""
        if self._catalog is not None:
            catalog = self._catalog
            if model not in catalog.models(provider):
                catalog.add_manual(provider, model)
            catalog.note_used(provider, model)
        if self._settings is not None:
            self._settings.set("chat.default_provider", provider)
            self._settings.set("chat.default_model", model)
        self.set_selection(provider, model)
        self.update_rows()

    def _on_picked(self, provider: str, model: str) -> None:
        self.popup.hide()
        self.pick(provider, model)
        self.button.setFocus()

    def _update_button(self) -> None:
        if self._selection is None:
            if self._registry is not None and len(self._registry) == 0:
                text = self.tr("No provider yet — add one")
            else:
                text = self.tr("Choose a model")
            self.button.setText(text + "  ▾")
            self.button.setAccessibleDescription(text)
            return
        provider, model = self._selection
        caps = self._catalog.capabilities(model) if self._catalog else Capability.NONE
        badges = " ".join(f"[{name}]" for name in capability_names(caps))
        self.button.setText(f"{model}  ·  {provider}  ▾")
        self.button.setToolTip(
            self.tr("%1 on %2 %3 — click to change (Ctrl+M)")
            .replace("%1", model)
            .replace("%2", provider)
            .replace("%3", badges)
        )
        self.button.setAccessibleDescription(f"{model} on {provider}")

    # -- popup -------------------------------------------------------------------------------

    def open_popup(self) -> None:
        self.popup.search.clear()
        self.update_rows()
        below = self.button.mapToGlobal(
            QPoint(self.button.width() - self.popup.width(), self.button.height() + 2)
        )
        self.popup.move(below)
        self.popup.show()
        self.popup.search.setFocus()

    def update_rows(self) -> None:
        if self._catalog is None:
            self.popup.set_rows([])
            return
        rows = arrange(
            self.provider_names(), self._catalog, self.popup.search.text(), status=self._status
        )
        self.popup.set_rows(rows)

    def _toggle_favourite(self, provider: str, model: str) -> None:
        if self._catalog is not None:
            self._catalog.set_favourite(
                provider, model, not self._catalog.is_favourite(provider, model)
            )
            self.update_rows()

    def _set_override(self, model: str, caps: object) -> None:
        if self._catalog is not None:
            self._catalog.set_override(model, caps if isinstance(caps, Capability) else None)
            self.update_rows()
            self._update_button()

    def _forget_manual(self, provider: str, model: str) -> None:
        if self._catalog is not None:
            self._catalog.remove_manual(provider, model)
            self.update_rows()

    # -- refreshing --------------------------------------------------------------------------

    def refresh_models(
        self, *, force: bool, provider: str | None = None
    ) -> list[asyncio.Task[None]]:
        """Fetch model lists (all providers, or one) in the background; stale ones unless forced."""
        if self._registry is None or self._catalog is None or self._tasks is None:
            return []
        started: list[asyncio.Task[None]] = []
        for profile in self._registry:
            if provider is not None and profile.name != provider:
                continue
            if profile.name in self._refreshing:
                continue
            if not force and not self._catalog.is_stale(profile.name, STALE_AFTER_S):
                continue
            self._refreshing.add(profile.name)
            self._status[profile.name] = self.tr("Loading models…")
            started.append(
                self._tasks.start(
                    self._refresh_one(profile.name),
                    name=f"models of {profile.name}",
                    on_failure=functools.partial(self._refresh_failed, profile.name),
                )
            )
        self.update_rows()
        return started

    async def _refresh_one(self, name: str) -> None:
        assert self._registry is not None and self._catalog is not None and self._keys is not None
        try:
            profile = self._registry.get(name)
            key = await resolve_key(profile, self._keys, limit_s=self._keys.timeout)
            models = await fetch_model_ids(profile, key)
            await asyncio.to_thread(self._catalog.set_models, name, models)
        finally:
            self._refreshing.discard(name)
        self._status.pop(name, None)
        self.update_rows()
        self._update_button()
        self.models_refreshed.emit()

    def _refresh_failed(self, name: str, exc: BaseException) -> None:
        cached = self._catalog.cached(name) if self._catalog else None
        when = ""
        if cached is not None and cached.models:
            hours = (time.time() - cached.fetched_at) / 3600
            when = self.tr(" Showing the list from %1 h ago.").replace("%1", f"{hours:.0f}")
        message = describe_failure(exc)
        if isinstance(exc, ProviderError):
            message = str(exc)
        self._status[name] = self.tr("Could not load models: %1").replace("%1", message) + when
        self.update_rows()
        self.models_refreshed.emit()

    def status_of(self, provider: str) -> str | None:
        """The notice shown under a provider (loading, or why its refresh failed)."""
        return self._status.get(provider)

    def shown_rows(self) -> list[PickerRow]:
        return self.popup.list_model.rows()

    def row_for(self, provider: str, model: str) -> PickerRow | None:
        for row in self.shown_rows():
            if row.provider == provider and row.model == model and row.kind is RowKind.MODEL:
                return row
        return None

    def data_row(self, index: QModelIndex) -> PickerRow | None:
        value = index.data(RowRole)
        return value if isinstance(value, PickerRow) else None
