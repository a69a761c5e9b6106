"""The Providers dialog's left column: the list (saved profiles, then the one being added),
the Add menu of templates, and the Remove / move buttons."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.provider_templates import TEMPLATES, TemplateKind
from desktop.core.providers import ProviderProfile

ProfileRole = Qt.ItemDataRole.UserRole + 1
NEW_MARK = "\x00new"  # list data of the profile being added (not in the registry yet)


class ProviderListModel(QStandardItemModel):
    """One row per provider (its name as data), and a last "(new)" row while one is added."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def fill(self, profiles: list[ProviderProfile], pending: ProviderProfile | None) -> None:
        self.clear()
        for profile in profiles:
            item = QStandardItem(profile.name)
            item.setData(profile.name, ProfileRole)
            item.setToolTip(profile.base_url)
            item.setData(f"{profile.name}, {profile.base_url}", Qt.ItemDataRole.AccessibleTextRole)
            self.appendRow(item)
        if pending is not None:
            # The dialog's context: the string is translated with the dialog's others.
            text = QCoreApplication.translate("ProvidersDialog", "%1 (new)")
            item = QStandardItem(text.replace("%1", pending.name))
            item.setData(NEW_MARK, ProfileRole)
            self.appendRow(item)

    def row_of(self, data: str) -> int:
        for row in range(self.rowCount()):
            if self.index(row, 0).data(ProfileRole) == data:
                return row
        return -1

    def names(self) -> list[str]:
        return [self.index(row, 0).data(ProfileRole) for row in range(self.rowCount())]


def template_menu(
    parent: QWidget, titles: dict[TemplateKind, str], chosen: Callable[[str], None]
) -> QMenu:
    """The Add menu: a title (a disabled item, not a section: styles such as Fusion draw a
    section as a bare line) over each kind's templates, a line only between kinds."""
    menu = QMenu(parent)
    for kind, title in titles.items():
        if menu.actions():
            menu.addSeparator()
        header = menu.addAction(title)
        header.setEnabled(False)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        for item in TEMPLATES:
            if item.kind is kind:
                action = menu.addAction(item.name)
                action.setData(item.id)
                action.triggered.connect(lambda _=False, t=item.id: chosen(t))
    return menu


class ProviderListPanel(QWidget):
    """The dialog's left column: the providers, and Add (a template menu), Remove, ↑, ↓."""

    template_chosen = Signal(str)  # a template id from the Add menu
    remove_requested = Signal()
    move_requested = Signal(int)  # -1 up, 1 down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.model = ProviderListModel(self)
        self.view = QListView()
        self.view.setObjectName("providerList")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setMinimumWidth(210)
        self.view.setSpacing(1)
        self.view.setStyleSheet("QListView#providerList::item { padding: 6px 6px; }")
        self.add_button = QToolButton()
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.remove_button = QToolButton()
        self.remove_button.clicked.connect(self.remove_requested)
        self.up_button = QToolButton()
        self.up_button.setText("↑")
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button = QToolButton()
        self.down_button.setText("↓")
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # The strings keep the dialog's translation context (they were the dialog's).
        self.title.setText(QCoreApplication.translate("ProvidersDialog", "PROVIDERS"))
        self.view.setAccessibleName(QCoreApplication.translate("ProvidersDialog", "Providers"))
        self.add_button.setText(QCoreApplication.translate("ProvidersDialog", "Add"))
        self.add_button.setAccessibleName(
            QCoreApplication.translate("ProvidersDialog", "Add a provider")
        )
        titles = {
            TemplateKind.CLOUD: QCoreApplication.translate("ProvidersDialog", "Cloud APIs"),
            TemplateKind.GATEWAY: QCoreApplication.translate("ProvidersDialog", "Relay gateways"),
            TemplateKind.LOCAL: QCoreApplication.translate("ProvidersDialog", "Local servers"),
        }
        old_menu = self.add_button.menu()
        self.add_button.setMenu(template_menu(self, titles, self.template_chosen.emit))
        if old_menu is not None:
            old_menu.deleteLater()
        for button, name in (
            (
                self.remove_button,
                QCoreApplication.translate("ProvidersDialog", "Remove the provider"),
            ),
            (self.up_button, QCoreApplication.translate("ProvidersDialog", "Move up")),
            (self.down_button, QCoreApplication.translate("ProvidersDialog", "Move down")),
        ):
            button.setToolTip(name)
            button.setAccessibleName(name)
        self.remove_button.setText(QCoreApplication.translate("ProvidersDialog", "Remove"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
