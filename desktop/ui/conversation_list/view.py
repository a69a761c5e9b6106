"""`ConversationListView`: the sidebar list with keyboard and context-menu operations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from desktop.ui.conversation_list.delegate import ConversationDelegate
from desktop.ui.conversation_list.model import ConversationListModel, ConversationRoles


class ConversationListView(QListView):
    """Click or Enter opens; F2 / double-click renames; Delete deletes; menu for the rest."""

    open_requested = Signal(int)
    delete_requested = Signal(int)
    pin_requested = Signal(int, bool)
    archive_requested = Signal(int, bool)
    move_requested = Signal(int, object)  # conversation id, folder id or None
    new_folder_requested = Signal(int)  # move into a folder created by name
    export_requested = Signal(int)
    folder_rename_requested = Signal(int)
    folder_delete_requested = Signal(int)

    def __init__(self, model: ConversationListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversationList")
        self.setModel(model)
        self.list_model = model
        self.setItemDelegate(ConversationDelegate(self))
        self.setUniformItemSizes(True)  # constant cost per scroll at 10,000 rows
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.folders: dict[int, str] = {}
        self._current_id: int | None = None
        self.clicked.connect(self._open_index)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Conversations"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.list_model.language_changed()  # group headings, untitled rows
        super().changeEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        conversation_id = index.data(ConversationRoles.CONVERSATION_ID)
        if isinstance(conversation_id, int):
            self._current_id = conversation_id
            self.open_requested.emit(conversation_id)

    def current_conversation(self) -> int | None:
        value = self.currentIndex().data(ConversationRoles.CONVERSATION_ID)
        return value if isinstance(value, int) else None

    def select_conversation(self, conversation_id: int | None) -> None:
        """Mark the open conversation without emitting open_requested."""
        self._current_id = conversation_id
        index = (
            self.list_model.index_of(conversation_id)
            if conversation_id is not None else QModelIndex()
        )
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.clearSelection()
            self.setCurrentIndex(QModelIndex())

    def restore_selection(self) -> None:
        """After the model was reset, select the open conversation again."""
        self.select_conversation(self._current_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        conversation_id = self.current_conversation()
        if conversation_id is not None and self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.currentIndex())
                return
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit(conversation_id)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # Menu key or Shift+F10
            index = self.currentIndex()
            point = self.visualRect(index).center()
        else:
            index = self.indexAt(event.pos())
            point = event.pos()
        conversation_id = index.data(ConversationRoles.CONVERSATION_ID)
        if not isinstance(conversation_id, int):
            folder_menu = self.folder_menu(index)
            if folder_menu is not None:
                folder_menu.exec(self.viewport().mapToGlobal(point))
            return
        self.setCurrentIndex(index)
        menu = self.context_menu(index)
        menu.exec(self.viewport().mapToGlobal(point))
        # The menu's row was marked while the menu was open; the open conversation stays so.
        self.restore_selection()

    def folder_menu(self, index: QModelIndex) -> QMenu | None:
        """Rename or delete the folder whose heading is at `index` (None: not a folder)."""
        folder_id = index.data(ConversationRoles.FOLDER_ID)
        if not index.data(ConversationRoles.IS_HEADER) or not isinstance(folder_id, int):
            return None
        menu = QMenu(self)
        menu.addAction(self.tr("Rename folder…"),
                       lambda: self.folder_rename_requested.emit(folder_id))
        menu.addAction(self.tr("Delete folder (its conversations stay)"),
                       lambda: self.folder_delete_requested.emit(folder_id))
        return menu

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The operations on the conversation at `index` (built per call; tests use it too)."""
        conversation_id = int(index.data(ConversationRoles.CONVERSATION_ID))
        pinned = bool(index.data(ConversationRoles.PINNED))
        archived = bool(index.data(ConversationRoles.ARCHIVED))
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._open_index(index))
        rename = menu.addAction(self.tr("Rename"), lambda: self.edit(index))
        rename.setShortcut(QKeySequence("F2"))
        menu.addAction(self.tr("Unpin") if pinned else self.tr("Pin"),
                       lambda: self.pin_requested.emit(conversation_id, not pinned))
        folders = menu.addMenu(self.tr("Move to folder"))
        folder_id = index.data(ConversationRoles.FOLDER_ID)
        none = folders.addAction(self.tr("No folder"),
                                 lambda: self.move_requested.emit(conversation_id, None))
        none.setEnabled(folder_id is not None)
        if self.folders:
            folders.addSeparator()
        for fid, name in sorted(self.folders.items(), key=lambda item: item[1].casefold()):
            action = folders.addAction(name, self._mover(conversation_id, fid))
            action.setEnabled(fid != folder_id)
        folders.addSeparator()
        folders.addAction(self.tr("New folder…"),
                          lambda: self.new_folder_requested.emit(conversation_id))
        menu.addAction(self.tr("Unarchive") if archived else self.tr("Archive"),
                       lambda: self.archive_requested.emit(conversation_id, not archived))
        menu.addAction(self.tr("Export…"), lambda: self.export_requested.emit(conversation_id))
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete"),
                                lambda: self.delete_requested.emit(conversation_id))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    def _mover(self, conversation_id: int, folder_id: int) -> Callable[[], None]:
        return lambda: self.move_requested.emit(conversation_id, folder_id)

    def context_menu_at(self, point: QPoint) -> QMenu | None:
        index = self.indexAt(point)
        if not isinstance(index.data(ConversationRoles.CONVERSATION_ID), int):
            return None
        return self.context_menu(index)
