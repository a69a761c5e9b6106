"""The model picker's drop-down: a search field over the grouped list, and a refresh button.

Keyboard: type to filter, Up/Down and Page Up/Down to move, Enter to pick, Ctrl+D to star,
F5 to refresh; a right click offers favourites, capabilities and forgetting a typed name.
"""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from desktop.core.model_catalog import Capability
from desktop.core.model_choices import PickerRow, RowKind
from desktop.ui.model_list import ModelListModel, ModelRowDelegate


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
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.query_changed)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.list_model = ModelListModel(self)
        self.view = QListView()
        self.view.setObjectName("modelList")
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
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh_requested)
        footer.addWidget(self.refresh_button)
        layout.addLayout(footer)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.refresh_requested)
        self.addAction(refresh)
        self._model_count = 0
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search models, or type a model name…"))
        self.search.setAccessibleName(self.tr("Search models"))
        self.view.setAccessibleName(self.tr("Models"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh model lists"))
        self.refresh_button.setToolTip(self.tr("Fetch every provider's model list again (F5)"))
        self.status.setText(self.tr("%n model(s)", "", self._model_count))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

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
        self._model_count = sum(1 for row in rows if row.kind is RowKind.MODEL)
        self.status.setText(self.tr("%n model(s)", "", self._model_count))

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
